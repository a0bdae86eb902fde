import {
  harness,
  sample,
  settingsAt,
  AS_AT,
  summaryOf,
  sheetValues,
  type Harness,
  BUILT_AT,
} from "./support";
import type { SheetModel, WorkbookModel } from "../double";
import { cellKey, cloneModel, newSheet, putValues } from "../double";
import { HISTORY_SHEET } from "../../src/report/history";
import type { Plan } from "../../src/plan";

const PLAN_SHEET = "Improvement Plan";

function sheet(model: WorkbookModel, name: string): SheetModel {
  const s = model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The sheet as rows of values (1-based rows; "" for empty), for reading like an officer would. */
function rows(s: SheetModel): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = [];
  for (const [key, cell] of Object.entries(s.cells)) {
    const [r, c] = key.split(":").map(Number);
    out[r] ??= [];
    out[r][c] = cell.v ?? "";
  }
  return out;
}

function findRow(s: SheetModel, column: number, text: string): number {
  const all = rows(s);
  const r = all.findIndex((line) => line && line[column] === text);
  if (r < 0) throw new Error(`no row with ${text} in column ${column}`);
  return r;
}

async function loaded(h: Harness): Promise<Plan> {
  const [candidate] = await h.api.listPlans();
  const { result } = await h.api.loadPlan(candidate.id, settingsAt(AS_AT));
  if (!result.ok) throw new Error(result.problem.message);
  return result.plan;
}

describe("Build committee summary", () => {
  let h: Harness;
  let before: string;
  beforeEach(async () => {
    h = harness(await sample());
    before = sheetValues(h.double.model, PLAN_SHEET);
  });
  afterEach(() => {
    // The plan's own cells are never changed, whatever the flow did.
    expect(sheetValues(h.double.model, PLAN_SHEET)).toBe(before);
    h.restore();
  });

  test("writes the counts, the 20 overdue actions most overdue first, the narrative and the chart, in 2 syncs", async () => {
    const plan = await loaded(h);
    const summary = summaryOf(plan, AS_AT, await h.api.loadHistory());
    h.double.resetStats();
    const outcome = await h.api.buildSummary(summary, settingsAt(AS_AT));
    expect(h.double.stats.syncs).toBe(2);
    expect(outcome).toMatchObject({
      sheetName: "Committee Summary",
      renamed: false,
      record: { asAt: AS_AT, builtAt: BUILT_AT, total: 38 },
    });

    const s = sheet(h.double.model, "Committee Summary");
    const r = rows(s);
    const headline = findRow(s, 2, "Status");
    const counts = Object.fromEntries(
      r.slice(headline + 1, headline + 9).map((line) => [line[2], line[3]])
    );
    expect(counts).toMatchObject({ Overdue: 20, "Due soon": 13, "Not yet due": 2, Ongoing: 3 });

    const listHeader = findRow(s, 6, "Days overdue");
    const overdue = r.slice(listHeader + 1, listHeader + 21);
    expect(overdue.map((line) => line[3])).toEqual(summary.overdue.map((i) => i.action));
    const days = overdue.map((line) => line[6] as number);
    expect(days).toHaveLength(20);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    expect(days[0]).toBeGreaterThan(days[19]);
    expect(r[listHeader + 21]?.[3] ?? "").toBe(""); // exactly 20
    // Each listed action links back to its source cell in the plan.
    const firstAction = s.cells[cellKey(listHeader + 1, 3)];
    expect(firstAction.link?.documentReference).toBe(
      `'${PLAN_SHEET}'!${summary.overdue[0].source.address}`
    );

    expect(r.some((line) => line?.[1] === summary.narrative)).toBe(true);
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({
      name: "PlanTracker_StatusByArea",
      type: "ColumnStacked",
      title: "Actions by status and area",
    });
    expect(h.double.model.activeSheet).toBe("Committee Summary");

    // Styles from the shared layout arrived: the overdue count in dark red bold, header fills, merges, widths.
    const overdueCount = s.cells[cellKey(headline + 1, 3)];
    expect(overdueCount).toMatchObject({ v: 20, fc: "#C00000", b: true });
    expect(s.cells[cellKey(headline, 2)]).toMatchObject({ v: "Status", fill: "#D9E1F2", b: true });
    expect(s.merges).toContain("A1:H1");
    expect(Object.keys(s.columnWidths)).toHaveLength(8);

    const hist = sheet(h.double.model, HISTORY_SHEET);
    expect(hist.visibility).toBe("Hidden");
    expect(await h.api.loadHistory()).toEqual([outcome.record]);
  });

  test("a second build replaces the sheet in place and adds a history row; the trend chart appears", async () => {
    const plan = await loaded(h);
    await h.api.buildSummary(summaryOf(plan, AS_AT, await h.api.loadHistory()), settingsAt(AS_AT));
    const position = h.double.model.sheets.findIndex((s) => s.name === "Committee Summary");
    const id = sheet(h.double.model, "Committee Summary").id;
    // Something left on the old sheet that the new layout does not write: it must go.
    sheet(h.double.model, "Committee Summary").cells[cellKey(5000, 9)] = {
      v: "stale",
      fill: "#FF0000",
    };

    const later = "2007-01-31";
    const history = await h.api.loadHistory();
    expect(history).toHaveLength(1);
    const second = summaryOf(plan, later, history, "2026-11-22T20:00:00.000Z");
    expect(second.progress).toMatch(/from 20 to \d+ since the report as at 28 December 2006/);
    const outcome = await h.api.buildSummary(second, settingsAt(later));
    expect(outcome).toMatchObject({ sheetName: "Committee Summary", renamed: false });

    const names = h.double.model.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("Committee Summary"))).toEqual(["Committee Summary"]);
    expect(h.double.model.sheets.findIndex((s) => s.name === "Committee Summary")).toBe(position);
    const s = sheet(h.double.model, "Committee Summary");
    expect(s.id).toBe(id); // the same sheet, cleared and rewritten: links to it keep working
    expect(s.cells[cellKey(5000, 9)]).toBeUndefined();
    expect(s.charts.map((c) => c.name).sort()).toEqual([
      "PlanTracker_StatusByArea",
      "PlanTracker_Trend",
    ]);
    expect(rows(s).some((line) => line?.[1] === second.progress)).toBe(true);

    // A fresh pane (no cache) reads both reports back from the workbook.
    const fresh = harness(h.double.model);
    try {
      expect((await fresh.api.loadHistory()).map((x) => x.asAt)).toEqual([AS_AT, later]);
    } finally {
      fresh.restore();
      h.double.install();
    }
  });

  test("an officer's own 'Committee Summary' sheet is never overwritten", async () => {
    const theirs = newSheet(h.double.model, "Committee Summary");
    putValues(theirs, [["Our own notes for the committee"], ["=not a formula, just text"]]);
    theirs.cells[cellKey(1, 1)].fill = "#FFFF00";
    const snapshot = JSON.stringify(theirs);

    const plan = await loaded(h);
    const first = await h.api.buildSummary(
      summaryOf(plan, AS_AT, await h.api.loadHistory()),
      settingsAt(AS_AT)
    );
    expect(first).toMatchObject({ sheetName: "Committee Summary (2)", renamed: true });
    const second = await h.api.buildSummary(
      summaryOf(plan, AS_AT, await h.api.loadHistory(), "2026-11-22T21:00:00.000Z"),
      settingsAt(AS_AT)
    );
    expect(second).toMatchObject({ sheetName: "Committee Summary (2)", renamed: true });

    expect(JSON.stringify(sheet(h.double.model, "Committee Summary"))).toBe(snapshot);
    expect(h.double.model.sheets.map((s) => s.name)).not.toContain("Committee Summary (3)");
    expect(await h.api.loadHistory()).toHaveLength(2);
  });

  test("a protected summary sheet gives a clear message and nothing is written", async () => {
    const plan = await loaded(h);
    await h.api.buildSummary(summaryOf(plan, AS_AT, await h.api.loadHistory()), settingsAt(AS_AT));
    sheet(h.double.model, "Committee Summary").protected = true;
    const snapshot = JSON.stringify(h.double.model);
    await expect(
      h.api.buildSummary(
        summaryOf(plan, AS_AT, await h.api.loadHistory(), "2026-11-22T21:00:00.000Z"),
        settingsAt(AS_AT)
      )
    ).rejects.toThrow(/'Committee Summary' is protected.*Nothing was changed/);
    expect(JSON.stringify(h.double.model)).toBe(snapshot);
  });

  test("a workbook whose structure is protected gets a clear message and nothing is written", async () => {
    const plan = await loaded(h);
    h.double.model.structureProtected = true;
    const snapshot = JSON.stringify(h.double.model);
    await expect(h.api.buildSummary(summaryOf(plan, AS_AT, []), settingsAt(AS_AT))).rejects.toThrow(
      /structure is protected/
    );
    expect(JSON.stringify(h.double.model)).toBe(snapshot);
  });

  test("without ExcelApi 1.9 (no getRanges) the summary is the same, formatted range by range", async () => {
    const plan = await loaded(h);
    const summary = summaryOf(plan, AS_AT, []);
    await h.api.buildSummary(summary, settingsAt(AS_AT));
    const modern = JSON.stringify(sheet(h.double.model, "Committee Summary").cells);

    const old = harness(await sample(), 7);
    try {
      const [c] = await old.api.listPlans();
      await old.api.loadPlan(c.id, settingsAt(AS_AT));
      await old.api.buildSummary(summary, settingsAt(AS_AT));
      expect(JSON.stringify(sheet(old.double.model, "Committee Summary").cells)).toBe(modern);
      expect(sheetValues(old.double.model, PLAN_SHEET)).toBe(before);
    } finally {
      old.restore();
      h.double.install();
    }
  });

  test("text copied from the plan that looks like a formula stays text", async () => {
    const model = cloneModel(h.double.model);
    const plan = sheet(model, PLAN_SHEET);
    // Row 2's actions become formula-like text; their timescales (June/September 2006) are overdue.
    const risky = [
      "=SUM(A1:A9)",
      "+44 20 7946 0000 to be called",
      "-ve variance to be explained",
      "@Head of Service to confirm",
      "2006-06-30",
    ];
    plan.cells[cellKey(2, 5)].v = risky.map((t) => `• ${t}`).join("\n");
    h.restore();
    h = harness(model);
    before = sheetValues(model, PLAN_SHEET);
    const loadedPlan = await loaded(h);
    expect(loadedPlan.actions.slice(0, 5).map((a) => a.action)).toEqual(risky);
    await h.api.buildSummary(summaryOf(loadedPlan, AS_AT, []), settingsAt(AS_AT));
    const s = sheet(h.double.model, "Committee Summary");
    const cells = Object.values(s.cells);
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    const texts = new Set(cells.map((c) => c.v));
    for (const t of risky) expect(texts.has(t)).toBe(true);
  });
});
