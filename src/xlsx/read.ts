/**
 * Reading .xlsx files in Node (command line, scripts, tests) with exceljs, so that
 * the engine sees exactly what it sees inside Excel: a worksheet range becomes the
 * 2-D array `Range.values` would give. Strings, numbers, booleans, "" for empty;
 * dates as 1900-system serial numbers; formulas as their cached results; rich text
 * and hyperlinks as their plain text; errors as "#REF!" and the like; a merged
 * area's value only in its top-left cell.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Cell, CellValue as ExcelValue, Workbook, Worksheet } from "exceljs";
import {
  DEFAULT_READ_SETTINGS,
  readPlan,
  type CellValue,
  type ColumnChoices,
  type PlanProblem,
  type ReadResult,
  type ReadSettings,
} from "../plan";
import { SETTINGS_KEY, planId, storedReading } from "../report/stored-settings";
import { readAddinSetting } from "./addin-settings";
import { WorkbookFileError } from "./errors";

/** A range of the workbook that may hold a plan, read and tried as one. */
export interface PlanCandidate {
  sheet: string;
  /** The Excel Table's name, when the range is one. */
  table?: string;
  /** The range read, e.g. "A1:G19". */
  address: string;
  values: CellValue[][];
  /** Each value's number format, as exceljs gives it ("General" where none is set). */
  formats: string[][];
  origin: { sheet: string; row: number; column: number };
  /** The engine's reading of the range. */
  result: ReadResult;
}

/** What a workbook offers: every range tried, and the sheet names in tab order. */
export interface WorkbookPlans {
  file: string;
  sheets: string[];
  /** Every range tried, plan or not, in tab order (tables before the rest of their sheet). */
  tried: PlanCandidate[];
  /** The ranges the engine could read as a plan. */
  plans: PlanCandidate[];
}

const MS_PER_DAY = 86_400_000;
/** Excel's 1900-system serial of 1970-01-01 (it counts the phantom 29 February 1900). */
const SERIAL_OF_UNIX_EPOCH = 25_569;

/**
 * The 1900-system serial of a date exceljs produced from a date-formatted cell.
 *
 * exceljs turns the stored serial s into `(s - 25569) days after 1970-01-01`
 * (with 1462 days added in a 1904-system workbook), so inverting that exactly
 * gives back the serial Excel holds, time of day included. Going through the
 * calendar date instead (toExcelSerial) would be a day out for serials 1-60,
 * where exceljs's own conversion ignores the phantom 29 February 1900. In a
 * 1904-system workbook exceljs has already moved the date to the true day, so the
 * same inversion gives the 1900-system serial of that day, which is what the
 * engine expects (spec section 3).
 */
export function dateToSerial(date: Date, date1904 = false): number {
  return SERIAL_OF_UNIX_EPOCH + date.getTime() / MS_PER_DAY - (date1904 ? DAYS_1904 : 0);
}

/** The 1904 system counts from 1 January 1904, 1,462 days after the 1900 system's day 0. */
const DAYS_1904 = 1_462;

/**
 * One cell's value as `Range.values` would give it: dates as serials in the workbook's own
 * date system (1904 for older Mac workbooks), as Excel hands them to an add-in.
 */
export function cellValue(cell: Cell, date1904 = false): CellValue {
  if (cell.isMerged && cell.master !== cell && cell.master.address !== cell.address) return "";
  return plainValue(cell.value, date1904);
}

/** A cell's number format as Excel names it; "General" where none is set. */
export function cellFormat(cell: Cell): string {
  const f = (cell as unknown as { numFmt?: unknown }).numFmt;
  return typeof f === "string" && f !== "" ? f : "General";
}

/** exceljs's value shapes, flattened to what Excel's API hands an add-in. */
export function plainValue(value: ExcelValue | undefined, date1904 = false): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: string }[]).map((run) => run.text ?? "").join("");
    }
    if ("error" in v && typeof v.error === "string") return v.error;
    if ("formula" in v || "sharedFormula" in v) {
      // The cached result, as Excel shows it; a formula never calculated shows nothing.
      return plainValue(v.result as ExcelValue | undefined, date1904);
    }
    if ("hyperlink" in v || "text" in v)
      return plainValue(v.text as ExcelValue | undefined, date1904);
  }
  return "";
}

import { a1, columnLetters } from "../plan/a1";
export { a1, columnLetters };

export { qualifiedAddress } from "../report/source";

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parse "B3:G19" (or "B3") into bounds. */
function parseRangeAddress(address: string): Bounds | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!m) return null;
  const col = (letters: string): number =>
    letters
      .toUpperCase()
      .split("")
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

function boundsAddress(b: Bounds): string {
  return `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
}

/** The smallest range holding every non-empty value of the sheet, or null for an empty sheet. */
export function usedBounds(sheet: Worksheet): Bounds | null {
  let bounds: Bounds | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cellValue(cell) === "") return;
      if (!bounds) {
        bounds = { top: rowNumber, left: colNumber, bottom: rowNumber, right: colNumber };
      } else {
        bounds.top = Math.min(bounds.top, rowNumber);
        bounds.bottom = Math.max(bounds.bottom, rowNumber);
        bounds.left = Math.min(bounds.left, colNumber);
        bounds.right = Math.max(bounds.right, colNumber);
      }
    });
  });
  return bounds;
}

/** The values of a range, as `Range.values` gives them. */
export function rangeValues(sheet: Worksheet, b: Bounds, date1904 = false): CellValue[][] {
  return rangeCells(sheet, b, date1904).values;
}

/** The values of a range and their number formats, as `Range.values` and `numberFormat` give them. */
export function rangeCells(
  sheet: Worksheet,
  b: Bounds,
  date1904 = false
): { values: CellValue[][]; formats: string[][] } {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row = sheet.getRow(r);
    const line: CellValue[] = [];
    const fline: string[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const cell = row.getCell(c);
      const v = cellValue(cell, date1904);
      line.push(v);
      // Only numbers are read with their format; the rest need none.
      fline.push(typeof v === "number" ? cellFormat(cell) : "General");
    }
    values.push(line);
    formats.push(fline);
  }
  return { values, formats };
}

/** The whole used range of a sheet with its origin, or null for an empty sheet. */
export function sheetValues(
  sheet: Worksheet,
  date1904 = false
): {
  address: string;
  values: CellValue[][];
  formats: string[][];
  origin: { sheet: string; row: number; column: number };
} | null {
  const b = usedBounds(sheet);
  if (!b) return null;
  return {
    address: boundsAddress(b),
    ...rangeCells(sheet, b, date1904),
    origin: { sheet: sheet.name, row: b.top, column: b.left },
  };
}

/** The OLE compound-file signature: an encrypted (password-protected) .xlsx, or an old .xls. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Opens an .xlsx file, or fails with one line that says what is wrong with it.
 * The file's first bytes are checked first so that an encrypted workbook or a
 * stray CSV gets a message about that, not exceljs's zip error.
 */
export async function openWorkbook(file: string): Promise<Workbook> {
  const cannot = (why: string): WorkbookFileError =>
    new WorkbookFileError(`cannot read '${file}': ${why}`);
  let head: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw cannot("it is a folder, not a workbook file.");
    const handle = await fs.open(file, "r");
    try {
      head = Buffer.alloc(8);
      const { bytesRead } = await handle.read(head, 0, 8, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw cannot("the file does not exist.");
    if (code === "EACCES" || code === "EPERM")
      throw cannot("permission to read the file was refused.");
    throw cannot(`the file could not be opened (${code ?? String(error)}).`);
  }
  if (head.length === 0) throw cannot("the file is empty.");
  if (head.length >= 8 && head.equals(OLE_SIGNATURE)) {
    throw cannot(
      "it is password-protected (encrypted) or an old .xls workbook; in Excel, remove the password or save it as an .xlsx workbook, then try again."
    );
  }
  if (head.length < 4 || !head.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    const kind = path.extname(file).toLowerCase() === ".csv" ? " (it looks like a CSV file)" : "";
    throw cannot(`it is not an Excel workbook (.xlsx)${kind}.`);
  }
  // exceljs is large; load it only when a workbook is actually read.
  const ExcelJS = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    const data = await fs.readFile(file);
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    savedSettings.set(workbook, await readSavedSettings(data));
  } catch (error) {
    // exceljs's own message ("Corrupted zip ...") means nothing to an officer; PLAN_DEBUG shows it.
    if (process.env.PLAN_DEBUG) process.stderr.write(`${String(error)}\n`);
    throw cannot(
      "it is not a readable Excel workbook (.xlsx); it may be damaged, or another kind of file."
    );
  }
  if (workbook.worksheets.length === 0)
    throw cannot("it is a zip file but not an Excel workbook: it holds no worksheets.");
  return workbook;
}

/** The add-in's settings saved in each opened workbook (what the officer chose in the pane). */
const savedSettings = new WeakMap<Workbook, unknown>();

async function readSavedSettings(data: Buffer): Promise<unknown> {
  const JSZip = (await import("jszip")).default;
  try {
    return await readAddinSetting(await JSZip.loadAsync(data), SETTINGS_KEY);
  } catch {
    return undefined;
  }
}

/** The settings the pane saved in this workbook, or undefined when it has none. */
export function savedSettingsOf(workbook: Workbook): unknown {
  return savedSettings.get(workbook);
}

/** True when the workbook counts dates from 1904. */
export function uses1904(workbook: Workbook): boolean {
  return (workbook.properties as { date1904?: boolean } | undefined)?.date1904 === true;
}

/** The tables of a loaded sheet, with their ranges. */
function sheetTables(sheet: Worksheet): { name: string; bounds: Bounds }[] {
  const found: { name: string; bounds: Bounds }[] = [];
  for (const table of sheet.getTables()) {
    // A loaded table keeps its model in `table.table` (the typings only describe new ones).
    const model = (
      table as unknown as { table?: { name?: string; tableRef?: string; ref?: string } }
    ).table;
    const ref = model?.tableRef ?? model?.ref;
    const bounds = ref ? parseRangeAddress(ref) : null;
    if (model?.name && bounds) found.push({ name: model.name, bounds });
  }
  return found.sort((a, b) => a.bounds.top - b.bounds.top || a.bounds.left - b.bounds.left);
}

/** What the command line adds to a workbook's own reading: options given on the command line. */
export interface ReadingGiven {
  /** Read settings given as options; they win over what the workbook saved. */
  settings?: Partial<ReadSettings>;
  /** --column choices; they win, role by role, over the choices saved for each plan. */
  columns?: ColumnChoices;
}

/**
 * Every range of the workbook that might be a plan, each read by the engine:
 * Excel Tables first (the officer named them), then the used range of each sheet
 * that has no table holding a plan. Each is read as the pane reads it: with its number
 * formats, in the workbook's date system, with the columns the officer chose in the pane
 * (saved in the workbook) and any given on the command line.
 */
export function findPlans(
  workbook: Workbook,
  file: string,
  options: ReadingGiven = {}
): WorkbookPlans {
  const stored = storedReading(savedSettingsOf(workbook));
  const date1904 = uses1904(workbook);
  const read: ReadSettings = {
    ...DEFAULT_READ_SETTINGS,
    ...stored.read,
    ...(options.settings ?? {}),
    date1904,
  };
  const choicesFor = (where: { sheet: string; table?: string }): ColumnChoices | undefined => {
    const saved = stored.columns[planId(where)];
    if (!saved && !options.columns) return undefined;
    return { ...(saved ?? {}), ...(options.columns ?? {}) };
  };
  const tried: PlanCandidate[] = [];
  const sheets: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheets.push(sheet.name);
    let tablePlan = false;
    for (const table of sheetTables(sheet)) {
      const { values, formats } = rangeCells(sheet, table.bounds, date1904);
      const origin = { sheet: sheet.name, row: table.bounds.top, column: table.bounds.left };
      const result = readPlan(values, origin, read, {
        numberFormats: formats,
        columns: choicesFor({ sheet: sheet.name, table: table.name }),
        headerRowFirst: true,
      });
      tried.push({
        sheet: sheet.name,
        table: table.name,
        address: boundsAddress(table.bounds),
        values,
        formats,
        origin,
        result,
      });
      tablePlan = tablePlan || result.ok;
    }
    if (tablePlan) continue;
    const used = sheetValues(sheet, date1904);
    if (!used) continue;
    const result = readPlan(used.values, used.origin, read, {
      numberFormats: used.formats,
      columns: choicesFor({ sheet: sheet.name }),
    });
    tried.push({ sheet: sheet.name, ...used, result });
  }
  return { file, sheets, tried, plans: tried.filter((c) => c.result.ok) };
}

/** "'North' (A1:G40)" or "'North' (table NorthPlan, A1:G40)". */
export function describeCandidate(c: Pick<PlanCandidate, "sheet" | "table" | "address">): string {
  return c.table ? `'${c.sheet}' (table ${c.table}, ${c.address})` : `'${c.sheet}' (${c.address})`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** How to say which column is which, on the command line, for a table whose columns were not told. */
function columnHint(problem: PlanProblem | null | undefined): string {
  if (!problem || problem.code === "empty") return "";
  const missing =
    problem.code === "no_timescale_column"
      ? "--column timescale=HEADER"
      : problem.code === "no_action_column"
        ? "--column action=HEADER"
        : "--column action=HEADER --column timescale=HEADER";
  return ` (On the command line: ${missing}, with the column's header or letter.)`;
}

/** The problem to show when a range is not a plan. */
function problemOf(c: PlanCandidate): PlanProblem | null {
  return c.result.ok ? null : c.result.problem;
}

/**
 * The one plan to use. With `sheet` (a sheet or table name, as Excel matches
 * names: ignoring case) that one; otherwise the only plan in the workbook. Several
 * plans without a choice is an error that lists them, never a guess.
 */
export function pickPlan(found: WorkbookPlans, sheet?: string): PlanCandidate {
  const file = found.file;
  if (sheet !== undefined) {
    const wanted = sheet.trim().toLowerCase();
    const bySheet = found.tried.filter((c) => c.sheet.toLowerCase() === wanted);
    const byTable = found.tried.filter((c) => c.table?.toLowerCase() === wanted);
    const sheetExists = found.sheets.some((s) => s.toLowerCase() === wanted);
    if (!sheetExists && byTable.length === 0) {
      throw new WorkbookFileError(
        `'${file}' has no sheet called '${sheet}'; ${found.sheets.length === 1 ? "its only sheet is" : "its sheets are"} ${listInWords(found.sheets.map((s) => `'${s}'`))}.`
      );
    }
    const pool = byTable.length > 0 ? byTable : bySheet;
    const plans = pool.filter((c) => c.result.ok);
    if (plans.length === 1) return plans[0];
    if (plans.length > 1) {
      throw new WorkbookFileError(
        `sheet '${sheet}' holds ${plans.length} plans: ${listInWords(plans.map(describeCandidate))}. Say which with --sheet TABLE-NAME.`
      );
    }
    if (pool.length === 0)
      throw new WorkbookFileError(
        `sheet '${sheet}' of '${file}' is empty: there is no plan on it.`
      );
    // The engine's message already names the sheet and what it looked for.
    const problem = problemOf(pool[pool.length - 1]);
    throw new WorkbookFileError(
      `${file}: ${problem?.message ?? `sheet '${sheet}' holds no plan table.`}${columnHint(problem)}`
    );
  }
  if (found.plans.length === 1) return found.plans[0];
  if (found.plans.length > 1) {
    const n = found.plans.length;
    throw new WorkbookFileError(
      `This workbook holds ${n} plans: ${listInWords(found.plans.map(describeCandidate))}. Say which with --sheet.`
    );
  }
  if (found.tried.length === 0)
    throw new WorkbookFileError(`'${file}' is empty: none of its sheets holds any values.`);
  // Nothing readable: show the engine's reason for the range that came closest
  // (the most header-like row); its message names the sheet.
  const closest = [...found.tried].sort(
    (a, b) => (problemOf(b)?.headersFound.length ?? 0) - (problemOf(a)?.headersFound.length ?? 0)
  )[0];
  const others = found.tried.length > 1 ? " No other sheet holds a plan either." : "";
  throw new WorkbookFileError(
    `${file}: ${problemOf(closest)?.message ?? `sheet '${closest.sheet}' holds no plan table.`}${columnHint(problemOf(closest))}${others}`
  );
}

/** Opens a workbook and picks its plan: what every Node command that reads a plan needs. */
export async function loadPlan(
  file: string,
  options: { sheet?: string; settings?: Partial<ReadSettings>; columns?: ColumnChoices } = {}
): Promise<{ workbook: Workbook; found: WorkbookPlans; plan: PlanCandidate }> {
  const workbook = await openWorkbook(file);
  const found = findPlans(workbook, file, { settings: options.settings, columns: options.columns });
  return { workbook, found, plan: pickPlan(found, options.sheet) };
}
