/**
 * Splitting a multi-line cell into its items: the actions of an Action cell (one
 * per bullet or line) and the timescales of a Timescale cell (one per line).
 * A large plan passes every cell through here, so the common cases (a "\n"
 * break, a "•" bullet, a line without one) are handled without a regex and with
 * as few new strings and arrays as possible; regexes are kept for the rare forms.
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

/** BULLET_RE without its anchor, sticky, to test a line in place inside its cell's text. */
const BULLET_AT_RE = new RegExp(BULLET_RE.source.slice(1), "y");

/** The symbol bullets of BULLET_RE's first branch, by character code, for the fast path. */
const SYMBOL_BULLETS = new Set<number>(
  Array.from("•\uf0b7\uf0a7\uf076\uf0d8\uf0fc·▪▫◦●○■□‣⁃➢➤►▶✓✔*", (ch) => ch.charCodeAt(0))
);

const ERROR_RE =
  /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|EXTERNAL!|PYTHON!|GETTING_DATA)$/i;

/** The Excel error a cell shows ("#REF!", "#N/A"), or null. */
export function cellError(value: CellValue): string | null {
  if (typeof value !== "string" || value.length === 0 || value.charCodeAt(0) !== 35 /* # */)
    return null;
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
  if (typeof value === "string")
    return value.length === 0 || (isSpace(value.charCodeAt(0)) && value.trim() === "");
  if (typeof value === "number") return !Number.isFinite(value);
  return false;
}

/**
 * True when the text holds a break other than "\n" (then the full split is needed).
 * indexOf is a fast native scan; a regex over every long cell showed up in profiles.
 */
function hasRareBreak(text: string): boolean {
  return (
    text.indexOf("\r") >= 0 ||
    text.indexOf("\v") >= 0 ||
    text.indexOf("\u2028") >= 0 ||
    text.indexOf("\u2029") >= 0 ||
    text.indexOf("\f") >= 0 ||
    text.indexOf("\u0085") >= 0
  );
}

/**
 * The cell's lines, trimmed, with blank lines at the bottom removed and, unless
 * keepLeading, at the top (interior ones are kept).
 */
export function cellLines(text: string, keepLeading = false): string[] {
  if (text === "") return [];
  const lines = hasRareBreak(text) ? text.split(LINE_BREAK_RE) : text.split("\n");
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.trim();
  let start = 0;
  let end = lines.length;
  while (end > 0 && lines[end - 1] === "") end--;
  if (end === 0) return [];
  while (!keepLeading && start < end && lines[start] === "") start++;
  if (start === 0 && end === lines.length) return lines;
  return lines.slice(start, end);
}

/** Unicode white space as \s knows it (the common ones first). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * How many characters of the (trimmed) line are its bullet and the space after it;
 * 0 when it has none. Symbol bullets ("•", Word's \uf0b7) are counted directly; the
 * rarer forms go to BULLET_RE, and only when the line could start with one (a
 * symbol, or up to four letters or two digits followed by "." or ")").
 */
export function bulletLength(line: string): number {
  const len = line.length;
  if (len === 0) return 0;
  const c0 = line.charCodeAt(0);
  if (SYMBOL_BULLETS.has(c0)) {
    let i = 1;
    while (i < len && SYMBOL_BULLETS.has(line.charCodeAt(i))) i++;
    while (i < len && isSpace(line.charCodeAt(i))) i++;
    return i;
  }
  if (isLetter(c0) || isDigit(c0)) {
    const max = Math.min(len, 5);
    let possible = false;
    for (let i = 1; i < max; i++) {
      const c = line.charCodeAt(i);
      if (c === 46 /* . */ || c === 41 /* ) */) {
        possible = true;
        break;
      }
      if (!isLetter(c) && !isDigit(c)) break;
    }
    if (!possible) return 0;
  }
  const m = BULLET_RE.exec(line);
  return m ? m[0].length : 0;
}

/** bulletLength for the (trimmed) line text[s, e) inside a cell's text, without cutting it out. */
function bulletLengthAt(text: string, s: number, e: number): number {
  const c0 = text.charCodeAt(s);
  if (SYMBOL_BULLETS.has(c0)) {
    let i = s + 1;
    while (i < e && SYMBOL_BULLETS.has(text.charCodeAt(i))) i++;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    return i - s;
  }
  if (isLetter(c0) || isDigit(c0)) {
    const max = Math.min(e, s + 5);
    let possible = false;
    for (let i = s + 1; i < max; i++) {
      const c = text.charCodeAt(i);
      if (c === 46 /* . */ || c === 41 /* ) */) {
        possible = true;
        break;
      }
      if (!isLetter(c) && !isDigit(c)) break;
    }
    if (!possible) return 0;
  }
  BULLET_AT_RE.lastIndex = s;
  const m = BULLET_AT_RE.exec(text);
  if (m === null) return 0;
  // A match that runs past the line's end took the line break for the space after a
  // bullet; read the line on its own, as the other paths do.
  return m[0].length <= e - s ? m[0].length : bulletLength(text.slice(s, e));
}

/**
 * Scratch space for the line scanner: where each line starts and ends and the length
 * of its bullet. Reused between cells (the engine is synchronous), grown on demand.
 */
let lineStart: Int32Array = new Int32Array(64);
let lineEnd: Int32Array = new Int32Array(64);
let lineBullet: Int32Array = new Int32Array(64);

/**
 * Finds the lines of a cell split on "\n" only (the caller has ruled out other breaks),
 * trimmed in place, with trailing blank lines dropped; returns how many. Each line is
 * text[lineStart[i], lineEnd[i]) (empty for a blank line), with lineBullet[i] set.
 * Nothing is cut out of the text yet: the callers cut each piece once, at its final size,
 * so that an action's text is a slice of the cell's own string, not a copy of a copy.
 */
function scanLines(text: string): number {
  const n = text.length;
  let count = 0;
  let last = 0;
  let pos = 0;
  while (pos <= n) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = n;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (count === lineStart.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      lineStart = grow(lineStart);
      lineEnd = grow(lineEnd);
      lineBullet = grow(lineBullet);
    }
    const b = s < e ? bulletLengthAt(text, s, e) : 0;
    // A line that is only bullets ("•") is blank; only a bullet with text after it
    // counts as a bullet ("-" alone is a dash, "to be decided", and no bullet).
    if (b > 0 && b >= e - s) e = s;
    lineStart[count] = s;
    lineEnd[count] = e;
    lineBullet[count] = b < e - s ? b : 0;
    count++;
    if (s < e) last = count;
    pos = nl + 1;
  }
  return last;
}

/** The bullet at the start of a line, or "" when it has none. */
export function bulletOf(line: string): string {
  return line.slice(0, bulletLength(line));
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
  const rare = hasRareBreak(text);
  if (!rare && text.indexOf("\n") < 0) {
    // One line (most cells of a one-row-per-action tracker): no list to split.
    const line = text.trim();
    const b = bulletLength(line);
    if (line === "" || (b > 0 && b >= line.length)) return { items: [], bulleted: false, lead: "" };
    if (b > 0) return { items: [line.slice(b)], bulleted: true, lead: "" };
    return { items: [line], bulleted: false, lead: "" };
  }
  if (!rare) return splitScanned(text);
  const lines = cellLines(text);
  // One pass serves both readings: `plain` (a line per item) and `items` (a bullet per
  // item); which one holds is known only at the end, when it is clear whether any
  // line had a bullet.
  const plain: string[] = [];
  const items: string[] = [];
  let lead = "";
  let current: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const b = bulletLength(line);
    if (b > 0 && b >= line.length) continue; // only bullets: a blank line
    plain.push(line);
    if (b > 0) {
      if (current !== null) items.push(current);
      current = line.slice(b);
    } else if (current === null) {
      lead = lead === "" ? line : lead + " " + line;
    } else {
      current = current + " " + line;
    }
  }
  if (current === null) return { items: plain, bulleted: false, lead: "" };
  items.push(current);
  return { items, bulleted: true, lead };
}

/** splitItems for a cell whose only breaks are "\n", cutting each item once from the text. */
function splitScanned(text: string): CellItems {
  const count = scanLines(text);
  let bulleted = false;
  for (let i = 0; i < count; i++) {
    if (lineBullet[i]! > 0) {
      bulleted = true;
      break;
    }
  }
  const items: string[] = [];
  if (!bulleted) {
    for (let i = 0; i < count; i++)
      if (lineStart[i]! < lineEnd[i]!) items.push(text.slice(lineStart[i], lineEnd[i]));
    return { items, bulleted: false, lead: "" };
  }
  let lead = "";
  let current: string | null = null;
  for (let i = 0; i < count; i++) {
    const s = lineStart[i]!;
    const e = lineEnd[i]!;
    if (s === e) continue;
    const b = lineBullet[i]!;
    if (b > 0) {
      if (current !== null) items.push(current);
      current = text.slice(s + b, e);
    } else if (current === null) {
      lead = lead === "" ? text.slice(s, e) : lead + " " + text.slice(s, e);
    } else {
      current = current + " " + text.slice(s, e);
    }
  }
  items.push(current!);
  return { items, bulleted: true, lead };
}

/** The lines of a Timescale-like cell: the non-blank lines, and the lines with blanks kept. */
export interface CellLineSets {
  lines: string[];
  withBlanks: string[];
}

const NO_LINES: CellLineSets = { lines: [], withBlanks: [] };

/**
 * Timescale, revised timescale and status cells: one entry per line, bullets removed.
 * Blank lines above and between are offered separately: the pairing keeps them only
 * when that makes the counts match (a blank line for an action without a timescale).
 */
export function splitTimescaleLines(text: string): CellLineSets {
  const rare = hasRareBreak(text);
  if (!rare && text.indexOf("\n") < 0) {
    let line = text.trim();
    const b = bulletLength(line);
    if (line === "" || (b > 0 && b >= line.length)) return NO_LINES;
    if (b > 0) line = line.slice(b);
    const one = [line];
    return { lines: one, withBlanks: one };
  }
  if (!rare) {
    const count = scanLines(text);
    const all: string[] = new Array(count);
    let blanks = 0;
    for (let i = 0; i < count; i++) {
      const s = lineStart[i]!;
      const e = lineEnd[i]!;
      if (s === e) blanks++;
      all[i] = s === e ? "" : text.slice(s + lineBullet[i]!, e);
    }
    if (blanks === 0) return { lines: all, withBlanks: all };
    const lines: string[] = [];
    for (let i = 0; i < count; i++) if (all[i] !== "") lines.push(all[i]!);
    return { lines, withBlanks: all };
  }
  let raw = cellLines(text, true);
  let blanks = 0;
  let last = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const b = line === "" ? 0 : bulletLength(line);
    if (line === "" || (b > 0 && b >= line.length)) {
      raw[i] = "";
      blanks++;
      continue;
    }
    if (b > 0) raw[i] = line.slice(b);
    last = i + 1;
  }
  // Lines of bullets alone at the bottom are trailing blanks too.
  if (last < raw.length) {
    blanks -= raw.length - last;
    raw = raw.slice(0, last);
  }
  if (blanks === 0) return { lines: raw, withBlanks: raw };
  const lines: string[] = [];
  for (let i = 0; i < raw.length; i++) if (raw[i] !== "") lines.push(raw[i]!);
  return { lines, withBlanks: raw };
}
