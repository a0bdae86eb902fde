/**
 * samples/improvement-plan.xlsx: the committed file is what scripts/make-sample.ts
 * builds (so it is never stale), its values are the fixture's cell for cell, and the
 * Excel Table over it survives a write and a read.
 */
import * as fs from "fs";
import * as path from "path";
import { typeIntoExcel } from "../support/excel-typing";
import ExcelJS from "exceljs";
import { sheetValues } from "../../src/xlsx/read";
import { ROOT, SAMPLE } from "./build";

// By its full name, so that jest takes the TypeScript source.
const { buildSample } = jest.requireActual<typeof import("../../scripts/make-sample")>(
  path.join(ROOT, "scripts", "make-sample.ts")
);

const data = JSON.parse(
  fs.readFileSync(path.join(ROOT, "samples", "plan-values.json"), "utf8")
) as {
  sheet: string;
  values: string[][];
};

test("samples/plan-values.json is the shared fixture's data", () => {
  const fixture = JSON.parse(
    fs.readFileSync(path.join(ROOT, "test", "fixtures", "seed-plan", "plan-values.json"), "utf8")
  );
  expect(data.sheet).toBe(fixture.sheet);
  expect(data.values).toEqual(fixture.values);
});

test("the committed sample is exactly what make-sample builds (regenerating changes nothing)", async () => {
  const built = await buildSample(data.values, data.sheet);
  const again = await buildSample(data.values, data.sheet);
  expect(again.equals(built)).toBe(true);
  expect(fs.readFileSync(SAMPLE).equals(built)).toBe(true);
});

describe("the sample workbook as Excel reads it", () => {
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Improvement Plan"]);
    ws = wb.getWorksheet("Improvement Plan")!;
  });

  test("holds the fixture's values cell for cell, header in row 1", () => {
    const used = sheetValues(ws)!;
    expect(used.address).toBe("A1:G19");
    // Below the header, each cell is what Excel stores for the text typed in (2006, en-GB).
    const [header, ...rows] = data.values;
    const typed = rows.map((row) => row.map((t) => typeIntoExcel(t, "en-GB", 2006)));
    expect(used.values).toEqual([header, ...typed.map((row) => row.map((t) => t.value))]);
    expect(used.formats.slice(1)).toEqual(typed.map((row) => row.map((t) => t.format)));
  });

  test("is one Excel Table, ImprovementPlan, over the whole range, with unique column names", () => {
    const tables = ws.getTables() as unknown as {
      table: { name: string; tableRef: string; columns: { name: string }[] };
    }[];
    expect(tables).toHaveLength(1);
    const table = tables[0].table;
    expect(table.name).toBe("ImprovementPlan");
    expect(table.tableRef).toBe("A1:G19");
    expect(table.columns.map((c) => c.name)).toEqual(data.values[0]);
  });

  test("is laid out to be read: frozen, bold header; wrapped cells; rows tall enough for their lines", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    data.values.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      const lines = Math.max(...row.map((text) => text.split("\n").length));
      expect(r.height).toBeGreaterThanOrEqual(lines * 15);
      row.forEach((_text, j) => expect(r.getCell(j + 1).alignment?.wrapText).toBe(true));
    });
    for (let c = 1; c <= 7; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(6);
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(50);
  });
});
