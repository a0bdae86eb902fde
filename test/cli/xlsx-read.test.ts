/**
 * src/xlsx/read.ts gives what Excel's Range.values gives: date cells as 1900-system
 * serials (the phantom 29 February 1900 included), formulas as cached results, rich
 * text and hyperlinks as text, errors as their code, merged areas in the top-left cell.
 * Each workbook is written by exceljs, as a file would be, and read back.
 */
import ExcelJS from "exceljs";
import { fromExcelSerial } from "../../src/plan";
import { cellValue, dateToSerial, qualifiedAddress, sheetValues } from "../../src/xlsx/read";

async function roundTrip(
  build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void
): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Plan"), wb);
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer);
  return back.getWorksheet("Plan")!;
}

describe("date cells become 1900-system serials", () => {
  // Excel stores a date cell as its serial with a date number format; these are the
  // serials Excel itself gives these days (1900 system, with its phantom 29 Feb 1900).
  const cases: [string, number][] = [
    ["2024-02-29", 45351],
    ["1900-03-01", 61],
    ["1900-02-28", 59],
    ["1900-01-01", 1],
    ["2006-12-28", 39079],
  ];

  test.each(cases)("a date cell holding %s reads as serial %d", async (iso, serial) => {
    const ws = await roundTrip((s) => {
      s.getCell("A1").value = serial;
      s.getCell("A1").numFmt = "dd/mm/yyyy";
    });
    const cell = ws.getCell("A1");
    // exceljs hands over a JS Date for a date-formatted cell: the path under test.
    expect(cell.value).toBeInstanceOf(Date);
    expect(cellValue(cell)).toBe(serial);
    expect(fromExcelSerial(cellValue(cell) as number)).toBe(iso);
  });

  test("Excel's phantom 29 February 1900 (serial 60) survives as 60", async () => {
    const ws = await roundTrip((s) => {
      s.getCell("A1").value = 60;
      s.getCell("A1").numFmt = "d mmm yyyy";
    });
    expect(cellValue(ws.getCell("A1"))).toBe(60);
  });

  test("a date written as a JS Date reads as that day's serial", async () => {
    const ws = await roundTrip((s) => {
      s.getCell("A1").value = new Date(Date.UTC(2024, 1, 29));
      s.getCell("A2").value = new Date(Date.UTC(1900, 2, 1));
    });
    expect(cellValue(ws.getCell("A1"))).toBe(45351);
    expect(cellValue(ws.getCell("A2"))).toBe(61);
  });

  test("a time of day is kept as the serial's fraction, as Range.values gives it", async () => {
    const ws = await roundTrip((s) => {
      s.getCell("A1").value = 45351.75;
      s.getCell("A1").numFmt = "dd/mm/yyyy hh:mm";
    });
    expect(cellValue(ws.getCell("A1"))).toBeCloseTo(45351.75, 9);
  });

  test("a 1904-system workbook's dates come out as 1900-system serials of the same day", async () => {
    const ws = await roundTrip((s, wb) => {
      wb.properties.date1904 = true;
      // 1904 system: serial 0 is 1 January 1904; 43889 is 29 February 2024.
      s.getCell("A1").value = 0;
      s.getCell("A1").numFmt = "dd/mm/yyyy";
      s.getCell("A2").value = 43889;
      s.getCell("A2").numFmt = "dd/mm/yyyy";
    });
    expect(fromExcelSerial(cellValue(ws.getCell("A1")) as number)).toBe("1904-01-01");
    expect(cellValue(ws.getCell("A2"))).toBe(45351);
  });

  test("dateToSerial inverts exceljs's own conversion exactly", () => {
    expect(dateToSerial(new Date(Date.UTC(1970, 0, 1)))).toBe(25569);
    expect(dateToSerial(new Date(Date.UTC(2024, 1, 29, 12)))).toBe(45351.5);
  });
});

describe("other cell values", () => {
  test("each kind of value as Range.values gives it", async () => {
    const ws = await roundTrip((s) => {
      s.getCell("A1").value = "June 2006";
      s.getCell("B1").value = 42;
      s.getCell("C1").value = true;
      s.getCell("D1").value = {
        richText: [{ text: "December 2006" }, { font: { bold: true }, text: "/ongoing" }],
      };
      s.getCell("E1").value = { text: "See the plan", hyperlink: "https://example.org/plan" };
      s.getCell("F1").value = { formula: "B1*2", result: 84 };
      s.getCell("G1").value = { formula: 'A1&""', result: "June 2006" };
      s.getCell("H1").value = { error: "#REF!" };
      s.getCell("I1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      s.getCell("J1").value = { formula: "DATE(2024,2,29)", result: 45351 };
      s.getCell("J1").numFmt = "dd/mm/yyyy";
      s.getCell("A2").value = "merged";
      s.mergeCells("A2:C3");
      s.getCell("D3").value = "end";
    });
    const used = sheetValues(ws)!;
    expect(used.address).toBe("A1:J3");
    expect(used.origin).toEqual({ sheet: "Plan", row: 1, column: 1 });
    expect(used.values[0]).toEqual([
      "June 2006",
      42,
      true,
      "December 2006/ongoing",
      "See the plan",
      84,
      "June 2006",
      "#REF!",
      "#DIV/0!",
      45351,
    ]);
    // A merged area holds its value in the top-left cell only, as in Excel.
    expect(used.values[1].slice(0, 4)).toEqual(["merged", "", "", ""]);
    expect(used.values[2].slice(0, 4)).toEqual(["", "", "", "end"]);
  });

  test("the used range starts at the first value, not at A1", async () => {
    const ws = await roundTrip((s) => {
      s.getCell("C4").value = "Action";
      s.getCell("E9").value = "x";
      s.getCell("A1").font = { bold: true }; // formatted but empty: not part of the values
    });
    const used = sheetValues(ws)!;
    expect(used.address).toBe("C4:E9");
    expect(used.origin).toEqual({ sheet: "Plan", row: 4, column: 3 });
    expect(used.values).toHaveLength(6);
    expect(used.values[0]).toEqual(["Action", "", ""]);
  });

  test("an empty sheet has no used range", async () => {
    const ws = await roundTrip(() => undefined);
    expect(sheetValues(ws)).toBeNull();
  });
});

test("addresses quote sheet names the way Excel does", () => {
  expect(qualifiedAddress("Improvement Plan", "F2")).toBe("'Improvement Plan'!F2");
  expect(qualifiedAddress("Plan", "F2")).toBe("Plan!F2");
  expect(qualifiedAddress("O'Neil's plan", "A1")).toBe("'O''Neil''s plan'!A1");
  expect(qualifiedAddress("2024", "A1")).toBe("'2024'!A1");
  expect(qualifiedAddress("AB12", "A1")).toBe("'AB12'!A1");
});
