/**
 * The engine's small number-format reader against numfmt, a full Excel formatter: which parts
 * of a date a format shows, and the text Excel shows, on real format codes and generated ones.
 */
import * as fc from "fast-check";
import * as numfmt from "numfmt";
import { formatDate, formatInfo } from "../../../src/plan/number-format";
import { fromExcelSerial, toExcelSerial } from "../../../src/plan/calendar";

/** Format codes as Excel writes them: its built-ins, what typing gives, and officers' own. */
const REAL_DATE_FORMATS = [
  "mmm-yy",
  "d-mmm",
  "d-mmm-yy",
  "dd-mmm-yy",
  "dd/mm/yyyy",
  "dd/mm/yy",
  "mmmm yyyy",
  "mmmm-yy",
  "mm/yyyy",
  "mmm yyyy",
  "d mmmm yyyy",
  "dd mmmm yyyy",
  "dddd, d mmmm yyyy",
  "[$-809]dd mmmm yyyy;@",
  "[$-809]mmm-yy;@",
  "[$-409]mmmm d, yyyy;@",
  "yyyy-mm-dd",
  "yyyy",
  "mmm",
  "dd/mm/yyyy hh:mm",
  '"Due "mmm yy',
  "mmm\\-yy",
  "[Red]dd/mm/yyyy",
  "d/m/yy;@",
  "dd.mm.yyyy",
  "mmmmm-yy",
];

describe("formatInfo", () => {
  it.each(REAL_DATE_FORMATS)("reads the date parts of %s as numfmt does", (code) => {
    const ours = formatInfo(code);
    const theirs = numfmt.getFormatDateInfo(code);
    expect(ours.kind).toBe("date");
    expect({ day: ours.day, month: ours.month, year: ours.year }).toEqual({
      day: theirs.day,
      month: theirs.month,
      year: theirs.year,
    });
  });

  it.each([
    ["General", "general"],
    ["", "general"],
    ["0", "number"],
    ["0.00", "number"],
    ["#,##0", "number"],
    ["0%", "percent"],
    ["0.0%", "percent"],
    ["@", "text"],
    ["h:mm", "time"],
    ["[h]:mm:ss", "time"],
    ["mm:ss", "time"],
    ["0.00E+00", "number"],
    ['"£"#,##0.00', "number"],
  ])("%s is a %s format", (code, kind) => {
    expect(formatInfo(code).kind).toBe(kind);
  });

  it("agrees with numfmt on whether a format is a date, for generated codes", () => {
    const token = fc.constantFrom(
      "d",
      "dd",
      "ddd",
      "dddd",
      "m",
      "mm",
      "mmm",
      "mmmm",
      "yy",
      "yyyy",
      "-",
      "/",
      " ",
      ", ",
      '"of "',
      "\\."
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), (tokens) => {
        const code = tokens.join("");
        // A code Excel would refuse (numfmt says which) is not a format a cell can have.
        if (!numfmt.isValidFormat(code)) return;
        const theirs = numfmt.getFormatDateInfo(code);
        const ours = formatInfo(code);
        const isDate = theirs.day || theirs.month || theirs.year;
        expect(ours.kind === "date").toBe(isDate);
        if (isDate) {
          expect([ours.day, ours.month, ours.year]).toEqual([
            theirs.day,
            theirs.month,
            theirs.year,
          ]);
        }
      }),
      { numRuns: 300 }
    );
  });
});

describe("formatDate", () => {
  const days = ["2006-12-01", "2006-06-30", "2024-02-29", "1999-01-05", "2030-10-31"];
  const codes = REAL_DATE_FORMATS.filter((c) => !/h/.test(c));

  it.each(codes)("shows dates in %s as numfmt does", (code) => {
    for (const day of days) {
      expect(formatDate(code, day, "MDY")).toBe(numfmt.format(code, toExcelSerial(day)).trim());
    }
  });

  it("shows Excel's system short date in the reader's date order", () => {
    expect(formatDate("m/d/yyyy", "2006-12-31", "DMY")).toBe("31/12/2006");
    expect(formatDate("m/d/yyyy", "2006-12-31", "MDY")).toBe("12/31/2006");
    expect(formatDate("mm-dd-yy", "2006-03-05", "DMY")).toBe("05/03/2006");
  });

  it("shows times of day with the date where the format asks", () => {
    expect(formatDate("dd/mm/yyyy hh:mm", "2006-12-01", "DMY", 0.75)).toBe("01/12/2006 18:00");
  });

  it("round-trips every serial through numfmt's rendering for mmm-yy and d mmmm yyyy", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 80_000 }), (serial) => {
        const day = fromExcelSerial(serial)!;
        for (const code of ["mmm-yy", "d mmmm yyyy", "dddd d mmm yy"]) {
          expect(formatDate(code, day)).toBe(numfmt.format(code, serial));
        }
      }),
      { numRuns: 300 }
    );
  });
});
