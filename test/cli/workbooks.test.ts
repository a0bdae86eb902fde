/**
 * `plan status` on workbooks laid out in the other ways officers keep plans: real date
 * cells in the timescale column, a plan below a title and not at A1, a plan as an Excel
 * Table beside other tables, and two plans in one workbook.
 */
import * as path from "path";
import { parseTimescale } from "../../src/plan";
import { ensureCliBuilt, runPlan, scratchDir } from "./build";
import { putRows, utc, writeWorkbook } from "./workbooks";

let dir: string;

beforeAll(() => {
  ensureCliBuilt();
  dir = scratchDir("workbooks");
});

function statusJson(file: string, ...more: string[]) {
  const run = runPlan(["status", file, "--as-at", "2024-03-01", "--json", ...more]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

test("date cells in the timescale column are read as those dates", async () => {
  const file = path.join(dir, "dates.xlsx");
  await writeWorkbook(file, (wb) => {
    putRows(wb.addWorksheet("Actions"), { row: 1, column: 1 }, [
      ["Ref", "Action", "Target Date", "Lead Officer"],
      ["1", "Publish the annual report", utc(2024, 2, 29), "Head of Service"],
      ["2", "Review the risk register", utc(2024, 3, 1), "Risk Manager"],
      ["3", "Train all staff", utc(2024, 3, 15), "HR Lead"],
      ["4", "Close the old system", utc(2024, 6, 30), "ICT Lead"],
    ]);
  });
  const report = statusJson(file);
  expect(report.sheet).toBe("Actions");
  expect(report.actions.map((a: { due: string }) => a.due)).toEqual([
    "2024-02-29",
    "2024-03-01",
    "2024-03-15",
    "2024-06-30",
  ]);
  expect(report.actions.map((a: { kind: string }) => a.kind)).toEqual([
    "date",
    "date",
    "date",
    "date",
  ]);
  expect(report.actions.map((a: { status: string }) => a.status)).toEqual([
    "overdue",
    "due_soon",
    "due_soon",
    "not_yet_due",
  ]);
  expect(report.actions[0].daysOverdue).toBe(1);
  expect(report.actions[0].lead).toBe("Head of Service");
  expect(report.actions[3].source).toBe("Actions!C5");
});

test("a plan under a title, starting at B4, keeps its real cell addresses", async () => {
  const file = path.join(dir, "offset.xlsx");
  await writeWorkbook(file, (wb) => {
    const ws = wb.addWorksheet("Plan 2024");
    ws.getCell("A1").value = "Housing Services Improvement Plan 2024";
    ws.getCell("A2").value = "Agreed by committee, January 2024";
    putRows(ws, { row: 4, column: 2 }, [
      ["No.", "Recommendation", "Action Required", "Timescale", "Lead"],
      [
        "1",
        "Improve void turnaround",
        "• Review the voids process\n• Set a target",
        "December 2023\nJune 2024",
        "Housing Manager",
      ],
      ["2", "Tenant engagement", "Set up a tenants' panel", "Q4 2023/24", "Tenancy Lead"],
    ]);
  });
  const report = statusJson(file);
  expect(report.range).toBe("'Plan 2024'!A1:F6");
  expect(report.actions).toHaveLength(3);
  expect(report.actions.map((a: { action: string }) => a.action)).toEqual([
    "Review the voids process",
    "Set a target",
    "Set up a tenants' panel",
  ]);
  expect(report.actions.map((a: { source: string }) => a.source)).toEqual([
    "'Plan 2024'!E5",
    "'Plan 2024'!E5",
    "'Plan 2024'!E6",
  ]);
  expect(report.actions.map((a: { sourceRow: number }) => a.sourceRow)).toEqual([5, 5, 6]);
  expect(report.actions.map((a: { status: string }) => a.status)).toEqual([
    "overdue",
    "not_yet_due",
    "due_soon",
  ]);
  expect(report.actions[0].daysOverdue).toBe(61);
});

test("an Excel Table away from A1 is found, and a table that is not a plan is not", async () => {
  const file = path.join(dir, "tables.xlsx");
  await writeWorkbook(file, (wb) => {
    const ws = wb.addWorksheet("Tracker");
    ws.getCell("A1").value = "Action tracker";
    ws.addTable({
      name: "Leads",
      ref: "H3",
      columns: [{ name: "Officer" }, { name: "Phone" }],
      rows: [["Head of Service", "01234 567890"]],
    });
    ws.addTable({
      name: "Tracker2024",
      ref: "B3",
      columns: [{ name: "ID" }, { name: "Agreed Action" }, { name: "Due By" }],
      rows: [
        ["A1", "Publish the plan", "March 2024"],
        ["A2", "Report progress", "Ongoing"],
      ],
    });
  });
  const report = statusJson(file);
  expect(report.table).toBe("Tracker2024");
  expect(report.range).toBe("Tracker!B3:D5");
  expect(report.actions.map((a: { key: string; status: string }) => [a.key, a.status])).toEqual([
    ["A1", "due_soon"],
    ["A2", "ongoing"],
  ]);
  expect(report.actions[0].source).toBe("Tracker!D4");
});

describe("a workbook holding two plans", () => {
  let file: string;

  beforeAll(async () => {
    file = path.join(dir, "two-plans.xlsx");
    await writeWorkbook(file, (wb) => {
      putRows(wb.addWorksheet("North"), { row: 1, column: 1 }, [
        ["Ref", "Action", "Timescale"],
        ["N1", "Open the north hub", "January 2024"],
        ["N2", "Recruit staff", "June 2024"],
        ["N3", "Evaluate", "2025"],
      ]);
      putRows(wb.addWorksheet("South"), { row: 1, column: 1 }, [
        ["Ref", "Action", "Timescale"],
        ["S1", "Open the south hub", "March 2024"],
      ]);
      putRows(wb.addWorksheet("Notes"), { row: 1, column: 1 }, [
        ["Updated monthly by the policy team."],
      ]);
    });
  });

  test("without --sheet: one line naming both, exit 1", () => {
    const run = runPlan(["status", file, "--as-at", "2024-03-01"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "plan: This workbook holds 2 plans: 'North' (A1:C4) and 'South' (A1:C2). Say which with --sheet.\n"
    );
  });

  test("--sheet picks one", () => {
    const north = statusJson(file, "--sheet", "North");
    expect(north.actions.map((a: { key: string }) => a.key)).toEqual(["N1", "N2", "N3"]);
    expect(north.counts.overdue).toBe(1);
    const south = statusJson(file, "--sheet", "south");
    expect(south.sheet).toBe("South");
    expect(south.actions.map((a: { key: string; status: string }) => [a.key, a.status])).toEqual([
      ["S1", "due_soon"],
    ]);
  });

  test("--sheet naming a sheet without a plan gives the engine's reason", () => {
    const run = runPlan(["status", file, "--sheet", "Notes"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^plan: \S*two-plans\.xlsx: .*'Notes'.*\n$/);
    expect(run.stderr).toContain("Updated monthly by the policy team.");
  });

  test("--sheet naming no sheet lists the sheets", () => {
    const run = runPlan(["status", file, "--sheet", "East"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /has no sheet called 'East'; its sheets are 'North', 'South' and 'Notes'\.\n$/
    );
  });
});

test("actions needing review, without a date, recurring, complete or on hold are reported with why", async () => {
  const file = path.join(dir, "review.xlsx");
  await writeWorkbook(file, (wb) => {
    putRows(wb.addWorksheet("Plan"), { row: 1, column: 1 }, [
      ["No.", "Action Required", "Timescale", "Status"],
      ["1", "• Draft\n• Consult\n• Publish", "June 2024\nJuly 2024", ""],
      ["2", "Annual review", "May annually", ""],
      ["3", "Fund it", "Dependent on funding", ""],
      ["4", "Done thing", "March 2024", "Complete"],
      ["5", "Hold thing", "On hold", ""],
    ]);
  });
  const run = runPlan(["status", file, "--as-at", "2024-06-15", "--json"]);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout);
  const byAction = Object.fromEntries(report.actions.map((a: { action: string }) => [a.action, a]));
  expect(
    report.needsReview.map((r: { action: string; source: string }) => [r.action, r.source])
  ).toEqual([
    ["Draft", "Plan!B2"],
    ["Consult", "Plan!B2"],
    ["Publish", "Plan!B2"],
  ]);
  for (const r of report.needsReview) expect(r.reason).toMatch(/3 actions.*2 timescales/);
  expect(byAction["Publish"]).toMatchObject({
    status: "no_date",
    due: null,
    reason: expect.stringMatching(/3 actions/),
  });
  expect(byAction["Fund it"]).toMatchObject({
    status: "no_date",
    kind: "unclear",
    reason: expect.stringContaining("Dependent on funding"),
  });
  expect(byAction["Annual review"]).toMatchObject({
    status: "ongoing",
    kind: "recurring",
    due: null,
    nextOccurrence: "2025-05-31",
  });
  expect(byAction["Annual review"].reason).toBeUndefined();
  expect(byAction["Done thing"]).toMatchObject({ status: "complete", daysOverdue: null });
  expect(byAction["Hold thing"].status).toBe("on_hold");
  expect(report.counts).toMatchObject({
    no_date: 4,
    ongoing: 1,
    complete: 1,
    on_hold: 1,
    overdue: 0,
  });

  const table = runPlan(["status", file, "--as-at", "2024-06-15"]).stdout;
  expect(table).toMatch(/^2\s+Annual review\s+May annually\s+next 2025-05-31\s+Ongoing$/m);
  expect(table).toMatch(/^Needs review \(3\):$/m);
  expect(table).toMatch(/^On hold\s+1$/m);
});

test("--fy-start and --date-order reach the reading of the plan", async () => {
  const file = path.join(dir, "settings.xlsx");
  await writeWorkbook(file, (wb) => {
    putRows(wb.addWorksheet("Plan"), { row: 1, column: 1 }, [
      ["Ref", "Action", "Timescale"],
      ["1", "Balance the budget", "2024/25"],
      ["2", "Report to board", "05/09/24"],
    ]);
  });
  const uk = statusJson(file);
  expect(uk.actions.map((a: { due: string }) => a.due)).toEqual(["2025-03-31", "2024-09-05"]);
  const other = statusJson(file, "--fy-start", "July", "--date-order", "MDY");
  const settings = { financialYearStartMonth: 7, dateOrder: "MDY" as const };
  expect(other.actions.map((a: { due: string }) => a.due)).toEqual([
    parseTimescale("2024/25", settings).due,
    "2024-05-09",
  ]);
  expect(other.actions[0].due).not.toBe("2025-03-31");
});
