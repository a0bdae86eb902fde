/**
 * `npm run bench`: every performance figure of the project in one table, with this
 * machine's details. Figures, not tests: nothing here fails the build, but a line
 * that misses its goal is marked. `npm run bench -- engine|functions|pane|cli|bundles` runs one part.
 */
import { cpus, loadavg, totalmem } from "os";
import { bundlesBench } from "./bench/bundles";
import { engineBench } from "./bench/engine";
import { functionsBench } from "./bench/functions";
import type { Row } from "./bench/measure";
import { summaryBench } from "./bench/summary";
import { workbookBench } from "./bench/workbook";

async function main(): Promise<void> {
  const rows: Row[] = [];
  const only = process.argv[2];
  if (!only || only === "engine") rows.push(...engineBench());
  if (!only || only === "functions") rows.push(...functionsBench());
  if (!only || only === "pane") rows.push(...(await workbookBench()));
  if (!only || only === "cli") rows.push(...(await summaryBench()));
  if (!only || only === "bundles") rows.push(...(await bundlesBench()));
  const cpu = cpus();
  const load = loadavg()[0].toFixed(1);
  process.stdout.write(
    `Plan Tracker benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load} when it started\n\n`
  );
  const width = Math.max(...rows.map((r) => r.what.length));
  process.stdout.write(`| ${"measure".padEnd(width)} | figure | goal | |\n|---|---|---|---|\n`);
  for (const r of rows) {
    process.stdout.write(`| ${r.what.padEnd(width)} | ${r.figure} | ${r.goal} | ${r.goal ? (r.pass ? "met" : "MISSED") : ""} |\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
