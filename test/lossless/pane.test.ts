/**
 * Nothing lost, through the task pane's write paths (flag, clear flags, build summary and
 * its history), on the Excel double over the sample workbook dressed as an officer keeps
 * it: fills, fonts, number formats, formulas, a second sheet, a defined name.
 *
 * What the existing tests already prove is not repeated here:
 * - test/workbook/flags.test.ts: flags restore fill, font colour and bold; a protected plan
 *   sheet refuses Flag with a message naming it and nothing written (whole model compared).
 * - test/workbook/summary.test.ts: the plan's values, formulas and number formats survive a
 *   build; an officer's own "Committee Summary" is never touched (its JSON compared);
 *   protected summary sheet and protected workbook structure write nothing (whole model).
 * This file adds: every property of every cell of every other sheet (italic, size, wrap,
 * alignment, links, merges, widths ...), Clear flags on a sheet protected after flagging,
 * and a build cut off part-way at every point of its write request.
 */
import { harness, sample, settingsAt, AS_AT, summaryOf, type Harness } from "../workbook/support";
import { cellKey, newSheet, putValues, type WorkbookModel } from "../double";
import { judgePlan, type CellRef, type Plan } from "../../src/plan";
import { HISTORY_SHEET } from "../../src/report/history";

const PLAN_SHEET = "Improvement Plan";
const SUMMARY = "Committee Summary";
const OWN_SHEETS = [SUMMARY, HISTORY_SHEET];

/** The sample as an officer keeps it: their own formatting, a formula, a notes sheet, a name. */
async function officersWorkbook(): Promise<WorkbookModel> {
  const model = await sample();
  const plan = model.sheets.find((s) => s.name === PLAN_SHEET)!;
  const dress = (row: number, column: number, look: object) =>
    (plan.cells[cellKey(row, column)] = { ...plan.cells[cellKey(row, column)], ...look });
  dress(1, 1, { b: true, fill: "#1F4E78", fc: "#FFFFFF", size: 12, h: "Center" });
  dress(2, 6, { fill: "#FFFF00", i: true, wrap: true, va: "Top" });
  dress(3, 6, { fc: "#FF0000", b: true, u: true });
  dress(4, 6, { fill: "#FFFFFF", nf: "@" });
  dress(5, 5, { size: 9, borderBottom: true });
  dress(6, 6, { fill: "#C6EFCE", fc: "#006100" });
  // A formula and a date of the officer's beside the table.
  dress(1, 9, { v: 38, f: "=COUNTA(E2:E19)", nf: "0" });
  dress(2, 9, { v: 39079, nf: "d mmm yyyy", link: { address: "https://example.org/plan" } });
  plan.merges.push("I4:J4");
  plan.columnWidths["5"] = 300;
  plan.rowHeights["2"] = 90;
  const notes = newSheet(model, "Notes");
  putValues(notes, [["Committee dates"], [39100], ["=Improvement Plan!A1"]]);
  notes.cells[cellKey(2, 1)].nf = "dd/mm/yyyy";
  notes.cells[cellKey(3, 1)] = { v: "No.", f: "='Improvement Plan'!A1", fill: "#DDEBF7" };
  model.names.push({ name: "NextCommittee", formula: "=Notes!$A$2", visible: true, comment: "" });
  return model;
}

/** Everything in the workbook but the add-in's own sheets and what any click changes (settings, active sheet). */
function everythingElse(model: WorkbookModel, own = OWN_SHEETS): string {
  return JSON.stringify({
    sheets: model.sheets.filter((s) => !own.includes(s.name)),
    tables: model.tables,
    names: model.names,
    structureProtected: model.structureProtected,
  });
}

function overdueCells(plan: Plan): CellRef[] {
  return judgePlan(plan, { asAt: AS_AT, dueSoonDays: 30 })
    .filter((s) => s.status === "overdue")
    .map((s) => plan.actions[s.index].timescaleSource);
}

async function loaded(h: Harness): Promise<Plan> {
  const [candidate] = await h.api.listPlans();
  const { result } = await h.api.loadPlan(candidate.id, settingsAt(AS_AT));
  if (!result.ok) throw new Error(result.problem.message);
  return result.plan;
}

let h: Harness;
afterEach(() => h?.restore());

describe("flag and clear flags lose nothing", () => {
  test("flagging changes only the flagged cells' fill and font; clearing gives back every sheet exactly", async () => {
    h = harness(await officersWorkbook());
    const plan = await loaded(h);
    const before = everythingElse(h.double.model);
    const planBefore = structuredClone(h.double.model.sheets.find((s) => s.name === PLAN_SHEET)!);

    const refs = overdueCells(plan);
    const flagged = new Set(refs.map((r) => cellKey(r.row, r.column)));
    expect(flagged.size).toBeGreaterThan(5);
    await h.api.flagOverdue("table:ImprovementPlan", refs);

    // While flagged: any difference is in a flagged cell, and only in its fill or font.
    const during = h.double.model.sheets.find((s) => s.name === PLAN_SHEET)!;
    for (const key of new Set([...Object.keys(during.cells), ...Object.keys(planBefore.cells)])) {
      const was = planBefore.cells[key] ?? {};
      const now = during.cells[key] ?? {};
      if (!flagged.has(key)) {
        expect({ key, cell: now }).toEqual({ key, cell: was });
        continue;
      }
      const { fill: _f1, fc: _c1, b: _b1, ...restNow } = now;
      const { fill: _f2, fc: _c2, b: _b2, ...restWas } = was;
      expect({ key, cell: restNow }).toEqual({ key, cell: restWas });
    }
    expect({ ...during, cells: {} }).toEqual({ ...planBefore, cells: {} });

    // A fresh pane clears them: the workbook is as it was, to the last property.
    h.restore();
    h = harness(h.double.model);
    await h.api.clearFlags();
    expect(everythingElse(h.double.model)).toBe(before);
  });

  test("Clear flags on a plan sheet protected since flagging: a clear message, nothing written; after unprotecting it clears", async () => {
    h = harness(await officersWorkbook());
    const plan = await loaded(h);
    const before = everythingElse(h.double.model);
    await h.api.flagOverdue("table:ImprovementPlan", overdueCells(plan));
    h.double.model.sheets.find((s) => s.name === PLAN_SHEET)!.protected = true;
    const snapshot = JSON.stringify(h.double.model);

    await expect(h.api.clearFlags()).rejects.toThrow(/'Improvement Plan' is protected/);
    expect(JSON.stringify(h.double.model)).toBe(snapshot);

    // The record of the officer's own formatting survived, so clearing still works later.
    h.double.model.sheets.find((s) => s.name === PLAN_SHEET)!.protected = false;
    await h.api.clearFlags();
    expect(everythingElse(h.double.model)).toBe(before);
  });
});

describe("build summary and its history lose nothing", () => {
  test("two builds (the second replacing the first, the history growing) leave every other sheet exactly as it was", async () => {
    h = harness(await officersWorkbook());
    const plan = await loaded(h);
    const before = everythingElse(h.double.model);
    await h.api.buildSummary(summaryOf(plan, AS_AT, await h.api.loadHistory()), settingsAt(AS_AT));
    expect(everythingElse(h.double.model)).toBe(before);
    await h.api.buildSummary(
      summaryOf(plan, AS_AT, await h.api.loadHistory(), "2026-11-22T21:00:00.000Z"),
      settingsAt(AS_AT)
    );
    expect(everythingElse(h.double.model)).toBe(before);
    expect(await h.api.loadHistory()).toHaveLength(2);
  });
});

describe("a build cut off part-way: the next build repairs it, never duplicates", () => {
  const LATER = "2026-11-22T21:00:00.000Z";

  /** The summary sheet a clean build writes, for comparison. */
  async function cleanBuild(builds: number): Promise<{ cells: string; commands: number }> {
    const clean = harness(await officersWorkbook());
    try {
      const plan = await loaded(clean);
      for (let i = 0; i < builds; i++) {
        clean.double.resetStats();
        const builtAt = i === 0 ? undefined : LATER;
        await clean.api.buildSummary(
          summaryOf(plan, AS_AT, await clean.api.loadHistory(), builtAt),
          settingsAt(AS_AT)
        );
      }
      const sheet = clean.double.model.sheets.find((s) => s.name === SUMMARY)!;
      // The write is the last request of the build.
      const requests = clean.double.stats.requests;
      return {
        cells: JSON.stringify({ cells: sheet.cells, merges: sheet.merges, charts: sheet.charts }),
        commands: requests[requests.length - 1].commands,
      };
    } finally {
      clean.restore();
    }
  }

  /** Cut points across the write request: the start, the first commands, every tenth, the end. */
  function cutPoints(commands: number): number[] {
    const points = new Set([0, 1, 2, 3, commands - 2, commands - 1]);
    for (let k = 0; k < commands; k += Math.max(1, Math.floor(commands / 10))) points.add(k);
    return [...points].filter((k) => k >= 0 && k < commands).sort((a, b) => a - b);
  }

  async function expectRepaired(history: number, reference: string, sheetsBefore: string[]) {
    const model = h.double.model;
    const names = model.sheets.map((s) => s.name);
    // One summary sheet, under its own name (not "Committee Summary (2)"), and nothing else new.
    expect(names.filter((n) => n.startsWith(SUMMARY))).toEqual([SUMMARY]);
    expect(names.filter((n) => !sheetsBefore.includes(n)).sort()).toEqual(
      sheetsBefore.includes(SUMMARY) ? [] : [SUMMARY, HISTORY_SHEET].sort()
    );
    // History rows: the successful builds only.
    expect(await h.api.loadHistory()).toHaveLength(history);
    const sheet = model.sheets.find((s) => s.name === SUMMARY)!;
    expect(JSON.stringify({ cells: sheet.cells, merges: sheet.merges, charts: sheet.charts })).toBe(
      reference
    );
  }

  test("the first build cut off anywhere in its write: the rebuild gives one summary, one history row", async () => {
    const { cells: reference, commands } = await cleanBuild(1);
    expect(commands).toBeGreaterThan(10);
    for (const cut of cutPoints(commands)) {
      h = harness(await officersWorkbook());
      const plan = await loaded(h);
      const before = everythingElse(h.double.model);
      const sheetsBefore = h.double.model.sheets.map((s) => s.name);
      // The build's first request looks; the second writes. Cut the second.
      h.double.failSync(cut, 1);
      await expect(
        h.api.buildSummary(summaryOf(plan, AS_AT, []), settingsAt(AS_AT))
      ).rejects.toThrow(/Excel could not build the committee summary: .*cut off/);
      expect(everythingElse(h.double.model)).toBe(before);

      await h.api.buildSummary(
        summaryOf(plan, AS_AT, await h.api.loadHistory()),
        settingsAt(AS_AT)
      );
      await expectRepaired(1, reference, sheetsBefore);
      expect(everythingElse(h.double.model)).toBe(before);
      h.restore();
    }
  });

  test("a rebuild cut off anywhere in its write: the next rebuild replaces it in place, two history rows", async () => {
    const { cells: reference, commands } = await cleanBuild(2);
    for (const cut of cutPoints(commands)) {
      h = harness(await officersWorkbook());
      const plan = await loaded(h);
      const before = everythingElse(h.double.model);
      await h.api.buildSummary(summaryOf(plan, AS_AT, []), settingsAt(AS_AT));
      const sheetsBefore = h.double.model.sheets.map((s) => s.name);
      h.double.failSync(cut, 1);
      await expect(
        h.api.buildSummary(
          summaryOf(plan, AS_AT, await h.api.loadHistory(), LATER),
          settingsAt(AS_AT)
        )
      ).rejects.toThrow(/cut off/);
      expect(await h.api.loadHistory()).toHaveLength(1);

      await h.api.buildSummary(
        summaryOf(plan, AS_AT, await h.api.loadHistory(), LATER),
        settingsAt(AS_AT)
      );
      await expectRepaired(2, reference, sheetsBefore);
      expect(everythingElse(h.double.model)).toBe(before);
      h.restore();
    }
  });

  test("a build cut off while the officer's own 'Committee Summary' exists: their sheet untouched, one '(2)' after the rebuild", async () => {
    const { commands } = await cleanBuild(1);
    for (const cut of cutPoints(commands)) {
      const model = await officersWorkbook();
      const theirs = newSheet(model, SUMMARY);
      putValues(theirs, [["Our own notes for the committee"]]);
      h = harness(model);
      const plan = await loaded(h);
      const before = everythingElse(h.double.model, [`${SUMMARY} (2)`, HISTORY_SHEET]);
      h.double.failSync(cut, 1);
      await expect(
        h.api.buildSummary(summaryOf(plan, AS_AT, []), settingsAt(AS_AT))
      ).rejects.toThrow(/cut off/);
      const outcome = await h.api.buildSummary(
        summaryOf(plan, AS_AT, await h.api.loadHistory()),
        settingsAt(AS_AT)
      );
      expect(outcome).toMatchObject({ sheetName: `${SUMMARY} (2)`, renamed: true });
      const names = h.double.model.sheets.map((s) => s.name);
      expect(names.filter((n) => n.startsWith(SUMMARY))).toEqual([SUMMARY, `${SUMMARY} (2)`]);
      expect(await h.api.loadHistory()).toHaveLength(1);
      expect(everythingElse(h.double.model, [`${SUMMARY} (2)`, HISTORY_SHEET])).toBe(before);
      h.restore();
    }
  });
});
