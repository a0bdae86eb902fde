/**
 * `plan summary` on real .xlsx files: the sheet it writes, what it leaves alone (every other
 * sheet, cell by cell), rebuilding, the history, an officer's sheet of the same name, parts
 * exceljs cannot carry, and bad input (one line, non-zero exit, nothing written).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { HISTORY_SHEET, parseHistory, markedSummarySheet } from "../../src/report";
import { cellValue, plainValue } from "../../src/xlsx/read";
import type { CellValue } from "../../src/plan";
import {
  SAMPLE,
  sha256,
  sheetNames,
  snapshot,
  summaryCli,
  tempDir,
  writeRichWorkbook,
  writeSeedWorkbook,
} from "./support";

const dir = tempDir("cli");
const seedFile = path.join(dir, "seed-plan.xlsx");
const richFile = path.join(dir, "rich.xlsx");
/** The project's sample when it is there, else the same plan written here. */
const planFile = (): string => (existsSync(SAMPLE) ? SAMPLE : seedFile);

beforeAll(async () => {
  await writeSeedWorkbook(seedFile);
  await writeRichWorkbook(richFile);
});

async function historyOf(file: string): Promise<{ values: CellValue[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(HISTORY_SHEET);
  if (!ws) return { values: [] };
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (line[c - 1] = plainValue(cell.value)));
    values[r - 1] = Array.from(line, (v) => v ?? "");
  });
  return { values: Array.from(values, (v) => v ?? []) };
}

/** The XML of one worksheet of an .xlsx, found through the workbook's own relationships. */
async function sheetXml(file: string, sheet: string): Promise<string> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(readFileSync(file));
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file("xl/" + target.replace(/^\/?xl\//, ""))!.async("string");
}

async function summaryCell(
  file: string,
  sheet: string,
  match: (v: CellValue) => boolean
): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const found: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => (match(cellValue(cell)) ? found.push(cell.address) : undefined))
  );
  return found;
}

describe("plan summary on the sample plan", () => {
  test("writes <name>-summary.xlsx beside the input, prints the counts and narrative, leaves the input alone", async () => {
    const input = path.join(dir, "plan.xlsx");
    writeFileSync(input, readFileSync(planFile()));
    const before = sha256(input);
    const r = await summaryCli([input, "--as-at", "2006-12-28"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = path.join(dir, "plan-summary.xlsx");
    expect(existsSync(out)).toBe(true);
    expect(sha256(input)).toBe(before);
    expect(r.stdout).toMatch(/Overdue\s+20\s+53%/);
    expect(r.stdout).toMatch(/Due soon\s+13\s+34%/);
    expect(r.stdout).toMatch(/Not yet due\s+2\s+5%/);
    expect(r.stdout).toMatch(/Ongoing\s+3\s+8%/);
    expect(r.stdout).toContain("20 (53%) are overdue");
    expect(r.stdout).toContain(`sheet 'Committee Summary' of ${out}`);
    const sheets = await sheetNames(out);
    expect(sheets.filter((s) => s.name === "Committee Summary")).toHaveLength(1);
    expect(sheets.find((s) => s.name === HISTORY_SHEET)?.state).toBe("hidden");
  });

  test("every sheet that is not the summary keeps every value, formula, number format and merge", async () => {
    for (const input of [planFile(), richFile]) {
      const out = path.join(dir, `kept-${path.basename(input)}`);
      const r = await summaryCli([input, "--as-at", "2006-12-28", "--out", out]);
      expect(r.code).toBe(0);
      const own = ["Committee Summary", HISTORY_SHEET];
      const before = await snapshot(input, own);
      const after = await snapshot(out, own);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(after).toEqual(before);
      expect(Object.keys(before).length).toBeGreaterThanOrEqual(input === richFile ? 3 : 1);
    }
    // The rich workbook's formulas really are there to compare.
    const budget = (await snapshot(richFile)).Budget.cells;
    expect(budget.B5.formula).toBe("SUM(B2:B4)");
    expect(budget.D2.numFmt).toBe("d mmm yyyy");
  });

  test("run on its own output it replaces the summary at the same tab position and adds one history row per run", async () => {
    const first = path.join(dir, "run1.xlsx");
    const second = path.join(dir, "run2.xlsx");
    expect((await summaryCli([richFile, "--as-at", "2006-10-15", "--out", first])).code).toBe(0);
    const r2 = await summaryCli([first, "--as-at", "2006-12-28", "--out", second]);
    expect(r2.code).toBe(0);
    expect(r2.stdout).toContain("replacing the previous summary");
    expect(r2.stdout).toMatch(/Overdue actions .*20.* since the report as at 15 October 2006/);
    // A third run, in place, on the second's output.
    expect((await summaryCli([second, "--as-at", "2007-01-31", "--in-place"])).code).toBe(0);

    const names = (await sheetNames(second)).map((s) => s.name);
    expect(names.filter((n) => n.startsWith("Committee Summary"))).toEqual(["Committee Summary"]);
    const firstNames = (await sheetNames(first)).map((s) => s.name);
    expect(names.indexOf("Committee Summary")).toBe(firstNames.indexOf("Committee Summary"));
    const { values } = await historyOf(second);
    expect(markedSummarySheet(values)).toBe("Committee Summary");
    expect(parseHistory(values).map((h) => h.asAt)).toEqual([
      "2006-10-15",
      "2006-12-28",
      "2007-01-31",
    ]);
    expect(parseHistory(values)[1].counts.overdue).toBe(20);
    // The trend block shows every report.
    const trend = await summaryCell(
      second,
      "Committee Summary",
      (v) => typeof v === "string" && v.startsWith("Trend")
    );
    expect(trend).toHaveLength(1);
  });

  test("an officer's own sheet called Committee Summary is never overwritten", async () => {
    const input = path.join(dir, "officer.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(seedFile);
    const mine = wb.addWorksheet("Committee Summary");
    mine.getCell("A1").value = "My own notes for the committee";
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "officer-out.xlsx");
    const r = await summaryCli([input, "--as-at", "2006-12-28", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Warning: .*'Committee Summary'.*'Committee Summary \(2\)'/);
    const after = await snapshot(out);
    expect(after["Committee Summary"].cells.A1.value).toBe("My own notes for the committee");
    expect(Object.keys(after["Committee Summary"].cells)).toEqual(["A1"]);
    expect(after["Committee Summary (2)"]).toBeDefined();
    // Built again: the add-in's "(2)" is replaced, the officer's sheet still untouched, no "(3)".
    const again = path.join(dir, "officer-again.xlsx");
    expect((await summaryCli([out, "--as-at", "2006-12-28", "--out", again])).code).toBe(0);
    const names = (await sheetNames(again)).map((s) => s.name);
    expect(names.filter((n) => n.startsWith("Committee Summary"))).toEqual([
      "Committee Summary",
      "Committee Summary (2)",
    ]);
    expect((await snapshot(again))["Committee Summary"].cells.A1.value).toBe(
      "My own notes for the committee"
    );
  });

  test("links in the written file point at the plan's cells, inside the workbook", async () => {
    const out = path.join(dir, "links.xlsx");
    expect((await summaryCli([seedFile, "--as-at", "2006-12-28", "--out", out])).code).toBe(0);
    const [address] = await summaryCell(
      out,
      "Committee Summary",
      (v) => v === "Review SER Sampling formats"
    );
    expect(address).toMatch(/^C\d+$/);
    // On disk: a plain internal link (a location, no relationship to an outside file).
    const xml = await sheetXml(out, "Committee Summary");
    const link = new RegExp(
      `<hyperlink ref="${address}" [^>]*location="&apos;Improvement Plan&apos;!E2"`
    );
    expect(link.test(xml)).toBe(true);
    expect(/<hyperlink [^>]*r:id=/.test(xml)).toBe(false);
  });

  test("every part of the input but the workbook index, styles and the add-in's own sheets is carried over byte for byte", async () => {
    const input = path.join(dir, "officer-links.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(richFile);
    wb.getWorksheet("Cover")!.getCell("A10").value = {
      text: "Go to the budget",
      hyperlink: "Budget!B5",
    };
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "officer-links-out.xlsx");
    expect(
      (await summaryCli([input, "--sheet", "Plan", "--as-at", "2006-12-28", "--out", out])).code
    ).toBe(0);
    const JSZip = (await import("jszip")).default;
    const before = await JSZip.loadAsync(readFileSync(input));
    const after = await JSZip.loadAsync(readFileSync(out));
    const touched = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
    ]);
    const parts = Object.keys(before.files).filter((f) => !before.files[f].dir && !touched.has(f));
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      const a = await before.file(part)!.async("nodebuffer");
      const b = await after.file(part)?.async("nodebuffer");
      expect(b && a.equals(b) ? part : `${part} changed`).toBe(part);
    }
    expect(
      /<hyperlink ref="A10" [^>]*location="Budget!B5"/.test(await sheetXml(out, "Cover"))
    ).toBe(true);
  });
});

test("in a 1904-date-system workbook the summary's dates are still the right days", async () => {
  const input = path.join(dir, "mac-1904.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(seedFile);
  wb.properties.date1904 = true;
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "mac-1904-out.xlsx");
  expect((await summaryCli([input, "--as-at", "2006-12-28", "--out", out])).code).toBe(0);
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(out);
  expect(read.properties.date1904).toBe(true);
  const ws = read.getWorksheet("Committee Summary")!;
  const asAt = ws.getCell("C2").value as Date;
  expect(ws.getCell("B2").value).toBe("As at");
  expect(asAt.toISOString().slice(0, 10)).toBe("2006-12-28");
  const [review] = await summaryCell(
    out,
    "Committee Summary",
    (v) => v === "Review SER Sampling formats"
  );
  const due = ws.getCell(review.replace(/^C/, "E")).value as Date;
  expect(due.toISOString().slice(0, 10)).toBe("2006-06-30");
});

describe("plan summary: parts exceljs could not carry through a rewrite (images, charts, macros)", () => {
  const withImage = path.join(dir, "with-image.xlsx");
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(seedFile);
    // A 1x1 PNG: enough to put a picture (xl/media, xl/drawings) in the workbook.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64"
    );
    const id = wb.addImage({ buffer: png, extension: "png" } as unknown as ExcelJS.Image);
    wb.getWorksheet("Improvement Plan")!.addImage(id, "I2:J4");
    await wb.xlsx.writeFile(withImage);
  });

  test("are kept, in place too: the file is patched, not rewritten", async () => {
    const input = path.join(dir, "with-image-in-place.xlsx");
    writeFileSync(input, readFileSync(withImage));
    const r = await summaryCli([input, "--as-at", "2006-12-28", "--in-place"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const JSZip = (await import("jszip")).default;
    const before = await JSZip.loadAsync(readFileSync(withImage));
    const after = await JSZip.loadAsync(readFileSync(input));
    const media = Object.keys(before.files).filter(
      (f) => !before.files[f].dir && /^xl\/(media|drawings)\//.test(f)
    );
    expect(media.length).toBeGreaterThanOrEqual(2);
    for (const f of media)
      expect(
        (await after.file(f)!.async("nodebuffer")).equals(await before.file(f)!.async("nodebuffer"))
      ).toBe(true);
    expect(await sheetXml(input, "Improvement Plan")).toBe(
      await sheetXml(withImage, "Improvement Plan")
    );
    expect((await sheetNames(input)).map((s) => s.name)).toContain("Committee Summary");
  });

  test("a macro workbook keeps its .xlsm name; --out as .xlsx is refused", async () => {
    const r = await summaryCli([path.join(dir, "book.xlsm"), "--out", path.join(dir, "book.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out must name an \.xlsm file/);
  });
});

describe("plan summary: bad input ends with one clear line, a non-zero exit, and writes nothing", () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["no such file", async () => path.join(dir, "missing.xlsx"), /does not exist/],
    [
      "not a workbook",
      async () => {
        const f = path.join(dir, "notes.xlsx");
        writeFileSync(f, "No.,Action,Timescale\n1,Do it,June 2006\n");
        return f;
      },
      /not an Excel workbook/,
    ],
    [
      "password-protected",
      async () => {
        // An encrypted .xlsx is an OLE compound file; its signature is what tells.
        const f = path.join(dir, "locked.xlsx");
        writeFileSync(
          f,
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(1024),
          ])
        );
        return f;
      },
      /password-protected/,
    ],
    [
      "no plan",
      async () => {
        const f = path.join(dir, "shopping.xlsx");
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("List");
        ws.addRow(["Item", "Price"]);
        ws.addRow(["Milk", 1.2]);
        await wb.xlsx.writeFile(f);
        return f;
      },
      /no plan/i,
    ],
    [
      "two candidate plans without --sheet",
      async () => {
        const f = path.join(dir, "two-plans.xlsx");
        const wb = new ExcelJS.Workbook();
        for (const name of ["North", "South"]) {
          const ws = wb.addWorksheet(name);
          ws.addRow(["No.", "Action", "Timescale"]);
          ws.addRow(["1", "Review the policy", "June 2006"]);
        }
        await wb.xlsx.writeFile(f);
        return f;
      },
      /holds 2 plans.*--sheet/,
    ],
  ];

  test.each(cases)("%s", async (_name, make, message) => {
    const input = await make();
    const out = path.join(dir, `bad-${path.basename(input)}`);
    const filesBefore = readdirSync(dir).sort();
    const r = await summaryCli([input, "--as-at", "2006-12-28", "--out", out]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  test("mistyped commands are usage errors (exit 2)", async () => {
    for (const args of [
      [],
      [seedFile, "--as-at", "28/12/2006"],
      [seedFile, "--due-soon-days", "10", "--next-committee", "2007-01-15"],
      [seedFile, "--out", seedFile],
      [seedFile, "--out", path.join(dir, "x.xlsx"), "--in-place"],
    ]) {
      const r = await summaryCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  test("--sheet picks one of two plans", async () => {
    const out = path.join(dir, "two-picked.xlsx");
    const r = await summaryCli([
      path.join(dir, "two-plans.xlsx"),
      "--sheet",
      "South",
      "--as-at",
      "2006-12-28",
      "--out",
      out,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^South: committee summary/);
  });
});

describe("plan summary on a large plan", () => {
  const big = path.join(dir, "big.xlsx");
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plan");
    ws.addRow(["Ref", "Action", "Timescale", "Lead"]);
    const months = ["June 2006", "December 2006", "March 2007", "Ongoing", "Q3 2006/07"];
    for (let i = 1; i <= 10_000; i++)
      ws.addRow([String(i), `Action ${i}`, months[i % months.length], `Lead ${i % 7}`]);
    await wb.xlsx.writeFile(big);
  });

  test("shows a progress bar on standard error when it is a terminal, and none when it is not", async () => {
    const tty = await summaryCli(
      [big, "--as-at", "2006-12-28", "--out", path.join(dir, "big-tty.xlsx")],
      { isTTY: true }
    );
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/Building summary \[#+-*\]\s+\d+%/);
    expect(tty.stdout).toMatch(/10000 actions/);
    const pipe = await summaryCli(
      [big, "--as-at", "2006-12-28", "--out", path.join(dir, "big-pipe.xlsx")],
      { isTTY: false }
    );
    expect(pipe.code).toBe(0);
    expect(pipe.stderr).toBe("");
  });
});
