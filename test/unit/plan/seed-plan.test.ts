/**
 * The worked example (spec section 6): the seed plan as an officer's workbook holds
 * it, read and judged as at 28 December 2006, compared field by field with the
 * expected answer. Both files are copies of the shared fixtures kept in the repo.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readPlan } from "../../../src/plan/table";
import { judgePlan, countStatuses } from "../../../src/plan/status";
import type { CellValue, Plan, StatusSettings } from "../../../src/plan/types";

interface ExpectedAction {
  key: string;
  action: string;
  timescale: string;
  kind: string;
  due: string | null;
  milestones: string[];
  status: string;
  daysOverdue: number | null;
  area: string;
  lead: string;
  sourceRow: number;
}
interface Expected {
  asAt: string;
  dueSoonDays: number;
  financialYearStartMonth: number;
  dayMonthOrder: "DMY" | "MDY";
  recommendations: number;
  counts: Record<string, number>;
  actions: ExpectedAction[];
}

const dir = join(__dirname, "..", "..", "fixtures", "seed-plan");
const input = JSON.parse(readFileSync(join(dir, "plan-values.json"), "utf8")) as {
  sheet: string;
  values: CellValue[][];
};
const expected = JSON.parse(
  readFileSync(join(dir, "expected-2006-12-28.json"), "utf8")
) as Expected;

const settings: StatusSettings = {
  asAt: expected.asAt,
  dueSoonDays: expected.dueSoonDays,
  nextCommittee: null,
};

function read(): Plan {
  const result = readPlan(
    input.values,
    { sheet: input.sheet },
    {
      financialYearStartMonth: expected.financialYearStartMonth,
      dateOrder: expected.dayMonthOrder,
    }
  );
  if (!result.ok) throw new Error(result.problem.message);
  return result.plan;
}

describe("the seed plan as at 28 December 2006", () => {
  const plan = read();
  const statuses = judgePlan(plan, settings);

  it("finds the header row and its seven columns", () => {
    expect(plan.sheet).toBe("Improvement Plan");
    expect(plan.headerRow).toBe(1);
    expect(plan.columns).toEqual({
      key: 1,
      recommendation: 2,
      area: 3,
      comments: 4,
      action: 5,
      timescale: 6,
      lead: 7,
    });
    expect(plan.headers.action).toBe("Action Required");
  });

  it("reads the expected number of recommendations and actions", () => {
    expect(plan.recommendations).toHaveLength(expected.recommendations);
    expect(plan.actions).toHaveLength(expected.actions.length);
    expect(plan.recommendations.map((r) => r.key)).toEqual(
      expected.actions.map((a) => a.key).filter((k, i, all) => all.indexOf(k) === i)
    );
  });

  it.each(expected.actions.map((e, i) => [i, e] as const))(
    "action %i matches the expected answer",
    (i, e) => {
      const a = plan.actions[i]!;
      const s = statuses[i]!;
      expect({
        key: a.key,
        action: a.action,
        timescale: a.timescale.text,
        kind: a.timescale.kind,
        due: a.timescale.due,
        milestones: a.timescale.milestones,
        status: s.status,
        daysOverdue: s.daysOverdue,
        area: a.area,
        lead: a.lead,
        // Rows in the expected file count from the first row of values (the header is row 1).
        sourceRow: a.timescaleSource.row,
      }).toEqual(e);
      expect(a.index).toBe(i);
      expect(s.index).toBe(i);
      expect(a.needsReview).toBeUndefined();
      expect(a.source.row).toBe(a.timescaleSource.row);
      expect(a.source.address).toBe(`E${a.source.row}`);
      expect(a.timescaleSource.address).toBe(`F${a.source.row}`);
      expect(a.source.sheet).toBe("Improvement Plan");
    }
  );

  it("counts the statuses as the worked example does", () => {
    const counts = countStatuses(statuses);
    for (const [status, n] of Object.entries(expected.counts)) {
      expect([status, counts[status as keyof typeof counts]]).toEqual([status, n]);
    }
    // Every action is counted exactly once.
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(expected.actions.length);
  });

  it("joins the page-break fragment onto the action above and keeps the continuation rows in their recommendation", () => {
    const rec3 = plan.recommendations.find((r) => r.key === "3")!;
    expect(rec3.actions.map((i) => plan.actions[i]!.action)).toEqual([
      "Participate in quality improvement seminar in June 2006 to undertake case evaluation exercise",
      "Brief all employees of revised case recording procedures",
    ]);
    const rec10 = plan.recommendations.find((r) => r.key === "10")!;
    expect(rec10.text).toBe(
      "Standards to be improved by incorporating more detail about actual service performance into service plans and reviews. Where problems are identified there should be clear strategies for actively managing them. There should be specific plans for each area of service linked to information about performance."
    );
    expect(rec10.actions.map((i) => plan.actions[i]!.position)).toEqual([1, 2, 3]);
    expect(plan.actions[rec10.actions[2]!]!.recommendation).toBe(rec10.text);
    const rec8 = plan.recommendations.find((r) => r.key === "8")!;
    expect(rec8.actions).toHaveLength(6);
    expect(rec8.row).toBe(11);
  });

  it("records the repeated header rows as skipped, not read", () => {
    expect(plan.skipped).toEqual([
      { row: 5, reason: "repeated_header" },
      { row: 12, reason: "repeated_header" },
      { row: 16, reason: "repeated_header" },
    ]);
    expect(plan.notes).toEqual([]);
  });
});
