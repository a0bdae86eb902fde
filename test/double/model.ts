/**
 * The in-memory workbook behind the Excel test double. Plain JSON data only (no classes,
 * no Node APIs), so the same model can be built in Node from a real .xlsx, serialised,
 * and handed to the double running in a browser page for the Playwright tests.
 */

/** One cell. Absent fields mean Excel's defaults (empty, General, no fill, black, not bold). */
export interface CellModel {
  /** The cell's value (for a formula, its last computed value when known). */
  v?: string | number | boolean;
  /** A formula, with its leading "=". */
  f?: string;
  /** Number format; absent = "General". "@" is Text. */
  nf?: string;
  /** Fill colour "#RRGGBB"; absent = no fill. */
  fill?: string;
  /** Font colour "#RRGGBB"; absent = automatic (black). */
  fc?: string;
  b?: boolean;
  i?: boolean;
  u?: boolean;
  size?: number;
  wrap?: boolean;
  h?: string;
  va?: string;
  borderBottom?: boolean;
  /** Hyperlink: a place in the workbook ("'Sheet'!A1") or an address (URL). */
  link?: { documentReference?: string; address?: string; screenTip?: string };
  /** True when the text was entered with a leading apostrophe (Excel's "prefix character"). */
  quotePrefix?: boolean;
}

export interface ChartModel {
  name: string;
  type: string;
  /** Source data address on the chart's sheet, e.g. "A30:F36". */
  source: string;
  seriesBy: string;
  title: string;
  /** Top-left and bottom-right cells set with setPosition. */
  from?: string;
  to?: string;
  width?: number;
  height?: number;
}

export interface SheetModel {
  /** Stable id (Excel gives a GUID-like string). */
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** Sparse cells keyed "row:column", both 1-based. */
  cells: Record<string, CellModel>;
  charts: ChartModel[];
  /** Merged areas, A1 without sheet. */
  merges: string[];
  /** Column widths in points, keyed by 1-based column. */
  columnWidths: Record<string, number>;
  /** Row heights in points, keyed by 1-based row. */
  rowHeights: Record<string, number>;
  frozenRows: number;
}

export interface TableModel {
  name: string;
  sheet: string;
  /** A1 range without the sheet, header row included. */
  address: string;
  showHeaders: boolean;
}

export interface NameModel {
  name: string;
  /** "='Sheet'!$A$1" */
  formula: string;
  visible: boolean;
  comment: string;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  tables: TableModel[];
  names: NameModel[];
  /** Office.context.document.settings as saved in the file (saveAsync writes here). */
  settings: Record<string, unknown>;
  /** Workbook structure protection (sheets cannot be added or deleted). */
  structureProtected: boolean;
  activeSheet: string | null;
  /** The selected range, "'Sheet'!A1". */
  selection: string | null;
  /** Counter for sheet ids. */
  nextId: number;
}

export function emptyWorkbook(): WorkbookModel {
  return {
    sheets: [],
    tables: [],
    names: [],
    settings: {},
    structureProtected: false,
    activeSheet: null,
    selection: null,
    nextId: 1,
  };
}

export function newSheet(model: WorkbookModel, name: string): SheetModel {
  const sheet: SheetModel = {
    id: `{SHEET-${model.nextId++}}`,
    name,
    visibility: "Visible",
    protected: false,
    cells: {},
    charts: [],
    merges: [],
    columnWidths: {},
    rowHeights: {},
    frozenRows: 0,
  };
  model.sheets.push(sheet);
  if (!model.activeSheet) model.activeSheet = name;
  return sheet;
}

export const cellKey = (row: number, column: number): string => `${row}:${column}`;

/** Writes a 2-D array of plain values into a sheet, top-left at (row, column), 1-based. */
export function putValues(
  sheet: SheetModel,
  values: (string | number | boolean | null)[][],
  row = 1,
  column = 1
): void {
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === null || v === "") return;
      const key = cellKey(row + r, column + c);
      sheet.cells[key] = { ...(sheet.cells[key] ?? {}), v };
    })
  );
}

/** A deep copy (the model is plain data). */
export function cloneModel(model: WorkbookModel): WorkbookModel {
  return JSON.parse(JSON.stringify(model)) as WorkbookModel;
}

export function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  const lower = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === lower);
}
