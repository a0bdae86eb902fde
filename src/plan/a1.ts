/** A1 addresses: how the engine names cells, so every surface points at the same place. */

/** "A", "Z", "AA", "XFD" for 1-based column numbers. */
export function columnLetters(column: number): string {
  let n = Math.max(1, Math.floor(column));
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "F12" for row 12, column 6. */
export function a1(row: number, column: number): string {
  return columnLetters(column) + row;
}
