/**
 * Test helpers for the command line: build dist/ the way `npm run prepare` does, then
 * run `node bin/plan.js` as a child process, exactly as an officer's shell would.
 *
 * The build runs once for all test files (test/support/build-once.ts): it is skipped while
 * dist/cli/main.js is newer than every source file it is built from.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT, buildOnce } from "../support/build-once";

export { ROOT };
export const BIN = path.join(ROOT, "bin", "plan.js");
export const SAMPLE = path.join(ROOT, "samples", "improvement-plan.xlsx");
const MAIN_JS = path.join(ROOT, "dist", "cli", "main.js");
const SOURCES = ["src/plan", "src/cli", "src/report", "src/xlsx"].map((d) => path.join(ROOT, d));

/** Compiles the command line into dist/ (tsc -p tsconfig.cli.json) unless it is current. */
export function ensureCliBuilt(): void {
  buildOnce({
    marker: MAIN_JS,
    sources: SOURCES,
    lock: "cli-build",
    patienceMs: 180_000,
    build: () => {
      const tsc = require.resolve("typescript/bin/tsc");
      const before = fs.existsSync(MAIN_JS) ? fs.statSync(MAIN_JS).mtimeMs : -1;
      try {
        execFileSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], {
          cwd: ROOT,
          stdio: "pipe",
        });
      } catch (error) {
        // tsc still writes JavaScript when it finds type errors; those are the type-check
        // step's to report (npm test runs tsc --noEmit first). Only a build that produced
        // no command line at all stops these tests.
        if (!fs.existsSync(MAIN_JS) || fs.statSync(MAIN_JS).mtimeMs === before) {
          const out = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
          throw new Error(`building the command line failed:\n${out}`);
        }
      }
    },
  });
}

export interface PlanRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/plan.js ARGS` in the project folder (or `cwd`), with optional standard input. */
export function runPlan(args: string[], options: { input?: string; cwd?: string } = {}): PlanRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PLAN_DEBUG: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder for one test file under .tmp/ (git-ignored), emptied first. */
export function scratchDir(name: string): string {
  const dir = path.join(ROOT, ".tmp", "cli-tests", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
