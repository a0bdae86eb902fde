/**
 * Finding the plan in the open workbook: the one module the custom functions and
 * the task pane share, so both read the same table the same way.
 *
 * Read-only by design (custom functions must never write to the workbook): it
 * only loads names, addresses and values, through a request context it is given
 * (`new Excel.RequestContext()` in a custom function, the `Excel.run` context in
 * the pane). Two syncs at most, whatever the workbook holds: the first learns
 * which tables and sheets exist, the second reads all their values in one batch.
 */
import { findHeaderRow, type CellValue, type ValuesOrigin } from "../plan";

/** A table or sheet that might hold the plan, with its values already read. */
export interface LocatedCandidate {
  /** "table:<name>" for an Excel Table, "sheet:<name>" for a sheet's used range. */
  id: string;
  sheet: string;
  /** The Excel Table's name, when the candidate is one. */
  table?: string;
  /** The address read, without the sheet, e.g. "A1:G19". */
  address: string;
  /** Range.values of the table (header row included) or of the used range. */
  values: CellValue[][];
  /** Where values[0][0] sits, so the engine's cell references are real addresses. */
  origin: Required<ValuesOrigin>;
}

/** "'Improvement Plan'!B3:H40" -> "B3:H40". */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** The 1-based row and column of an A1 address's top-left cell ("B3:H40" -> row 3, column 2). */
export function topLeft(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(stripSheet(address));
  if (!m) return { row: 1, column: 1 };
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/**
 * Every table, then every sheet without a table, with its values, in at most two
 * syncs. A sheet that holds a table is not offered again as a plain range: the
 * table is the officer's own statement of where the data is.
 */
export async function findPlanCandidates(
  context: Excel.RequestContext
): Promise<LocatedCandidate[]> {
  const tables = context.workbook.tables;
  const sheets = context.workbook.worksheets;
  tables.load("items/name,items/worksheet/name");
  sheets.load("items/name");
  await context.sync();

  const sheetsWithTables = new Set(tables.items.map((t) => t.worksheet.name));
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("address,values");
    return { table, range };
  });
  const usedRanges = sheets.items
    .filter((sheet) => !sheetsWithTables.has(sheet.name))
    .map((sheet) => {
      // valuesOnly: formatting alone does not widen the range read.
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load("address,values");
      return { sheet, range };
    });
  if (tableRanges.length === 0 && usedRanges.length === 0) return [];
  await context.sync();

  const out: LocatedCandidate[] = [];
  for (const { table, range } of tableRanges) {
    const address = stripSheet(range.address);
    out.push({
      id: `table:${table.name}`,
      sheet: table.worksheet.name,
      table: table.name,
      address,
      values: range.values as CellValue[][],
      origin: { sheet: table.worksheet.name, ...topLeft(address) },
    });
  }
  for (const { sheet, range } of usedRanges) {
    if (range.isNullObject) continue; // an empty sheet
    const address = stripSheet(range.address);
    out.push({
      id: `sheet:${sheet.name}`,
      sheet: sheet.name,
      address,
      values: range.values as CellValue[][],
      origin: { sheet: sheet.name, ...topLeft(address) },
    });
  }
  return out;
}

/** True when the engine finds a plan's header row (an action and a timescale column) in the values. */
export function looksLikePlan(values: CellValue[][]): boolean {
  if (!values || values.length === 0) return false;
  return findHeaderRow(values) !== null;
}

/** The candidates that look like plans, in the order found (tables first). */
export function pickPlans(candidates: LocatedCandidate[]): LocatedCandidate[] {
  return candidates.filter((c) => looksLikePlan(c.values));
}

/**
 * The plan to read: the one with `preferredId` when it still looks like a plan,
 * else the first that does (tables before plain sheets), else null.
 */
export function pickPlan(
  candidates: LocatedCandidate[],
  preferredId?: string | null
): LocatedCandidate | null {
  const plans = pickPlans(candidates);
  if (preferredId) {
    const preferred = plans.find((c) => c.id === preferredId);
    if (preferred) return preferred;
  }
  return plans[0] ?? null;
}
