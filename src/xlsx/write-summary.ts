/**
 * Renders the committee summary's SheetLayout into an exceljs workbook, and keeps the report
 * history the task pane keeps (src/report/history.ts), so a summary built here and one built
 * in Excel are the same sheet and form one history.
 *
 * - Strings are written as plain exceljs string values (shared strings in the file), never as
 *   formulas: an action reading "=SUM(A1)" arrives in the sheet as that text.
 * - The add-in's own summary sheet (named in the history sheet's marker cell) is replaced in
 *   place, at the same tab position. A sheet of the officer's with the wanted name is never
 *   touched: the summary goes to "Committee Summary (2)" (or the next free name) with a warning.
 * - exceljs cannot write a chart. Each chart's data block is on the sheet (it is part of the
 *   layout); at the chart's anchor a muted note says the chart is drawn when the summary is
 *   built from the task pane.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, ReportRecord } from "../plan";
import {
  HISTORY_SHEET,
  HISTORY_TEXT_FORMAT,
  STYLES,
  chartNote,
  historySheetValues,
  linkTarget,
  markedSummarySheet,
  parseHistory,
  type SheetLayout,
  type StyleSpec,
} from "../report";

export interface SummaryTarget {
  /** The sheet name the summary will be written to. */
  name: string;
  /** True when the add-in's own summary sheet of that name is replaced. */
  replace: boolean;
  /** True when an officer's sheet held the wanted name, so another name was chosen. */
  renamed: boolean;
}

export interface HistoryState {
  records: ReportRecord[];
  /** The add-in's own summary sheet, as the history marks it; null when none is marked. */
  summarySheet: string | null;
}

/** Plain values of a small sheet (the history): text and numbers as `Range.values` would give. */
function plainValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      let plain: CellValue = "";
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") plain = v;
      else if (v instanceof Date) plain = v.getTime() / 86_400_000 + 25569;
      else if (v && typeof v === "object" && "result" in v) plain = (v.result as CellValue) ?? "";
      else if (v && typeof v === "object" && "richText" in v) plain = v.richText.map((t) => t.text).join("");
      values[col - 1] = plain;
    });
    out[rowNumber - 1] = Array.from(values, (x) => x ?? "");
  });
  return Array.from(out, (r) => r ?? []);
}

/** The reports recorded in the workbook, oldest first, and which sheet is the add-in's summary. */
export function readHistory(workbook: ExcelJS.Workbook): HistoryState {
  const ws = workbook.getWorksheet(HISTORY_SHEET);
  if (!ws) return { records: [], summarySheet: null };
  const values = plainValues(ws);
  return { records: parseHistory(values), summarySheet: markedSummarySheet(values) };
}

/** Where the summary goes: the wanted name if it is free or the add-in's own, else the next free "Name (n)". */
export function chooseSummaryTarget(workbook: ExcelJS.Workbook, wanted: string, marked: string | null): SummaryTarget {
  const exists = (name: string): boolean =>
    workbook.worksheets.some((ws) => ws.name.toLowerCase() === name.toLowerCase());
  const ours = (name: string): boolean => marked !== null && marked.toLowerCase() === name.toLowerCase();
  if (!exists(wanted)) return { name: wanted, replace: false, renamed: false };
  if (ours(wanted)) return { name: wanted, replace: true, renamed: false };
  for (let n = 2; ; n++) {
    // Excel sheet names are at most 31 characters.
    const suffix = ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!exists(name)) return { name, replace: false, renamed: true };
    if (ours(name)) return { name, replace: true, renamed: true };
  }
}

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

function applyStyle(cell: ExcelJS.Cell, spec: StyleSpec): void {
  // A named font: without one LibreOffice falls back to a serif face.
  const font: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };
  if (spec.bold) font.bold = true;
  if (spec.italic) font.italic = true;
  if (spec.underline) font.underline = true;
  if (spec.size) font.size = spec.size;
  if (spec.fontColor) font.color = { argb: argb(spec.fontColor) };
  cell.font = font;
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (spec.wrap) alignment.wrapText = true;
  if (spec.horizontal) alignment.horizontal = spec.horizontal;
  if (spec.vertical) alignment.vertical = spec.vertical === "center" ? "middle" : spec.vertical;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (spec.borderBottom) cell.border = { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } };
}

/** Puts a layout on a worksheet: values, formats, styles, links, merges, widths, heights, page setup. */
export function renderLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row, c.column);
    if (c.link && typeof c.value === "string" && c.value !== "") {
      // No leading "#": exceljs writes a link as internal (a `location`) only for "Sheet!A1".
      cell.value = { text: c.value, hyperlink: linkTarget(c.link), tooltip: `Go to ${linkTarget(c.link)}` };
    } else {
      cell.value = c.value ?? null;
    }
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.style) applyStyle(cell, STYLES[c.style]);
  }
  // The notes stack under the first chart's anchor: the space kept for the charts themselves
  // would otherwise print as empty pages.
  layout.charts.forEach((chart, i) => {
    const anchor = ws.getCell(layout.charts[0].anchor);
    const cell = ws.getCell(Number(anchor.row) + i, Number(anchor.col));
    cell.value = chartNote(chart);
    cell.numFmt = "@";
    applyStyle(cell, STYLES.muted);
  });
  for (const range of layout.merges) ws.mergeCells(range);
  for (const [row, height] of Object.entries(layout.rowHeights)) ws.getRow(Number(row)).height = height;
  if (layout.freezeRows > 0) ws.views = [{ state: "frozen", ySplit: layout.freezeRows, showGridLines: false }];
  else ws.views = [{ showGridLines: false }];
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "&L&A&RPage &P of &N" };
}

/**
 * Writes the summary sheet (replacing the add-in's own in place, at the same tab position)
 * and returns the worksheet. The target comes from chooseSummaryTarget; the layout's name is
 * ignored in favour of target.name.
 */
export function writeSummarySheet(workbook: ExcelJS.Workbook, layout: SheetLayout, target: SummaryTarget): ExcelJS.Worksheet {
  let orderNo: number | undefined;
  if (target.replace) {
    const old = workbook.worksheets.find((ws) => ws.name.toLowerCase() === target.name.toLowerCase());
    if (old) {
      orderNo = (old as unknown as { orderNo: number }).orderNo;
      workbook.removeWorksheet(old.id);
    }
  }
  const ws = workbook.addWorksheet(target.name);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  renderLayout(ws, layout);
  return ws;
}

/** Rewrites the hidden history sheet: the marker naming the summary sheet, the header and every record. */
export function writeHistory(workbook: ExcelJS.Workbook, summarySheet: string, records: ReportRecord[]): void {
  const old = workbook.getWorksheet(HISTORY_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(HISTORY_SHEET, { state: "hidden" });
  const values = historySheetValues(summarySheet, records);
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value;
      if (typeof value === "string") cell.numFmt = HISTORY_TEXT_FORMAT;
    });
  });
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 26;
}

/**
 * exceljs writes an internal link with both a `location` and a relationship whose target is
 * that same location, which Excel then reads as a link to another file. Dropping the
 * relationship leaves the plain internal link Excel and LibreOffice both follow. Applied to
 * every sheet, so the officer's own internal links survive the rewrite too.
 */
export async function fixInternalLinks(buffer: ArrayBuffer | Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
  for (const path of sheets) {
    const xml = await zip.file(path)!.async("string");
    const dropped: string[] = [];
    const fixed = xml.replace(/<hyperlink\b[^>]*>/g, (tag) => {
      if (!/\slocation="/.test(tag)) return tag;
      const id = /\sr:id="([^"]+)"/.exec(tag);
      if (!id) return tag;
      dropped.push(id[1]);
      return tag.replace(/\sr:id="[^"]+"/, "");
    });
    if (dropped.length === 0) continue;
    zip.file(path, fixed);
    const relsPath = path.replace(/^xl\/worksheets\//, "xl/worksheets/_rels/") + ".rels";
    const rels = zip.file(relsPath);
    if (!rels) continue;
    const relsXml = await rels.async("string");
    const ids = new Set(dropped);
    const cleaned = relsXml.replace(/<Relationship\b[^>]*\/>/g, (rel) => {
      const id = /\sId="([^"]+)"/.exec(rel);
      return id && ids.has(id[1]) ? "" : rel;
    });
    zip.file(relsPath, cleaned);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The other half of fixInternalLinks. exceljs reads a link only through a relationship, so an
 * internal link as Excel writes it (a `location`, no relationship) would be dropped when the
 * workbook is rewritten. Giving each such link a relationship to its own location, before
 * exceljs reads the file, lets it carry the link through; fixInternalLinks then removes the
 * relationship again on the way out. Returns null when the workbook has no such link.
 */
export async function restoreInternalLinks(zip: JSZip): Promise<Buffer | null> {
  let changed = false;
  const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
  for (const path of sheets) {
    const xml = await zip.file(path)!.async("string");
    if (!/<hyperlink\b/.test(xml) || !/xmlns:r="/.test(xml)) continue;
    const added: [string, string][] = [];
    const fixed = xml.replace(/<hyperlink\b[^>]*>/g, (tag) => {
      const location = /\slocation="([^"]*)"/.exec(tag);
      if (!location || /\sr:id="/.test(tag)) return tag;
      const id = `rIdPlanTracker${added.length + 1}`;
      added.push([id, location[1]]);
      return tag.replace(/^<hyperlink\b/, `<hyperlink r:id="${id}"`);
    });
    if (added.length === 0) continue;
    changed = true;
    zip.file(path, fixed);
    const relsPath = path.replace(/^xl\/worksheets\//, "xl/worksheets/_rels/") + ".rels";
    const existing = zip.file(relsPath);
    const relsXml = existing
      ? await existing.async("string")
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const rels = added
      .map(
        ([id, target]) =>
          `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${target}" TargetMode="External"/>`,
      )
      .join("");
    zip.file(relsPath, relsXml.replace(/<\/Relationships>\s*$/, `${rels}</Relationships>`));
  }
  return changed ? zip.generateAsync({ type: "nodebuffer" }) : null;
}
