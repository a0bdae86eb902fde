/**
 * What a column's cells say about its role (spec 1: "a column whose cells mostly read as
 * timescales is evidence for the role, one holding long prose for an action or
 * recommendation"). Read from the first cells under a candidate header row, so that a
 * header the word lists do not settle ("To be delivered by": a date or a team?) is decided by
 * what the officer wrote under it.
 */
import { formatInfo } from "./number-format";
import { cellError, cellText, isBlank } from "./lines";
import { readStatusCell } from "./status-words";
import { parseTimescale } from "./timescale";
import type { CellValue, NumberFormats, ReadSettings, Timescale } from "./types";

/** Shares of the non-blank cells sampled, 0..1. */
export interface ColumnEvidence {
  /** Non-blank cells sampled. */
  cells: number;
  /** Cells that read as a timescale: a date, a period, "Ongoing", "TBC", a typed date. */
  timescale: number;
  /** Cells of prose: six words or more, or 40 characters. */
  prose: number;
  /** Cells that give a status: RAG colours, "On track", "Complete", a percentage. */
  status: number;
  /** Short identifiers: "1", "2.3", "R12", "A". */
  key: number;
  /** Lines (one item each) ending in a date after a dash or "by": "Adopt the policy – July 2016". */
  trailingDate: number;
  /** Lines of text looked at for trailingDate. */
  lines: number;
}

/** Non-blank cells read per column: enough to judge, few enough to stay cheap. */
const SAMPLE_CELLS = 25;
/** Rows looked through for them. */
const SAMPLE_ROWS = 80;

/** Timescale kinds that a deadline column holds; "unclear" is anything else. */
const TIMESCALE_KINDS = new Set<Timescale["kind"]>([
  "month",
  "date",
  "quarter",
  "fy",
  "fy_quarter",
  "season",
  "part_of_year",
  "year",
  "multiple",
  "range",
  "milestone_then_ongoing",
  "ongoing_until",
  "ongoing",
  "recurring",
  "complete",
  "on_hold",
  "tbc",
  "needs_year",
]);

/** Words of progress a status column holds (besides readStatusCell's complete/withdrawn/on hold). */
const PROGRESS_RE =
  /^(?:red|amber|green|blue|grey|gray|r|a|g|b|rag|on track|on target|in progress|not started|started|delayed|behind|ahead|open|overdue|at risk|ongoing|partially (?:complete|implemented|achieved)|not (?:yet )?(?:due|complete|achieved|implemented))\b/;

/** A serial that is plausibly a typed date of a plan (1990-2100), not a count or a score. */
const PLAUSIBLE_SERIAL_MIN = 32_874;
const PLAUSIBLE_SERIAL_MAX = 73_051;

const KEY_RE =
  /^[A-Za-z]{0,4}[\s.-]?\d{1,4}(?:[.\-/]\d{1,4}){0,3}[a-z]?\.?$|^[A-Za-z]\.?$|^[ivxIVX]{1,5}\.?$/;
const TRAILING_DATE_RE = /(?:\s[–—-]\s*|,\s*|\(\s*|\bby\s+)([^–—,(]{3,30}?)\)?\s*$/i;

const WORD_RE = /\S+/g;

function words(text: string): number {
  WORD_RE.lastIndex = 0;
  let n = 0;
  while (WORD_RE.exec(text) !== null) n++;
  return n;
}

/** True when a number in a cell reads as a date or a year, as its format (or its size) shows. */
function numberIsTimescale(value: number, format: string | undefined): boolean {
  if (format !== undefined) {
    const info = formatInfo(format);
    if (info.kind === "date") return true;
    return (info.kind === "general" || info.kind === "number") && Number.isInteger(value)
      ? value >= 1900 && value <= 2100
      : false;
  }
  return (
    (value >= PLAUSIBLE_SERIAL_MIN && value <= PLAUSIBLE_SERIAL_MAX) ||
    (Number.isInteger(value) && value >= 1990 && value <= 2100)
  );
}

/**
 * The evidence of column `col` in the rows below `headerRow` (0-based indexes into values).
 * `parse` reads a timescale text (the caller's cache); formats are used where given.
 */
export function columnEvidence(
  values: readonly (readonly CellValue[] | null | undefined)[],
  headerRow: number,
  col: number,
  formats: NumberFormats | undefined,
  parse: (text: string) => Timescale
): ColumnEvidence {
  let cells = 0;
  let timescale = 0;
  let prose = 0;
  let status = 0;
  let key = 0;
  let trailing = 0;
  let lines = 0;
  const last = Math.min(values.length, headerRow + 1 + SAMPLE_ROWS);
  for (let r = headerRow + 1; r < last && cells < SAMPLE_CELLS; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const v = row[col];
    if (isBlank(v) || cellError(v) !== null) continue;
    cells++;
    if (typeof v === "number") {
      const f = formats?.[r]?.[col];
      if (numberIsTimescale(v, typeof f === "string" ? f : undefined)) timescale++;
      if (Number.isInteger(v) && v >= 0 && v < 10_000) key++;
      if ((v >= 0 && v <= 1) || v === 100) status++;
      continue;
    }
    const text = cellText(v).trim();
    // A multi-line cell is judged by its first line: one timescale or action per line.
    const nl = text.indexOf("\n");
    const first = (nl >= 0 ? text.slice(0, nl) : text).trim();
    const n = words(text);
    const long = n >= 6 || text.length >= 40;
    if (long) prose++;
    if (first.length <= 40 && words(first) <= 7 && TIMESCALE_KINDS.has(parse(first).kind))
      timescale++;
    const lower = first.toLowerCase();
    if (!long && (readStatusCell(first) !== null || PROGRESS_RE.test(lower) || /%$/.test(lower)))
      status++;
    if (first.length <= 10 && KEY_RE.test(first)) key++;
    // Each line of a cell is an item: a milestones cell lists several, each with its date.
    for (const line of text.split("\n")) {
      const l = line.trim();
      if (l === "") continue;
      lines++;
      const m = trailingTimescale(l);
      if (m && words(m.action) >= 3 && parse(m.timescale).due !== null) trailing++;
    }
  }
  const share = (k: number) => (cells === 0 ? 0 : k / cells);
  return {
    cells,
    timescale: share(timescale),
    prose: share(prose),
    status: share(status),
    key: share(key),
    trailingDate: lines === 0 ? 0 : trailing / lines,
    lines,
  };
}

/**
 * The date written at the end of an action ("Adopt the policy – July 2016", "Report to Cabinet,
 * March 2024", "Complete the review by June 2025"), split from it; null when none is there.
 * The caller checks that the end reads as a dated timescale.
 */
export function trailingTimescale(text: string): { action: string; timescale: string } | null {
  const m = TRAILING_DATE_RE.exec(text);
  if (!m || m.index === 0) return null;
  return { action: text.slice(0, m.index).trim(), timescale: m[1]!.trim() };
}

/** A timescale reader with a cache, for the evidence of many columns over the same rows. */
export function cachedParser(
  settings: Partial<ReadSettings> | undefined
): (t: string) => Timescale {
  const cache = new Map<string, Timescale>();
  return (text: string) => {
    let ts = cache.get(text);
    if (ts === undefined) {
      ts = parseTimescale(text, settings);
      cache.set(text, ts);
    }
    return ts;
  };
}
