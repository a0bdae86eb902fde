/**
 * One timescale cell may list several timescales, one per line, for the several
 * actions of its row (spec section 2). A function given such a cell judges each
 * line on its own; these helpers split the cell the way the officer wrote it.
 */
import type { CellValue } from "../plan";

// A bullet or list number at the start of a line: "• ", " ", "- ", "* ", "1. ", "a) ".
// A lone "-" is a timescale of its own (to be confirmed), so a marker needs text after it.
const BULLET =
  /^(?:[•\u2022\uf0b7\u25aa\u25cf*]|-(?=\s)|\d{1,2}[.)](?=\s)|[a-z][)](?=\s))\s*(?=\S)/i;

/** The timescale lines of a cell: a number (a date cell) is one line; empty text is one empty line. */
export function timescaleLines(value: CellValue): CellValue[] {
  if (typeof value !== "string") return [value];
  // Most cells hold one timescale: skip the split (a range of 10,000 cells is one call).
  if (!/[\r\n]/.test(value)) {
    const line = value.trim();
    return [BULLET.test(line) ? line.replace(BULLET, "").trim() : line];
  }
  const lines = value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(BULLET, "").trim())
    .filter((line) => line !== "");
  return lines.length > 0 ? lines : [""];
}
