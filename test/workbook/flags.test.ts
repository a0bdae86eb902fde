import { harness, sample, settingsAt, AS_AT, sheetValues, type Harness } from "./support";
import { cellKey, type CellModel, type WorkbookModel } from "../double";
import { judgePlan, type CellRef, type Plan } from "../../src/plan";
import { FLAG_STYLE, FLAGS_KEY } from "../../src/workbook/flags";

const PLAN_SHEET = "Improvement Plan";

function formats(model: WorkbookModel): Record<string, Pick<CellModel, "fill" | "fc" | "b">> {
  const s = model.sheets.find((x) => x.name === PLAN_SHEET)!;
  return Object.fromEntries(
    Object.entries(s.cells).map(([k, c]) => [k, { fill: c.fill, fc: c.fc, b: c.b }])
  );
}

function overdueCells(plan: Plan, asAt: string): CellRef[] {
  return judgePlan(plan, { asAt, dueSoonDays: 30 })
    .filter((s) => s.status === "overdue")
    .map((s) => plan.actions[s.index].timescaleSource);
}

const unique = (refs: CellRef[]) => [...new Set(refs.map((r) => r.address))].sort();

describe("Flag overdue in plan / Clear flags", () => {
  let h: Harness;
  let plan: Plan;
  let values: string;
  beforeEach(async () => {
    const model = await sample();
    const s = model.sheets.find((x) => x.name === PLAN_SHEET)!;
    // The officer's own formatting on some timescale cells: yellow fill, red bold, white fill.
    s.cells[cellKey(2, 6)] = { ...s.cells[cellKey(2, 6)], fill: "#FFFF00" };
    s.cells[cellKey(3, 6)] = { ...s.cells[cellKey(3, 6)], fc: "#FF0000", b: true };
    s.cells[cellKey(4, 6)] = { ...s.cells[cellKey(4, 6)], fill: "#FFFFFF" };
    h = harness(model);
    const [c] = await h.api.listPlans();
    const { result } = await h.api.loadPlan(c.id, settingsAt(AS_AT));
    if (!result.ok) throw new Error(result.problem.message);
    plan = result.plan;
    values = sheetValues(h.double.model, PLAN_SHEET);
  });
  afterEach(() => {
    expect(sheetValues(h.double.model, PLAN_SHEET)).toBe(values);
    h.restore();
  });

  test("flags the overdue timescale cells and Clear flags restores exactly the officer's formatting", async () => {
    const original = formats(h.double.model);
    const refs = overdueCells(plan, AS_AT);
    h.double.resetStats();
    const outcome = await h.api.flagOverdue("table:ImprovementPlan", refs);
    expect(h.double.stats.syncs).toBe(2);
    expect(outcome.flagged).toBe(unique(refs).length);

    const s = h.double.model.sheets.find((x) => x.name === PLAN_SHEET)!;
    for (const address of unique(refs)) {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
      const cell = s.cells[cellKey(Number(row), col.charCodeAt(0) - 64)];
      expect({ address, fill: cell.fill, fc: cell.fc, b: cell.b }).toEqual({
        address,
        fill: FLAG_STYLE.fill,
        fc: FLAG_STYLE.fontColor,
        b: true,
      });
    }
    // The originals are kept in the workbook, so a reopened workbook can still clear them.
    expect(h.double.model.settings[FLAGS_KEY]).toBeDefined();

    // A fresh pane (nothing in memory) clears them.
    h.restore();
    h = harness(h.double.model);
    const cleared = await h.api.clearFlags();
    expect(cleared.cleared).toBe(unique(refs).length);
    expect(formats(h.double.model)).toEqual(original);
    expect(h.double.model.settings[FLAGS_KEY]).toBeUndefined();
  });

  test("flags follow a new as-at date: a re-run restores cells no longer overdue and flags the new ones", async () => {
    const original = formats(h.double.model);
    const early = overdueCells(plan, "2006-07-01");
    const late = overdueCells(plan, AS_AT);
    expect(unique(early).length).toBeGreaterThan(0);
    expect(unique(late).length).toBeGreaterThan(unique(early).length);

    await h.api.flagOverdue("table:ImprovementPlan", late);
    const outcome = await h.api.flagOverdue("table:ImprovementPlan", early);
    expect(outcome).toEqual({
      flagged: unique(early).length,
      cleared: unique(late).filter((a) => !unique(early).includes(a)).length,
    });
    const now = formats(h.double.model);
    for (const [k, f] of Object.entries(now)) {
      const [row, col] = k.split(":").map(Number);
      const address = String.fromCharCode(64 + col) + row;
      if (unique(early).includes(address))
        expect(f).toEqual({ fill: FLAG_STYLE.fill, fc: FLAG_STYLE.fontColor, b: true });
      else expect(f).toEqual(original[k]);
    }
    await h.api.clearFlags();
    expect(formats(h.double.model)).toEqual(original);
  });

  test("a cell the officer re-formatted after flagging keeps the officer's new formatting", async () => {
    const refs = overdueCells(plan, AS_AT);
    await h.api.flagOverdue("table:ImprovementPlan", refs);
    const s = h.double.model.sheets.find((x) => x.name === PLAN_SHEET)!;
    s.cells[cellKey(2, 6)].fill = "#00B050"; // the officer marks it green by hand
    await h.api.clearFlags();
    expect(s.cells[cellKey(2, 6)].fill).toBe("#00B050");
    expect(s.cells[cellKey(3, 6)]).toMatchObject({ fc: "#FF0000", b: true });
  });

  test("without ExcelApi 1.9 (no getRanges, no fill pattern) flags still clear back to the officer's formatting", async () => {
    h.restore();
    const model = h.double.model;
    h = harness(model, 8);
    const original = formats(model);
    await h.api.flagOverdue("table:ImprovementPlan", overdueCells(plan, AS_AT));
    await h.api.clearFlags();
    const after = formats(model);
    // The one difference allowed: an explicit white fill comes back as "no fill", which looks the same.
    expect(after[cellKey(4, 6)].fill).toBeUndefined();
    expect({ ...after, [cellKey(4, 6)]: original[cellKey(4, 6)] }).toEqual(original);
  });

  test("a protected plan sheet gives a clear message and nothing is written", async () => {
    h.double.model.sheets.find((x) => x.name === PLAN_SHEET)!.protected = true;
    const snapshot = JSON.stringify(h.double.model);
    await expect(
      h.api.flagOverdue("table:ImprovementPlan", overdueCells(plan, AS_AT))
    ).rejects.toThrow(/The sheet 'Improvement Plan' is protected.*Nothing was changed/);
    expect(JSON.stringify(h.double.model)).toBe(snapshot);
  });
});
