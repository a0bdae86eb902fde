/**
 * Writes the committee summary's SheetLayout, and the report history the task pane keeps
 * (src/report/history.ts), into an .xlsx file, so a summary built here and one built in Excel
 * are the same sheet and form one history.
 *
 * The file is patched, not rewritten. exceljs reads the workbook (to find the plan and the
 * history), but the new file is the original zip with only these parts touched:
 *   - the summary sheet's part and the history sheet's part (replaced, or added),
 *   - xl/workbook.xml, xl/_rels/workbook.xml.rels and [Content_Types].xml (when a sheet is added),
 *   - xl/styles.xml (the summary's styles appended; existing ones keep their numbers).
 * Every other part (the officer's sheets, tables, charts, pivot tables, images, macros, defined
 * names) is carried over byte for byte. A rewrite through exceljs would drop charts, pivots and
 * images, lose internal links, and on a 100,000-action plan take several times as long.
 *
 * - Strings are written as inline strings with the text number format, never as formulas: an
 *   action reading "=SUM(A1)" arrives in the sheet as that text.
 * - The add-in's own summary sheet (named in the history sheet's marker cell) is replaced in
 *   place, at the same tab position. A sheet of the officer's with the wanted name is never
 *   touched: the summary goes to "Committee Summary (2)" (or the next free name) with a warning.
 * - No chart can be drawn here. Each chart's data block is on the sheet (it is part of the
 *   layout); under the first chart's anchor a muted note says the chart is drawn when the
 *   summary is built from the task pane.
 */
import * as zlib from "zlib";
import { a1 } from "../plan/a1";
import { CliError } from "../cli/errors";
import type { Workbook, Worksheet } from "exceljs";
import type JSZip from "jszip";
import type { CellValue, ReportRecord } from "../plan";
import {
  DATE_FORMAT,
  HISTORY_SHEET,
  LONG_DATE_FORMAT,
  HISTORY_TEXT_FORMAT,
  STYLES,
  chartNote,
  historySheetValues,
  linkTarget,
  markedSummarySheet,
  parseHistory,
  type LayoutCell,
  type SheetLayout,
  type StyleName,
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
function plainValues(ws: Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      let plain: CellValue = "";
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") plain = v;
      else if (v instanceof Date) plain = v.getTime() / 86_400_000 + 25569;
      else if (v && typeof v === "object" && "result" in v) plain = (v.result as CellValue) ?? "";
      else if (v && typeof v === "object" && "richText" in v)
        plain = v.richText.map((t) => t.text).join("");
      values[col - 1] = plain;
    });
    out[rowNumber - 1] = Array.from(values, (x) => x ?? "");
  });
  return Array.from(out, (r) => r ?? []);
}

/** The reports recorded in the workbook, oldest first, and which sheet is the add-in's summary. */
export function readHistory(workbook: Workbook): HistoryState {
  const ws = workbook.getWorksheet(HISTORY_SHEET);
  if (!ws) return { records: [], summarySheet: null };
  const values = plainValues(ws);
  return { records: parseHistory(values), summarySheet: markedSummarySheet(values) };
}

/** Where the summary goes: the wanted name if it is free or the add-in's own, else the next free "Name (n)". */
export function chooseSummaryTarget(
  workbook: Workbook,
  wanted: string,
  marked: string | null
): SummaryTarget {
  const exists = (name: string): boolean =>
    workbook.worksheets.some((ws) => ws.name.toLowerCase() === name.toLowerCase());
  const ours = (name: string): boolean =>
    marked !== null && marked.toLowerCase() === name.toLowerCase();
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

// ---------------------------------------------------------------------------------------------
// XML text

/** Characters XML 1.0 cannot hold at all (a stray control character pasted from a PDF). */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// eslint-disable-next-line no-control-regex -- as above
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------
// Styles: the layout's named styles appended to the workbook's own styles.xml

/** Excel's built-in number formats that the layout uses, by format code. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

const argb = (hex: string): string => "FF" + hex.replace("#", "").toUpperCase();

class StyleBook {
  private fonts: string[] = [];
  private fills: string[] = [];
  private borders: string[] = [];
  private xfs: string[] = [];
  private formats: string[] = [];
  private readonly fontBase: number;
  private readonly fillBase: number;
  private readonly borderBase: number;
  private readonly xfBase: number;
  private nextFormatId: number;
  private readonly xfIndex = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();

  constructor(private xml: string) {
    this.fontBase = this.countIn("fonts", /<font[\s>/]/g);
    this.fillBase = this.countIn("fills", /<fill[\s>/]/g);
    this.borderBase = this.countIn("borders", /<border[\s>/]/g);
    this.xfBase = this.countIn("cellXfs", /<xf[\s>/]/g);
    let maxId = 163;
    for (const m of xml.matchAll(/<numFmt\s[^>]*>/g)) {
      const id = Number(attr(m[0], "numFmtId"));
      const code = attr(m[0], "formatCode");
      if (Number.isFinite(id)) maxId = Math.max(maxId, id);
      if (code !== null && Number.isFinite(id)) this.formatIds.set(code, id);
    }
    this.nextFormatId = maxId + 1;
  }

  private block(tag: string): RegExpExecArray | null {
    return new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(this.xml);
  }

  private countIn(tag: string, child: RegExp): number {
    const m = this.block(tag);
    if (!m) throw new Error(`the workbook's styles have no <${tag}> list`);
    return (m[1] ?? "").match(child)?.length ?? 0;
  }

  private formatId(code: string | undefined): number {
    if (!code) return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.formats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The cellXfs index for a style and number format, added on first use. */
  index(spec: StyleSpec, numberFormat: string | undefined): number {
    const key = JSON.stringify([spec, numberFormat ?? ""]);
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;

    const font =
      "<font>" +
      (spec.bold ? "<b/>" : "") +
      (spec.italic ? "<i/>" : "") +
      (spec.underline ? '<u val="single"/>' : "") +
      `<sz val="${spec.size ?? 11}"/>` +
      (spec.fontColor ? `<color rgb="${argb(spec.fontColor)}"/>` : '<color theme="1"/>') +
      '<name val="Calibri"/><family val="2"/></font>';
    this.fonts.push(font);
    const fontId = this.fontBase + this.fonts.length - 1;
    let fillId = 0;
    if (spec.fill) {
      this.fills.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(spec.fill)}"/><bgColor indexed="64"/></patternFill></fill>`
      );
      fillId = this.fillBase + this.fills.length - 1;
    }
    let borderId = 0;
    if (spec.borderBottom) {
      this.borders.push(
        '<border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9DB"/></bottom><diagonal/></border>'
      );
      borderId = this.borderBase + this.borders.length - 1;
    }
    const numFmtId = this.formatId(numberFormat);
    const alignment: string[] = [];
    if (spec.horizontal) alignment.push(`horizontal="${spec.horizontal}"`);
    if (spec.vertical) alignment.push(`vertical="${spec.vertical}"`);
    if (spec.wrap) alignment.push('wrapText="1"');
    this.xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1"` +
        ` applyFill="1" applyBorder="1" applyAlignment="1">${alignment.length ? `<alignment ${alignment.join(" ")}/>` : ""}</xf>`
    );
    const index = this.xfBase + this.xfs.length - 1;
    this.xfIndex.set(key, index);
    return index;
  }

  private append(tag: string, items: string[], base: number): void {
    if (items.length === 0) return;
    const m = this.block(tag)!;
    const open = /^<[^>]*?(\/?)>/.exec(m[0])![0];
    const openTag = open
      .replace(/\s*\/>$/, ">")
      .replace(/\scount="\d+"/, "")
      .replace(/^<(\w+)/, `<$1 count="${base + items.length}"`);
    const replaced = `${openTag}${m[1] ?? ""}${items.join("")}</${tag}>`;
    this.xml = this.xml.slice(0, m.index) + replaced + this.xml.slice(m.index + m[0].length);
  }

  /** styles.xml with every style used so far appended. */
  toXml(): string {
    this.append("fonts", this.fonts, this.fontBase);
    this.append("fills", this.fills, this.fillBase);
    this.append("borders", this.borders, this.borderBase);
    this.append("cellXfs", this.xfs, this.xfBase);
    if (this.formats.length > 0) {
      if (this.block("numFmts")) {
        const existing = (this.block("numFmts")![1] ?? "").match(/<numFmt\s/g)?.length ?? 0;
        this.append("numFmts", this.formats, existing);
      } else {
        // numFmts comes first in a styleSheet.
        this.xml = this.xml.replace(
          /(<styleSheet\b[^>]*>)/,
          `$1<numFmts count="${this.formats.length}">${this.formats.join("")}</numFmts>`
        );
      }
    }
    const xml = this.xml;
    this.fonts = [];
    this.fills = [];
    this.borders = [];
    this.xfs = [];
    this.formats = [];
    return xml;
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheet XML

const WORKSHEET_NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface SheetContent {
  cells: LayoutCell[];
  columnWidths: number[];
  merges: string[];
  rowHeights: Record<number, number>;
  freezeRows: number;
  /** Page setup for printing (the summary); the history sheet has none. */
  print: boolean;
}

function cellXml(c: LayoutCell, style: number): string {
  const ref = a1(c.row, c.column);
  if (c.value === null || c.value === undefined || c.value === "")
    return `<c r="${ref}" s="${style}"/>`;
  if (typeof c.value === "number") {
    return Number.isFinite(c.value)
      ? `<c r="${ref}" s="${style}"><v>${c.value}</v></c>`
      : `<c r="${ref}" s="${style}"/>`;
  }
  // An inline string: text, whatever characters it starts with.
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(c.value)}</t></is></c>`;
}

function sheetXml(
  content: SheetContent,
  styles: StyleBook,
  styleOf: (c: LayoutCell) => number
): string {
  const rows = new Map<number, LayoutCell[]>();
  let maxRow = 1;
  let maxCol = 1;
  for (const c of content.cells) {
    const list = rows.get(c.row) ?? [];
    list.push(c);
    rows.set(c.row, list);
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.column);
  }
  for (const r of Object.keys(content.rowHeights))
    if (!rows.has(Number(r))) rows.set(Number(r), []);
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${WORKSHEET_NS}>`,
  ];
  if (content.print) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push(`<dimension ref="A1:${a1(maxRow, maxCol)}"/>`);
  const pane =
    content.freezeRows > 0
      ? `<pane ySplit="${content.freezeRows}" topLeftCell="A${content.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`
      : "";
  parts.push(
    `<sheetViews><sheetView${content.print ? ' showGridLines="0"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>`
  );
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (content.columnWidths.length > 0) {
    parts.push(
      "<cols>" +
        content.columnWidths
          .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
          .join("") +
        "</cols>"
    );
  }
  parts.push("<sheetData>");
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const height = content.rowHeights[r];
    const cells = rows.get(r)!.sort((a, b) => a.column - b.column);
    parts.push(`<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ""}>`);
    for (const c of cells) parts.push(cellXml(c, styleOf(c)));
    parts.push("</row>");
  }
  parts.push("</sheetData>");
  if (content.merges.length > 0) {
    parts.push(
      `<mergeCells count="${content.merges.length}">${content.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    );
  }
  const links = content.cells.filter(
    (c) => c.link && typeof c.value === "string" && c.value !== ""
  );
  if (links.length > 0) {
    parts.push("<hyperlinks>");
    for (const c of links) {
      const target = linkTarget(c.link!);
      parts.push(`<hyperlink ref="${a1(c.row, c.column)}" location="${escapeXml(target)}"/>`);
    }
    parts.push("</hyperlinks>");
  }
  if (content.print) {
    parts.push(
      '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
    );
    parts.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    parts.push(
      "<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>"
    );
  }
  parts.push("</worksheet>");
  void styles;
  return parts.join("");
}

/** The summary layout as worksheet content, with the chart notes a file writer adds. */
function summaryContent(layout: SheetLayout): SheetContent {
  const cells = layout.cells.slice();
  if (layout.charts.length > 0) {
    // The notes stack under the first chart's anchor: the space kept for the charts would
    // otherwise print as empty pages.
    const anchor = /^([A-Z]+)(\d+)$/.exec(layout.charts[0].anchor)!;
    const column = anchor[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    layout.charts.forEach((chart, i) => {
      const row = Number(anchor[2]) + i;
      const at = cells.findIndex((c) => c.row === row && c.column === column);
      const note: LayoutCell = {
        row,
        column,
        value: chartNote(chart),
        numberFormat: "@",
        style: "muted",
      };
      if (at >= 0) cells[at] = note;
      else cells.push(note);
    });
  }
  return {
    cells,
    columnWidths: layout.columnWidths,
    merges: layout.merges,
    rowHeights: layout.rowHeights,
    freezeRows: layout.freezeRows,
    print: true,
  };
}

/** The history sheet's values as worksheet content: text cells formatted as text. */
function historyContent(summarySheet: string, records: ReportRecord[]): SheetContent {
  const cells: LayoutCell[] = [];
  historySheetValues(summarySheet, records).forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === "") return;
      cells.push({
        row: r + 1,
        column: c + 1,
        value,
        numberFormat: typeof value === "string" ? HISTORY_TEXT_FORMAT : undefined,
      });
    })
  );
  return { cells, columnWidths: [14, 26], merges: [], rowHeights: {}, freezeRows: 0, print: false };
}

// ---------------------------------------------------------------------------------------------
// The package: workbook.xml, its relationships and content types

interface SheetEntry {
  name: string;
  /** The whole <sheet .../> element. */
  tag: string;
  rid: string;
  /** Zip path of the worksheet part, e.g. "xl/worksheets/sheet3.xml". */
  part: string;
}

/**
 * A replacement that must happen: a package written in a form this writer does not know (say,
 * with namespace prefixes) is refused rather than silently left without the new sheet.
 */
function mustReplace(xml: string, pattern: RegExp, replacement: string): string {
  const out = xml.replace(pattern, replacement);
  if (out === xml) {
    throw new Error("the workbook's package is in a form Plan Tracker cannot add a sheet to");
  }
  return out;
}

/** True for a workbook in the 1904 date system (older Mac workbooks): its date serials start in 1904. */
export function usesDate1904(workbookXml: string): boolean {
  const pr = /<workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  return /\sdate1904="(1|true)"/.test(pr);
}

/** JSZip would otherwise add folder entries ("xl/") that an Office package does not have. */
const NO_FOLDERS = { createFolders: false };

/** Days between the 1900 system's serial 0 (30 December 1899) and 1 January 1904. */
const DAYS_1900_TO_1904 = 1462;
const DATE_FORMATS = new Set([DATE_FORMAT, LONG_DATE_FORMAT]);

const REL_WORKSHEET =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

class Package {
  workbookXml = "";
  relsXml = "";
  typesXml = "";
  sheets: SheetEntry[] = [];

  constructor(private readonly zip: JSZip) {}

  async load(): Promise<void> {
    const read = async (p: string): Promise<string> => {
      const f = this.zip.file(p);
      if (!f) throw new Error(`the workbook has no ${p}`);
      return f.async("string");
    };
    this.workbookXml = await read("xl/workbook.xml");
    this.relsXml = await read("xl/_rels/workbook.xml.rels");
    this.typesXml = await read("[Content_Types].xml");
    const targets = new Map<string, string>();
    for (const m of this.relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target");
      if (id && target) targets.set(id, target);
    }
    for (const m of this.workbookXml.matchAll(/<sheet\b[^>]*\/>/g)) {
      const rid = attr(m[0], "r:id") ?? "";
      const target = targets.get(rid) ?? "";
      const part = target.startsWith("/")
        ? target.slice(1)
        : `xl/${target}`.replace(/\/\.\//g, "/");
      this.sheets.push({ name: attr(m[0], "name") ?? "", tag: m[0], rid, part });
    }
  }

  find(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Puts a sheet's XML in place: over the existing sheet of that name, or as a new last sheet. */
  putSheet(name: string, xml: string, hidden: boolean): void {
    const existing = this.find(name);
    if (existing) {
      this.zip.file(existing.part, deflated(xml), { binary: true, createFolders: false });
      // Whatever the old sheet drew (the task pane's chart) goes with it.
      this.zip.remove(existing.part.replace(/([^/]+)$/, "_rels/$1.rels"));
      const state = hidden ? ' state="hidden"' : "";
      const tag = existing.tag
        .replace(/\sstate="[^"]*"/, "")
        .replace(/^<sheet\b/, `<sheet${state}`);
      this.workbookXml = this.workbookXml.replace(existing.tag, tag);
      existing.tag = tag;
      return;
    }
    let n = 1;
    while (this.zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    this.zip.file(part, deflated(xml), { binary: true, createFolders: false });
    let r = 1;
    while (new RegExp(`Id="rId${r}"`).test(this.relsXml)) r++;
    const rid = `rId${r}`;
    this.relsXml = mustReplace(
      this.relsXml,
      /<\/Relationships>\s*$/,
      `<Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="worksheets/sheet${n}.xml"/></Relationships>`
    );
    if (!this.typesXml.includes(`PartName="/${part}"`)) {
      this.typesXml = mustReplace(
        this.typesXml,
        /<\/Types>\s*$/,
        `<Override PartName="/${part}" ContentType="${CT_WORKSHEET}"/></Types>`
      );
    }
    const ids = [...this.workbookXml.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) =>
      Number(m[1])
    );
    const sheetId = Math.max(0, ...ids) + 1;
    const tag = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${hidden ? ' state="hidden"' : ""} r:id="${rid}"/>`;
    this.workbookXml = mustReplace(this.workbookXml, /<\/sheets>/, `${tag}</sheets>`);
    this.sheets.push({ name, tag, rid, part });
  }

  save(): void {
    this.zip.file("xl/workbook.xml", this.workbookXml, NO_FOLDERS);
    this.zip.file("xl/_rels/workbook.xml.rels", this.relsXml, NO_FOLDERS);
    this.zip.file("[Content_Types].xml", this.typesXml, NO_FOLDERS);
  }
}

/**
 * A part's XML compressed with Node's own zlib rather than JSZip's JavaScript deflate: the summary of
 * a 100,000-action plan is some 40 MB of XML, which native deflate packs several times faster.
 * JSZip takes an entry it already holds compressed (as it does for every part it loaded) and
 * copies it through; that is its internal CompressedObject, so if it ever goes away this quietly
 * hands JSZip the text to compress itself.
 */
function deflated(xml: string): string | Buffer {
  try {
    const crc32 = (zlib as unknown as { crc32?: (data: Buffer) => number }).crc32;
    if (!crc32) return xml;

    const CompressedObject = require("jszip/lib/compressedObject") as new (
      ...args: unknown[]
    ) => object;
    const { DEFLATE } = require("jszip/lib/compressions") as { DEFLATE: { magic: string } };

    const raw = Buffer.from(xml, "utf8");
    // Level 1: a little larger than level 6, several times faster on tens of megabytes.
    const packed = zlib.deflateRawSync(raw, { level: 1 });
    return new CompressedObject(
      packed.length,
      raw.length,
      crc32(raw) >>> 0,
      DEFLATE,
      packed
    ) as unknown as Buffer;
  } catch {
    return xml; // JSZip compresses the part itself.
  }
}

/**
 * Why the file's own protection forbids this write, in the officer's words, or null. Excel
 * refuses to add a sheet to a workbook whose structure is locked, or to rewrite a protected
 * sheet, and the task pane says so; patching the file must not slip past what Excel would stop.
 */
export async function protectionProblem(zip: JSZip, target: SummaryTarget): Promise<string | null> {
  const pkg = new Package(zip);
  await pkg.load();
  const lock = /<workbookProtection\b[^>]*>/.exec(pkg.workbookXml)?.[0] ?? "";
  const addsSheet = !target.replace || !pkg.find(HISTORY_SHEET);
  if (addsSheet && /\slockStructure="(1|true)"/.test(lock)) {
    return "the workbook's structure is protected, so Plan Tracker cannot add the committee summary sheet. Nothing was written. Unprotect the workbook (Review > Protect Workbook) and try again.";
  }
  for (const name of target.replace ? [target.name, HISTORY_SHEET] : [HISTORY_SHEET]) {
    const entry = pkg.find(name);
    const part = entry ? zip.file(entry.part) : null;
    if (!entry || !part) continue;
    if (/<sheetProtection\b[^>]*\ssheet="(1|true)"/.test(await part.async("string"))) {
      return `the sheet '${entry.name}' is protected, so Plan Tracker cannot rewrite it. Nothing was written. Unprotect it (Review > Unprotect Sheet) and try again.`;
    }
  }
  return null;
}

/**
 * The workbook file with the summary sheet written (replacing the add-in's own in place, at the
 * same tab position, or added as the last sheet) and the history sheet rewritten to hold
 * `records` and to name `target.name` as the add-in's summary sheet. `zip` is the original file.
 */
export async function writeSummaryFile(
  zip: JSZip,
  layout: SheetLayout,
  target: SummaryTarget,
  records: ReportRecord[]
): Promise<Buffer> {
  const refused = await protectionProblem(zip, target);
  if (refused) throw new CliError(refused);
  const pkg = new Package(zip);
  await pkg.load();
  if (!target.replace && pkg.find(target.name)) {
    // chooseSummaryTarget never asks for this; refuse rather than overwrite an officer's sheet.
    throw new Error(`sheet '${target.name}' is not Plan Tracker's to replace`);
  }
  const stylesFile = zip.file("xl/styles.xml");
  if (!stylesFile) throw new Error("the workbook has no styles part");
  const styles = new StyleBook(await stylesFile.async("string"));
  const byName = new Map<string, number>();
  const styleOf = (c: LayoutCell): number => {
    const key = `${c.style ?? ""}|${c.numberFormat ?? ""}`;
    let index = byName.get(key);
    if (index === undefined) {
      index = styles.index(c.style ? STYLES[c.style as StyleName] : {}, c.numberFormat);
      byName.set(key, index);
    }
    return index;
  };

  const content = summaryContent(layout);
  if (usesDate1904(pkg.workbookXml)) {
    // The layout's dates are 1900-system serials; this workbook counts from 1 January 1904.
    content.cells = content.cells.map((c) =>
      typeof c.value === "number" && c.numberFormat && DATE_FORMATS.has(c.numberFormat)
        ? { ...c, value: c.value - DAYS_1900_TO_1904 }
        : c
    );
  }
  pkg.putSheet(target.name, sheetXml(content, styles, styleOf), false);
  pkg.putSheet(
    HISTORY_SHEET,
    sheetXml(historyContent(target.name, records), styles, styleOf),
    true
  );
  zip.file("xl/styles.xml", styles.toXml(), NO_FOLDERS);
  pkg.save();
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}
