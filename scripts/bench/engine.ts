/**
 * Engine figures: parse + pair + status + summary over a generated plan, and the
 * timescale parser beside a general-purpose date parser (chrono-node, en-GB) on the
 * same distinct strings, measured side by side in one run.
 */
import * as chrono from "chrono-node";
import { judgePlan, readPlan, summarise } from "../../src/plan";
import { parseTimescale } from "../../src/plan/timescale";
import { distinctTimescales, generatePlan } from "../../test/support/generate-plan";
import { cpuTime, median, type Row, time } from "./measure";

export function engineBench(): Row[] {
  const rows: Row[] = [];
  const plan = generatePlan(20_000, 5);
  const asAt = "2007-06-30";
  const pipeline = () => {
    const read = readPlan(plan.values, { sheet: "Improvement Plan" });
    if (!read.ok) throw new Error(read.problem.message);
    const statuses = judgePlan(read.plan, { asAt, dueSoonDays: 30 });
    return summarise(read.plan, statuses, {
      asAt,
      builtAt: "2007-06-30T09:00:00Z",
      dueSoonDays: 30,
      planName: "Improvement Plan",
      source: "Improvement Plan",
    });
  };
  const check = pipeline();
  if (check.total !== plan.actions) throw new Error(`expected ${plan.actions} actions, read ${check.total}`);
  const ms = median(7, () => time(pipeline));
  const cpu = median(7, () => cpuTime(pipeline));
  rows.push({
    what: `engine: read + pair + status + summary, ${plan.actions.toLocaleString("en-GB")} actions (CPU time)`,
    figure: `${cpu.toFixed(0)} ms (wall ${ms.toFixed(0)} ms)`,
    goal: "< 250 ms",
    pass: cpu < 250,
  });

  const texts = distinctTimescales(100_000);
  if (new Set(texts).size !== texts.length) throw new Error("timescale strings are not distinct");
  const ours = () => time(() => { for (const t of texts) parseTimescale(t); });
  const sample = texts.slice(0, 10_000);
  const theirs = () => time(() => { for (const t of sample) chrono.en.GB.parseDate(t); }) * (texts.length / sample.length);
  // Interleave the two so both see the same machine load.
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < 5; k++) {
    a.push(ours());
    b.push(theirs());
  }
  const oursMs = a.sort((x, y) => x - y)[2];
  const chronoMs = b.sort((x, y) => x - y)[2];
  const ratio = chronoMs / oursMs;
  rows.push({ what: "timescale parser, 100,000 distinct strings", figure: `${oursMs.toFixed(0)} ms (${((oursMs * 1000) / texts.length).toFixed(2)} µs each)`, goal: "", pass: true });
  rows.push({ what: "chrono-node en-GB on the same strings (10,000 timed, scaled)", figure: `${chronoMs.toFixed(0)} ms (${((chronoMs * 1000) / texts.length).toFixed(2)} µs each)`, goal: "", pass: true });
  rows.push({ what: "parser speed-up over chrono-node", figure: `${ratio.toFixed(1)}×`, goal: "≥ 10×", pass: ratio >= 10 });
  return rows;
}
