/**
 * Nothing lost, through `plan summary` on real .xlsx files.
 *
 * Already proven in test/xlsx-summary/cli.test.ts (not repeated here): every value, formula,
 * number format and merge of every other sheet survives; every part but the workbook index,
 * styles and the add-in's own sheets is carried byte for byte; images, charts and macros
 * survive; re-runs replace the summary and add one history row each; an officer's own
 * "Committee Summary" is never overwritten; bad input writes nothing.
 *
 * This file adds what those do not: the look of every cell (fill, font, border, alignment,
 * protection) read back through exceljs, since xl/styles.xml is the one shared part the writer
 * rewrites; a protected plan sheet (kept, byte for byte); a structure-locked workbook and a
 * protected summary sheet (refused, nothing written, as Excel and the task pane refuse); and
 * runs killed part-way or left truncated (the next run repairs, never duplicates).
 */
import { spawn } from "child_process";
import { existsSync, readdirSync, readFileSync, watch, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { HISTORY_SHEET, markedSummarySheet, parseHistory } from "../../src/report";
import { plainValue } from "../../src/xlsx/read";
import type { CellValue } from "../../src/plan";
import { sheetNames, summaryCli, tempDir, writeSeedWorkbook } from "../xlsx-summary/support";
import { BIN, ensureCliBuilt } from "../cli/build";
import { generatePlan } from "../support/generate-plan";

const dir = tempDir("lossless");
const SUMMARY = "Committee Summary";
const OWN = [SUMMARY, HISTORY_SHEET];
const seed = JSON.parse(
  readFileSync(path.join(__dirname, "..", "fixtures", "seed-plan", "plan-values.json"), "utf8")
) as { sheet: string; values: string[][] };

/** The seed plan as an officer dresses it: fills, fonts, borders, alignment, formats, a formula, a locked sheet. */
async function writeStyledWorkbook(file: string, options: { protectPlan?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  const plan = wb.addWorksheet(seed.sheet, { properties: { tabColor: { argb: "FF1F4E78" } } });
  seed.values.forEach((row, r) => row.forEach((v, c) => (plan.getCell(r + 1, c + 1).value = v)));
  plan.getRow(1).eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E78" } };
    cell.font = { name: "Arial", size: 11, bold: true, color: { argb: "FFFFFFFF" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "medium", color: { argb: "FF000000" } } };
  });
  for (let r = 2; r <= seed.values.length; r++) {
    const row = plan.getRow(r);
    row.getCell(5).alignment = { wrapText: true, vertical: "top", indent: 1 };
    row.getCell(6).font = { italic: r % 2 === 0, color: { argb: "FFC00000" }, size: 10 };
    if (r % 3 === 0)
      row.getCell(6).fill = {
        type: "pattern",
        pattern: "lightGray",
        fgColor: { argb: "FFFFFF00" },
      };
    row.getCell(7).border = { left: { style: "thin" }, right: { style: "dashed" } };
    row.getCell(7).protection = { locked: false };
  }
  plan.getCell("I1").value = { formula: "COUNTA(E2:E19)", result: 15 };
  plan.getCell("I1").numFmt = "0";
  plan.getCell("I2").value = new Date(Date.UTC(2006, 11, 28));
  plan.getCell("I2").numFmt = "d mmmm yyyy";
  plan.getCell("I2").font = { underline: true, strike: true, name: "Georgia" };
  plan.getColumn(5).width = 60;
  plan.getRow(2).height = 120;
  plan.views = [{ state: "frozen", ySplit: 1 }];
  if (options.protectPlan) await plan.protect("", { selectLockedCells: true });

  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = {
    richText: [{ text: "Bold ", font: { bold: true } }, { text: "plain" }],
  };
  notes.getCell("A2").value = { text: "Council site", hyperlink: "https://example.org/" };
  notes.getCell("B2").value = 0.125;
  notes.getCell("B2").numFmt = "0.0%";
  notes.getCell("B2").fill = {
    type: "gradient",
    gradient: "angle",
    degree: 90,
    stops: [
      { position: 0, color: { argb: "FFFFFFFF" } },
      { position: 1, color: { argb: "FF4472C4" } },
    ],
  };
  notes.mergeCells("A4:C5");
  notes.getCell("A4").value = "Merged";
  const hidden = wb.addWorksheet("Lookups", { state: "hidden" });
  hidden.getCell("A1").value = "RAG";
  hidden.getCell("A2").value = "Red";
  await wb.xlsx.writeFile(file);
}

/** Everything exceljs reads about every cell and sheet, sheets named in `skip` left out. */
async function lookOf(file: string, skip: string[] = OWN): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    if (skip.includes(ws.name)) continue;
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[cell.address] = {
          value: cell.value instanceof Date ? cell.value.toISOString() : cell.value,
          formula: cell.formula,
          numFmt: cell.numFmt,
          fill: cell.fill,
          font: cell.font,
          border: cell.border,
          alignment: cell.alignment,
          protection: cell.protection,
        };
      })
    );
    const rows: Record<number, unknown> = {};
    ws.eachRow(
      { includeEmpty: true },
      (row, n) => (rows[n] = { height: row.height, hidden: row.hidden })
    );
    out[ws.name] = {
      state: ws.state,
      properties: ws.properties,
      views: ws.views,
      columns: (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden })),
      rows,
      merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
      protection: (ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null,
      cells,
    };
  }
  return out;
}

/** The zip parts of a file, as bytes, by name. */
async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async("nodebuffer"));
  return out;
}

/** The worksheet part of a named sheet. */
async function sheetPart(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return "xl/" + target.replace(/^\/?xl\//, "");
}

async function historyOf(file: string): Promise<{ asAt: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(HISTORY_SHEET);
  if (!ws) return [];
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (line[c - 1] = plainValue(cell.value)));
    values[r - 1] = Array.from(line, (v) => v ?? "");
  });
  const all = Array.from(values, (v) => v ?? []);
  expect(markedSummarySheet(all)).toBe(SUMMARY);
  return parseHistory(all);
}

/** Patches one part of an .xlsx in place. */
async function patchPart(file: string, part: string, edit: (xml: string) => string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file(part)!.async("string");
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  zip.file(part, changed);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("plan summary keeps the look of every cell", () => {
  const styled = path.join(dir, "styled.xlsx");
  beforeAll(() => writeStyledWorkbook(styled));

  test("fills, fonts, borders, alignment, protection, widths, heights and views of every other sheet are unchanged, on a first run and a re-run", async () => {
    const before = await lookOf(styled);
    const beforeParts = await parts(styled);
    const first = path.join(dir, "styled-1.xlsx");
    const second = path.join(dir, "styled-2.xlsx");
    expect((await summaryCli([styled, "--as-at", "2006-12-28", "--out", first])).code).toBe(0);
    expect((await summaryCli([first, "--as-at", "2007-01-31", "--out", second])).code).toBe(0);
    for (const out of [first, second]) {
      expect(await lookOf(out)).toEqual(before);
      // The officer's sheets' own parts are the same bytes (styles.xml is extended, not renumbered).
      const after = await parts(out);
      for (const sheet of [seed.sheet, "Notes", "Lookups"]) {
        const part = await sheetPart(styled, sheet);
        expect({ part, same: after.get(part)!.equals(beforeParts.get(part)!) }).toEqual({
          part,
          same: true,
        });
      }
    }
    // The comparison has something to compare: styled cells really are there.
    const plan = before[seed.sheet] as { cells: Record<string, { fill?: { fgColor?: unknown } }> };
    expect(plan.cells.A1.fill?.fgColor).toEqual({ argb: "FF1F4E78" });
    expect(Object.keys(plan.cells).length).toBeGreaterThan(100);
    expect((await historyOf(second)).map((h) => h.asAt)).toEqual(["2006-12-28", "2007-01-31"]);
  });

  test("a protected plan sheet is read and left protected, byte for byte", async () => {
    const locked = path.join(dir, "locked-plan.xlsx");
    await writeStyledWorkbook(locked, { protectPlan: true });
    const part = await sheetPart(locked, seed.sheet);
    const xml = (await parts(locked)).get(part)!;
    expect(xml.toString("utf8")).toMatch(/<sheetProtection\b[^>]*sheet="1"/);
    const out = path.join(dir, "locked-plan-out.xlsx");
    const r = await summaryCli([locked, "--as-at", "2006-12-28", "--out", out]);
    expect(r.code).toBe(0);
    expect((await parts(out)).get(part)!.equals(xml)).toBe(true);
    expect(await lookOf(out)).toEqual(await lookOf(locked));
  });
});

describe("plan summary refuses what Excel would refuse, and writes nothing", () => {
  async function expectRefused(input: string, message: RegExp): Promise<void> {
    const before = readFileSync(input);
    const filesBefore = readdirSync(dir).sort();
    const out = path.join(dir, `refused-${path.basename(input)}`);
    for (const args of [["--out", out], ["--in-place"]]) {
      const r = await summaryCli([input, "--as-at", "2006-12-28", ...args]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Nothing was written/);
      expect(readFileSync(input).equals(before)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(filesBefore);
    }
  }

  test("a workbook whose structure is protected: no sheet can be added", async () => {
    const input = path.join(dir, "structure-locked.xlsx");
    await writeSeedWorkbook(input);
    await patchPart(input, "xl/workbook.xml", (xml) =>
      xml.replace(/(<workbookPr\b[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>')
    );
    await expectRefused(input, /structure is protected/);
  });

  test("the add-in's own summary sheet, protected since it was built: named, not rewritten", async () => {
    const base = path.join(dir, "summary-base.xlsx");
    await writeSeedWorkbook(base);
    const input = path.join(dir, "summary-locked.xlsx");
    expect((await summaryCli([base, "--as-at", "2006-12-28", "--out", input])).code).toBe(0);
    await patchPart(input, await sheetPart(input, SUMMARY), (xml) =>
      xml.replace(/<\/sheetData>/, '</sheetData><sheetProtection sheet="1" objects="1"/>')
    );
    await expectRefused(input, /sheet 'Committee Summary' is protected/);
  });
});

describe("a run that did not finish: the next one repairs or replaces, never duplicates", () => {
  const AS_AT = ["--as-at", "2006-12-28"];

  /** The add-in's sheets and the history, checked: one summary, one history, `runs` reports. */
  async function expectClean(file: string, runs: number, officersSheets: string[]) {
    const names = (await sheetNames(file)).map((s) => s.name);
    expect(names.filter((n) => n.startsWith(SUMMARY))).toEqual([SUMMARY]);
    expect(names).toEqual([...officersSheets, SUMMARY, HISTORY_SHEET]);
    expect(await historyOf(file)).toHaveLength(runs);
  }

  test("an output file left truncated is named as unreadable, and the next run replaces it whole", async () => {
    const input = path.join(dir, "trunc-in.xlsx");
    await writeSeedWorkbook(input);
    const out = path.join(dir, "trunc-out.xlsx");
    expect((await summaryCli([input, ...AS_AT, "--out", out])).code).toBe(0);
    const whole = readFileSync(out);
    writeFileSync(out, whole.subarray(0, Math.floor(whole.length / 2)));

    // Run on the damaged file: one clear line, and it is left as it is.
    const damaged = readFileSync(out);
    const r = await summaryCli([out, ...AS_AT, "--in-place"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/something went wrong inside/);
    expect(readFileSync(out).equals(damaged)).toBe(true);

    // Run again from the plan: the damaged file is replaced by a whole one.
    expect((await summaryCli([input, ...AS_AT, "--out", out])).code).toBe(0);
    await expectClean(out, 1, [seed.sheet]);
    expect(await lookOf(out)).toEqual(await lookOf(input));
  });

  test("plan summary --in-place killed part-way (as the temporary file appears, and at points through the run): the file is the last good one, and the next run adds one report", async () => {
    ensureCliBuilt();
    // Big enough that the run takes a while and its file takes a moment to write.
    const big = path.join(dir, "killed.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    for (const row of generatePlan(1500, 5, 11).values) ws.addRow(row);
    await wb.xlsx.writeFile(big);
    const officers = ["Plan"];

    const runCli = (killAt: "temp" | number) =>
      new Promise<{ killed: boolean; code: number | null }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, "summary", big, ...AS_AT, "--in-place"], {
          stdio: "ignore",
          env: { ...process.env, PLAN_DEBUG: "" },
        });
        let killed = false;
        const kill = () => {
          if (!killed && child.exitCode === null) killed = child.kill("SIGKILL");
        };
        const watcher =
          killAt === "temp"
            ? watch(dir, (_event, name) => {
                if (name && name.startsWith(`.${path.basename(big)}.`)) kill();
              })
            : null;
        const timer = typeof killAt === "number" ? setTimeout(kill, killAt) : null;
        child.on("error", reject);
        child.on("exit", (code) => {
          watcher?.close();
          if (timer) clearTimeout(timer);
          resolve({ killed: killed && code === null, code });
        });
      });

    // A first, whole run: the last good file, with one report.
    const started = Date.now();
    expect((await runCli(10 * 60_000)).code).toBe(0);
    const duration = Date.now() - started;
    let good = readFileSync(big);
    let runs = 1;
    await expectClean(big, runs, officers);

    const outcomes: string[] = [];
    for (const killAt of ["temp", duration * 0.3, duration * 0.6, duration * 0.9] as const) {
      const { killed, code } = await runCli(killAt);
      const now = readFileSync(big);
      if (!killed) {
        // It finished before the kill landed: a whole, good run.
        expect(code).toBe(0);
        runs++;
        good = now;
        outcomes.push(`${killAt}: finished`);
      } else if (now.equals(good)) {
        // Killed before the new file took its place: exactly the last good one.
        outcomes.push(`${killAt}: killed`);
      } else {
        // Killed after the atomic rename but before the process could exit (while printing):
        // then the file is the new one, whole, with exactly one more report. Never half-written.
        runs++;
        good = now;
        outcomes.push(`${killAt}: killed after writing`);
      }
      await expectClean(big, runs, officers);
    }
    const leftovers = readdirSync(dir).filter((f) => f.startsWith(`.${path.basename(big)}.`));
    console.log(
      `killed runs: ${outcomes.join(", ")}; whole run ${duration} ms; temporary files left: ${leftovers.length}`
    );
    // At least one run really was cut off.
    expect(outcomes.some((o) => o.includes("killed"))).toBe(true);

    // The next run repairs nothing because nothing was broken: it adds exactly one report.
    expect((await runCli(10 * 60_000)).code).toBe(0);
    await expectClean(big, runs + 1, officers);
    // ... and tidies the hidden temporary files killed runs left behind.
    expect(readdirSync(dir).filter((f) => f.startsWith(`.${path.basename(big)}.`))).toEqual([]);
    expect(existsSync(big)).toBe(true);
  }, 240_000);
});
