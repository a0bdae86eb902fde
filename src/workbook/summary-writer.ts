/**
 * Renders a SheetLayout (src/report/layout.ts, shared with the command line's exceljs writer)
 * onto a worksheet with Office.js, in as few and as small requests as the rules allow:
 *
 * - number formats, then values, each as one 2-D assignment per block of rows (the number
 *   format first because a cell formatted as Text "@" keeps "=SUM(A1)" as text; a string the
 *   layout did not mark as text gets Excel's own escape, a leading apostrophe, when Excel
 *   would otherwise read it as a formula, number, date or TRUE/FALSE);
 * - then links back to the plan, then styles, grouped: every cell of one style is covered by as
 *   few rectangles as possible and, where ExcelApi 1.9 offers getRanges, by one address list per style;
 * - then merges, widths, heights and charts.
 *
 * Everything is queued on the caller's context; the writer syncs only when the queued request
 * would grow past its byte budget, so that no request passes Excel on the web's 5 MB.
 */
import type {
  CellLink,
  ChartSpec,
  LayoutCell,
  SheetLayout,
  StyleName,
  StyleSpec,
} from "../report/layout-types";
import { columnLetters } from "../plan/a1";
import { STYLES, linkTarget } from "../report/layout";
import type { Capabilities } from "./requirements";

/** Bytes we let one request grow to before sending it (Excel on the web's limit is 5 MB). */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Rough JSON cost of one queued command (object path and action), beyond its arguments. */
const COMMAND_BYTES = 120;
/** Keeps each getRanges address list short. */
const MAX_ADDRESS_LIST = 2_000;

/** Counts what goes into the current request and sends it before it gets too big. */
export class RequestBudget {
  private bytes = 0;
  syncs = 0;
  constructor(
    private context: Excel.RequestContext,
    private limit = REQUEST_BUDGET_BYTES
  ) {}
  /** Call before queuing a command that carries about `argBytes` of data. */
  async reserve(argBytes = 0): Promise<void> {
    const cost = COMMAND_BYTES + argBytes;
    if (this.bytes > 0 && this.bytes + cost > this.limit) {
      await this.flush();
    }
    this.bytes += cost;
  }
  async flush(): Promise<void> {
    this.syncs++;
    this.bytes = 0;
    await this.context.sync();
  }
  get queuedBytes(): number {
    return this.bytes;
  }
}

/**
 * The value to assign so Excel stores exactly this text: strings in a Text-formatted cell go
 * as they are; elsewhere a string Excel would read as a formula (=, +, -, @), a number, a date
 * or a boolean gets a leading apostrophe, which Excel keeps as the cell's prefix, not its text.
 */
export function safeValue(
  value: string | number | boolean | null,
  numberFormat: string | undefined
): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  if (numberFormat === "@") return value;
  return needsQuote(value) ? `'${value}` : value;
}

export function needsQuote(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@'']/.test(text)) return true;
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return true;
  if (/^#/.test(t)) return true; // "#N/A" and friends
  // Anything Excel's input parser might take as a number, a percentage, a currency or a date.
  return (
    /^[(]?[£$€]?\s*[\d.,]+%?[)]?$/.test(t) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t) ||
    /^\d{1,2}[- ][A-Za-z]{3,9}([- ]\d{2,4})?$/.test(t)
  );
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells (1-based) merged into few rectangles: runs along each row, then equal runs down rows. */
export function rectangles(cells: { row: number; column: number }[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c.column);
    byRow.set(c.row, list);
  }
  const runsByRow: [number, [number, number][]][] = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cols]) => {
      const sorted = [...new Set(cols)].sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const c of sorted) {
        const last = runs[runs.length - 1];
        if (last && last[1] === c - 1) last[1] = c;
        else runs.push([c, c]);
      }
      return [row, runs];
    });
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  let prevRow = -1;
  for (const [row, runs] of runsByRow) {
    const next = new Map<string, Rect>();
    for (const [l, r] of runs) {
      const key = `${l}:${r}`;
      const rect = row === prevRow + 1 ? open.get(key) : undefined;
      if (rect) {
        rect.bottom = row;
        next.set(key, rect);
      } else {
        const fresh = { top: row, left: l, bottom: row, right: r };
        out.push(fresh);
        next.set(key, fresh);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
    prevRow = row;
  }
  return out;
}

export function rectAddress(r: Rect): string {
  const tl = `${columnLetters(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right
    ? tl
    : `${tl}:${columnLetters(r.right)}${r.bottom}`;
}

/** Address lists ("A1:B2,D4") no longer than `max` characters each. */
export function addressLists(rects: Rect[], max = MAX_ADDRESS_LIST): string[] {
  const lists: string[] = [];
  let current = "";
  for (const r of rects) {
    const a = rectAddress(r);
    if (current && current.length + 1 + a.length > max) {
      lists.push(current);
      current = a;
    } else current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

/** The ranges to format: one RangeAreas per address list where supported, else one Range per rectangle. */
function targets(
  sheet: Excel.Worksheet,
  rects: Rect[],
  caps: Capabilities
): { format: Excel.RangeFormat; bytes: number }[] {
  if (caps.rangeAreas) {
    return addressLists(rects).map((list) => ({
      format: sheet.getRanges(list).format,
      bytes: list.length,
    }));
  }
  return rects.map((r) => ({ format: sheet.getRange(rectAddress(r)).format, bytes: 16 }));
}

const H_ALIGN: Record<string, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
};
const V_ALIGN: Record<string, Excel.VerticalAlignment> = {
  top: "Top" as Excel.VerticalAlignment,
  center: "Center" as Excel.VerticalAlignment,
  bottom: "Bottom" as Excel.VerticalAlignment,
};

/** Number of format commands one StyleSpec costs. */
function styleCommands(spec: StyleSpec): number {
  return Object.values(spec).filter((v) => v !== undefined).length;
}

export function applyStyle(format: Excel.RangeFormat, spec: StyleSpec): void {
  if (spec.bold !== undefined) format.font.bold = spec.bold;
  if (spec.italic !== undefined) format.font.italic = spec.italic;
  if (spec.underline !== undefined)
    format.font.underline = (spec.underline ? "Single" : "None") as Excel.RangeUnderlineStyle;
  if (spec.size !== undefined) format.font.size = spec.size;
  if (spec.fontColor !== undefined) format.font.color = spec.fontColor;
  if (spec.fill !== undefined) format.fill.color = spec.fill;
  if (spec.wrap !== undefined) format.wrapText = spec.wrap;
  if (spec.horizontal !== undefined) format.horizontalAlignment = H_ALIGN[spec.horizontal];
  if (spec.vertical !== undefined) format.verticalAlignment = V_ALIGN[spec.vertical];
  if (spec.borderBottom)
    format.borders.getItem("EdgeBottom" as Excel.BorderIndex).style =
      "Continuous" as Excel.BorderLineStyle;
}

/** Excel character units to points (Range.format.columnWidth is in points). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Rows of values per assignment, so one block's JSON stays well inside a request. */
const VALUE_BLOCK_BYTES = 1_500_000;

export interface WriteOptions {
  caps: Capabilities;
  budget: RequestBudget;
}

/** Queues the whole layout onto `sheet` (an empty sheet). */
export async function writeLayout(
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  { caps, budget }: WriteOptions
): Promise<void> {
  const lastRow = layout.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const lastColumn = Math.max(
    layout.columnWidths.length,
    layout.cells.reduce((m, c) => Math.max(m, c.column), 0)
  );
  if (lastRow === 0) return;

  // 1. Number formats and values, a block of rows at a time.
  const grid = new Map<number, LayoutCell>();
  for (const c of layout.cells) grid.set((c.row - 1) * lastColumn + (c.column - 1), c);
  let row = 1;
  while (row <= lastRow) {
    const formats: string[][] = [];
    const values: (string | number | boolean)[][] = [];
    let bytes = 0;
    const start = row;
    while (row <= lastRow && (bytes < VALUE_BLOCK_BYTES || row === start)) {
      const f: string[] = [];
      const v: (string | number | boolean)[] = [];
      for (let col = 1; col <= lastColumn; col++) {
        const cell = grid.get((row - 1) * lastColumn + (col - 1));
        const nf = cell?.numberFormat ?? "General";
        f.push(nf);
        v.push(cell ? safeValue(cell.value, cell.numberFormat) : "");
      }
      bytes += JSON.stringify(v).length + JSON.stringify(f).length;
      formats.push(f);
      values.push(v);
      row++;
    }
    const range = sheet.getRangeByIndexes(start - 1, 0, formats.length, lastColumn);
    await budget.reserve(JSON.stringify(formats).length);
    range.numberFormat = formats;
    await budget.reserve(JSON.stringify(values).length);
    range.values = values;
  }

  // 2. Links back to the plan, before the styles so that the layout's look is the last word. The link
  //    is set without textToDisplay, which would overwrite the cell's text.
  for (const c of layout.cells) {
    if (!c.link) continue;
    await budget.reserve(40 + c.link.sheet.length + c.link.address.length);
    sheet.getRange(`${columnLetters(c.column)}${c.row}`).hyperlink = {
      documentReference: linkTarget(c.link as CellLink),
    };
  }

  // 3. Styles, grouped.
  const byStyle = new Map<StyleName, { row: number; column: number }[]>();
  for (const c of layout.cells) {
    if (!c.style) continue;
    const list = byStyle.get(c.style) ?? [];
    list.push(c);
    byStyle.set(c.style, list);
  }
  for (const [style, cells] of byStyle) {
    const spec = STYLES[style];
    for (const t of targets(sheet, rectangles(cells), caps)) {
      await budget.reserve(t.bytes + styleCommands(spec) * 60);
      applyStyle(t.format, spec);
    }
  }

  // 4. Merges, column widths, row heights.
  for (const m of layout.merges) {
    await budget.reserve(m.length);
    sheet.getRange(m).merge(false);
  }
  layout.columnWidths.forEach((w, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
  });
  await budget.reserve(layout.columnWidths.length * 60);
  const rowsByHeight = new Map<number, { row: number; column: number }[]>();
  for (const [r, h] of Object.entries(layout.rowHeights)) {
    const list = rowsByHeight.get(h) ?? [];
    list.push({ row: Number(r), column: 1 });
    rowsByHeight.set(h, list);
  }
  for (const [height, rows] of rowsByHeight) {
    for (const t of targets(sheet, rectangles(rows), caps)) {
      await budget.reserve(t.bytes + 40);
      t.format.rowHeight = height;
    }
  }
  if (layout.freezeRows > 0) sheet.freezePanes.freezeRows(layout.freezeRows);

  // 5. Native charts.
  for (const spec of layout.charts) {
    await budget.reserve(200);
    addChart(sheet, spec);
  }
}

export function addChart(sheet: Excel.Worksheet, spec: ChartSpec): Excel.Chart {
  const type = (spec.type === "line" ? "Line" : "ColumnStacked") as Excel.ChartType;
  const chart = sheet.charts.add(
    type,
    sheet.getRange(spec.dataAddress),
    "Columns" as Excel.ChartSeriesBy
  );
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.setPosition(spec.anchor);
  chart.width = spec.width;
  chart.height = spec.height;
  return chart;
}
