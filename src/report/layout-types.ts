/**
 * The committee summary sheet, described once as data. The Office.js writer (task pane)
 * and the exceljs writer (command line) both render this description, so the sheet the
 * committee sees is the same whichever way it was built.
 */

/** Named styles; each writer maps a name to its own API (see STYLES in layout.ts). */
export type StyleName =
  | "title"
  | "subtitle"
  | "heading"
  | "label"
  | "body"
  | "tableHeader"
  | "count"
  | "percent"
  | "date"
  | "overdue"
  | "dueSoon"
  | "noDate"
  | "narrative"
  | "link"
  | "muted";

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
  /** "#RRGGBB". */
  fontColor?: string;
  /** "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  /** Thin bottom border (table headers). */
  borderBottom?: boolean;
}

/** A link to a cell of the workbook (a source cell in the plan). */
export interface CellLink {
  sheet: string;
  /** A1 address without the sheet. */
  address: string;
}

export interface LayoutCell {
  /** 1-based row and column on the summary sheet. */
  row: number;
  column: number;
  /**
   * Strings are always written as text, never evaluated (a plan action that starts with
   * "=", "+", "-" or "@" must not become a formula). Dates are Excel serials with a date format.
   */
  value: string | number | null;
  numberFormat?: string;
  style?: StyleName;
  link?: CellLink;
}

export interface ChartSpec {
  /** Stable name, so a rebuild finds and replaces it. */
  name: string;
  type: "columnStacked" | "line";
  title: string;
  /** The data block on the summary sheet, header row and first column included ("A30:F36"). */
  dataAddress: string;
  /** Series are the data block's columns (after the first), categories its rows. */
  seriesBy: "columns";
  /** Top-left cell the chart is anchored at, and its size in points. */
  anchor: string;
  width: number;
  height: number;
}

export interface SheetLayout {
  name: string;
  /** Column widths in Excel character units, index 0 = column A. */
  columnWidths: number[];
  cells: LayoutCell[];
  /** Ranges to merge, e.g. "A1:H1". */
  merges: string[];
  /** Rows (1-based) whose height should fit wrapped text: row -> height in points. */
  rowHeights: Record<number, number>;
  charts: ChartSpec[];
  /** Rows above this stay in view when scrolling (0 = none). */
  freezeRows: number;
}
