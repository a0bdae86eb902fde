/**
 * The PLAN functions inside a real formula engine (HyperFormula), over the sample
 * workbook's own values (samples/improvement-plan.xlsx read with exceljs): the
 * engine resolves references and DATE(), passes ranges and dates its way, spills
 * array results and feeds them to its own functions (COUNTIF, SUM, INDEX).
 */
import * as fs from "fs";
import * as path from "path";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { PlanPlugin, planTranslations } from "./hf-plan-plugin";
import { setToday } from "../../src/functions/functions";
import { STATUS_ORDER, type Status } from "../../src/plan";

const root = path.join(__dirname, "..", "..");
const expected: {
  actions: Array<{
    status: Status;
    daysOverdue: number | null;
    sourceRow: number;
    key: string;
    action: string;
  }>;
} = JSON.parse(
  fs.readFileSync(
    path.join(root, "test", "fixtures", "seed-plan", "expected-2006-12-28.json"),
    "utf8"
  )
);

/**
 * The seed plan's values with every timescale as text (as a plan whose Timescale column is
 * formatted as Text holds them). A function handed a range sees values only, never their
 * number formats, so a month typed into Excel ("December 2006", stored as 1 December 2006)
 * would read as that day: the test of that is below, and the functions' help says how to
 * give the month (docs/functions.html).
 */
async function sampleValues(): Promise<{
  sheet: string;
  values: (string | number | boolean | null)[][];
}> {
  const seed = JSON.parse(
    fs.readFileSync(path.join(root, "test", "fixtures", "seed-plan", "plan-values.json"), "utf8")
  ) as { sheet: string; values: string[][] };
  return {
    sheet: seed.sheet,
    values: seed.values.map((row) => row.map((v) => (v === "" ? null : v))),
  };
}

let hf: HyperFormula;
let report: number;
let planRows: number;
let quoted: string;

beforeAll(async () => {
  setToday(() => "2006-12-28");
  const { sheet, values } = await sampleValues();
  planRows = values.length;
  quoted = `'${sheet}'`;
  const plan = `${quoted}!A1:G${planRows}`;
  const ts = `${quoted}!F1:F${planRows}`;
  HyperFormula.registerFunctionPlugin(PlanPlugin, planTranslations);
  hf = HyperFormula.buildFromSheets(
    {
      [sheet]: values,
      Report: [
        [
          `=PLAN.COUNT("Overdue", ${plan}, DATE(2006,12,28))`,
          `=PLAN.STATUS(${ts}, , DATE(2006,12,28))`,
          null,
          `=PLAN.OVERDUE(${plan}, DATE(2006,12,28))`,
        ],
        [`=PLAN.COUNT(, ${plan}, DATE(2006,12,28))`],
        [`=PLAN.COUNT("due soon", ${plan}, "28/12/2006")`],
        [`=PLAN.DUE(${quoted}!F9)`],
        [`=SUM(PLAN.DAYSOVERDUE(${quoted}!F2:F4, , DATE(2006,12,28)))`],
        [`=PLAN.COUNT("Late", ${plan}, DATE(2006,12,28))`],
        [`=PLAN.DUE("Ongoing")`],
        [`=PLAN.STATUS("June 2006", "Complete", DATE(2006,12,28))`],
      ],
      Tally: [[`=COUNTIF(Report!B1:B${planRows}, "Overdue")`, `=INDEX(Report!D1:I30, 2, 5)`]],
    },
    { licenseKey: "gpl-v3" }
  );
  report = hf.getSheetId("Report")!;
});

afterAll(() => {
  hf?.destroy();
  HyperFormula.unregisterFunctionPlugin(PlanPlugin);
  setToday(null);
});

const at = (sheet: number, a1: string) => {
  const addr = hf.simpleCellAddressFromString(a1, sheet)!;
  return hf.getCellValue(addr);
};

it("evaluates =PLAN.COUNT over the sample workbook's plan: 20 overdue, 38 in all, 13 due soon", () => {
  expect(at(report, "A1")).toBe(20);
  expect(at(report, "A2")).toBe(38);
  expect(at(report, "A3")).toBe(13);
});

it("spills =PLAN.STATUS down a column, one status per timescale cell, and COUNTIF reads the spill", () => {
  const urgency = (row: number): Status | "no_date" => {
    const statuses = expected.actions.filter((a) => a.sourceRow === row).map((a) => a.status);
    return (
      statuses.sort((x, y) => STATUS_ORDER.indexOf(x) - STATUS_ORDER.indexOf(y))[0] ?? "no_date"
    );
  };
  const words = {
    overdue: "Overdue",
    due_soon: "Due soon",
    not_yet_due: "Not yet due",
    ongoing: "Ongoing",
    no_date: "No date",
  } as Record<string, string>;
  const spilled = Array.from({ length: planRows }, (_, i) => at(report, `B${i + 1}`));
  expect(spilled).toEqual(Array.from({ length: planRows }, (_, i) => words[urgency(i + 1)]));
  const overdueRows = spilled.filter((w) => w === "Overdue").length;
  expect(at(hf.getSheetId("Tally")!, "A1")).toBe(overdueRows);
  expect(overdueRows).toBeGreaterThan(5);
});

it("spills =PLAN.OVERDUE as a 21 by 6 table, most overdue first", () => {
  const header = ["D", "E", "F", "G", "H", "I"].map((c) => at(report, `${c}1`));
  expect(header).toEqual(["Key", "Action", "Timescale", "Due", "Days overdue", "Lead"]);
  const overdue = expected.actions.filter((a) => a.status === "overdue");
  const days = Array.from({ length: 20 }, (_, i) => at(report, `H${i + 2}`));
  expect(days).toEqual(overdue.map((a) => a.daysOverdue).sort((a, b) => (b ?? 0) - (a ?? 0)));
  expect(at(report, "D22")).toBeNull(); // nothing spilled past the 20th action
  expect(at(hf.getSheetId("Tally")!, "B1")).toBe(242); // INDEX into the spill: the most overdue action's days
});

it("gives PLAN.DUE as a date serial and feeds PLAN.DAYSOVERDUE's spill to SUM", () => {
  expect(at(report, "A4")).toBe(39082); // row 9 "December 2006": 31 December 2006
  const maxDays = (row: number) =>
    Math.max(
      0,
      ...expected.actions.filter((a) => a.sourceRow === row).map((a) => a.daysOverdue ?? 0)
    );
  expect(at(report, "A5")).toBe(maxDays(2) + maxDays(3) + maxDays(4));
});

it("shows the functions' own errors, with their messages, in the engine's cells", () => {
  const late = at(report, "A6") as DetailedCellError;
  expect(late).toBeInstanceOf(DetailedCellError);
  expect(late.value).toBe("#VALUE!");
  expect(late.message).toContain('"Late" is not a status');
  const ongoing = at(report, "A7") as DetailedCellError;
  expect(ongoing.value).toBe("#N/A");
  expect(ongoing.message).toContain("ongoing");
  expect(at(report, "A8")).toBe("Complete");
});
