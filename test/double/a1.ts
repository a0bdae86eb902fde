/** A1 addresses for the test double (kept apart from src/ so the double never shares code with what it tests). */

export interface Box {
  /** 1-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(column: number): string {
  let s = "";
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits "'My sheet'!A1:B2" into sheet and local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses "A1", "A1:C3", "$A$1", "A:C", "2:5" (no sheet). Throws on anything else. */
export function parseBox(local: string): Box {
  const parts = local.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2 || parts.length === 0) throw new Error(`bad address ${local}`);
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { col: columnNumber(m[1]), row: Number(m[2]) };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { col: columnNumber(m[1]), row: 0 };
    m = /^(\d+)$/.exec(p);
    if (m) return { col: 0, row: Number(m[1]) };
    throw new Error(`bad address ${local}`);
  });
  const a = ends[0];
  const b = ends[1] ?? ends[0];
  const box: Box = {
    top: Math.min(a.row || 1, b.row || (a.row ? b.row : MAX_ROWS) || MAX_ROWS),
    left: Math.min(a.col || 1, b.col || 1),
    bottom: Math.max(a.row || MAX_ROWS, b.row || MAX_ROWS),
    right: Math.max(a.col || MAX_COLUMNS, b.col || MAX_COLUMNS),
  };
  if (a.row === 0 && b.row === 0) {
    box.top = 1;
    box.bottom = MAX_ROWS;
  }
  if (a.col === 0 && b.col === 0) {
    box.left = 1;
    box.right = MAX_COLUMNS;
  }
  if (a.row && b.row) {
    box.top = Math.min(a.row, b.row);
    box.bottom = Math.max(a.row, b.row);
  }
  if (a.col && b.col) {
    box.left = Math.min(a.col, b.col);
    box.right = Math.max(a.col, b.col);
  }
  return box;
}

export function boxAddress(box: Box): string {
  const tl = `${columnLetters(box.left)}${box.top}`;
  if (box.top === box.bottom && box.left === box.right) return tl;
  return `${tl}:${columnLetters(box.right)}${box.bottom}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
