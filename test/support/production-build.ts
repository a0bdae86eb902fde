/**
 * The add-in's production build (`npm run build`'s webpack config, in production mode), made
 * once for the tests that inspect it: the build test and the security scan.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT, buildOnce } from "./build-once";

export const ADDIN_OUT = path.join(ROOT, ".tmp", "addin-build", "dist");
export const ADDIN_STATS = path.join(ROOT, ".tmp", "addin-build", "stats.json");
/** The production URL the build is given, as an officer would type it (no trailing slash). */
export const PRODUCTION_URL = "https://plans.example.gov.uk/tracker/";

const SOURCES = [
  "src",
  "assets",
  "docs",
  "manifest.xml",
  "webpack.config.js",
  "bundle-budget.json",
].map((p) => path.join(ROOT, p));

/** Builds into ADDIN_OUT with webpack stats in ADDIN_STATS, unless that build is current. */
export function ensureProductionBuild(): void {
  buildOnce({
    marker: ADDIN_STATS,
    sources: SOURCES,
    lock: "addin-build",
    patienceMs: 600_000,
    build: () => {
      fs.rmSync(ADDIN_OUT, { recursive: true, force: true });
      fs.rmSync(ADDIN_STATS, { force: true });
      // A child process, as `npm run build` runs it: copy-webpack-plugin imports ES modules
      // dynamically, which jest's module sandbox cannot do.
      try {
        execFileSync(
          process.execPath,
          [
            require.resolve("webpack-cli/bin/cli.js"),
            "--mode",
            "production",
            "--output-path",
            ADDIN_OUT,
            `--json=${ADDIN_STATS}`,
          ],
          {
            cwd: ROOT,
            env: { ...process.env, PLAN_TRACKER_URL: PRODUCTION_URL.replace(/\/$/, "") },
            maxBuffer: 64 * 1024 * 1024,
            stdio: "pipe",
          }
        );
      } catch (error) {
        fs.rmSync(ADDIN_STATS, { force: true }); // a failed build is never taken as current
        const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
        throw new Error(`webpack failed: ${e.stderr?.toString() || e.message}`);
      }
    },
  });
}
