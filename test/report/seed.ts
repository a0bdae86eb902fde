/** The seed plan (../shared/fixtures/seed-plan) read and summarised by the real engine, as at 2006-12-28. */
import {
  judgePlan,
  readPlan,
  summarise,
  type Plan,
  type ReportRecord,
  type Summary,
} from "../../src/plan";
import seed from "../fixtures/seed-plan/plan-values.json";

export const SEED_VALUES = seed.values as string[][];
export const SEED_SHEET = seed.sheet;

export function seedPlan(values: (string | number)[][] = SEED_VALUES): Plan {
  const result = readPlan(values, { sheet: SEED_SHEET, row: 1, column: 1 });
  if (!result.ok) throw new Error(result.problem.message);
  return result.plan;
}

export function seedSummary(
  options: { values?: (string | number)[][]; previous?: ReportRecord | null; asAt?: string } = {}
): Summary {
  const plan = seedPlan(options.values);
  const asAt = options.asAt ?? "2006-12-28";
  const statuses = judgePlan(plan, { asAt, dueSoonDays: 30, nextCommittee: null });
  return summarise(plan, statuses, {
    asAt,
    builtAt: "2026-11-22T19:35:00.000Z",
    dueSoonDays: 30,
    nextCommittee: null,
    planName: "Improvement Plan",
    source: "'Improvement Plan'!A1:G19",
    previous: options.previous ?? null,
  });
}
