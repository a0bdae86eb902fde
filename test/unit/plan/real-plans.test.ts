/**
 * Real published plans (test/fixtures/real-plans/, each with its source in SOURCES.md), read by
 * the engine: header rows with the right action and timescale columns, and every labelled
 * action of the tables copied row by row with its due date. Then the same tables as Excel
 * stores them once typed in (test/support/excel-typing.ts): the typed cells read as the text.
 */
import * as fs from "fs";
import * as path from "path";
import { readPlan, type CellValue, type Plan } from "../../../src/plan";
import { typeIntoExcel } from "../../support/excel-typing";

const DIR = path.join(__dirname, "..", "..", "fixtures", "real-plans");

interface HeaderRow {
  headers: string[];
  roles: Record<string, string | null | undefined>;
  source: string;
  notes?: string;
}
interface Expected {
  row: number;
  line: number;
  action: string;
  timescale: string;
  due: string | null;
  why: string;
}
interface Table {
  source: string;
  headers: string[];
  rows: string[][];
  roles: Record<string, string | null | undefined>;
  expected: Expected[];
}

const headerRows: HeaderRow[] = fs
  .readFileSync(path.join(DIR, "headers.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as HeaderRow);
const tables: [string, Table][] = fs
  .readdirSync(path.join(DIR, "tables"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(DIR, "tables", f), "utf8")) as Table]);

const sameHeaders = (a: string[], b: string[]) =>
  a.length === b.length && a.every((h, i) => h === b[i]);

/**
 * Header rows the engine reads differently from the collector's label, each for its reason.
 * A fix that makes one read right fails the test below, so this list cannot go stale.
 */
const KNOWN_MISREADINGS: Record<string, string> = {
  "Action / Milestones|S / M / L|Resource|Lead|Partners":
    'the timing column is headed "S / M / L" (short, medium, long term): nothing in the header names a deadline, and its cells are relative, so no column reads as the timescale.',
  "Year|Report|Recommendation|Acceptance|Comment from Responsible Minister or Entity Head|Progress|Traffic Light|Date":
    '"Date" is the date of the assessment, which only the document around the table says; a column headed Date is read as the deadline.',
  "No:|Actions|Measures|Targets|Qtr":
    'the collector took "Targets" for the deadlines; the rulebook reads a target as a measure, and "Qtr" (quarter) is a period column.',
  "ACTION POINT|OBJECTIVE|ACTION REQUIRED & TIMESCALES FOR COMPLETION|CONSTRAINTS|ACCOUNTABILITY|OUTCOME (AND/OR IMPACT OF NOT TAKING ACTION)|REFERENCE":
    '"Action point" names the action outright, ahead of the column that names both the action and its timescale; without its cells the header cannot say which holds the work.',
  "Update|Date|Completed?|Note":
    'the action is written in the "Update" column, which the rulebook reads as progress; with no column naming the work, the engine asks.',
  "Recommendation|ECFRS action:|Action:":
    'the deadline is written inside each recommendation ("By 1 June 2023, chief fire officers should ..."); only the cells show it.',
  "|Lead officer|Initial comments|Timetable (if known)":
    "the actions are in a column with no header; only its cells could show it, and the collected row has none.",
};

/** The plan the engine reads: the header row with its table's rows where the table was copied. */
function readHeaderRow(h: HeaderRow): {
  ok: boolean;
  action: string | null;
  timescale: string | null;
} {
  const table = tables.find(([, t]) => sameHeaders(t.headers, h.headers))?.[1];
  const values: CellValue[][] = [h.headers, ...(table?.rows ?? [])];
  const r = readPlan(values, { sheet: "Plan" });
  const header = (c: number | undefined) => (c === undefined ? null : h.headers[c - 1]!);
  if (r.ok)
    return {
      ok: true,
      action: r.plan.headers.action ?? null,
      timescale: r.plan.headers.timescale ?? null,
    };
  return {
    ok: false,
    action: header(r.problem.found?.action),
    timescale: header(r.problem.found?.timescale),
  };
}

/**
 * Read right: the labelled columns; or, for a table with no deadline column or no statement
 * of the work, no plan at all (the engine then asks which column is which).
 */
function readRight(h: HeaderRow): boolean {
  const got = readHeaderRow(h);
  const timescale = h.roles.timescale ?? null;
  if (timescale === null || (h.roles.action ?? null) === null) return !got.ok;
  return got.ok && got.action === (h.roles.action ?? null) && got.timescale === timescale;
}

describe("real header rows", () => {
  it("has at least 40 of them, each with its source", () => {
    expect(headerRows.length).toBeGreaterThanOrEqual(40);
    for (const h of headerRows) expect(h.source).toMatch(/https?:\/\//);
  });

  it.each(headerRows.map((h) => [h.headers.join(" | "), h] as const))(
    "reads %s with the right action and timescale columns",
    (_name, h) => {
      const key = h.headers.join("|");
      const known = KNOWN_MISREADINGS[key];
      if (known !== undefined) {
        // Listed above with its reason; a fix that makes it read right must take it off the list.
        expect({ key, readRight: readRight(h) }).toEqual({ key, readRight: false });
        return;
      }
      expect({ key, ...readHeaderRow(h), right: readRight(h) }).toMatchObject({ key, right: true });
    }
  );

  it("reads at least 80% of them right from their header row (and table) alone", () => {
    const right = headerRows.filter(readRight).length;
    console.log(`real header rows: ${right}/${headerRows.length} read right`);
    expect(right / headerRows.length).toBeGreaterThanOrEqual(0.8);
  });
});

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** The engine's action for a labelled one: in that row, the one whose text it begins. */
function findAction(plan: Plan, e: Expected) {
  const row = e.row + 2; // the header is row 1
  const want = norm(e.action);
  return plan.actions
    .filter((a) => a.source.row === row)
    .find((a) => {
      const got = norm(a.action);
      return got.startsWith(want) || (want.startsWith(got) && got.length >= 10);
    });
}

function dues(values: CellValue[][], formats: (string | undefined)[][] | undefined, t: Table) {
  const r = readPlan(values, { sheet: "Plan" }, undefined, { numberFormats: formats });
  if (!r.ok) {
    // A table with no deadline column is no plan: every action then has no due date.
    return t.expected.map((e) => ({
      row: e.row,
      action: e.action,
      due: null as string | null,
      found: false,
    }));
  }
  return t.expected.map((e) => {
    const a = findAction(r.plan, e);
    return {
      row: e.row,
      action: e.action,
      due: a ? a.timescale.due : null,
      found: a !== undefined,
    };
  });
}

describe("real tables copied row by row", () => {
  it("has at least 10 of them", () => expect(tables.length).toBeGreaterThanOrEqual(10));

  it.each(tables)("%s: every action is found with its due date", (_f, t) => {
    const got = dues([t.headers, ...t.rows], undefined, t);
    const noPlan = !t.roles.timescale && t.expected.every((e) => e.due === null);
    expect(got).toEqual(
      t.expected.map((e) => ({ row: e.row, action: e.action, due: e.due, found: !noPlan }))
    );
  });

  it.each(tables)(
    "%s: typed into Excel (en-GB), the cells Excel turns into numbers read as their text",
    (_f, t) => {
      // Typed in the year of its first due date (Excel fills in the current year).
      const years = t.expected.map((e) => e.due).filter((d): d is string => d !== null);
      const typedIn = years.length ? Number(years.sort()[0]!.slice(0, 4)) : 2024;
      const typed = t.rows.map((row) => row.map((text) => typeIntoExcel(text, "en-GB", typedIn)));
      const values = [t.headers, ...typed.map((row) => row.map((c) => c.value))];
      const formats = [
        t.headers.map(() => "General"),
        ...typed.map((row) => row.map((c) => c.format)),
      ];
      const fromText = dues([t.headers, ...t.rows], undefined, t);
      const fromTyped = dues(values, formats, t);
      // Where Excel kept a day and month but made up the year ("Jun-06" is 6 June of the year
      // it was typed), the only honest reading is "needs a year"; every other action reads
      // exactly as from the text.
      const yearLost = (row: number) => typed[row]!.some((c) => c.format === "d-mmm");
      t.expected.forEach((e, i) => {
        if (yearLost(e.row))
          expect({ action: e.action, due: fromTyped[i]!.due }).toEqual({
            action: e.action,
            due: null,
          });
        else expect(fromTyped[i]).toEqual(fromText[i]);
      });
    }
  );
});
