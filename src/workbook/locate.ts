/**
 * Finding the plan in the open workbook: the one module the custom functions and the
 * task pane share, so both read the same table the same way.
 *
 * Read-only by design (custom functions must never write to the workbook): it only loads
 * names, addresses and values, through a request context it is given
 * (`new Excel.RequestContext()` in a custom function, the `Excel.run` context in the pane).
 *
 * Never a whole plan in one go: candidates are recognised from their first rows (two syncs,
 * whatever the workbook holds), and only the chosen plan is read, in blocks that keep each
 * request under Excel on the web's 5 MB (src/workbook/blocks.ts).
 */
import {
  findHeaderRow,
  formatColumns,
  resolveChoices,
  type CellValue,
  type ColumnChoices,
  type NumberFormats,
  type ReadSettings,
  type ValuesOrigin,
} from "../plan";
import { HISTORY_SHEET, markedSummarySheet } from "../report/history";
import { readValuesInBlocks, type GridBox } from "./blocks";

/** Rows read from the top of each table or sheet to recognise a plan's header row. */
export const HEADER_PROBE_ROWS = 40;

/** A table or sheet that looks like a plan, recognised from its first rows. */
export interface PlanProbe {
  /** "table:<name>" for an Excel Table, "sheet:<name>" for a sheet's used range. */
  id: string;
  sheet: string;
  /** The Excel Table's name, when the candidate is one. */
  table?: string;
  /** The address of the whole table or used range, without the sheet, e.g. "A1:G19". */
  address: string;
  /** Its first rows, as read to recognise it (they say which columns need their formats). */
  head?: CellValue[][];
}

/** A candidate with its values read. */
export interface LocatedCandidate extends PlanProbe {
  /** Range.values of the table (header row included) or of the used range. */
  values: CellValue[][];
  /** Number formats of the timescale, revised and status columns (others undefined). */
  formats?: NumberFormats;
  /** Where values[0][0] sits, so the engine's cell references are real addresses. */
  origin: Required<ValuesOrigin>;
}

export interface ListedPlans {
  /** Every sheet of the workbook, in tab order. */
  sheetNames: string[];
  /** The tables and sheets that look like plans: tables first, then sheets without one. */
  plans: PlanProbe[];
}

/** "'Improvement Plan'!B3:H40" -> "B3:H40". */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** An A1 box ("B3:H40", with or without sheet and $) as 0-based indexes, or null if it is not one. */
export function gridBox(address: string): GridBox | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
    stripSheet(address)
  );
  if (!m) return null;
  const col = (s: string) =>
    [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? col(m[3]) : left;
  return {
    rowIndex: top - 1,
    columnIndex: left - 1,
    rowCount: bottom - top + 1,
    columnCount: right - left + 1,
  };
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** True when the engine finds a plan's header row (an action and a timescale column) in the values. */
export function looksLikePlan(values: CellValue[][]): boolean {
  if (!values || values.length === 0) return false;
  return findHeaderRow(values) !== null;
}

/**
 * The tables and sheets that look like plans, in two syncs: what exists; then each one's
 * address and first rows, with the history sheet's marker naming the add-in's own summary
 * sheet (whose lists have Action and Timescale columns, but which is no plan). A sheet that
 * holds a table is not offered again as a plain range: the table is the officer's own
 * statement of where the data is. `alongside` queues the caller's loads into the second
 * request, given the sheet names.
 */
export async function listPlanCandidates(
  context: Excel.RequestContext,
  alongside?: (sheetNames: string[]) => void
): Promise<ListedPlans> {
  const tables = context.workbook.tables;
  const sheets = context.workbook.worksheets;
  tables.load("items/name,items/worksheet/name");
  sheets.load("items/name");
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const withTables = new Set(tables.items.map((t) => t.worksheet.name));
  const history = sheetNames.find((n) => sameName(n, HISTORY_SHEET));
  const marker = history ? sheets.getItem(history).getRange("A1:B1") : null;
  marker?.load("values");
  const probe = (range: Excel.Range) => {
    range.load("address");
    const head = range.getRow(0).getResizedRange(HEADER_PROBE_ROWS - 1, 0);
    head.load("values");
    return { range, head };
  };
  const probes = [
    ...tables.items.map((t) => ({
      id: `table:${t.name}`,
      sheet: t.worksheet.name,
      table: t.name as string | undefined,
      ...probe(t.getRange()),
    })),
    ...sheetNames
      .filter((n) => !withTables.has(n) && n !== history)
      // valuesOnly: formatting alone does not widen the range; an empty sheet gives A1.
      .map((n) => ({
        id: `sheet:${n}`,
        sheet: n,
        table: undefined as string | undefined,
        ...probe(sheets.getItem(n).getUsedRange(true)),
      })),
  ];
  alongside?.(sheetNames);
  await context.sync();

  const ownSummary = marker ? markedSummarySheet(marker.values as CellValue[][]) : null;
  const plans: PlanProbe[] = [];
  for (const p of probes) {
    if (ownSummary && !p.table && sameName(p.sheet, ownSummary)) continue;
    const head = p.head.values as CellValue[][];
    if (!looksLikePlan(head)) continue;
    plans.push({
      id: p.id,
      sheet: p.sheet,
      ...(p.table ? { table: p.table } : {}),
      address: stripSheet(p.range.address),
      head,
    });
  }
  return { sheetNames, plans };
}

/** How the officer reads this plan: the columns chosen for it and the workbook's read settings. */
export interface ReadingChoices {
  columns?: ColumnChoices;
  settings?: Partial<ReadSettings>;
}

/**
 * The columns of a probed plan whose number formats the engine needs (0-based into the plan's
 * range): its timescale, revised and status columns, as its first rows and the officer's
 * choices say.
 */
export function probeFormatColumns(
  probe: PlanProbe,
  box: GridBox,
  reading: ReadingChoices = {}
): number[] {
  if (!probe.head) return [];
  return formatColumns(probe.head, {
    settings: reading.settings,
    choices: resolveChoices(reading.columns, box.columnIndex + 1),
    headerRowFirst: probe.table !== undefined,
  });
}

/**
 * A candidate's values, and the number formats of the columns that need them, read in blocks of
 * one sync each (one sync for a plan that fits a request).
 */
export async function readCandidate(
  context: Excel.RequestContext,
  probe: PlanProbe,
  reading: ReadingChoices = {}
): Promise<LocatedCandidate> {
  const box = gridBox(probe.address);
  if (!box) throw new Error(`Plan Tracker could not understand the address "${probe.address}".`);
  const { values, formats } = await readValuesInBlocks(
    context,
    context.workbook.worksheets.getItem(probe.sheet),
    box,
    undefined,
    probeFormatColumns(probe, box, reading)
  );
  return {
    ...probe,
    values,
    formats,
    origin: { sheet: probe.sheet, row: box.rowIndex + 1, column: box.columnIndex + 1 },
  };
}

/**
 * The plan with `preferredId` when it still looks like one, else the first that does (tables
 * before plain sheets), else null.
 */
export function pickPlan<T extends PlanProbe>(plans: T[], preferredId?: string | null): T | null {
  if (preferredId) {
    const preferred = plans.find((c) => c.id === preferredId);
    if (preferred) return preferred;
  }
  return plans[0] ?? null;
}

/** The workbook's plan with its values, or null: three syncs for a plan that fits one request. */
export async function findWorkbookPlan(
  context: Excel.RequestContext,
  preferredId?: string | null,
  readingOf: (id: string) => ReadingChoices = () => ({})
): Promise<LocatedCandidate | null> {
  const { plans } = await listPlanCandidates(context);
  const chosen = pickPlan(plans, preferredId);
  return chosen ? readCandidate(context, chosen, readingOf(chosen.id)) : null;
}
