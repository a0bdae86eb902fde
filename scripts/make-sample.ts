/**
 * Builds samples/improvement-plan.xlsx from samples/plan-values.json: the seed plan
 * laid out as an officer keeps it. One row per recommendation with multi-line
 * Action Required and Timescale cells, and the page-break artefacts of a pasted
 * report (repeated header rows, continuation rows with an empty No.) left exactly
 * where the fixture has them, inside one Excel Table named ImprovementPlan. The
 * header is in row 1, so worksheet rows equal the fixture's rows.
 *
 * The file is reproducible: fixed document dates and fixed zip entry dates, so
 * running `npm run sample` again leaves git with nothing to commit.
 *
 * Cells hold what Excel stores when an officer types the plan in (test/support/excel-typing.ts):
 * single-line month timescales are dates shown mmm-yy, keys are numbers.
 *
 * Run with `npm run sample`.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { typeIntoExcel } from "../test/support/excel-typing";

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "samples", "plan-values.json");
const TARGET = path.join(ROOT, "samples", "improvement-plan.xlsx");

/** The year the officer typed the plan into Excel: the plan was agreed in June 2006. */
const TYPED_IN = 2006;

/** The sample's fixed timestamp: the seed plan's as-at date. */
const FIXED_DATE = new Date(Date.UTC(2006, 11, 28, 9, 0, 0));

/** Column widths in characters, by header; wide enough to read without being a wall of text. */
const WIDTHS: Record<string, number> = {
  "No.": 6,
  Recommendation: 45,
  "Area of Evaluation": 24,
  Comments: 45,
  "Action Required": 60,
  Timescale: 24,
  "Lead Area of Service": 22,
};

/** Points per line of 11-point Calibri, and the padding Excel adds to a row. */
const LINE_HEIGHT = 15;
const ROW_PADDING = 3;

interface PlanValues {
  sheet: string;
  values: string[][];
}

/** Lines a wrapped cell shows in a column this wide (a rough but safe estimate). */
function linesShown(text: string, width: number): number {
  if (text === "") return 1;
  // About 1.1 characters fit per unit of column width in Calibri 11; stay on the safe side.
  const perLine = Math.max(1, Math.floor(width * 1.05));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

export async function buildSample(values: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Plan Tracker";
  workbook.lastModifiedBy = "Plan Tracker";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;

  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: "frozen", ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
    pageSetup: {
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    },
  });
  const [header, ...texts] = values;
  // Each cell as Excel stores what the officer typed into it in 2006, on a UK PC: "December
  // 2006" typed alone is the serial of 1 December 2006 shown Dec-06, "5" the number 5. Cells
  // of several lines stay text, as Excel leaves them.
  const typed = texts.map((row) => row.map((text) => typeIntoExcel(text, "en-GB", TYPED_IN)));
  const rows = typed.map((row) => row.map((cell) => cell.value));
  sheet.columns = header.map((name) => ({ key: name, width: WIDTHS[name] ?? 20 }));

  // Column names of an Excel Table must be unique; the header's are. The header
  // rows repeated inside the data are ordinary data rows to Excel.
  if (new Set(header).size !== header.length)
    throw new Error("the plan's header texts must be unique");
  sheet.addTable({
    name: "ImprovementPlan",
    displayName: "ImprovementPlan",
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: header.map((name) => ({ name, filterButton: true })),
    rows,
  });

  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: "top", wrapText: true };
  });
  sheet.getRow(1).height = LINE_HEIGHT + ROW_PADDING + 3;

  texts.forEach((row, i) => {
    const r = sheet.getRow(i + 2);
    let lines = 1;
    row.forEach((text, j) => {
      const cell = r.getCell(j + 1);
      cell.alignment = { vertical: "top", wrapText: true };
      const format = typed[i]![j]!.format;
      if (format !== "General") cell.numFmt = format;
      lines = Math.max(lines, linesShown(text, WIDTHS[header[j]] ?? 20));
    });
    r.height = lines * LINE_HEIGHT + ROW_PADDING;
  });

  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return fixZipDates(written);
}

/**
 * exceljs stamps every zip entry with the time of writing; re-pack the same
 * entries, in the same order, with one fixed date so the bytes never change.
 */
async function fixZipDates(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

async function main(): Promise<void> {
  const data = JSON.parse(await fs.readFile(SOURCE, "utf8")) as PlanValues;
  const buffer = await buildSample(data.values, data.sheet);
  await fs.writeFile(TARGET, buffer);
  process.stdout.write(
    `wrote ${path.relative(ROOT, TARGET)} (${data.values.length} rows, ${buffer.length} bytes)\n`
  );
}

// Run as a script (`npm run sample`), not when a test imports buildSample.
if (require.main === module || path.resolve(process.argv[1] ?? "") === __filename) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `make-sample: ${error instanceof Error ? error.message : String(error)}\n`
    );
    process.exitCode = 1;
  });
}
