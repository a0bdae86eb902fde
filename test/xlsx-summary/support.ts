/**
 * Helpers for the `plan summary` tests: real .xlsx workbooks made with exceljs, the command run
 * in-process with captured output, cell-by-cell snapshots of sheets, and LibreOffice
 * conversions, each run with its own user profile so parallel jest workers never share one.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "fs";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { runSummary } from "../../src/cli/summary";
import { describeFailure } from "../../src/cli/errors";
import seed from "../fixtures/seed-plan/plan-values.json";

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, "../..");
export const SAMPLE = path.join(ROOT, "samples/improvement-plan.xlsx");

/** A fresh folder under .tmp for one test file's output. */
export function tempDir(name: string): string {
  const base = path.join(ROOT, ".tmp/summary-tests");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(path.join(base, `${name}-`));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `plan summary ARGS` in this process, as bin/plan.js would (failures become one line). */
export async function summaryCli(
  args: string[],
  options: { isTTY?: boolean } = {}
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const sink = (add: (s: string) => void) =>
    ({
      write: (s: string | Uint8Array) => (add(String(s)), true),
    }) as unknown as NodeJS.WritableStream;
  const io = {
    stdin: process.stdin,
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    isTTY: options.isTTY ?? false,
  };
  let code: number;
  try {
    code = await runSummary(args, io);
  } catch (error) {
    const failure = describeFailure(error);
    stderr += failure.line + "\n";
    code = failure.exitCode;
  }
  return { code, stdout, stderr };
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The seed plan laid out as an officer's workbook: an Excel Table, wrapped cells, and a second sheet with formulas. */
export async function writeSeedWorkbook(
  file: string,
  edit?: (values: string[][]) => void
): Promise<void> {
  const values = (seed.values as string[][]).map((r) => r.slice());
  edit?.(values);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(seed.sheet);
  ws.addTable({
    name: "ImprovementPlan",
    ref: "A1",
    headerRow: true,
    columns: values[0].map((name) => ({ name })),
    rows: values.slice(1),
  });
  [6, 40, 24, 40, 50, 22, 26].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.eachRow((row) =>
    row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: "top" }))
  );
  await wb.xlsx.writeFile(file);
}

/** A workbook of several sheets with formulas, dates, number formats and merged cells beside a plain-range plan. */
export async function writeRichWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet("Cover");
  cover.getCell("A1").value = "Justice Services: improvement plan";
  cover.mergeCells("A1:F1");
  cover.getCell("A3").value = "Reviewed";
  cover.getCell("B3").value = new Date(Date.UTC(2006, 11, 1));
  cover.getCell("B3").numFmt = "dd/mm/yyyy";
  cover.getCell("A4").value = "=not a formula, just text";
  cover.mergeCells("A6:C8");
  cover.getCell("A6").value = "Merged note";

  const plan = wb.addWorksheet("Plan");
  (seed.values as string[][]).forEach((row, r) =>
    row.forEach((v, c) => (plan.getCell(r + 1, c + 1).value = v))
  );

  const budget = wb.addWorksheet("Budget");
  budget.addRow(["Item", "Cost", "Share", "Due"]);
  const items: [string, number, Date][] = [
    ["Training", 1200.5, new Date(Date.UTC(2006, 5, 30))],
    ["Audit", 800, new Date(Date.UTC(2006, 8, 30))],
    ["Forum", 150.25, new Date(Date.UTC(2007, 2, 31))],
  ];
  items.forEach(([name, cost, due], i) => {
    const r = i + 2;
    budget.getCell(r, 1).value = name;
    budget.getCell(r, 2).value = cost;
    budget.getCell(r, 2).numFmt = "£#,##0.00";
    budget.getCell(r, 3).value = { formula: `B${r}/SUM($B$2:$B$4)`, result: cost / 2150.75 };
    budget.getCell(r, 3).numFmt = "0.0%";
    budget.getCell(r, 4).value = due;
    budget.getCell(r, 4).numFmt = "d mmm yyyy";
  });
  budget.getCell("A5").value = "Total";
  budget.getCell("B5").value = { formula: "SUM(B2:B4)", result: 2150.75 };
  budget.getCell("B5").numFmt = "£#,##0.00";
  budget.getCell("D5").value = { formula: "MAX(D2:D4)-MIN(D2:D4)", result: 274 };
  budget.mergeCells("A7:D7");
  budget.getCell("A7").value = "Figures from the finance team";
  await wb.xlsx.writeFile(file);
}

export interface CellSnapshot {
  value: unknown;
  formula?: string;
  numFmt?: string;
}

/** Every cell of every sheet but `skip`: value, formula and number format, plus merges, by sheet name. */
export async function snapshot(
  file: string,
  skip: string[] = []
): Promise<Record<string, { cells: Record<string, CellSnapshot>; merges: string[] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, { cells: Record<string, CellSnapshot>; merges: string[] }> = {};
  for (const ws of wb.worksheets) {
    if (skip.includes(ws.name)) continue;
    const cells: Record<string, CellSnapshot> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const snap: CellSnapshot = {
          value: cell.value instanceof Date ? cell.value.toISOString() : cell.value,
        };
        if (cell.formula) snap.formula = cell.formula;
        if (cell.numFmt) snap.numFmt = cell.numFmt;
        cells[cell.address] = snap;
      })
    );
    const merges = Object.keys(
      (ws as unknown as { _merges: Record<string, unknown> })._merges
    ).sort();
    out[ws.name] = { cells, merges };
  }
  return out;
}

export async function sheetNames(file: string): Promise<{ name: string; state: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state }));
}

let conversions = 0;

/** Runs LibreOffice headless with a profile of its own (parallel runs must not share one). */
export async function soffice(args: string[], workDir: string): Promise<void> {
  conversions += 1;
  const profile = path.join(workDir, `lo-profile-${process.pid}-${conversions}`);
  await run(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args],
    {
      cwd: workDir,
      timeout: 120_000,
    }
  );
}

/** A minimal RFC 4180 CSV reader (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * One sheet of a workbook as LibreOffice shows it, through its CSV export: UTF-8, comma, quoted
 * text, cells "as shown" (formatted), en-GB, and the 12th filter token picking the sheet (1-based).
 */
export async function sheetCsv(
  xlsx: string,
  sheetIndex: number,
  workDir: string
): Promise<string[][]> {
  const outDir = path.join(workDir, `csv-${sheetIndex}`);
  mkdirSync(outDir, { recursive: true });
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,2057,true,true,true,false,false,${sheetIndex}`;
  await soffice(["--convert-to", filter, "--outdir", outDir, xlsx], workDir);
  const csv = readdirSync(outDir).find((f) => f.endsWith(".csv"));
  if (!csv) throw new Error(`LibreOffice wrote no CSV for sheet ${sheetIndex} of ${xlsx}`);
  return parseCsv(readFileSync(path.join(outDir, csv), "utf8"));
}

export function hasSoffice(): boolean {
  return ["/usr/bin/soffice", "/usr/local/bin/soffice"].some((p) => existsSync(p));
}
