/** Each rule of spec section 3 with its own case, beyond the labelled corpus. */
import fc from "fast-check";
import { parseTimescale, nextOccurrence } from "../../../src/plan/timescale";
import { toExcelSerial } from "../../../src/plan/calendar";

const read = (text: string | number | boolean | null | undefined, settings = {}) => {
  const t = parseTimescale(text, settings);
  return { kind: t.kind, due: t.due, milestones: t.milestones };
};

describe("dates of every written form", () => {
  it.each([
    ["31/03/2025", "2025-03-31"],
    ["31.03.25", "2025-03-31"],
    ["5.9.12", "2012-09-05"],
    ["31 March 2025", "2025-03-31"],
    ["31st of March 2025", "2025-03-31"],
    ["March 31st, 2025", "2025-03-31"],
    ["2025-03-31", "2025-03-31"],
    ["Board 06/10/09", "2009-10-06"],
    ["w/c 12 June 2023", "2023-06-12"],
    ["By 1 Sept. 2024", "2024-09-01"],
    ["29/02/2024", "2024-02-29"],
  ])("%s is the day %s", (text, due) => {
    expect(read(text)).toEqual({ kind: "date", due, milestones: [due] });
  });

  it("29 February of a year that is not leap is no date, with a reason", () => {
    const t = parseTimescale("29/02/2023");
    expect(t.kind).toBe("unclear");
    expect(t.due).toBeNull();
    expect(t.reason).toMatch(/not a real date/);
  });

  it("reads UK day/month order unless the workbook says US", () => {
    expect(read("04/05/2024").due).toBe("2024-05-04");
    expect(read("04/05/2024", { dateOrder: "MDY" }).due).toBe("2024-04-05");
  });

  it("lets a part over 12 decide the order whatever the setting", () => {
    expect(read("13/05/2024", { dateOrder: "MDY" }).due).toBe("2024-05-13");
    expect(read("05/13/2024").due).toBe("2024-05-13");
  });
});

describe("date cells (Excel serials, 1900 system)", () => {
  it("reads a serial as that day", () => {
    expect(read(39083)).toEqual({ kind: "date", due: "2007-01-01", milestones: ["2007-01-01"] });
    expect(read(39080).due).toBe("2006-12-29");
    expect(read(toExcelSerial("2024-02-29")).due).toBe("2024-02-29");
  });

  it("counts Excel's fictitious 29 February 1900: serial 59 is 28 February, 61 is 1 March, 60 is no date", () => {
    expect(read(59).due).toBe("1900-02-28");
    expect(read(61).due).toBe("1900-03-01");
    expect(read(1).due).toBe("1900-01-01");
    const t = parseTimescale(60);
    expect(t.kind).toBe("unclear");
    expect(t.reason).toMatch(/29 February 1900/);
  });

  it("drops the time of day of a date-time serial", () => {
    expect(read(45382.75).due).toBe("2024-03-31");
  });

  it("gives a reason for a number that is no date", () => {
    expect(read(-5).kind).toBe("unclear");
    expect(read(Number.NaN).kind).toBe("unclear");
  });
});

describe("periods", () => {
  it.each([
    ["June 2006", "month", "2006-06-30"],
    ["Jun-06", "month", "2006-06-30"],
    ["March \u201907", "month", "2007-03-31"],
    ["February 2008", "month", "2008-02-29"],
    ["2019-03", "month", "2019-03-31"],
    ["Q3 2024", "quarter", "2024-09-30"],
    ["3rd quarter 2024", "quarter", "2024-09-30"],
    ["Q4 2024/25", "fy_quarter", "2025-03-31"],
    ["2024/25 Q2", "fy_quarter", "2024-09-30"],
    ["FY24", "fy", "2024-03-31"],
    ["financial year 2024/25", "fy", "2025-03-31"],
    ["2011-12", "fy", "2012-03-31"],
    ["2020 \u2013 2024", "fy", "2024-03-31"],
    ["Winter 2021/22", "season", "2022-02-28"],
    ["Autumn 2020", "season", "2020-11-30"],
    ["Early 2025", "part_of_year", "2025-04-30"],
    ["H1 2025", "part_of_year", "2025-06-30"],
    ["second half of 2025", "part_of_year", "2025-12-31"],
    ["2025", "year", "2025-12-31"],
  ])("%s is %s due %s", (text, kind, due) => {
    const got = read(text);
    expect(got.kind).toBe(kind);
    expect(got.due).toBe(due);
  });

  it("moves financial years and their quarters with the workbook's start month", () => {
    expect(read("2024/25", { financialYearStartMonth: 7 }).due).toBe("2025-06-30");
    expect(read("Q1 2024/25", { financialYearStartMonth: 7 }).due).toBe("2024-09-30");
    expect(read("2024/25", { financialYearStartMonth: 1 }).due).toBe("2024-12-31");
  });

  it("ends a span of years with the financial year that ends in its last year", () => {
    expect(read("2018-2022").due).toBe("2022-03-31");
    expect(read("2018-2022", { financialYearStartMonth: 1 }).due).toBe("2022-12-31");
    expect(read("2020 - 2024", { financialYearStartMonth: 1 }).due).toBe("2024-12-31");
    expect(read("2018/2022", { financialYearStartMonth: 7 }).due).toBe("2022-06-30");
  });
});

describe("several dates", () => {
  it("keeps every deadline as a milestone and is due at the latest", () => {
    expect(read("June 2006 and September 2006")).toEqual({
      kind: "multiple",
      due: "2006-09-30",
      milestones: ["2006-06-30", "2006-09-30"],
    });
    expect(read("June and September 2006").milestones).toEqual(["2006-06-30", "2006-09-30"]);
  });

  it("is due at the latest even when written out of order", () => {
    expect(read("Phase 2: March 2023; Phase 1: June 2022").due).toBe("2023-03-31");
  });

  it("reads a range to its end, carrying the year back", () => {
    expect(read("January \u2013 March 2023")).toEqual({
      kind: "range",
      due: "2023-03-31",
      milestones: ["2023-03-31"],
    });
    expect(read("Nov - Feb 2022").due).toBe("2022-02-28");
  });
});

describe("ongoing, recurring, complete, on hold", () => {
  it("tells a milestone then ongoing from ongoing until", () => {
    expect(read("December 2006/ongoing").kind).toBe("milestone_then_ongoing");
    expect(read("Ongoing until March 2024").kind).toBe("ongoing_until");
    expect(read("On-going").kind).toBe("ongoing");
  });

  it("reads a recurrence and when it next comes round", () => {
    const t = parseTimescale("30 September (annually)");
    expect(t).toMatchObject({
      kind: "recurring",
      due: null,
      recurrence: { everyMonths: 12, month: 9, day: 30 },
    });
    expect(nextOccurrence(t.recurrence!, "2024-10-01")).toBe("2025-09-30");
    expect(nextOccurrence(t.recurrence!, "2024-09-30")).toBe("2024-09-30");
    expect(parseTimescale("Six-monthly").recurrence).toEqual({ everyMonths: 6 });
    expect(nextOccurrence({ everyMonths: 3 }, "2024-11-15")).toBe("2024-12-31");
    expect(nextOccurrence({ everyMonths: 0 }, "2024-11-15")).toBeNull();
  });

  it("reads 'completed by' as a target, 'completed' as done", () => {
    expect(read("Completed by June 2016").kind).toBe("month");
    expect(read("To be completed March 2024").kind).toBe("month");
    expect(read("Completed March 2006").kind).toBe("complete");
    expect(read("Implemented").kind).toBe("complete");
  });

  it("reads deferral as on hold", () => {
    expect(read("Deferred to 2025").kind).toBe("on_hold");
    expect(read("Postponed").kind).toBe("on_hold");
  });
});

describe("no due date, with a reason", () => {
  it.each([
    ["", "tbc"],
    ["  ", "tbc"],
    ["-", "tbc"],
    ["\u2014", "tbc"],
    ["To be confirmed", "tbc"],
    ["n/a", "tbc"],
    ["Within 3 months of approval", "relative"],
    ["six weeks after the Board", "relative"],
    ["ASAP", "relative"],
    ["Summer", "needs_year"],
    ["Q3", "needs_year"],
    ["End of financial year", "needs_year"],
    ["Year end", "needs_year"],
    ["See action 4.2", "unclear"],
    ["Withdrawn", "unclear"],
    ["#REF!", "unclear"],
    ["#N/A", "unclear"],
  ])("%j is %s", (text, kind) => {
    const t = parseTimescale(text);
    expect(t.kind).toBe(kind);
    expect(t.due).toBeNull();
    expect(t.reason).toBeTruthy();
  });

  it("says which error a cell shows", () => {
    expect(parseTimescale("#REF!").reason).toBe("the cell shows the error #REF!");
  });

  it("reads booleans and missing values without throwing", () => {
    expect(parseTimescale(true).reason).toMatch(/TRUE/);
    expect(parseTimescale(null).kind).toBe("tbc");
    expect(parseTimescale(undefined).kind).toBe("tbc");
  });

  it("ignores words around a date", () => {
    expect(read("No later than the end of March 2019 (revised)").due).toBe("2019-03-31");
  });
});

describe("never throws, always the same answer", () => {
  const pieces = [
    "June",
    "2006",
    "/",
    "ongoing",
    "Q3",
    "2024/25",
    "-",
    "and",
    "31",
    "03",
    "2025",
    ".",
    "to",
    "\u2013",
    "complete",
    "by",
    "annually",
    "FY",
    "'07",
    "winter",
    "end",
    "of",
    "#REF!",
    "\u0645\u0627\u0631\u0633",
    "\ud83d\udcc5",
    "0",
    "99999",
  ];

  it("on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const a = parseTimescale(s);
        expect(parseTimescale(s)).toEqual(a);
        expect(typeof a.kind).toBe("string");
        if (a.due !== null) expect(a.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 3000 }
    );
  });

  it("on text mutated from the parts of real timescales", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 12 }),
        fc.constantFrom("", " ", "/"),
        (parts, sep) => {
          const s = parts.join(sep);
          const a = parseTimescale(s);
          expect(parseTimescale(s)).toEqual(a);
          if (a.due !== null) {
            expect(a.milestones).toContain(a.due);
            expect(a.milestones.every((m) => m <= (a.due as string))).toBe(true);
          }
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("on any number, boolean or empty value", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.constant(undefined)
        ),
        (v) => {
          expect(() => parseTimescale(v)).not.toThrow();
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("on a 32,767-character cell", () => {
    expect(parseTimescale("June 2006 ".repeat(3276)).due).toBe("2006-06-30");
  });
});

describe("forms seen in real plans beyond the corpus", () => {
  it.each([
    ["April 2024 onwards", "milestone_then_ongoing", "2024-04-30"],
    ["Partially complete", "unclear", null],
    ["Not yet complete - now March 2024", "month", "2024-03-31"],
    ["Mar 24", "month", "2024-03-31"],
    ["31-Mar-24", "date", "2024-03-31"],
    ["Q2 23/24", "fy_quarter", "2023-09-30"],
    ["01/04/2024 \u2013 31/03/2025", "range", "2025-03-31"],
    ["March/April 2024", "range", "2024-04-30"],
    ["Achieved (Dec 2023)", "complete", "2023-12-31"],
    ["Every 6 months", "recurring", null],
    ["Summer 2024 (delayed from Autumn 2023)", "multiple", "2024-08-31"],
    ["Q1-Q2 2024/25", "range", "2024-09-30"],
    ["From April 2024", "milestone_then_ongoing", "2024-04-30"],
    ["Ongoing from 2023", "milestone_then_ongoing", "2023-12-31"],
    ["Summer term 2024", "season", "2024-08-31"],
    ["Years 1-3", "relative", null],
    ["Quarterly reporting from April 2024", "recurring", null],
  ])("%j is %s due %s", (text, kind, due) => {
    expect(read(text)).toMatchObject({ kind, due });
  });
});
