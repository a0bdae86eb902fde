/**
 * One timescale cell may list several timescales, one per line, for the several
 * actions of its row (spec section 2). A function given such a cell judges each
 * line on its own, split exactly as the engine splits the plan's cells.
 */
import { splitTimescaleLines, type CellValue } from "../plan";

/** The timescale lines of a cell: a number (a date cell) is one line; an empty cell is one empty line. */
export function timescaleLines(value: CellValue): CellValue[] {
  if (typeof value !== "string") return [value];
  const { lines } = splitTimescaleLines(value);
  return lines.length > 0 ? lines : [""];
}
