/**
 * Every bad input ends in one plain line on stderr naming what was wrong, exit 2 for
 * a mistyped command and 1 for a workbook that cannot be used, and never a stack trace.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { BIN, SAMPLE, ensureCliBuilt, runPlan, scratchDir } from "./build";
import { putRows, writeWorkbook } from "./workbooks";

let dir: string;

beforeAll(async () => {
  ensureCliBuilt();
  dir = scratchDir("errors");
  fs.writeFileSync(path.join(dir, "plan.csv"), "No.,Action,Timescale\n1,Review,June 2006\n");
  fs.writeFileSync(path.join(dir, "empty.xlsx"), "");
  // An encrypted .xlsx is an OLE compound file: it starts D0 CF 11 E0 A1 B1 1A E1.
  fs.writeFileSync(
    path.join(dir, "locked.xlsx"),
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ])
  );
  fs.writeFileSync(path.join(dir, "cut.xlsx"), fs.readFileSync(SAMPLE).subarray(0, 2000));
  const zip = new JSZip();
  zip.file("readme.txt", "not a workbook");
  fs.writeFileSync(path.join(dir, "other.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
  fs.mkdirSync(path.join(dir, "folder.xlsx"));
  await writeWorkbook(path.join(dir, "contacts.xlsx"), (wb) => {
    putRows(wb.addWorksheet("Contacts"), { row: 1, column: 1 }, [
      ["Name", "Phone"],
      ["Head of Service", "01234 567890"],
    ]);
  });
  await writeWorkbook(path.join(dir, "blank.xlsx"), (wb) => {
    wb.addWorksheet("Sheet1");
  });
});

/** The failure is exactly one line, says `plan: ...`, and carries no trace. */
function expectOneLine(
  run: { code: number | null; stdout: string; stderr: string },
  code: number,
  pattern: RegExp
): void {
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^plan: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).toMatch(pattern);
  expect(run.code).toBe(code);
}

describe("workbooks that cannot be used (exit 1)", () => {
  const cases: [string, string, RegExp][] = [
    [
      "a missing file",
      "missing.xlsx",
      /^plan: cannot read '.*missing\.xlsx': the file does not exist\.\n$/,
    ],
    ["a folder", "folder.xlsx", /cannot read '.*folder\.xlsx': it is a folder/],
    ["an empty file", "empty.xlsx", /cannot read '.*empty\.xlsx': the file is empty\./],
    ["a CSV file", "plan.csv", /cannot read '.*plan\.csv': it is not an Excel workbook \(\.xlsx\)/],
    [
      "a password-protected workbook",
      "locked.xlsx",
      /cannot read '.*locked\.xlsx': it is password-protected \(encrypted\)/,
    ],
    [
      "a damaged workbook",
      "cut.xlsx",
      /cannot read '.*cut\.xlsx': it is not a readable Excel workbook/,
    ],
    [
      "a zip that is not a workbook",
      "other.xlsx",
      /cannot read '.*other\.xlsx': .*not an Excel workbook/,
    ],
    [
      "a workbook with no plan",
      "contacts.xlsx",
      /contacts\.xlsx: .*'Contacts'.*actions.*timescales.*"Name", "Phone".*--column action=HEADER/,
    ],
    ["a workbook with nothing in it", "blank.xlsx", /blank\.xlsx' is empty/],
  ];

  test.each(cases)("%s", (_what, name, pattern) => {
    expectOneLine(runPlan(["status", path.join(dir, name), "--as-at", "2006-12-28"]), 1, pattern);
  });

  test("an unknown sheet names the sheets there are", () => {
    expectOneLine(
      runPlan(["status", SAMPLE, "--sheet", "Summary"]),
      1,
      /has no sheet called 'Summary'; its only sheet is 'Improvement Plan'\./
    );
  });
});

describe("mistyped commands (exit 2)", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "a date that is not a day",
      ["status", SAMPLE, "--as-at", "2006-02-30"],
      /--as-at must be a date written YYYY-MM-DD.*'2006-02-30'/,
    ],
    [
      "a date in the wrong form",
      ["status", SAMPLE, "--as-at", "28/12/2006"],
      /--as-at must be a date/,
    ],
    [
      "a committee date that is not a date",
      ["status", SAMPLE, "--next-committee", "soon"],
      /--next-committee must be a date/,
    ],
    ["an option without its value", ["status", SAMPLE, "--as-at"], /--as-at needs a value/],
    [
      "an unknown option",
      ["status", SAMPLE, "--asat", "2006-12-28"],
      /'plan status' has no option '--asat'/,
    ],
    [
      "days that are not a number",
      ["status", SAMPLE, "--due-soon-days", "a month"],
      /--due-soon-days must be a whole number/,
    ],
    [
      "both ways of saying due soon",
      ["status", SAMPLE, "--due-soon-days", "7", "--next-committee", "2007-01-31"],
      /not both/,
    ],
    [
      "a month that is not a month",
      ["status", SAMPLE, "--fy-start", "13"],
      /--fy-start must be a month/,
    ],
    [
      "an unknown day/month order",
      ["parse", "--date-order", "YMD"],
      /--date-order must be DMY .* or MDY/,
    ],
    ["no workbook", ["status"], /'plan status' needs a workbook/],
    ["two workbooks", ["status", SAMPLE, SAMPLE], /reads one workbook; got 2/],
    ["a file given to parse", ["parse", "timescales.txt"], /reads standard input/],
    ["an unknown command", ["report", SAMPLE], /'report' is not a plan command/],
  ];

  test.each(cases)("%s", (_what, args, pattern) => {
    expectOneLine(runPlan(args), 2, pattern);
  });

  test("a bare `plan` prints the usage on stderr and exits 2", () => {
    const run = runPlan([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Usage: plan COMMAND/);
  });
});

describe("help", () => {
  test.each([[["--help"]], [["-h"]], [["help"]]])("plan %s lists the commands", (args) => {
    const run = runPlan(args);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Usage: plan COMMAND/);
    expect(run.stdout).toMatch(/^ {2}parse /m);
    expect(run.stdout).toMatch(/^ {2}status /m);
    expect(run.stdout).toMatch(/^ {2}summary /m);
  });

  test.each([[["status", "--help"]], [["help", "status"]], [["status", SAMPLE, "-h"]]])(
    "plan %s shows the options",
    (args) => {
      const run = runPlan(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: plan status WORKBOOK\.xlsx/);
      for (const option of [
        "--as-at",
        "--sheet",
        "--due-soon-days",
        "--next-committee",
        "--fy-start",
        "--date-order",
        "--json",
      ]) {
        expect(run.stdout).toContain(option);
      }
    }
  );
});

test("bin/plan.js without a build says to run npm ci, on one line, exit 2", () => {
  // A copy of the launcher in a folder with no dist/ beside it.
  const bare = path.join(dir, "bare");
  fs.mkdirSync(path.join(bare, "bin"), { recursive: true });
  fs.copyFileSync(BIN, path.join(bare, "bin", "plan.js"));
  const { spawnSync } = jest.requireActual<typeof import("child_process")>("child_process");
  const run = spawnSync(process.execPath, [path.join(bare, "bin", "plan.js"), "--help"], {
    encoding: "utf8",
  });
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^plan: [^\n]*run 'npm ci'[^\n]*\n$/);
});
