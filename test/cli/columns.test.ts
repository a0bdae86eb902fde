/**
 * The officer's say over which column is which (spec 1), on the command line: --column
 * ROLE=HEADER (a header's text or a column letter), and the choice the pane saved in the
 * workbook, read without --column.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ensureCliBuilt, runPlan, scratchDir } from "./build";
import { withAddinSettings } from "../support/addin-settings-part";

let dir: string;
let plain: string;
let saved: string;

/** A tracker whose headers name nothing: the officer has to say which column is which. */
async function colAbc(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tracker");
  ws.addRow(["Col A", "Col B", "Col C"]);
  ws.addRow(["1", "Review the sampling of social enquiry reports", "June 2006"]);
  ws.addRow(["2", "Audit the standard of reports", "December 2006"]);
  // Typed into Excel as "March 2007": the serial of 1 March 2007, shown Mar-07.
  ws.addRow(["3", "Train staff in developing action plans", new Date(Date.UTC(2007, 2, 1))]);
  ws.getCell("C4").numFmt = "mmm-yy";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  ensureCliBuilt();
  dir = scratchDir("columns");
  plain = path.join(dir, "col-abc.xlsx");
  fs.writeFileSync(plain, await colAbc());
  saved = path.join(dir, "col-abc-saved.xlsx");
  fs.writeFileSync(
    saved,
    await withAddinSettings(fs.readFileSync(plain), {
      "planTracker.settings": {
        dueSoonDays: 30,
        columns: { "sheet:Tracker": { action: { header: "Col B" }, timescale: { column: 3 } } },
      },
    })
  );
});

const dues = (stdout: string): (string | null)[] =>
  (JSON.parse(stdout) as { actions: { due: string | null }[] }).actions.map((a) => a.due);

test("a table whose headers name nothing is refused with what was found and how to say which column is which", () => {
  const run = runPlan(["status", plain, "--as-at", "2006-12-28", "--json"]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/Row 1 has: "Col A", "Col B", "Col C"/);
  expect(run.stderr).toMatch(/--column action=HEADER/);
  expect(run.stderr).not.toMatch(/rename/i);
});

test('--column action="Col B" --column timescale=C reads that table', () => {
  const run = runPlan([
    "status",
    plain,
    "--as-at",
    "2006-12-28",
    "--column",
    "action=Col B",
    "--column",
    "timescale=C",
    "--json",
  ]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as {
    actions: { action: string; timescale: string; due: string; status: string }[];
  };
  expect(report.actions.map((a) => [a.action, a.timescale, a.due, a.status])).toEqual([
    ["Review the sampling of social enquiry reports", "June 2006", "2006-06-30", "overdue"],
    ["Audit the standard of reports", "December 2006", "2006-12-31", "due_soon"],
    ["Train staff in developing action plans", "Mar-07", "2007-03-31", "not_yet_due"],
  ]);
});

test("a header is matched in any case, and the role names as the officer says them", () => {
  const run = runPlan([
    "status",
    plain,
    "--column",
    "ACTION=col b",
    "--column",
    "Timescale=col c",
    "--json",
  ]);
  expect(run.code).toBe(0);
  expect(dues(run.stdout)).toEqual(["2006-06-30", "2006-12-31", "2007-03-31"]);
});

test("the columns the officer chose in the pane, saved in the workbook, are used without --column", () => {
  const run = runPlan(["status", saved, "--as-at", "2006-12-28", "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(dues(run.stdout)).toEqual(["2006-06-30", "2006-12-31", "2007-03-31"]);
});

test("--column wins over the saved choice, role by role", () => {
  const run = runPlan(["status", saved, "--column", "action=Col A", "--json"]);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as { actions: { action: string }[] };
  expect(report.actions.map((a) => a.action)).toEqual(["1", "2", "3"]);
});

test.each([
  [["--column", "owner=C"], 2, /'owner' is not a role; the roles are key, recommendation/],
  [["--column", "timescale"], 2, /--column takes ROLE=HEADER/],
  [["--column", "timescale="], 2, /needs the header of the column/],
  [["--column", "action=Nope", "--column", "timescale=C"], 1, /no column headed "Nope"/],
])("bad --column %j: one clear line", (extra, code, pattern) => {
  const run = runPlan(["status", plain, ...extra]);
  expect(run.code).toBe(code);
  expect(run.stderr).toMatch(/^plan: [^\n]+\n$/);
  expect(run.stderr).toMatch(pattern);
});
