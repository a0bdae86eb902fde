/**
 * The engine under hostile input: random sheets, sheets with their headers in odd places,
 * and the real seed plan mutated. readPlan must never throw (nor fall into its safety
 * net), must answer the same way twice, must point every action at a real cell of the
 * array that holds its text, and judgePlan + summarise must count every action once.
 */
import fc from "fast-check";
import {
  judgePlan,
  readPlan,
  summarise,
  STATUS_ORDER,
  type CellRef,
  type CellValue,
  type Plan,
  type ReadSettings,
  type ValuesOrigin,
} from "../../src/plan";
import { cellError, cellText, splitItems } from "../../src/plan/lines";
import { columnLetters } from "../../src/plan/table";
import {
  count,
  fuzzParams,
  grid,
  isoDate,
  mutatedSeed,
  origin,
  planShapedGrid,
  printTally,
  raggedGrid,
  readSettings,
  RUNS,
  SEED_VALUES,
} from "./arbitraries";

afterAll(() => printTally("engine"));

/** readPlan's safety net: its message when the reader itself threw. */
const SAFETY_NET = /Please report this/;

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== "");

function cellAt(values: CellValue[][], o: ValuesOrigin, ref: CellRef): CellValue {
  return values[ref.row - (o.row ?? 1)]?.[ref.column - (o.column ?? 1)];
}

/** The ref names a cell inside the array, on the origin's sheet, with a matching address. */
function expectInside(values: CellValue[][], o: ValuesOrigin, ref: CellRef, what: string): void {
  const r = ref.row - (o.row ?? 1);
  const c = ref.column - (o.column ?? 1);
  const width = values.reduce((w, row) => Math.max(w, Array.isArray(row) ? row.length : 0), 0);
  const ok =
    ref.sheet === o.sheet &&
    Number.isInteger(r) &&
    Number.isInteger(c) &&
    r >= 0 &&
    r < values.length &&
    c >= 0 &&
    c < width &&
    ref.address === columnLetters(ref.column) + ref.row;
  if (!ok) throw new Error(`${what} ${JSON.stringify(ref)} is not a cell of the array`);
}

/**
 * Every action's source cell holds its text. An action may be completed by a fragment on
 * a continuation row below (a page break mid-sentence), so: the first word is in the
 * source cell, and every word is in the action column at or below it. Bullets are cut
 * and wrapped lines joined with a space, so words, not whole text, are compared.
 */
function expectSourcesHoldText(values: CellValue[][], o: ValuesOrigin, plan: Plan): void {
  for (const a of plan.actions) {
    expectInside(values, o, a.source, `action ${a.index}'s source`);
    expectInside(values, o, a.timescaleSource, `action ${a.index}'s timescale source`);
    const own = cellText(cellAt(values, o, a.source));
    const w = words(a.action);
    if (w.length > 0) {
      // An action with no text of its own (a blank, bullet-only or #REF! cell, flagged for review) can be
      // completed by a fragment on the row below; then only the column below holds its words.
      const ownless =
        splitItems(own).items.length === 0 || cellError(cellAt(values, o, a.source)) !== null;
      if (!ownless && !own.includes(w[0]!))
        throw new Error(`action ${a.index} "${a.action}" does not start in ${a.source.address}`);
      const r0 = a.source.row - (o.row ?? 1);
      const c = a.source.column - (o.column ?? 1);
      const below = values
        .slice(r0)
        .map((row) => cellText(row?.[c]))
        .join("\n");
      for (const word of w)
        if (!below.includes(word))
          throw new Error(`action ${a.index}: "${word}" is not in ${a.source.address} or below`);
    }
    // A date serial reads as the date it stands for; otherwise the timescale text is the cell's.
    const tsCell = cellAt(values, o, a.timescaleSource);
    if (typeof tsCell !== "number") {
      const tsOwn = cellText(tsCell);
      for (const word of words(a.timescale.text))
        if (!tsOwn.toUpperCase().includes(word.toUpperCase()))
          throw new Error(
            `action ${a.index}: timescale "${a.timescale.text}" is not in ${a.timescaleSource.address}`
          );
    }
  }
}

/** Every check, for one sheet; throws with the reason on the first failure. */
function checkSheet(
  values: CellValue[][],
  o: ValuesOrigin,
  settings: Partial<ReadSettings> | undefined,
  asAt: string,
  dueSoonDays: number,
  nextCommittee: string | null
): void {
  const before = JSON.stringify(values);
  const first = readPlan(values, o, settings);
  // The reader does not change what it was given.
  if (JSON.stringify(values) !== before) throw new Error("readPlan changed its input");
  const again = readPlan(JSON.parse(before) as CellValue[][], o, settings);
  expect(again).toEqual(first);
  // JSON drops undefined and turns NaN to null; the same array must also give the same answer.
  expect(readPlan(values, o, settings)).toEqual(first);

  if (!first.ok) {
    expect(typeof first.problem.message).toBe("string");
    expect(first.problem.message.trim()).not.toBe("");
    expect(first.problem.message).not.toMatch(SAFETY_NET);
    return;
  }
  const plan = first.plan;
  expectSourcesHoldText(values, o, plan);
  plan.actions.forEach((a, i) => expect(a.index).toBe(i));

  const statusSettings = { asAt, dueSoonDays, nextCommittee };
  const statuses = judgePlan(plan, statusSettings);
  expect(judgePlan(plan, statusSettings)).toEqual(statuses);
  expect(statuses).toHaveLength(plan.actions.length);
  const summary = summarise(plan, statuses, {
    asAt,
    builtAt: "2026-11-22T20:00:00.000Z",
    dueSoonDays,
    nextCommittee,
    planName: o.sheet,
    source: o.sheet,
    previous: null,
  });
  const n = plan.actions.length;
  expect(summary.total).toBe(n);
  expect(STATUS_ORDER.reduce((s, k) => s + summary.counts[k], 0)).toBe(n);
  expect(summary.byArea.reduce((s, g) => s + g.total, 0)).toBe(n);
  expect(summary.byLead.reduce((s, g) => s + g.total, 0)).toBe(n);
  expect(summary.overdue.length).toBe(summary.counts.overdue);
  expect(summary.dueSoon.length).toBe(summary.counts.due_soon);
  expect(typeof summary.narrative).toBe("string");
  expect(summary.narrative).not.toBe("");
}

const judging = fc.record({
  asAt: isoDate,
  dueSoonDays: fc.integer({ min: 0, max: 400 }),
  nextCommittee: fc.option(isoDate, { nil: null }),
  settings: readSettings,
});

function property(name: string, sheets: fc.Arbitrary<CellValue[][]>, runs = RUNS): void {
  fc.assert(
    fc.property(sheets, origin, judging, (values, o, j) => {
      count(name);
      checkSheet(values, o, j.settings, j.asAt, j.dueSoonDays, j.nextCommittee);
    }),
    fuzzParams(runs)
  );
}

describe("readPlan, judgePlan and summarise on hostile sheets", () => {
  test("random rectangular sheets of strings, numbers, booleans, errors, huge and unicode cells", () => {
    property("random-grid", grid());
  });

  test("ragged arrays, as a hand-built caller might pass", () => {
    property("ragged-grid", raggedGrid);
  });

  test("plan headers in odd places: title rows above, shuffled, duplicated, repeated mid-sheet", () => {
    property("odd-headers", planShapedGrid, RUNS * 2);
  });

  test("the seed plan with rows and columns deleted, duplicated, swapped, cells blanked, garbage lines inserted", () => {
    property("seed-mutations", mutatedSeed, RUNS * 2);
  });

  test("the unmutated seed plan passes every check (so the checks are not vacuous)", () => {
    const o = { sheet: "Improvement Plan", row: 5, column: 3 };
    checkSheet(SEED_VALUES, o, undefined, "2006-12-28", 30, null);
    const result = readPlan(SEED_VALUES, o);
    expect(result.ok && result.plan.actions.length).toBe(38);
  });
});
