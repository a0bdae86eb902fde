/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read early on purpose, to prove the double refuses it as Excel does */
/**
 * The test double keeps Excel's rules (as Microsoft documents them), so code that passes here
 * does not lean on anything real Excel would refuse.
 */
import * as fs from "fs";
import { typeIntoExcel } from "../support/excel-typing";
import * as path from "path";
import {
  createExcelDouble,
  emptyWorkbook,
  newSheet,
  putValues,
  cellKey,
  type ExcelDouble,
  type WorkbookModel,
} from "../double";
import { modelFromXlsx } from "../double/from-xlsx";
import { SAMPLE } from "./support";

type AnyExcel = {
  run<T>(batch: (context: any) => Promise<T>): Promise<T>;
};

function book(): WorkbookModel {
  const model = emptyWorkbook();
  putValues(newSheet(model, "Plan"), [
    ["Action", "Timescale"],
    ["Review", "June 2006"],
  ]);
  return model;
}

function excel(d: ExcelDouble): AnyExcel {
  return d.Excel as AnyExcel;
}

describe("the Excel test double", () => {
  test("a property read before load() and sync() throws PropertyNotLoaded, as Excel does", async () => {
    const d = createExcelDouble(book());
    await excel(d).run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["Action", "Timescale"],
        ["Review", "June 2006"],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(d.stats.syncs).toBe(1);
  });

  test("writes are queued and applied at sync; Excel.run sends what is still queued", async () => {
    const d = createExcelDouble(book());
    await excel(d).run(async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("C1").values = [["Lead"]];
      expect(d.model.sheets[0].cells[cellKey(1, 3)]).toBeUndefined();
      await context.sync();
      expect(d.model.sheets[0].cells[cellKey(1, 3)]).toEqual({ v: "Lead" });
      context.workbook.worksheets.getItem("Plan").getRange("D1").values = [["Status"]];
    });
    expect(d.model.sheets[0].cells[cellKey(1, 4)]).toEqual({ v: "Status" });
    expect(d.stats.syncs).toBe(2);
  });

  test("getItemOrNullObject: isNullObject is known only after sync", async () => {
    const d = createExcelDouble(book());
    await excel(d).run(async (context) => {
      const there = context.workbook.worksheets.getItemOrNullObject("Plan");
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await context.sync();
      expect(there.isNullObject).toBe(false);
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const d = createExcelDouble(book());
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} `.padEnd(100, "x")]);
    await expect(
      excel(d).run(async (context) => {
        context.workbook.worksheets.getItem("Plan").getRange("A1").values = [["changed"]];
        context.workbook.worksheets.getItem("Plan").getRange(`C1:C${big.length}`).values = big;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(d.model.sheets[0].cells[cellKey(1, 1)]).toEqual({ v: "Action" });
    expect(d.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async () => {
    const model = book();
    putValues(
      model.sheets[0],
      Array.from({ length: 60_000 }, () => ["y".repeat(100)]),
      3,
      1
    );
    const d = createExcelDouble(model);
    await expect(
      excel(d).run(async (context) => {
        context.workbook.worksheets.getItem("Plan").getUsedRange(true).load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("text is read as Excel reads typed input unless the cell is Text or the text starts with an apostrophe", async () => {
    const d = createExcelDouble(book());
    await excel(d).run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Plan");
      ws.getRange("A5:F5").values = [
        ["=SUM(A1)", "-ve trend", "123", "2006-06-30", "'=SUM(A1)", "plain"],
      ];
      const text = ws.getRange("A6:B6");
      text.numberFormat = [["@", "@"]];
      text.values = [["=SUM(A1)", "+44 20"]];
      await context.sync();
    });
    const c = (col: number, row = 5) => d.model.sheets[0].cells[cellKey(row, col)];
    expect(c(1)).toMatchObject({ f: "=SUM(A1)" });
    expect(c(2)).toMatchObject({ f: "=-ve trend" });
    expect(c(3)).toEqual({ v: 123 });
    expect(c(4)).toMatchObject({ v: 38898 });
    expect(c(5)).toEqual({ v: "=SUM(A1)", quotePrefix: true });
    expect(c(6)).toEqual({ v: "plain" });
    expect(c(1, 6)).toEqual({ v: "=SUM(A1)", nf: "@" });
    expect(c(2, 6)).toEqual({ v: "+44 20", nf: "@" });
  });

  test("a protected sheet refuses writes at sync; commands before the failing one stay applied", async () => {
    const model = book();
    const locked = newSheet(model, "Locked");
    locked.protected = true;
    const d = createExcelDouble(model);
    await expect(
      excel(d).run(async (context) => {
        context.workbook.worksheets.getItem("Plan").getRange("A3").values = [["before"]];
        context.workbook.worksheets.getItem("Locked").getRange("A1").format.fill.color = "#FF0000";
        context.workbook.worksheets.getItem("Plan").getRange("A4").values = [["after"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(d.model.sheets[0].cells[cellKey(3, 1)]).toEqual({ v: "before" });
    expect(d.model.sheets[0].cells[cellKey(4, 1)]).toBeUndefined();
    expect(locked.cells).toEqual({});
  });

  test("APIs newer than the configured ExcelApi version are missing, and isSetSupported says so", async () => {
    const d = createExcelDouble(book(), { excelApiMinor: 8 });
    const office = d.Office as {
      context: { requirements: { isSetSupported(n: string, v: string): boolean } };
    };
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    await excel(d).run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("Plan").getRanges("A1,B2")).toThrow(
        TypeError
      );
    });
  });

  test("reading a range's format gives one value when the cells agree and null when they differ", async () => {
    const model = book();
    model.sheets[0].cells[cellKey(1, 1)].fill = "#FFFF00";
    const d = createExcelDouble(model);
    await excel(d).run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Plan");
      const one = ws.getRange("A1");
      const two = ws.getRange("A1:B1");
      const none = ws.getRange("B1");
      for (const r of [one, two, none]) r.load("format/fill/color,format/fill/pattern");
      await context.sync();
      expect(one.format.fill.color).toBe("#FFFF00");
      expect(two.format.fill.color).toBeNull();
      expect(none.format.fill.color).toBe("#FFFFFF");
      expect(none.format.fill.pattern).toBe("None");
    });
  });

  test("settings live in memory until saveAsync writes them into the workbook", async () => {
    const d = createExcelDouble(book());
    const settings = (
      d.Office as {
        context: {
          document: {
            settings: { set(k: string, v: unknown): void; saveAsync(cb: () => void): void };
          };
        };
      }
    ).context.document.settings;
    settings.set("k", { a: 1 });
    expect(d.model.settings).toEqual({});
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(d.model.settings).toEqual({ k: { a: 1 } });
  });

  test("the model loaded from the sample .xlsx is plain JSON and holds the seed plan's values", async () => {
    const model = await modelFromXlsx(SAMPLE);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    const seed = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, "..", "fixtures", "seed-plan", "plan-values.json"),
        "utf8"
      )
    ) as { values: string[][] };
    const sheet = model.sheets.find((s) => s.name === "Improvement Plan")!;
    // The header row is text; below it, each cell as Excel stores what was typed (2006, en-GB).
    seed.values.forEach((row, r) =>
      row.forEach((text, c) => {
        const { value, format } =
          r === 0 ? { value: text, format: "General" } : typeIntoExcel(text, "en-GB", 2006);
        const cell = sheet.cells[cellKey(r + 1, c + 1)];
        expect({ at: cellKey(r + 1, c + 1), v: cell?.v ?? "", nf: cell?.nf ?? "General" }).toEqual({
          at: cellKey(r + 1, c + 1),
          v: value,
          nf: format,
        });
      })
    );
    expect(model.tables).toEqual([
      { name: "ImprovementPlan", sheet: "Improvement Plan", address: "A1:G19", showHeaders: true },
    ]);
  });

  test("the browser-side double imports neither Node nor exceljs", () => {
    for (const file of ["index.ts", "excel-double.ts", "model.ts", "a1.ts", "from-values.ts"]) {
      const text = fs.readFileSync(path.join(__dirname, "..", "double", file), "utf8");
      const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      expect({ file, external: imports.filter((i) => !i.startsWith(".")) }).toEqual({
        file,
        external: [],
      });
    }
  });
});
