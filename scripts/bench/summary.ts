/**
 * `plan summary` on a generated 100,000-action workbook: wall-clock time and peak memory of
 * the whole command (open, read, judge, summarise, lay out, write), measured in a child
 * process so the figure is the command's own, not this script's.
 *
 * Standalone: node scripts/ts-run.js scripts/bench/summary.ts
 * From the project's bench: rows.push(...(await summaryBench())).
 */
import { execFile } from "child_process";
import { existsSync, mkdirSync } from "fs";
import { cpus, loadavg } from "os";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { generatePlan } from "../../test/support/generate-plan";
import type { Row } from "./measure";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

/** Writes the generated plan as an officer's workbook (one row per recommendation, wrapped cells). */
export async function writeGeneratedWorkbook(
  file: string,
  rows: number,
  actionsPerRow: number
): Promise<number> {
  const plan = generatePlan(rows, actionsPerRow);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Improvement Plan");
  for (const row of plan.values) ws.addRow(row);
  await wb.xlsx.writeFile(file);
  return plan.actions;
}

/** The child, over the built command line: run it, then report its own time and peak memory. */
const CHILD = `
const [mod, ...args] = process.argv.slice(1);
const { runSummary } = require(mod);
const sink = { write: () => true };
const start = process.hrtime.bigint();
runSummary(args, { stdin: process.stdin, stdout: sink, stderr: process.stderr, isTTY: false }).then((code) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ code, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + "\\n");
});
`;

/** Runs in the child: the command, then its own time and peak resident memory as JSON on stdout. */
async function child(args: string[]): Promise<void> {
  const { runSummary } = await import("../../src/cli/summary");
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  const start = process.hrtime.bigint();
  const code = await runSummary(args, {
    stdin: process.stdin,
    stdout: sink,
    stderr: process.stderr,
    isTTY: false,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(
    JSON.stringify({ code, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + "\n"
  );
}

export async function summaryBench(): Promise<Row[]> {
  const dir = path.join(ROOT, ".tmp/bench");
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, "plan-100k.xlsx");
  const actions = await writeGeneratedWorkbook(input, 20_000, 5);
  const out = path.join(dir, "plan-100k-summary.xlsx");
  const started = process.hrtime.bigint();
  const args = [input, "--as-at", "2007-06-30", "--out", out];
  // The built command line when there is one (as `npx plan` runs it), else the sources.
  const built = path.join(ROOT, "dist/cli/summary.js");
  const childArgs = existsSync(built)
    ? ["-e", CHILD, built, ...args]
    : [path.join(ROOT, "scripts/ts-run.js"), __filename, "--child", ...args];
  const { stdout } = await run(process.execPath, childArgs, {
    maxBuffer: 1 << 20,
    timeout: 600_000,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const result = JSON.parse(stdout.trim().split("\n").pop()!) as {
    code: number;
    ms: number;
    maxRssMiB: number;
  };
  if (result.code !== 0) throw new Error(`plan summary exited ${result.code}`);
  const n = actions.toLocaleString("en-GB");
  // Other work on the machine slows every figure; say how busy it was.
  const load = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`;
  return [
    {
      what: `plan summary, ${n} actions (open, read, judge, lay out, write .xlsx)`,
      figure: `${(result.ms / 1000).toFixed(1)} s (${(wallMs / 1000).toFixed(1)} s with start-up; ${load})`,
      goal: "< 10 s",
      pass: wallMs < 10_000,
    },
    {
      what: `plan summary, ${n} actions: peak memory (resident)`,
      figure: `${result.maxRssMiB.toFixed(0)} MiB`,
      goal: "< 1 GiB",
      pass: result.maxRssMiB < 1024,
    },
  ];
}

// Run directly (node scripts/ts-run.js scripts/bench/summary.ts), not when imported by the bench.
if (path.resolve(process.argv[1] ?? "") === __filename) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    void child(args.slice(1));
  } else {
    summaryBench().then(
      (rows) =>
        rows.forEach((r) =>
          process.stdout.write(
            `${r.what}: ${r.figure} (goal ${r.goal}: ${r.pass ? "met" : "MISSED"})\n`
          )
        ),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exitCode = 1;
      }
    );
  }
}
