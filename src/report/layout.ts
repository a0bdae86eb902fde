/**
 * The committee summary sheet as data (spec section 5): which value goes in which cell, with
 * which number format and style, which cells merge, how wide each column is, which cells link
 * back to the plan, and where the charts go. Pure: no Office.js, no exceljs. The task pane's
 * Office.js writer and the command line's exceljs writer both render this one description, so
 * the sheet the committee sees cannot drift between them.
 *
 * Columns follow the overdue list, the widest block:
 *   A Key | B Recommendation | C Action | D Timescale | E Due date | F Days overdue | G Lead | H Latest comment
 * The label-and-value blocks (as-at date, headline counts, by area, by lead, chart data) put
 * their labels in column B and their figures from column C, so every block lines up and the
 * sheet prints on one landscape page width.
 *
 * Rules where the spec is silent:
 * - Every string cell carries the number format "@" (text). exceljs writes strings as text
 *   anyway; Office.js would turn "=SUM(A1)" written into `values` into a formula unless the
 *   cell is text-formatted first, so the Office.js writer writes formats before values.
 * - The by-area and by-lead tables show a column for each status that occurs in the plan (in
 *   STATUS_ORDER), then Total. The by-area table, without its Total column, is the chart's
 *   data block: one figure, one place.
 * - The trend covers the reports in the history plus this one (the last 24), shown once there
 *   are two or more points.
 * - Charts go at the end of the sheet so that a writer that cannot draw one (exceljs) leaves
 *   no hole in the middle of the page.
 */
import { a1 } from "../plan/a1";
import {
  STATUS_LABEL,
  STATUS_ORDER,
  daysBetween,
  formatLongDate,
  toExcelSerial,
  type CellRef,
  type ReportRecord,
  type Status,
  type Summary,
  type SummaryItem,
} from "../plan";
import type {
  CellLink,
  ChartSpec,
  LayoutCell,
  SheetLayout,
  StyleName,
  StyleSpec,
} from "./layout-types";

export const DEFAULT_SUMMARY_SHEET = "Committee Summary";

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32_767;
/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;
/** One line of 11-point text, in points. */
const LINE_HEIGHT = 15;
/** The most reports the trend shows. */
const TREND_POINTS = 24;

export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "d mmm yyyy";
export const LONG_DATE_FORMAT = "d mmmm yyyy";
export const PERCENT_FORMAT = "0%";
export const COUNT_FORMAT = "0";

/** Column widths in Excel character units, A to H. */
export const COLUMN_WIDTHS = [8, 36, 44, 18, 13, 12, 24, 40];
const LAST_COLUMN = COLUMN_WIDTHS.length; // H

export const STYLES: Record<StyleName, StyleSpec> = {
  title: { bold: true, size: 16, fontColor: "#1F3864", vertical: "center" },
  subtitle: { italic: true, size: 11, fontColor: "#595959" },
  heading: { bold: true, size: 13, fontColor: "#1F3864", borderBottom: true, vertical: "bottom" },
  label: { bold: true, vertical: "top" },
  body: { wrap: true, horizontal: "left", vertical: "top" },
  tableHeader: {
    bold: true,
    fill: "#D9E1F2",
    wrap: true,
    horizontal: "center",
    vertical: "center",
    borderBottom: true,
  },
  count: { horizontal: "center", vertical: "top" },
  percent: { horizontal: "center", vertical: "top" },
  date: { horizontal: "center", vertical: "top" },
  overdue: { bold: true, fontColor: "#C00000", horizontal: "center", vertical: "top" },
  dueSoon: { bold: true, fontColor: "#9C5700", horizontal: "center", vertical: "top" },
  noDate: { italic: true, fontColor: "#7F6000", wrap: true, vertical: "top" },
  narrative: { wrap: true, vertical: "top", size: 11 },
  link: { fontColor: "#0563C1", underline: true, wrap: true, vertical: "top" },
  muted: { italic: true, fontColor: "#7F7F7F", wrap: false, vertical: "top" },
};

export interface LayoutOptions {
  /** The summary sheet's name (default "Committee Summary"). */
  sheetName?: string;
  /** The plan's sheet, so the "Plan" line links to it. */
  planSheet?: string;
}

/** "'Improvement Plan'!F2": a sheet name quoted the way formulas and links expect. */
export function linkTarget(link: CellLink): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${link.address}`;
}

function text(value: string): string {
  return value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT - 1) + "…" : value;
}

/** Lines a wrapped text takes in a column of this width (a rough, generous estimate). */
export function estimateLines(value: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.15));
  return value
    .split(/\r?\n/)
    .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function heightFor(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(LINE_HEIGHT, lines * LINE_HEIGHT + 3));
}

function toLink(ref: CellRef): CellLink {
  return { sheet: ref.sheet, address: ref.address };
}

/** "22 November 2026 at 19:35 UTC" from an ISO 8601 time; the text as given if it is not one. */
export function formatBuiltAt(builtAt: string): string {
  const t = new Date(builtAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(builtAt) || Number.isNaN(t.getTime())) return builtAt;
  const iso = t.toISOString();
  return `${formatLongDate(iso.slice(0, 10))} at ${iso.slice(11, 16)} UTC`;
}

/** Builds the layout row by row; each section appends below the last. */
class SheetBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};
  row = 1;

  put(
    row: number,
    column: number,
    value: string | number | null,
    style?: StyleName,
    numberFormat?: string,
    link?: CellLink
  ): void {
    const cell: LayoutCell = {
      row,
      column,
      value: typeof value === "string" ? text(value) : value,
    };
    if (typeof value === "string") cell.numberFormat = TEXT_FORMAT;
    if (numberFormat) cell.numberFormat = numberFormat;
    if (style) cell.style = style;
    if (link) cell.link = link;
    this.cells.push(cell);
  }

  merge(row: number, fromColumn: number, toColumn: number, toRow = row): void {
    this.merges.push(`${a1(row, fromColumn)}:${a1(toRow, toColumn)}`);
  }

  /** A section heading across the sheet; leaves `row` on the line below it. */
  heading(title: string): void {
    this.put(this.row, 1, title, "heading");
    this.merge(this.row, 1, LAST_COLUMN);
    this.rowHeights[this.row] = 21;
    this.row += 1;
  }

  /** A paragraph across the sheet, wrapped, its row tall enough for it. */
  paragraph(value: string, style: StyleName): void {
    this.put(this.row, 1, value, style);
    this.merge(this.row, 1, LAST_COLUMN);
    const width = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
    this.rowHeights[this.row] = heightFor(estimateLines(value, width));
    this.row += 1;
  }

  muted(value: string): void {
    this.put(this.row, 1, value, "muted");
    this.row += 1;
  }

  blank(): void {
    this.row += 1;
  }

  /** Fits a row's height to its wrapped cells: [column, text, columns spanned (default 1)]. */
  fitRow(row: number, texts: [number, string, number?][]): void {
    let lines = 1;
    for (const [column, value, span = 1] of texts) {
      const width =
        COLUMN_WIDTHS.slice(column - 1, column - 1 + span).reduce((a, w) => a + w, 0) || 10;
      lines = Math.max(lines, estimateLines(value, width));
    }
    if (lines > 1) this.rowHeights[row] = heightFor(lines);
  }
}

/**
 * The summary sheet for a summary. `history` is the reports already recorded in the workbook,
 * oldest first (this report is added to the trend here; pass the history as read, before the
 * new record is appended).
 */
export function buildSummaryLayout(
  summary: Summary,
  history: ReportRecord[],
  options: LayoutOptions = {}
): SheetLayout {
  const b = new SheetBuilder();
  const name = options.sheetName ?? DEFAULT_SUMMARY_SHEET;

  titleBlock(b, summary, options);
  b.heading("Summary for the committee report");
  b.paragraph(summary.narrative, "narrative");
  if (summary.progress) {
    b.blank();
    b.heading("Progress since the last report");
    b.paragraph(summary.progress, "body");
  }
  b.blank();
  headline(b, summary);
  b.blank();
  const presentStatuses = STATUS_ORDER.filter((s) => summary.counts[s] > 0);
  const areaBlock = groupTable(b, "By area", "Area", summary.byArea, presentStatuses);
  b.blank();
  groupTable(b, "By lead", "Lead", summary.byLead, presentStatuses);
  b.blank();

  itemList(
    b,
    `Overdue actions (${summary.overdue.length}), most overdue first`,
    summary.overdue,
    "overdue",
    summary
  );
  b.blank();
  itemList(
    b,
    `Actions due soon (${summary.dueSoon.length}), ${dueSoonWindow(summary)}`,
    summary.dueSoon,
    "dueSoon",
    summary
  );
  b.blank();
  itemList(
    b,
    `Actions with no date or needing review (${summary.noDate.length})`,
    summary.noDate,
    "noDate",
    summary
  );
  if (summary.onHold.length > 0) {
    b.blank();
    itemList(b, `Actions on hold (${summary.onHold.length})`, summary.onHold, "onHold", summary);
  }
  if (summary.slipped.length > 0) {
    b.blank();
    itemList(
      b,
      `Actions whose timescale was revised later (${summary.slipped.length})`,
      summary.slipped,
      "slipped",
      summary
    );
  }

  const points = trendPoints(summary, history);
  let trendBlock: string | null = null;
  if (points.length >= 2) {
    b.blank();
    trendBlock = trendTable(b, points);
  }

  const charts: ChartSpec[] = [];
  if (areaBlock || trendBlock) {
    b.blank();
    b.heading("Charts");
    if (areaBlock) {
      charts.push({
        name: "PlanTracker_StatusByArea",
        type: "columnStacked",
        title: "Actions by status and area",
        dataAddress: areaBlock,
        seriesBy: "columns",
        anchor: a1(b.row, 2),
        width: 720,
        height: 300,
      });
      b.row += 21;
    }
    if (trendBlock) {
      charts.push({
        name: "PlanTracker_Trend",
        type: "line",
        title: "Actions by status at each report",
        dataAddress: trendBlock,
        seriesBy: "columns",
        anchor: a1(b.row, 2),
        width: 720,
        height: 300,
      });
      b.row += 21;
    }
  }

  return {
    name,
    columnWidths: COLUMN_WIDTHS.slice(),
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    charts,
    freezeRows: 0,
  };
}

function dueSoonWindow(summary: Summary): string {
  return summary.nextCommittee
    ? `due by the next committee on ${formatLongDate(summary.nextCommittee)}`
    : `due within ${summary.dueSoonDays} days`;
}

function titleBlock(b: SheetBuilder, summary: Summary, options: LayoutOptions): void {
  b.put(1, 1, `${summary.planName}: committee summary`, "title");
  b.merge(1, 1, LAST_COLUMN);
  b.rowHeights[1] = 27;
  const info: [string, string | number, StyleName, string | undefined, CellLink | undefined][] = [
    ["As at", toExcelSerial(summary.asAt), "body", LONG_DATE_FORMAT, undefined],
    [
      "Plan",
      summary.source,
      options.planSheet ? "link" : "body",
      undefined,
      options.planSheet ? { sheet: options.planSheet, address: "A1" } : undefined,
    ],
    ["Built", formatBuiltAt(summary.builtAt), "body", undefined, undefined],
    [
      "Due soon means",
      summary.nextCommittee
        ? `Due on or before the next committee, ${formatLongDate(summary.nextCommittee)}`
        : `Due within ${summary.dueSoonDays} days of the as-at date`,
      "body",
      undefined,
      undefined,
    ],
    [
      "Actions",
      `${summary.total} actions under ${summary.recommendations} recommendations`,
      "body",
      undefined,
      undefined,
    ],
  ];
  b.row = 2;
  for (const [label, value, style, format, link] of info) {
    b.put(b.row, 2, label, "label");
    b.put(b.row, 3, value, style, format, link);
    b.row += 1;
  }
  b.blank();
}

function headline(b: SheetBuilder, summary: Summary): void {
  b.heading("Headline");
  b.put(b.row, 2, "Status", "tableHeader");
  b.put(b.row, 3, "Actions", "tableHeader");
  b.put(b.row, 4, "Share", "tableHeader");
  b.row += 1;
  for (const status of STATUS_ORDER) {
    b.put(b.row, 2, STATUS_LABEL[status], "label");
    b.put(
      b.row,
      3,
      summary.counts[status],
      countStyle(status, summary.counts[status]),
      COUNT_FORMAT
    );
    b.put(b.row, 4, summary.shares[status], "percent", PERCENT_FORMAT);
    b.row += 1;
  }
  b.put(b.row, 2, "Total", "label");
  b.put(b.row, 3, summary.total, "count", COUNT_FORMAT);
  b.put(b.row, 4, summary.total > 0 ? 1 : 0, "percent", PERCENT_FORMAT);
  b.row += 1;
}

function countStyle(status: Status, n: number): StyleName {
  if (n === 0) return "count";
  if (status === "overdue") return "overdue";
  if (status === "due_soon") return "dueSoon";
  return "count";
}

/** A table of counts per group; returns the address of its name and status columns (the chart's data block), or null when empty. */
function groupTable(
  b: SheetBuilder,
  title: string,
  nameHeader: string,
  groups: Summary["byArea"],
  statuses: Status[]
): string | null {
  b.heading(title);
  if (groups.length === 0) {
    b.muted("None.");
    return null;
  }
  const header = b.row;
  b.put(header, 2, nameHeader, "tableHeader");
  statuses.forEach((s, i) => b.put(header, 3 + i, STATUS_LABEL[s], "tableHeader"));
  const totalColumn = 3 + statuses.length;
  b.put(header, totalColumn, "Total", "tableHeader");
  b.row += 1;
  for (const group of groups) {
    b.put(b.row, 2, group.name, "body");
    statuses.forEach((s, i) => b.put(b.row, 3 + i, group.counts[s], "count", COUNT_FORMAT));
    b.put(b.row, totalColumn, group.total, "count", COUNT_FORMAT);
    b.fitRow(b.row, [[2, group.name]]);
    b.row += 1;
  }
  if (statuses.length === 0) return null;
  return `${a1(header, 2)}:${a1(b.row - 1, totalColumn - 1)}`;
}

type ListKind = "overdue" | "dueSoon" | "noDate" | "onHold" | "slipped";

const LIST_HEADERS: Record<ListKind, string[]> = {
  overdue: [
    "Key",
    "Recommendation",
    "Action",
    "Timescale",
    "Due date",
    "Days overdue",
    "Lead",
    "Latest comment",
  ],
  dueSoon: [
    "Key",
    "Recommendation",
    "Action",
    "Timescale",
    "Due date",
    "Days to go",
    "Lead",
    "Latest comment",
  ],
  noDate: ["Key", "Recommendation", "Action", "Timescale", "Reason", "", "Lead", "Latest comment"],
  onHold: [
    "Key",
    "Recommendation",
    "Action",
    "Timescale",
    "Due date",
    "",
    "Lead",
    "Latest comment",
  ],
  slipped: [
    "Key",
    "Recommendation",
    "Action",
    "Timescale",
    "Due date",
    "Was",
    "Lead",
    "Latest comment",
  ],
};

function itemList(
  b: SheetBuilder,
  title: string,
  items: SummaryItem[],
  kind: ListKind,
  summary: Summary
): void {
  b.heading(title);
  if (items.length === 0) {
    b.muted("None.");
    return;
  }
  const headers = LIST_HEADERS[kind];
  headers.forEach((h, i) => b.put(b.row, i + 1, h, "tableHeader"));
  if (kind === "noDate") b.merge(b.row, 5, 6);
  b.rowHeights[b.row] = 2 * LINE_HEIGHT; // "Days overdue" wraps in its narrow column
  b.row += 1;
  for (const item of items) {
    const r = b.row;
    b.put(r, 1, item.key, "body");
    b.put(r, 2, item.recommendation, "body");
    b.put(r, 3, item.action, "link", undefined, toLink(item.source));
    b.put(r, 4, item.timescale, "link", undefined, toLink(item.timescaleSource));
    const wrapped: [number, string, number?][] = [
      [2, item.recommendation],
      [3, item.action],
      [4, item.timescale],
      [7, item.lead],
      [8, item.latestComment],
    ];
    if (kind === "noDate") {
      const reason = item.reason ?? "";
      b.put(r, 5, reason, "noDate");
      b.merge(r, 5, 6);
      wrapped.push([5, reason, 2]);
    } else {
      b.put(r, 5, item.due ? toExcelSerial(item.due) : null, "date", DATE_FORMAT);
      if (kind === "overdue") b.put(r, 6, item.daysOverdue, "overdue", COUNT_FORMAT);
      if (kind === "dueSoon" && item.due)
        b.put(r, 6, daysBetween(summary.asAt, item.due), "dueSoon", COUNT_FORMAT);
      if (kind === "slipped" && item.originalTimescale) {
        b.put(r, 6, item.originalTimescale, "body");
        wrapped.push([6, item.originalTimescale]);
      }
    }
    b.put(r, 7, item.lead, "body");
    b.put(r, 8, item.latestComment, "body");
    b.fitRow(r, wrapped);
    b.row += 1;
  }
}

const TREND_STATUSES: Status[] = [
  "overdue",
  "due_soon",
  "not_yet_due",
  "ongoing",
  "no_date",
  "complete",
];

/** The history plus this report, oldest first, at most TREND_POINTS of them. */
export function trendPoints(summary: Summary, history: ReportRecord[]): ReportRecord[] {
  const current: ReportRecord = {
    asAt: summary.asAt,
    builtAt: summary.builtAt,
    total: summary.total,
    counts: summary.counts,
  };
  const last = history[history.length - 1];
  const all =
    last && last.builtAt === current.builtAt && last.asAt === current.asAt
      ? history.slice()
      : [...history, current];
  return all.slice(-TREND_POINTS);
}

/** The trend's data block; returns its address. */
function trendTable(b: SheetBuilder, points: ReportRecord[]): string {
  b.heading("Trend: actions by status at each report");
  const header = b.row;
  b.put(header, 2, "As at", "tableHeader");
  TREND_STATUSES.forEach((s, i) => b.put(header, 3 + i, STATUS_LABEL[s], "tableHeader"));
  b.row += 1;
  for (const p of points) {
    b.put(b.row, 2, toExcelSerial(p.asAt), "date", DATE_FORMAT);
    TREND_STATUSES.forEach((s, i) => b.put(b.row, 3 + i, p.counts[s] ?? 0, "count", COUNT_FORMAT));
    b.row += 1;
  }
  return `${a1(header, 2)}:${a1(b.row - 1, 2 + TREND_STATUSES.length)}`;
}

/** The note a writer that cannot draw charts puts at a chart's anchor. */
export function chartNote(chart: ChartSpec): string {
  return `The chart "${chart.title}" (data: ${chart.dataAddress}) is added when the summary is built from the Plan Tracker task pane in Excel.`;
}
