/** Workbooks the command-line tests write for themselves, each laid out as officers do. */
import ExcelJS from "exceljs";

export type Row = (string | number | Date | null)[];

/** Writes rows to a sheet starting at a cell; Date values get a UK date format. */
export function putRows(
  ws: ExcelJS.Worksheet,
  topLeft: { row: number; column: number },
  rows: Row[]
): void {
  rows.forEach((values, i) => {
    values.forEach((value, j) => {
      if (value === null) return;
      const cell = ws.getCell(topLeft.row + i, topLeft.column + j);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = "dd/mm/yyyy";
    });
  });
}

export async function writeWorkbook(
  file: string,
  build: (wb: ExcelJS.Workbook) => void
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(file);
}

export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
