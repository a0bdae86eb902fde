/**
 * Reading a big range in blocks. Excel on the web refuses a request or response over 5 MB,
 * and any Excel refuses a read of more than 5 million cells, so a large plan is read a block
 * of rows at a time, one sync per block (the one place a sync follows a sync: each block's
 * size is decided by the one before). A plan that fits is read in the first sync, together
 * with whatever else the caller queued for it.
 */
import type { CellValue } from "../plan";

/** Rows of the first block: a 5,000-recommendation plan (plus header) fits in one. */
export const FIRST_BLOCK_ROWS = 6_000;
/** Well under Excel's 5,000,000-cell read limit. */
export const MAX_BLOCK_CELLS = 1_000_000;
/** What we aim a block's response at: under 5 MB with room for JSON overhead. */
export const TARGET_BLOCK_BYTES = 3_000_000;

/** A rectangle on a sheet, 0-based like getRangeByIndexes. */
export interface GridBox {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface BlockReadResult {
  values: CellValue[][];
  /**
   * Number formats beside the values, filled in only for the columns asked for (the rest
   * undefined): Excel stores a typed "December 2006" as a number whose format says "month".
   */
  formats: (string | undefined)[][];
  /** Syncs spent (including the first, shared one). */
  syncs: number;
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  // office.js names both: a request too big to send, a response too big to return.
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** JSON size of a block, as Excel would send it (UTF-16 length is close enough for sizing). */
export function jsonSize(values: unknown): number {
  return JSON.stringify(values).length;
}

/** Rows per block for a plan this wide whose rows average `bytesPerRow`. */
export function blockRows(columnCount: number, bytesPerRow: number): number {
  const byCells = Math.floor(MAX_BLOCK_CELLS / Math.max(1, columnCount));
  const byBytes = Math.floor(TARGET_BLOCK_BYTES / Math.max(1, bytesPerRow));
  return Math.max(1, Math.min(byCells, byBytes));
}

/**
 * Reads `box` on `sheet`: its values, and the number formats of `formatColumns` only (0-based
 * offsets into the box), each column its own one-column range so that the request carries no
 * formats nobody reads. `withFirst` queues the caller's other loads into the first request, so
 * a plan that fits costs exactly one sync. A first block that turns out too big for one request
 * is retried smaller (and `withFirst` queued again).
 */
export async function readValuesInBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  box: GridBox,
  withFirst?: () => void,
  formatColumns: readonly number[] = []
): Promise<BlockReadResult> {
  const out: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const fcols = formatColumns.filter((c) => c >= 0 && c < box.columnCount);
  let syncs = 0;
  let rows = Math.min(
    box.rowCount,
    FIRST_BLOCK_ROWS,
    Math.floor(MAX_BLOCK_CELLS / Math.max(1, box.columnCount))
  );
  let first = true;
  let done = 0;
  while (done < box.rowCount) {
    const count = Math.min(rows, box.rowCount - done);
    const range = sheet.getRangeByIndexes(
      box.rowIndex + done,
      box.columnIndex,
      count,
      box.columnCount
    );
    range.load("values");
    const formatRanges = fcols.map((c) => {
      const column = sheet.getRangeByIndexes(box.rowIndex + done, box.columnIndex + c, count, 1);
      column.load("numberFormat");
      return column;
    });
    if (first && withFirst) withFirst();
    try {
      syncs++;
      // One sync per block is the point: each block's size depends on the one before.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (isPayloadError(e) && count > 1) {
        rows = Math.max(1, Math.floor(count / 4));
        continue;
      }
      throw e;
    }
    first = false;
    const block = range.values as CellValue[][];
    for (const line of block) out.push(line);
    const blockFormats = formatRanges.map((r) => r.numberFormat as string[][]);
    for (let i = 0; i < count; i++) {
      const line: (string | undefined)[] = new Array(box.columnCount);
      fcols.forEach((c, k) => (line[c] = blockFormats[k]![i]?.[0]));
      formats.push(line);
    }
    done += count;
    const bytes = jsonSize(block) + blockFormats.reduce((n, f) => n + jsonSize(f), 0);
    rows = blockRows(box.columnCount, Math.max(1, bytes / Math.max(1, count)));
  }
  if (first && withFirst) {
    // An empty box: still send the caller's loads.
    withFirst();
    syncs++;
    await context.sync();
  }
  return { values: out, formats, syncs };
}
