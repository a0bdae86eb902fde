/**
 * Custom-function figures: PLAN.STATUS over a 10,000-cell range in one call (as
 * Excel makes it for =PLAN.STATUS(F2:F10001)), and PLAN.OVERDUE over a generated
 * plan given as a range. Distinct timescales, so no repeat is cheaper than the first.
 */
import "../../test/functions/setup"; // the CustomFunctions global Excel would supply
import { countOfRange, overdueOfRange, status } from "../../src/functions/functions";
import { distinctTimescales, generatePlan } from "../../test/support/generate-plan";
import { loadavg } from "os";
import { cpuTime, median, type Row, time } from "./measure";

export function functionsBench(): Row[] {
  const rows: Row[] = [];
  const column = distinctTimescales(10_000).map((t) => [t]);
  const asOf = 39079; // DATE(2006,12,28)
  const check = status(column, undefined, asOf);
  if (check.length !== 10_000) throw new Error(`expected 10,000 results, got ${check.length}`);
  const wall = median(9, () => time(() => status(column, undefined, asOf)));
  const cpu = median(9, () => cpuTime(() => status(column, undefined, asOf)));
  const load = loadavg()[0].toFixed(1);
  rows.push({
    what: "PLAN.STATUS over a 10,000-cell range, one call (CPU time)",
    figure: `${cpu.toFixed(1)} ms (wall ${wall.toFixed(1)} ms at load ${load})`,
    goal: "< 50 ms",
    pass: cpu < 50,
  });

  const plan = generatePlan(2_000, 5);
  const overdueMs = median(5, () => time(() => overdueOfRange(plan.values, asOf)));
  rows.push({
    what: `PLAN.OVERDUE over a plan range of ${plan.actions.toLocaleString("en-GB")} actions`,
    figure: `${overdueMs.toFixed(1)} ms`,
    goal: "",
    pass: true,
  });
  // PLAN.COUNT over a whole 100,000-action plan given as one range: one call, as Excel makes it.
  const big = generatePlan(20_000, 5);
  const overdue = countOfRange("Overdue", big.values, asOf);
  if (!(overdue > 0)) throw new Error("PLAN.COUNT found no overdue actions in the generated plan");
  const countCpu = median(5, () => cpuTime(() => countOfRange("Overdue", big.values, asOf)));
  rows.push({
    what: `PLAN.COUNT("Overdue") over a plan range of ${big.actions.toLocaleString("en-GB")} actions, one call (CPU time)`,
    figure: `${countCpu.toFixed(0)} ms (${overdue.toLocaleString("en-GB")} overdue)`,
    goal: "",
    pass: true,
  });
  return rows;
}
