/**
 * Generators for the fuzz suite: hostile cell values, random sheets, plan-shaped sheets
 * with their headers in odd places, and mutations of the real seed plan. Shared by every
 * test/fuzz/*.test.ts, with the run count they all use and the tally they print.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { CellValue, ValuesOrigin } from "../../src/plan";
import { HEADER } from "../support/generate-plan";

/**
 * Cases per property. FUZZ_RUNS sets it; the default keeps the whole fuzz suite well under
 * a minute on a 2-core CI machine. `npm run fuzz` runs it at 25 times the default.
 */
export const DEFAULT_RUNS = 150;
export const RUNS = ((): number => {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_RUNS;
})();

/**
 * A fixed seed unless FUZZ_SEED is given: `npm test` stays repeatable, `npm run fuzz` (which
 * sets a fresh seed) explores. fast-check prints the seed and path of any failure.
 */
export const SEED = ((): number | undefined => {
  const n = Number(process.env.FUZZ_SEED);
  return Number.isInteger(n) ? n : 20061228;
})();

export const fuzzParams = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, seed: SEED });

/** Cases run per property, printed as one line when a file's properties are done. */
const tally = new Map<string, number>();

export function count(property: string): void {
  tally.set(property, (tally.get(property) ?? 0) + 1);
}

export function printTally(file: string): void {
  const parts = [...tally.entries()].map(([k, v]) => `${k}=${v}`);
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  // One line, so CI logs carry the figure the Reliability page quotes.
  console.log(`fuzz ${file}: ${total} cases (FUZZ_RUNS=${RUNS}) ${parts.join(" ")}`);
}

// --- Cell values ---------------------------------------------------------------------

export const EXCEL_ERRORS = [
  "#REF!",
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NULL!",
  "#NUM!",
  "#SPILL!",
  "#CALC!",
  " #n/a ",
];

/** Excel's longest cell. */
export const MAX_CELL = 32767;

const corpus: string[] = fs
  .readFileSync(path.join(__dirname, "..", "fixtures", "corpus", "timescales-dev.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => (JSON.parse(l) as { text: string }).text);

const HEADER_WORDS = [
  ...HEADER,
  "Action",
  "Actions",
  "Timescale",
  "Target Date",
  "Due Date",
  "Revised Timescale",
  "Status",
  "Progress",
  "Key",
  "Ref",
  "Lead Officer",
  "Q1 2024/25",
  "Target",
  "Action Required",
  "Timescale",
];

/** Text that has broken parsers elsewhere: marks, joiners, surrogates, right-to-left, controls. */
const ODD_TEXT = [
  "🚨 Review 📈 outcomes 👩🏽‍💼",
  "e\u0301\u0301\u0301 combining marks a\u0308\u0323",
  "مراجعة الخطة بحلول يونيو 2006",
  "\u202eJune 2006\u202c",
  "תוכנית שיפור",
  "\u200b\u200d\ufeff",
  "\ud83d", // a lone surrogate
  "\u0000\u0001\u0007",
  "• \uf0b7 ▪ ◦",
  "1.\n2.\n3.",
  "(a) first\n(b) second",
  "- dash\n– en dash\n— em dash",
  "   \n\t\n  ",
  "=SUM(A1:A9)",
  "<img src=x onerror=alert(1)>",
  "June 2006 / ongoing\r\nDecember 2006\vMarch 2007",
  "Q3 2024/25\u2028Q4 2024/25\u2029ongoing",
  "\u0085\f",
  "Timescale",
  "Action Required",
];

const WORDS = [
  "Review",
  "the",
  "policy",
  "June",
  "2006",
  "ongoing",
  "complete",
  "by",
  "Head of Service",
  "•",
  "-",
  "1)",
  "(ii)",
  "and",
  "Q3",
  "2024/25",
  "TBC",
];

const words: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(" "));

const lineBreak = fc.constantFrom("\n", "\r\n", "\r", "\v", "\u2028", "\n\n");

/** A multi-line cell, as pasted from Word: bullets, breaks of every kind, blank lines. */
export const multiLine: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom("", "• ", "- ", "1. ", "(a) ", "\uf0b7\t", "•", "  "),
      fc.oneof(words, fc.constantFrom(...corpus), fc.constant(""))
    ),
    { minLength: 1, maxLength: 6 }
  )
  .chain((lines) =>
    fc
      .array(lineBreak, { minLength: lines.length, maxLength: lines.length })
      .map((breaks) =>
        lines.map(([b, t], i) => b + t + (i < lines.length - 1 ? breaks[i] : "")).join("")
      )
  );

const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("x", "• Review\n", "June 2006 ", "🚨", "مراجعة "), fc.boolean())
  .map(([unit, exact]) => {
    const s = unit.repeat(Math.ceil(MAX_CELL / unit.length));
    // Exactly Excel's limit, or one character over it (what a careless paste can give).
    return exact ? s.slice(0, MAX_CELL) : s.slice(0, MAX_CELL + 1);
  });

export const stringValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: words },
  { weight: 3, arbitrary: fc.constantFrom(...corpus) },
  { weight: 3, arbitrary: multiLine },
  { weight: 2, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...EXCEL_ERRORS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant("") },
  // Rare: a huge cell is slow to split, and one per sheet proves the point.
  {
    weight: 1,
    arbitrary: fc.oneof({ weight: 9, arbitrary: words }, { weight: 1, arbitrary: hugeText }),
  }
);

export const numberValue: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -100000, max: 3000000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(
    0,
    -0,
    60,
    61,
    39079,
    2958465,
    2958466,
    1e308,
    -1e-308,
    NaN,
    Infinity,
    -Infinity,
    0.5,
    1
  )
);

/** Any value a cell (or Range.values) can hand the engine, and a few it should not. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: stringValue },
  { weight: 2, arbitrary: numberValue },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, undefined, "") }
);

// --- Sheets ----------------------------------------------------------------------------

/** A rectangular sheet (Range.values is always rectangular). */
export function grid(
  value: fc.Arbitrary<CellValue> = cellValue,
  maxRows = 14,
  maxColumns = 9
): fc.Arbitrary<CellValue[][]> {
  return fc
    .tuple(fc.integer({ min: 0, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
    .chain(([rows, columns]) =>
      fc.array(fc.array(value, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      })
    );
}

/** A ragged sheet, for callers (a hand-built array) that are not Range.values. */
export const raggedGrid: fc.Arbitrary<CellValue[][]> = fc.array(
  fc.array(cellValue, { maxLength: 8 }),
  { maxLength: 12 }
);

/**
 * A sheet with a plan header somewhere in it: title rows above, the header's columns
 * shuffled and partly duplicated, repeated mid-sheet, data rows of hostile values.
 */
export const planShapedGrid: fc.Arbitrary<CellValue[][]> = fc
  .record({
    titles: fc.array(fc.array(cellValue, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
    // Mostly with an Action and a Timescale header somewhere, so most cases are plans.
    header: fc
      .tuple(
        fc.shuffledSubarray(HEADER_WORDS, { minLength: 0, maxLength: 7 }),
        fc.option(fc.constantFrom("Action", "Actions", "Action Required", "Action(s)"), {
          freq: 5,
        }),
        fc.option(fc.constantFrom("Timescale", "Target Date", "Due Date", "Revised Timescale"), {
          freq: 5,
        }),
        fc.nat(),
        fc.nat()
      )
      .map(([rest, a, t, i, j]) => {
        const out = [...rest];
        if (a !== null) out.splice(i % (out.length + 1), 0, a);
        if (t !== null) out.splice(j % (out.length + 1), 0, t);
        return out.length > 0 ? out : ["Timescale"];
      }),
    duplicate: fc.boolean(),
    rows: fc.array(fc.array(cellValue, { minLength: 9, maxLength: 9 }), { maxLength: 12 }),
    repeatAt: fc.array(fc.nat(), { maxLength: 3 }),
    leftPad: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ titles, header, duplicate, rows, repeatAt, leftPad }) => {
    const head: CellValue[] = [...header];
    if (duplicate) head.push(header[0]!);
    const width = leftPad + head.length;
    const pad = (r: CellValue[]): CellValue[] => {
      const out = [...new Array<CellValue>(leftPad).fill(""), ...r].slice(0, width);
      while (out.length < width) out.push("");
      return out;
    };
    const body = rows.map((r) => pad(r));
    for (const at of repeatAt) body.splice(at % (body.length + 1), 0, pad(head));
    return [...titles.map(pad), pad(head), ...body];
  });

export const origin: fc.Arbitrary<ValuesOrigin> = fc.record({
  sheet: fc.oneof(
    fc.constantFrom("Improvement Plan", "Plan", "خطة", "📋 Plan", "O'Brien's sheet"),
    fc.string({ maxLength: 31 })
  ),
  row: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1048000 })),
  column: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 16000 })),
});

// --- The seed plan, mutated --------------------------------------------------------------

export const SEED_VALUES: CellValue[][] = (
  JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "fixtures", "seed-plan", "plan-values.json"), "utf8")
  ) as { values: CellValue[][] }
).values;

export type Mutation =
  | { op: "deleteRow" | "duplicateRow" | "blankRow"; at: number }
  | { op: "swapRows" | "swapColumns"; at: number; to: number }
  | { op: "deleteColumn" | "duplicateColumn"; at: number }
  | { op: "blankCell" | "setCell"; at: number; column: number; value: CellValue }
  | { op: "garbageLine"; at: number; column: number; line: number; text: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom("deleteRow", "duplicateRow", "blankRow"),
    at: fc.nat(),
  }) as fc.Arbitrary<Mutation>,
  fc.record({
    op: fc.constantFrom("swapRows", "swapColumns"),
    at: fc.nat(),
    to: fc.nat(),
  }) as fc.Arbitrary<Mutation>,
  fc.record({
    op: fc.constantFrom("deleteColumn", "duplicateColumn"),
    at: fc.nat(),
  }) as fc.Arbitrary<Mutation>,
  fc.record({
    op: fc.constantFrom("blankCell", "setCell"),
    at: fc.nat(),
    column: fc.nat(),
    value: cellValue,
  }) as fc.Arbitrary<Mutation>,
  fc.record({
    op: fc.constant("garbageLine"),
    at: fc.nat(),
    column: fc.nat(),
    line: fc.nat(),
    text: stringValue,
  }) as fc.Arbitrary<Mutation>
);

/** Applies mutations to a copy of the sheet; indexes wrap round, so every mutation applies. */
export function mutate(values: CellValue[][], mutations: Mutation[]): CellValue[][] {
  let rows = values.map((r) => [...r]);
  for (const m of mutations) {
    const n = rows.length;
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (n === 0 || width === 0) break;
    const r = m.at % n;
    switch (m.op) {
      case "deleteRow":
        rows.splice(r, 1);
        break;
      case "duplicateRow":
        rows.splice(r, 0, [...rows[r]!]);
        break;
      case "blankRow":
        rows[r] = new Array<CellValue>(width).fill("");
        break;
      case "swapRows": {
        const t = m.to % n;
        [rows[r], rows[t]] = [rows[t]!, rows[r]!];
        break;
      }
      case "swapColumns": {
        const a = m.at % width;
        const b = m.to % width;
        rows = rows.map((row) => {
          const out = [...row];
          [out[a], out[b]] = [row[b] ?? "", row[a] ?? ""];
          return out;
        });
        break;
      }
      case "deleteColumn":
        if (width > 1) rows = rows.map((row) => row.filter((_, c) => c !== m.at % width));
        break;
      case "duplicateColumn": {
        const c = m.at % width;
        rows = rows.map((row) => [...row.slice(0, c + 1), row[c] ?? "", ...row.slice(c + 1)]);
        break;
      }
      case "blankCell":
        rows[r]![m.column % width] = "";
        break;
      case "setCell":
        rows[r]![m.column % width] = m.value;
        break;
      case "garbageLine": {
        const c = m.column % width;
        const lines = String(rows[r]![c] ?? "").split("\n");
        lines.splice(m.line % (lines.length + 1), 0, m.text);
        rows[r]![c] = lines.join("\n");
        break;
      }
    }
  }
  return rows;
}

export const mutatedSeed: fc.Arbitrary<CellValue[][]> = fc
  .array(mutation, { minLength: 1, maxLength: 8 })
  .map((ms) => mutate(SEED_VALUES, ms));

// --- Dates and settings ------------------------------------------------------------------

export const isoDate: fc.Arbitrary<string> = fc
  .date({
    min: new Date(Date.UTC(1950, 0, 1)),
    max: new Date(Date.UTC(2080, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

export const readSettings = fc.oneof(
  fc.constant(undefined),
  fc.record({
    financialYearStartMonth: fc.integer({ min: 1, max: 12 }),
    dateOrder: fc.constantFrom("DMY" as const, "MDY" as const),
  })
);
