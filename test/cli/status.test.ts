/**
 * `plan status` on the real sample workbook, run as a child process, against the
 * worked example's expected answer (shared fixture, as at 28 December 2006).
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT, SAMPLE, ensureCliBuilt, runPlan } from "./build";
import { shownInExcel } from "../support/excel-typing";

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

const expected = JSON.parse(
  fs.readFileSync(
    path.join(ROOT, "test", "fixtures", "seed-plan", "expected-2006-12-28.json"),
    "utf8"
  )
) as { counts: Record<string, number>; recommendations: number; actions: ExpectedAction[] };

/** The seed as text, cell by cell: the sample is what Excel stores when it is typed in. */
const seed = JSON.parse(
  fs.readFileSync(path.join(ROOT, "test", "fixtures", "seed-plan", "plan-values.json"), "utf8")
) as { values: string[][] };

beforeAll(() => ensureCliBuilt());

describe("plan status --json on samples/improvement-plan.xlsx", () => {
  let report: {
    asAt: string;
    sheet: string;
    table: string | null;
    recommendations: number;
    counts: Record<string, number>;
    actions: (ExpectedAction & { source: string })[];
    needsReview: unknown[];
  };

  beforeAll(() => {
    const run = runPlan(["status", SAMPLE, "--as-at", "2006-12-28", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    report = JSON.parse(run.stdout);
  });

  test("reads the plan from the Excel Table on 'Improvement Plan'", () => {
    expect(report.asAt).toBe("2006-12-28");
    expect(report.sheet).toBe("Improvement Plan");
    expect(report.table).toBe("ImprovementPlan");
    expect(report.recommendations).toBe(expected.recommendations);
  });

  test("counts 20 overdue, 13 due soon, 2 not yet due, 3 ongoing", () => {
    expect(report.counts).toMatchObject({ overdue: 20, due_soon: 13, not_yet_due: 2, ongoing: 3 });
    for (const [status, n] of Object.entries(expected.counts))
      expect([status, report.counts[status]]).toEqual([status, n]);
  });

  test("every action matches the fixture field by field, in order", () => {
    expect(report.actions).toHaveLength(expected.actions.length);
    expected.actions.forEach((want, i) => {
      const got = report.actions[i];
      for (const field of Object.keys(want) as (keyof ExpectedAction)[]) {
        // The sample holds the plan as Excel stores it once typed: a lone "December 2006" is a
        // date shown Dec-06, and the timescale is quoted as the plan shows it.
        const cell = seed.values[want.sourceRow - 1]![5]!;
        const value =
          field === "timescale" && !cell.includes("\n")
            ? shownInExcel(cell, "en-GB", 2006)
            : want[field];
        expect({ i, field, value: got[field] }).toEqual({ i, field, value });
      }
    });
  });

  test("reads the months typed into Excel as months: stored as the 1st, due the last day", () => {
    const typed = report.actions.filter((a) => /^[A-Z][a-z]{2}-\d{2}$/.test(a.timescale));
    expect(typed.map((a) => [a.timescale, a.kind, a.due])).toEqual([
      ["Mar-07", "month", "2007-03-31"],
      ["Dec-06", "month", "2006-12-31"],
      ["Dec-06", "month", "2006-12-31"],
    ]);
  });

  test("each action names its timescale cell", () => {
    expect(report.actions[0].source).toBe("'Improvement Plan'!F2");
    for (const a of report.actions) expect(a.source).toBe(`'Improvement Plan'!F${a.sourceRow}`);
    expect(report.needsReview).toEqual([]);
  });
});

describe("plan status as a table", () => {
  test("one aligned line per action, then the counts", () => {
    const run = runPlan(["status", SAMPLE, "--as-at", "2006-12-28"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    const header = lines.findIndex((l) => l.startsWith("Key"));
    expect(lines[header]).toMatch(/^Key\s+Action\s+Timescale\s+Due\s+Status\s+Days overdue$/);
    const rows = lines.slice(header + 2, header + 2 + 38);
    expect(rows[0]).toMatch(
      /^1\s+Review SER Sampling formats\s+June 2006\s+2006-06-30\s+Overdue\s+181$/
    );
    // Aligned: the status column starts at the same place on every line.
    const statusAt = lines[header].indexOf("Status");
    for (const row of rows)
      expect(row.slice(statusAt)).toMatch(/^(Overdue|Due soon|Not yet due|Ongoing)/);
    expect(run.stdout).toMatch(/^Overdue\s+20$/m);
    expect(run.stdout).toMatch(/^Due soon\s+13$/m);
    expect(run.stdout).toMatch(/^Not yet due\s+2$/m);
    expect(run.stdout).toMatch(/^Ongoing\s+3$/m);
    expect(run.stdout).toMatch(/^Total\s+38$/m);
  });

  test("the due-soon window and the next committee change what is due soon", () => {
    const week = JSON.parse(
      runPlan(["status", SAMPLE, "--as-at", "2006-12-28", "--due-soon-days", "2", "--json"]).stdout
    );
    // 31 December is three days after the as-at date: outside a two-day window.
    expect(week.counts.due_soon).toBe(0);
    expect(week.counts.not_yet_due).toBe(15);
    const committee = JSON.parse(
      runPlan([
        "status",
        SAMPLE,
        "--as-at",
        "2006-12-28",
        "--next-committee",
        "2007-03-31",
        "--json",
      ]).stdout
    );
    expect(committee.nextCommittee).toBe("2007-03-31");
    expect(committee.counts.due_soon).toBe(15);
    expect(committee.counts.not_yet_due).toBe(0);
  });

  test("--sheet picks the plan by sheet or table name", () => {
    for (const name of ["Improvement Plan", "improvement plan", "ImprovementPlan"]) {
      const run = runPlan(["status", SAMPLE, "--as-at", "2006-12-28", "--sheet", name, "--json"]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).counts.overdue).toBe(20);
    }
  });

  test("without --as-at the plan is judged as at today", () => {
    const run = runPlan(["status", SAMPLE, "--json"]);
    expect(run.code).toBe(0);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    expect(JSON.parse(run.stdout).asAt).toBe(today);
  });
});
