/**
 * The demo's workbook opened by a real spreadsheet application: LibreOffice converts the
 * summary sheet to CSV (values as LibreOffice shows them) and to PDF, then pdftoppm makes the
 * picture the README shows. Three conversions in all, each with its own LibreOffice profile.
 *
 * PLAN_UPDATE_DOCS=1 copies the picture to docs/images/summary-sheet.png.
 */
import { execFile } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "fs";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import expected from "../fixtures/seed-plan/expected-2006-12-28.json";
import { seedSummary } from "../report/seed";
import { ROOT, SAMPLE, sheetCsv, soffice, summaryCli, tempDir, writeSeedWorkbook } from "./support";

const run = promisify(execFile);
const dir = tempDir("libreoffice");
const SUMMARY = "Committee Summary";

/** The summary sheet's 1-based position, as LibreOffice numbers sheets (hidden ones count). */
async function sheetIndex(file: string, name: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.findIndex((ws) => ws.name === name) + 1;
}

/** The CSV rows under a heading in column A: the list's header row, then its rows until an empty line. */
function listUnder(rows: string[][], heading: RegExp): string[][] {
  const at = rows.findIndex((r) => heading.test(r[0] ?? ""));
  if (at < 0) throw new Error(`no heading ${heading} in the sheet`);
  const out: string[][] = [];
  for (let i = at + 2; i < rows.length && rows[i].some((c) => c !== ""); i++) out.push(rows[i]);
  return out;
}

describe("the demo's summary sheet in LibreOffice", () => {
  const demo = path.join(dir, "improvement-plan-summary.xlsx");
  let rows: string[][];

  beforeAll(async () => {
    let input = SAMPLE;
    if (!existsSync(SAMPLE)) {
      input = path.join(dir, "improvement-plan.xlsx");
      await writeSeedWorkbook(input);
    }
    // The demo's own command (npm run demo), with the output kept under .tmp.
    const r = await summaryCli([input, "--as-at", "2006-12-28", "--out", demo]);
    if (r.code !== 0) throw new Error(r.stderr);
    rows = await sheetCsv(demo, await sheetIndex(demo, SUMMARY), dir);
  });

  test("headline: 20 overdue, 13 due soon, 2 not yet due, 3 ongoing, with their shares", () => {
    const start = rows.findIndex((r) => r[0] === "Headline");
    const headline = (label: string): string[] =>
      rows
        .slice(start)
        .find((r) => r[1] === label)!
        .slice(1, 4);
    expect(headline("Overdue")).toEqual(["Overdue", "20", "53%"]);
    expect(headline("Due soon")).toEqual(["Due soon", "13", "34%"]);
    expect(headline("Not yet due")).toEqual(["Not yet due", "2", "5%"]);
    expect(headline("Ongoing")).toEqual(["Ongoing", "3", "8%"]);
    expect(headline("Total")).toEqual(["Total", "38", "100%"]);
    expect(rows.find((r) => r[1] === "As at")![2]).toBe("28 December 2006");
  });

  test("the 20 overdue actions, most overdue first, with due dates and days overdue as LibreOffice shows them", () => {
    const list = listUnder(rows, /^Overdue actions \(20\)/);
    expect(list).toHaveLength(20);
    // The worked example's overdue actions, most days overdue first, ties in plan order.
    const want = expected.actions
      .map((a, i) => ({ ...a, i }))
      .filter((a) => a.status === "overdue")
      .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.i - b.i);
    expect(list.map((r) => r[2])).toEqual(want.map((a) => a.action));
    expect(list.map((r) => Number(r[5]))).toEqual(want.map((a) => a.daysOverdue));
    expect(list.map((r) => r[3])).toEqual(want.map((a) => a.timescale));
    expect(list[0][4]).toBe("30 Apr 2006");
    expect(list[0][5]).toBe("242");
  });

  test("13 due soon, and the narrative paragraph as the engine wrote it", () => {
    expect(listUnder(rows, /^Actions due soon \(13\)/)).toHaveLength(13);
    const at = rows.findIndex((r) => r[0] === "Summary for the committee report");
    const narrative = rows[at + 1][0];
    expect(narrative).toBe(seedSummary().narrative);
    expect(narrative).toContain(
      "20 (53%) are overdue, 13 (34%) are due within the next 30 days, 2 (5%) are not yet due and 3 (8%) are ongoing"
    );
  });

  test("the chart's data is on the sheet, with a note that the chart itself comes from the task pane", () => {
    const note = rows.find((r) =>
      r.some((c) => c.startsWith('The chart "Actions by status and area"'))
    );
    expect(note).toBeDefined();
    expect(note!.join(" ")).toMatch(
      /is added when the summary is built from the Plan Tracker task pane/
    );
  });

  test("printed landscape, one page wide: the picture for the docs", async () => {
    // A copy holding only the summary sheet, so the PDF is that sheet alone.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(demo);
    for (const ws of wb.worksheets.slice()) if (ws.name !== SUMMARY) wb.removeWorksheet(ws.id);
    const only = path.join(dir, "summary-sheet.xlsx");
    await wb.xlsx.writeFile(only);
    expect(wb.getWorksheet(SUMMARY)!.pageSetup.orientation).toBe("landscape");
    await soffice(["--convert-to", "pdf", "--outdir", dir, only], dir);
    const pdf = path.join(dir, "summary-sheet.pdf");
    const info = (await run("pdfinfo", [pdf])).stdout;
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(w).toBeGreaterThan(h); // landscape
    const png = path.join(dir, "summary-sheet");
    await run("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
    const bytes = readFileSync(png + ".png");
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(20_000);
    if (process.env.PLAN_UPDATE_DOCS === "1") {
      mkdirSync(path.join(ROOT, "docs/images"), { recursive: true });
      copyFileSync(png + ".png", path.join(ROOT, "docs/images/summary-sheet.png"));
    }
  });
});

test("action text starting with =, +, - or @ arrives in LibreOffice as that text, not a computed value", async () => {
  const input = path.join(dir, "formula-like.xlsx");
  const texts = ["=SUM(A1:A9)", "+44 1234 567890", "-5 budget line", "@mention the board", "=1+1"];
  await writeSeedWorkbook(input, (values) => {
    values[1][4] = texts.map((t) => `• ${t}`).join("\n");
  });
  const out = path.join(dir, "formula-like-summary.xlsx");
  const r = await summaryCli([input, "--as-at", "2006-12-28", "--out", out]);
  expect(r.code).toBe(0);
  const rows = await sheetCsv(out, await sheetIndex(out, SUMMARY), dir);
  const actions = rows.map((row) => row[2]);
  for (const t of texts) expect(actions).toContain(t);
  // "=1+1" is there as written; computed, it would read 2.
  expect(rows.flat().some((c) => /^#(NAME|VALUE|REF)/.test(c) || c.startsWith("Err:"))).toBe(false);
});
