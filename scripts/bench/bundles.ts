/**
 * Bundle figures: a fresh production build (the project's webpack.config.js, as `npm run build`
 * makes it, into .tmp/bench/addin so dist/addin is left alone), then each bundle's minified and
 * gzipped size against bundle-budget.json, and whether React or Fluent reached the functions'
 * bundle (from webpack's own module list, not a guess from the code).
 *
 * Standalone: `npm run bench -- bundles`.
 */
import { execFile } from "child_process";
import { mkdirSync, readFileSync } from "fs";
import * as path from "path";
import { promisify } from "util";
import type { Row } from "./measure";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

interface Size {
  name: string;
  minified: number;
  gzip: number;
}
interface Budget {
  bundles: Record<string, { minified: number; gzip: number }>;
}
// The checker is plain JavaScript so that webpack.config.js can load it without a compiler.
const checker = require("../check-bundle-budget.js") as {
  measureDir(dir: string): Size[];
  readBudget(): Budget;
};

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}
interface Stats {
  chunks?: { names?: string[]; modules?: StatsModule[] }[];
}

const UI_LIBRARIES = /node_modules\/(react|react-dom|scheduler|@fluentui|@griffel)\//;

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

export async function bundlesBench(): Promise<Row[]> {
  const out = path.join(ROOT, ".tmp/bench/addin");
  const statsFile = path.join(ROOT, ".tmp/bench/addin-stats.json");
  mkdirSync(path.dirname(out), { recursive: true });
  let budgetFailure = "";
  try {
    await run(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--output-path",
        out,
        `--json=${statsFile}`,
      ],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }
    );
  } catch (error) {
    // Over budget, the build still writes its files (and fails): report the sizes anyway.
    budgetFailure = error instanceof Error ? error.message : String(error);
  }
  const sizes = checker.measureDir(out);
  if (sizes.length === 0) throw new Error(`the production build made no bundles: ${budgetFailure}`);
  const budget = checker.readBudget();
  const rows: Row[] = [];
  for (const s of sizes) {
    const limit = budget.bundles[s.name];
    rows.push({
      what: `${s.name}, production: minified / gzipped`,
      figure: `${kb(s.minified)} / ${kb(s.gzip)}`,
      goal: limit ? `≤ ${kb(limit.minified)} / ${kb(limit.gzip)}` : "no budget",
      pass: !!limit && s.minified <= limit.minified && s.gzip <= limit.gzip,
    });
  }
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as Stats;
  const functions = stats.chunks?.find((c) => c.names?.includes("functions"));
  if (!functions) throw new Error("the production build has no functions chunk");
  const names = (functions.modules ?? []).flatMap((m) => [
    m.name ?? "",
    ...(m.modules ?? []).map((n) => n.name ?? ""),
  ]);
  const ui = names.filter((n) => UI_LIBRARIES.test(n));
  rows.push({
    what: "functions.js: React / Fluent modules in it",
    figure: ui.length === 0 ? `none (of ${names.length} modules)` : `${ui.length}: ${ui[0]} …`,
    goal: "none",
    pass: ui.length === 0,
  });
  return rows;
}
