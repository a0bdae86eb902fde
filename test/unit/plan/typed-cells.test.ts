/**
 * Spec section 3, "Values as Excel stores them": a number in a timescale, revised or status
 * cell is read with its number format, as the officer sees it, in the workbook's date system.
 */
import { DEFAULT_READ_SETTINGS, readPlan, toExcelSerial } from "../../../src/plan";
import { statusTextOfNumber, timescaleOfNumber } from "../../../src/plan/typed-cells";
import { readStatusCell } from "../../../src/plan/status-words";

const S = DEFAULT_READ_SETTINGS;
const S1904 = { ...DEFAULT_READ_SETTINGS, date1904: true };
const serial = toExcelSerial;

describe("a number in a timescale cell, with its format", () => {
  it("a format with a day names that day", () => {
    expect(timescaleOfNumber(serial("2006-12-31"), "dd/mm/yyyy", S)).toMatchObject({
      kind: "date",
      due: "2006-12-31",
      text: "31/12/2006",
    });
    expect(timescaleOfNumber(serial("2006-12-31"), "d-mmm-yy", S)).toMatchObject({
      kind: "date",
      due: "2006-12-31",
      text: "31-Dec-06",
    });
  });

  it("month and year but no day names the month, due its last day", () => {
    // "December 2006" typed into Excel: the serial of 1 December 2006, shown Dec-06.
    expect(timescaleOfNumber(serial("2006-12-01"), "mmm-yy", S)).toMatchObject({
      kind: "month",
      due: "2006-12-31",
      text: "Dec-06",
      milestones: ["2006-12-31"],
    });
    expect(timescaleOfNumber(serial("2024-02-01"), "mmmm yyyy", S)).toMatchObject({
      kind: "month",
      due: "2024-02-29",
      text: "February 2024",
    });
    expect(timescaleOfNumber(serial("2007-03-01"), "mm/yyyy", S).due).toBe("2007-03-31");
  });

  it("day and month but no year needs a year: the year shown was Excel's guess", () => {
    const ts = timescaleOfNumber(serial("2026-09-30"), "d-mmm", S);
    expect(ts.kind).toBe("needs_year");
    expect(ts.due).toBeNull();
    expect(ts.text).toBe("30-Sep");
    expect(ts.reason).toMatch(/no year/);
  });

  it("a whole number from 1900 to 2100 in General names that year", () => {
    expect(timescaleOfNumber(2007, "General", S)).toMatchObject({
      kind: "year",
      due: "2007-12-31",
      text: "2007",
    });
    expect(timescaleOfNumber(2100, "0", S).due).toBe("2100-12-31");
  });

  it("any other number needs review, with the reason", () => {
    for (const [value, format] of [
      [39051, "General"],
      [2006.5, "General"],
      [12, "0"],
      [0.5, "0%"],
      [0.5, "h:mm"],
    ] as const) {
      const ts = timescaleOfNumber(value, format, S);
      expect(ts.kind).toBe("unclear");
      expect(ts.due).toBeNull();
      expect(ts.reason).toBeTruthy();
    }
  });

  it("without a format (a surface that cannot see it), the serial is a day", () => {
    expect(timescaleOfNumber(39051, undefined, S)).toMatchObject({
      kind: "date",
      due: "2006-11-30",
    });
  });

  it("reads serials in the workbook's date system", () => {
    // 1 December 2006 is 39052 in the 1900 system and 37590 in the 1904 system.
    expect(timescaleOfNumber(37590, "mmm-yy", S1904).due).toBe("2006-12-31");
    expect(timescaleOfNumber(37590, "dd/mm/yyyy", S1904).due).toBe("2006-12-01");
    expect(timescaleOfNumber(0, "dd/mm/yyyy", S1904).due).toBe("1904-01-01");
    // Serial 60 is a day in the 1904 system (no phantom leap day there).
    expect(timescaleOfNumber(60, "dd/mm/yyyy", S1904).due).toBe("1904-03-01");
  });
});

describe("a number in a status cell, with its format", () => {
  it("a percentage is a percentage complete", () => {
    expect(statusTextOfNumber(1, "0%", S)).toBe("100%");
    expect(readStatusCell(statusTextOfNumber(1, "0%", S))).toBe("complete");
    expect(statusTextOfNumber(0.75, "0%", S)).toBe("75%");
    expect(readStatusCell(statusTextOfNumber(0.75, "0%", S))).toBeNull();
  });

  it("a date shows as the officer sees it", () => {
    expect(statusTextOfNumber(serial("2024-03-12"), "dd/mm/yyyy", S)).toBe("12/03/2024");
  });

  it("a plain number stays as typed", () => {
    expect(statusTextOfNumber(3, "General", S)).toBe("3");
  });
});

describe("the plan reader uses the formats it is given", () => {
  const values = [
    ["No.", "Action", "Timescale", "Revised Timescale", "% Complete"],
    [1, "Review the sampling of reports", serial("2006-12-01"), "", 0.5],
    [2, "Publish the annual report", 2007, "", ""],
    [3, "Train staff", serial("2006-06-01"), serial("2006-12-01"), 1],
  ];
  const formats = [
    [],
    ["General", "General", "mmm-yy", "General", "0%"],
    ["General", "General", "General", "General", "General"],
    ["General", "General", "mmm-yy", "mmm-yy", "0%"],
  ];

  it("reads each typed cell as the officer meant it", () => {
    const result = readPlan(values, { sheet: "Plan" }, undefined, { numberFormats: formats });
    if (!result.ok) throw new Error(result.problem.message);
    const [a, b, c] = result.plan.actions;
    expect(a!.timescale).toMatchObject({ kind: "month", due: "2006-12-31", text: "Dec-06" });
    expect(a!.statusText).toBe("50%");
    expect(b!.timescale).toMatchObject({ kind: "year", due: "2007-12-31" });
    expect(c!.timescale).toMatchObject({ kind: "month", due: "2006-12-31" });
    expect(c!.originalTimescale).toMatchObject({ kind: "month", due: "2006-06-30" });
    expect(c!.statusText).toBe("100%");
  });

  it("without formats, reads serials as days (as before)", () => {
    const result = readPlan(values, { sheet: "Plan" });
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.plan.actions[0]!.timescale.due).toBe("2006-12-01");
  });
});
