/**
 * "Flag overdue in plan": marks the timescale cells of overdue actions, reversibly.
 *
 * Before a cell is marked, the officer's own formatting of it (fill, font colour, bold) is
 * recorded in the workbook's settings (Office.context.document.settings, saved with the file),
 * so "Clear flags" puts back exactly what was there, even after Excel is closed and reopened.
 * A re-run restores the cells that are no longer overdue and marks the new ones. A flagged
 * cell whose formatting the officer has changed since is left as the officer made it.
 * Only formats are touched: the plan's values never are.
 */
import type { CellRef } from "../plan";
import type { FlagOutcome } from "./api";
import { type Capabilities, WorkbookError } from "./requirements";
import { saveDocumentSettings } from "./settings-store";
import { addressLists, rectangles, type Rect } from "./summary-writer";

export const FLAGS_KEY = "planTracker.flags";

/** How a flagged cell looks: Excel's own "Bad" colours, bold. */
export const FLAG_STYLE = { fill: "#FFC7CE", fontColor: "#9C0006", bold: true } as const;

/** The officer's formatting of one cell before it was flagged. */
export interface CellFormat {
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
}

export interface FlaggedCell extends CellFormat {
  sheet: string;
  /** A1 without the sheet. */
  address: string;
}

export interface FlagRecord {
  version: 1;
  cells: FlaggedCell[];
}

export function readFlagRecord(): FlagRecord {
  const stored = Office.context.document.settings.get(FLAGS_KEY) as FlagRecord | null;
  if (!stored || !Array.isArray(stored.cells)) return { version: 1, cells: [] };
  return {
    version: 1,
    cells: stored.cells.filter(
      (c) => c && typeof c.sheet === "string" && typeof c.address === "string"
    ),
  };
}

async function writeFlagRecord(record: FlagRecord): Promise<void> {
  if (record.cells.length === 0) Office.context.document.settings.remove(FLAGS_KEY);
  else Office.context.document.settings.set(FLAGS_KEY, record);
  await saveDocumentSettings();
}

const keyOf = (sheet: string, address: string): string => `${sheet}\u0000${address.toUpperCase()}`;

function upper(c: string | null | undefined): string | null {
  return c ? c.toUpperCase() : null;
}

/** True when the cell still looks exactly as Plan Tracker flagged it. */
function stillFlagged(f: CellFormat): boolean {
  return (
    upper(f.fill) === FLAG_STYLE.fill &&
    upper(f.fontColor) === FLAG_STYLE.fontColor &&
    f.bold === FLAG_STYLE.bold
  );
}

interface Probe {
  sheet: string;
  address: string;
  range: Excel.Range;
}

/** Queues loads of each cell's formatting (and each sheet's protection). */
function probe(
  context: Excel.RequestContext,
  cells: { sheet: string; address: string }[],
  caps: Capabilities
) {
  const sheets = new Map<string, Excel.WorksheetProtection>();
  const probes: Probe[] = [];
  for (const c of cells) {
    const ws = context.workbook.worksheets.getItem(c.sheet);
    if (!sheets.has(c.sheet)) {
      // `protection` is a navigation property: it needs no load of its own, only of `protected`.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const p = ws.protection;
      p.load("protected");
      sheets.set(c.sheet, p);
    }
    const range = ws.getRange(c.address);
    // eslint-disable-next-line office-addins/no-empty-load -- the properties are named; the rule cannot read a conditional
    range.load(
      caps.fillPattern
        ? "format/fill/color,format/fill/pattern,format/font/color,format/font/bold"
        : "format/fill/color,format/font/color,format/font/bold"
    );
    probes.push({ sheet: c.sheet, address: c.address, range });
  }
  return { sheets, probes };
}

function formatOf(range: Excel.Range, caps: Capabilities): CellFormat {
  const fill = range.format.fill;
  // Without RangeFill.pattern (ExcelApi 1.9) "no fill" reads as white; restoring white as "no fill" looks the same.
  const none = caps.fillPattern
    ? fill.pattern === ("None" as Excel.FillPattern)
    : upper(fill.color) === "#FFFFFF";
  return {
    fill: none ? null : fill.color,
    fontColor: range.format.font.color,
    bold: !!range.format.font.bold,
  };
}

function refuseProtected(sheets: Map<string, Excel.WorksheetProtection>, doing: string): void {
  const locked = [...sheets.entries()].filter(([, p]) => p.protected).map(([s]) => `'${s}'`);
  if (locked.length > 0) {
    throw new WorkbookError(
      "protected",
      `The sheet ${locked.join(", ")} is protected, so Plan Tracker cannot ${doing}. Nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.`
    );
  }
}

/** Groups cells by sheet and formatting, so each group costs a few commands. */
function groups<T extends { sheet: string; address: string }>(
  cells: T[],
  keyFn: (c: T) => string
): Map<string, { sheet: string; sample: T; rects: Rect[] }> {
  const bucket = new Map<
    string,
    { sheet: string; sample: T; cells: { row: number; column: number }[] }
  >();
  for (const c of cells) {
    const k = `${c.sheet}\u0000${keyFn(c)}`;
    const b = bucket.get(k) ?? { sheet: c.sheet, sample: c, cells: [] };
    b.cells.push(cellPosition(c.address));
    bucket.set(k, b);
  }
  const out = new Map<string, { sheet: string; sample: T; rects: Rect[] }>();
  for (const [k, b] of bucket)
    out.set(k, { sheet: b.sheet, sample: b.sample, rects: rectangles(b.cells) });
  return out;
}

function cellPosition(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m)
    throw new WorkbookError(
      "excel_error",
      `Plan Tracker expected a single cell address, not "${address}".`
    );
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

function formatTargets(
  context: Excel.RequestContext,
  sheet: string,
  rects: Rect[],
  caps: Capabilities
): Excel.RangeFormat[] {
  const ws = context.workbook.worksheets.getItem(sheet);
  // `format` is a navigation property, set (not read) by the caller: nothing to load.
  /* eslint-disable office-addins/load-object-before-read */
  if (caps.rangeAreas) return addressLists(rects).map((list) => ws.getRanges(list).format);
  return rects.map((r) => ws.getRange(rectAddressOf(r)).format);
  /* eslint-enable office-addins/load-object-before-read */
}

function rectAddressOf(r: Rect): string {
  const col = (n: number) => {
    let s = "";
    while (n > 0) {
      const x = (n - 1) % 26;
      s = String.fromCharCode(65 + x) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const tl = `${col(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${col(r.right)}${r.bottom}`;
}

function queueRestore(
  context: Excel.RequestContext,
  cells: FlaggedCell[],
  caps: Capabilities
): void {
  const g = groups(cells, (c) => `${c.fill ?? "none"}|${upper(c.fontColor)}|${c.bold}`);
  for (const { sheet, sample, rects } of g.values()) {
    for (const format of formatTargets(context, sheet, rects, caps)) {
      if (sample.fill === null) format.fill.clear();
      else format.fill.color = sample.fill;
      format.font.color = sample.fontColor;
      format.font.bold = sample.bold;
    }
  }
}

function queueFlag(
  context: Excel.RequestContext,
  cells: { sheet: string; address: string }[],
  caps: Capabilities
): void {
  const g = groups(cells, () => "flag");
  for (const { sheet, rects } of g.values()) {
    for (const format of formatTargets(context, sheet, rects, caps)) {
      format.fill.color = FLAG_STYLE.fill;
      format.font.color = FLAG_STYLE.fontColor;
      format.font.bold = FLAG_STYLE.bold;
    }
  }
}

/** Flags these cells (two syncs): the first reads formats and protection, the second writes. */
export async function flagCells(
  context: Excel.RequestContext,
  refs: CellRef[],
  caps: Capabilities
): Promise<FlagOutcome> {
  const record = readFlagRecord();
  const wanted = new Map<string, { sheet: string; address: string }>();
  for (const r of refs)
    wanted.set(keyOf(r.sheet, r.address), { sheet: r.sheet, address: r.address.toUpperCase() });
  const previous = new Map(record.cells.map((c) => [keyOf(c.sheet, c.address), c]));
  const all = new Map([
    ...wanted,
    ...[...previous].map(([k, c]) => [k, { sheet: c.sheet, address: c.address }] as const),
  ]);

  const { sheets, probes } = probe(context, [...all.values()], caps);
  await context.sync();
  refuseProtected(sheets, "flag the overdue timescales");

  const now = new Map(probes.map((p) => [keyOf(p.sheet, p.address), formatOf(p.range, caps)]));
  const toRestore: FlaggedCell[] = [];
  const toFlag: { sheet: string; address: string }[] = [];
  const next: FlaggedCell[] = [];
  for (const [k, old] of previous) {
    const current = now.get(k)!;
    if (!stillFlagged(current)) continue; // the officer re-formatted it: theirs now, forget it
    if (wanted.has(k))
      next.push(old); // stays flagged: keep the original formatting on record
    else toRestore.push(old);
  }
  for (const [k, cell] of wanted) {
    const old = previous.get(k);
    if (old && stillFlagged(now.get(k)!)) continue;
    next.push({ ...cell, ...now.get(k)! });
    toFlag.push(cell);
  }
  // Record first: if the write then fails, the record still holds every original.
  await writeFlagRecord({ version: 1, cells: next });
  queueRestore(context, toRestore, caps);
  queueFlag(context, toFlag, caps);
  await context.sync();
  return { flagged: next.length, cleared: toRestore.length };
}

/** Restores every flagged cell the officer has not re-formatted since (two syncs). */
export async function clearAllFlags(
  context: Excel.RequestContext,
  caps: Capabilities
): Promise<FlagOutcome> {
  const record = readFlagRecord();
  if (record.cells.length === 0) return { flagged: 0, cleared: 0 };
  const { sheets, probes } = probe(context, record.cells, caps);
  await context.sync();
  refuseProtected(sheets, "clear the flags");
  const toRestore = record.cells.filter((c, i) => stillFlagged(formatOf(probes[i].range, caps)));
  queueRestore(context, toRestore, caps);
  await context.sync();
  await writeFlagRecord({ version: 1, cells: [] });
  return { flagged: 0, cleared: toRestore.length };
}
