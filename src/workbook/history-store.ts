/**
 * The report history on the add-in's own hidden sheet (format in src/report/history.ts, shared
 * with the command line): one row per committee summary built, and in B1 the name of the
 * add-in's own summary sheet, which is how a rebuild knows which sheet it may replace.
 */
import type { CellValue, ReportRecord } from "../plan";
import {
  HISTORY_SHEET,
  HISTORY_TEXT_FORMAT,
  historySheetValues,
  markedSummarySheet,
  parseHistory,
} from "../report/history";

export { HISTORY_SHEET };

export interface HistoryState {
  records: ReportRecord[];
  /** The add-in's own summary sheet as marked in the history sheet (null if none). */
  summarySheet: string | null;
}

export const EMPTY_HISTORY: HistoryState = { records: [], summarySheet: null };

export function historyFromValues(values: CellValue[][] | null | undefined): HistoryState {
  if (!values) return EMPTY_HISTORY;
  return { records: parseHistory(values), summarySheet: markedSummarySheet(values) };
}

/** Queues a read of the history sheet, which the caller knows exists. */
export function queueHistoryRead(context: Excel.RequestContext): Excel.Range {
  const range = context.workbook.worksheets.getItem(HISTORY_SHEET).getUsedRange(true);
  range.load("address,values");
  return range;
}

/** The history from a loaded used range, padded so values[0][0] is A1 (the format counts from A1). */
export function historyFromRange(range: Excel.Range): HistoryState {
  const m = /!?\$?([A-Za-z]{1,3})\$?(\d+)/.exec(
    range.address.slice(range.address.lastIndexOf("!") + 1)
  );
  const values = range.values as CellValue[][];
  if (!m) return historyFromValues(values);
  const column = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const pad = Array(column - 1).fill("");
  const padded: CellValue[][] = [
    ...Array.from({ length: row - 1 }, () => [] as CellValue[]),
    ...values.map((line) => [...pad, ...line]),
  ];
  return historyFromValues(padded);
}

/**
 * Queues the whole history sheet (marker, header, every record) as one assignment, text
 * formatted first so that dates stay text. Creates the sheet, hidden, when it is missing.
 */
export function queueHistoryWrite(
  context: Excel.RequestContext,
  exists: boolean,
  summarySheet: string,
  records: ReportRecord[]
): void {
  const sheets = context.workbook.worksheets;
  const sheet = exists ? sheets.getItem(HISTORY_SHEET) : sheets.add(HISTORY_SHEET);
  const values = historySheetValues(summarySheet, records);
  const range = sheet.getRangeByIndexes(0, 0, values.length, values[0].length);
  range.numberFormat = values.map((row) => row.map(() => HISTORY_TEXT_FORMAT));
  // A write, not a read: the rule mistakes it for one.
  // eslint-disable-next-line office-addins/call-sync-after-load
  range.values = values;
  if (!exists) sheet.visibility = "Hidden" as Excel.SheetVisibility;
}
