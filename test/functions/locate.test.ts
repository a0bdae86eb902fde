/**
 * The shared plan locator (used by the custom functions and the task pane) against the Excel
 * API test double, loaded from the real sample workbook: which tables and sheets count as
 * plans, how many syncs it spends, that it reads only the chosen plan and in blocks under
 * 5 MB, and that it never writes.
 */
import * as path from "path";
import { createExcelDouble, cloneModel, newSheet, putValues, type WorkbookModel } from "../double";
import { modelFromValues } from "../double/from-values";
import { modelFromXlsx } from "../double/from-xlsx";
import {
  findWorkbookPlan,
  gridBox,
  listPlanCandidates,
  pickPlan,
  stripSheet,
} from "../../src/workbook/locate";
import { readPlan } from "../../src/plan";
import { generatePlan } from "../support/generate-plan";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "improvement-plan.xlsx");
let sample: WorkbookModel;
beforeAll(async () => {
  sample = await modelFromXlsx(SAMPLE);
});

async function withContext<T>(
  model: WorkbookModel,
  fn: (context: Excel.RequestContext) => Promise<T>
) {
  const double = createExcelDouble(model);
  const restore = double.install();
  try {
    const before = JSON.stringify(model);
    const result = await fn(new Excel.RequestContext());
    return { result, stats: double.stats, unchanged: JSON.stringify(model) === before };
  } finally {
    restore();
  }
}

describe("listPlanCandidates", () => {
  it("finds the sample's plan table from its first rows in two syncs, writing nothing", async () => {
    const { result, stats, unchanged } = await withContext(cloneModel(sample), (c) =>
      listPlanCandidates(c)
    );
    expect(result.plans.map(({ head: _head, ...p }) => p)).toEqual([
      {
        id: "table:ImprovementPlan",
        sheet: "Improvement Plan",
        table: "ImprovementPlan",
        address: "A1:G19",
      },
    ]);
    // The first rows read to recognise it come back with it: they say which columns need formats.
    expect(result.plans[0]!.head![0]).toContain("Timescale");
    expect(result.sheetNames).toEqual(["Improvement Plan"]);
    expect(stats.syncs).toBe(2);
    expect(unchanged).toBe(true);
  });

  it("offers a plain sheet with a plan's header row below a title, and skips sheets that are not plans", async () => {
    const model = cloneModel(sample);
    const notes = newSheet(model, "Notes");
    putValues(notes, [
      ["Name", "Budget"],
      ["Audit", 100],
    ]);
    const second = newSheet(model, "North plan");
    putValues(second, [
      ["North Lanarkshire improvement plan"],
      [],
      ["Ref", "Agreed Action", "Target Date"],
      ["1", "Do it", "June 2024"],
    ]);
    const { result } = await withContext(model, (c) => listPlanCandidates(c));
    expect(result.plans.map((p) => p.id)).toEqual(["table:ImprovementPlan", "sheet:North plan"]);
    expect(result.plans[1].address).toBe("A1:C4");
  });

  it("never offers the add-in's own summary sheet, named by the history sheet's marker", async () => {
    const model = cloneModel(sample);
    const summary = newSheet(model, "Committee Summary");
    putValues(summary, [
      ["Key", "Recommendation", "Action", "Timescale"],
      ["12", "r", "a", "April 2006"],
    ]);
    const history = newSheet(model, "PlanTrackerHistory");
    putValues(history, [["Summary sheet", "Committee Summary"]]);
    const { result } = await withContext(model, (c) => listPlanCandidates(c));
    expect(result.plans.map((p) => p.sheet)).toEqual(["Improvement Plan"]);
  });
});

describe("findWorkbookPlan", () => {
  it("reads the chosen plan whole in a third sync, so the engine gives the worked example", async () => {
    const { result, stats } = await withContext(cloneModel(sample), (c) => findWorkbookPlan(c));
    expect(stats.syncs).toBe(3);
    expect(result?.origin).toEqual({ sheet: "Improvement Plan", row: 1, column: 1 });
    const read = readPlan(result!.values, result!.origin);
    expect(read.ok && read.plan.actions.length).toBe(38);
  });

  it("reads the plan the officer picked, not the first", async () => {
    const model = cloneModel(sample);
    putValues(newSheet(model, "South"), [
      ["No", "Action", "Timescale"],
      ["1", "x", "June 2024"],
    ]);
    const { result } = await withContext(model, (c) => findWorkbookPlan(c, "sheet:South"));
    expect(result?.id).toBe("sheet:South");
    expect(result?.values).toEqual([
      ["No", "Action", "Timescale"],
      ["1", "x", "June 2024"],
    ]);
  });

  it("answers null for a workbook with no plan", async () => {
    const model = modelFromValues({ sheet: "Sheet1", values: [["Name", "Budget"]] });
    const { result } = await withContext(model, (c) => findWorkbookPlan(c));
    expect(result).toBeNull();
  });

  it("reads a plan too big for one request in blocks, none over 5 MB", async () => {
    const big = generatePlan(25_000, 4);
    const model = modelFromValues(
      { sheet: "Improvement Plan", values: big.values as (string | number)[][] },
      { table: "Big" }
    );
    const { result, stats } = await withContext(model, (c) => findWorkbookPlan(c));
    expect(result?.values.length).toBe(big.values.length);
    expect(stats.syncs).toBeGreaterThan(3);
    expect(Math.max(stats.maxRequestBytes, stats.maxResponseBytes)).toBeLessThanOrEqual(
      5 * 1024 * 1024
    );
  });
});

describe("address helpers", () => {
  it("reads boxes with or without sheet and $", () => {
    expect(gridBox("'Improvement Plan'!B3:H40")).toEqual({
      rowIndex: 2,
      columnIndex: 1,
      rowCount: 38,
      columnCount: 7,
    });
    expect(gridBox("Sheet1!$AA$10")).toEqual({
      rowIndex: 9,
      columnIndex: 26,
      rowCount: 1,
      columnCount: 1,
    });
    expect(gridBox("not an address")).toBeNull();
    expect(stripSheet("'A!b'!C3")).toBe("C3");
  });

  it("prefers the picked plan while it exists, else the first", () => {
    const plans = [
      { id: "a", sheet: "A", address: "A1" },
      { id: "b", sheet: "B", address: "A1" },
    ];
    expect(pickPlan(plans, "b")?.id).toBe("b");
    expect(pickPlan(plans, "gone")?.id).toBe("a");
    expect(pickPlan([], null)).toBeNull();
  });
});
