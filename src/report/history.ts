/**
 * The report history both writers share: every committee summary built (from the task pane
 * or the command line) adds one row to a small hidden sheet the add-in owns, so that reports
 * made either way form one history and the next summary can say what changed since.
 *
 * The sheet, "PlanTrackerHistory" (hidden), holds:
 *
 *   row 1   A1 "Summary sheet"  B1 <the name of the add-in's own summary sheet>
 *   row 2   (empty)
 *   row 3   the header: As at | Built at | Total | Overdue | Due soon | ... | Withdrawn
 *   row 4+  one row per report, oldest first
 *
 * B1 is how the add-in marks its own summary sheet. A marker cell was chosen over a defined
 * name or a custom XML part because plain cell values are the one thing every writer carries
 * faithfully: exceljs reads and writes them exactly, Office.js writes them in the same single
 * `values` assignment as the history rows, and an officer can see and fix it. A sheet whose
 * name is not in B1 is the officer's and is never overwritten.
 *
 * Dates are stored as text ("2006-12-28", "2026-11-22T19:35:00.000Z") so they mean the same
 * in every time zone. Office.js parses a string that looks like a date into a date serial
 * unless the cells are formatted as text first, so the Office.js writer sets the number format
 * "@" on the history range before writing (HISTORY_TEXT_FORMAT); parseHistory also reads
 * serials back, in case an officer's Excel converted them anyway.
 */
import {
  STATUS_LABEL,
  STATUS_ORDER,
  fromExcelSerial,
  parseIsoDate,
  type CellValue,
  type ReportRecord,
  type Status,
  type StatusCounts,
} from "../plan";

export const HISTORY_SHEET = "PlanTrackerHistory";
/** A1's label; B1 holds the summary sheet's name. */
export const SUMMARY_MARKER_LABEL = "Summary sheet";
/** 1-based row of the header. */
export const HISTORY_HEADER_ROW = 3;
/** The number format the history cells are written with, so no writer turns text into dates. */
export const HISTORY_TEXT_FORMAT = "@";

export const HISTORY_HEADER: string[] = [
  "As at",
  "Built at",
  "Total",
  ...STATUS_ORDER.map((s) => STATUS_LABEL[s]),
];

/** One row of the history table for each record, in the header's column order. */
export function historyRows(records: ReportRecord[]): (string | number)[][] {
  return records.map((r) => [
    r.asAt,
    r.builtAt,
    r.total,
    ...STATUS_ORDER.map((s) => r.counts[s] ?? 0),
  ]);
}

/**
 * The whole history sheet as one 2-D array (marker, blank row, header, records), every row
 * as wide as the header, so a writer can put it down in one assignment.
 */
export function historySheetValues(
  summarySheetName: string,
  records: ReportRecord[]
): (string | number)[][] {
  const width = HISTORY_HEADER.length;
  const pad = (row: (string | number)[]): (string | number)[] => [
    ...row,
    ...Array(width - row.length).fill(""),
  ];
  return [
    pad([SUMMARY_MARKER_LABEL, summarySheetName]),
    pad([]),
    HISTORY_HEADER.slice(),
    ...historyRows(records),
  ];
}

/** The add-in's own summary sheet's name, as marked in the history sheet's values; null if unmarked. */
export function markedSummarySheet(values: CellValue[][]): string | null {
  const first = values[0];
  if (!first || String(first[0] ?? "").trim() !== SUMMARY_MARKER_LABEL) return null;
  const name = String(first[1] ?? "").trim();
  return name === "" ? null : name;
}

const LABEL_TO_STATUS = new Map<string, Status>(
  STATUS_ORDER.map((s) => [STATUS_LABEL[s].toLowerCase(), s])
);

function dateText(value: CellValue): string | null {
  if (typeof value === "number") return fromExcelSerial(value);
  if (typeof value === "string")
    return parseIsoDate(value.trim().slice(0, 10)) ? value.trim() : null;
  return null;
}

/** A built-at cell back to ISO 8601: text as written, or a serial with its time of day (taken as UTC). */
function builtAtText(value: CellValue): string {
  if (typeof value === "number" && Number.isFinite(value)) {
    const ms = Math.round((value - 25569) * 86_400_000);
    return new Date(ms).toISOString();
  }
  return String(value ?? "").trim();
}

/**
 * The reports recorded in a history sheet's values (as `Range.values` gives them, from A1),
 * oldest first. Columns are found by their header text, so a reordered or widened table
 * still reads; rows without a readable as-at date are left out (they are not reports).
 */
export function parseHistory(values: CellValue[][]): ReportRecord[] {
  const headerIndex = values.findIndex(
    (row) =>
      String(row?.[0] ?? "")
        .trim()
        .toLowerCase() === "as at" &&
      row.some(
        (c) =>
          String(c ?? "")
            .trim()
            .toLowerCase() === "total"
      )
  );
  if (headerIndex < 0) return [];
  const header = values[headerIndex].map((c) =>
    String(c ?? "")
      .trim()
      .toLowerCase()
  );
  const col = (label: string): number => header.indexOf(label.toLowerCase());
  const asAtCol = col("As at");
  const builtCol = col("Built at");
  const totalCol = col("Total");
  const statusCols: [Status, number][] = [];
  header.forEach((h, i) => {
    const status = LABEL_TO_STATUS.get(h);
    if (status) statusCols.push([status, i]);
  });

  const records: ReportRecord[] = [];
  for (const row of values.slice(headerIndex + 1)) {
    if (!row) continue;
    const asAt = dateText(row[asAtCol]);
    if (!asAt) continue;
    const counts = {} as StatusCounts;
    for (const s of STATUS_ORDER) counts[s] = 0;
    for (const [status, i] of statusCols) counts[status] = toCount(row[i]);
    const total =
      totalCol >= 0 && row[totalCol] !== ""
        ? toCount(row[totalCol])
        : STATUS_ORDER.reduce((n, s) => n + counts[s], 0);
    records.push({
      asAt: asAt.slice(0, 10),
      builtAt: builtCol >= 0 ? builtAtText(row[builtCol]) : "",
      total,
      counts,
    });
  }
  return records;
}

function toCount(value: CellValue): number {
  const n = typeof value === "number" ? value : Number(String(value ?? "").trim());
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : 0;
}
