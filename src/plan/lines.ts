/**
 * Splitting a multi-line cell into its items: the actions of an Action cell (one
 * per bullet or line) and the timescales of a Timescale cell (one per line).
 * Regexes are compiled once: a large plan passes every cell through here.
 */
import type { CellValue } from "./types";

/** Line breaks as Excel, Word and PDF paste them (Word's manual break arrives as \v). */
const LINE_BREAK_RE = /\r\n|[\r\n\v\f\u2028\u2029\u0085]/;

/**
 * A bullet or list number at the start of a line: • \uf0b7 (Word's Symbol bullet) - * · ▪ ◦ ● – —
 * "1." "1)" "a)" "(a)" "i)" "(iv)". A number is a bullet only when no digit follows
 * ("1.5 million" and "31.03.25" are text), a letter or roman numeral only with a space
 * after it ("e.g." is text).
 */
const BULLET_RE =
  /^(?:[•\uf0b7\uf0a7\uf076\uf0d8\uf0fc·▪▫◦●○■□‣⁃➢➤►▶✓✔*]+\s*|[-–—]+(?:\s+|(?=[A-Za-z]))|\(?\d{1,2}[.)](?!\d)\s*|\((?:[a-zA-Z]|[ivxIVX]{1,4})\)\s*|(?:[a-zA-Z]|[ivx]{1,4}|[IVX]{1,4})[.)]\s+)/;

const ERROR_RE = /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|EXTERNAL!|PYTHON!|GETTING_DATA)$/i;

/** The Excel error a cell shows ("#REF!", "#N/A"), or null. */
export function cellError(value: CellValue): string | null {
  if (typeof value !== "string" || value.length === 0 || value.charCodeAt(0) !== 35 /* # */) return null;
  const t = value.trim();
  return ERROR_RE.test(t) ? t.toUpperCase() : null;
}

/** A cell as text: numbers without a trailing ".0", booleans as Excel shows them, nothing for empty. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** True when a cell holds nothing worth reading (empty, blanks only). */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "number") return !Number.isFinite(value);
  return false;
}

/**
 * The cell's lines, trimmed, with blank lines at the bottom removed and, unless
 * keepLeading, at the top (interior ones are kept).
 */
export function cellLines(text: string, keepLeading = false): string[] {
  if (text === "") return [];
  const raw = text.split(LINE_BREAK_RE);
  let start = 0;
  let end = raw.length;
  const lines: string[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) lines[i] = raw[i]!.trim();
  while (end > 0 && lines[end - 1] === "") end--;
  if (end === 0) return [];
  while (!keepLeading && start < end && lines[start] === "") start++;
  while (end > start && lines[end - 1] === "") end--;
  return start === 0 && end === lines.length ? lines : lines.slice(start, end);
}

/** The bullet at the start of a line, or "" when it has none. */
export function bulletOf(line: string): string {
  const m = BULLET_RE.exec(line);
  return m ? m[0] : "";
}

/** The items of a list cell. */
export interface CellItems {
  /** One text per item, bullets removed, wrapped lines joined with a space. */
  items: string[];
  /** True when bullets (or numbers) start the items; false when each line is an item. */
  bulleted: boolean;
  /**
   * In a bulleted cell, the unbulleted text above the first bullet (a fragment
   * completing an action on the row above, after a page break), or "".
   * It is not among the items.
   */
  lead: string;
}

/**
 * Splits a list cell into items. With bullets, each bullet starts an item and a
 * line without one continues the item above (a wrapped line); without bullets,
 * each non-blank line is an item.
 */
export function splitItems(text: string): CellItems {
  const lines = cellLines(text);
  let bulleted = false;
  const bullets: string[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Only a line with text after its bullet counts ("-" alone is a dash, e.g. "to be decided").
    const b = line === "" ? "" : bulletOf(line);
    bullets[i] = b.length > 0 && b.length < line.length ? b : "";
    if (bullets[i] !== "") bulleted = true;
  }
  const items: string[] = [];
  if (!bulleted) {
    for (const line of lines) if (line !== "") items.push(line);
    return { items, bulleted, lead: "" };
  }
  const leadParts: string[] = [];
  let current: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const b = bullets[i]!;
    if (b !== "") {
      if (current !== null) items.push(current);
      current = line.slice(b.length).trim();
    } else if (current === null) {
      leadParts.push(line);
    } else {
      current = current + " " + line;
    }
  }
  if (current !== null) items.push(current);
  return { items, bulleted, lead: leadParts.join(" ") };
}

/** The lines of a Timescale-like cell: the non-blank lines, and the lines with interior blanks kept. */
export interface CellLineSets {
  lines: string[];
  withBlanks: string[];
}

/**
 * Timescale, revised timescale and status cells: one entry per line, bullets removed.
 * Blank lines above and between are offered separately: the pairing keeps them only
 * when that makes the counts match (a blank line for an action without a timescale).
 */
export function splitTimescaleLines(text: string): CellLineSets {
  const raw = cellLines(text, true);
  const withBlanks: string[] = new Array(raw.length);
  const lines: string[] = [];
  let hasBlank = false;
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    if (line === "") {
      hasBlank = true;
    } else {
      const b = bulletOf(line);
      if (b.length > 0 && b.length < line.length) line = line.slice(b.length).trim();
      lines.push(line);
    }
    withBlanks[i] = line;
  }
  return { lines, withBlanks: hasBlank ? withBlanks : lines };
}
