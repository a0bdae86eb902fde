/** Calendar dates: day numbers, Excel serials and month ends, checked against Date.UTC as an oracle. */
import fc from "fast-check";
import {
  addDays,
  dayNumber,
  daysBetween,
  endOfMonth,
  formatLongDate,
  fromDayNumber,
  fromExcel1904Serial,
  fromExcelSerial,
  isValidDay,
  parseIsoDate,
  toExcelSerial,
  todayLocal,
} from "../../../src/plan/calendar";

const utcDays = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);

describe("calendar", () => {
  it("counts days exactly as UTC does, across four centuries", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          expect(dayNumber(iso)).toBe(utcDays(y, m, d));
          expect(fromDayNumber(dayNumber(iso))).toBe(iso);
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("knows leap years: 2000 and 2024 are, 1900 and 2023 are not", () => {
    expect(endOfMonth(2000, 2)).toBe("2000-02-29");
    expect(endOfMonth(2024, 2)).toBe("2024-02-29");
    expect(endOfMonth(1900, 2)).toBe("1900-02-28");
    expect(isValidDay(2023, 2, 29)).toBe(false);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(addDays("2006-12-28", 30)).toBe("2007-01-27");
  });

  it("reads Excel serials with the 1900 leap-year quirk, and back", () => {
    expect(fromExcelSerial(1)).toBe("1900-01-01");
    expect(fromExcelSerial(59)).toBe("1900-02-28");
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(61)).toBe("1900-03-01");
    expect(fromExcelSerial(39079)).toBe("2006-12-28");
    expect(fromExcelSerial(0)).toBeNull();
    for (const iso of ["1900-01-01", "1900-02-28", "1900-03-01", "2006-12-28", "2024-02-29"]) {
      expect(fromExcelSerial(toExcelSerial(iso))).toBe(iso);
    }
    expect(fromExcel1904Serial(0)).toBe("1904-01-01");
  });

  it("parses only real ISO dates and writes long dates the British way", () => {
    expect(parseIsoDate("2006-12-28")).toBe("2006-12-28");
    expect(parseIsoDate("2006-02-30")).toBeNull();
    expect(parseIsoDate("28/12/2006")).toBeNull();
    expect(formatLongDate("2006-12-28")).toBe("28 December 2006");
    expect(todayLocal(new Date(2026, 10, 22, 23, 59))).toBe("2026-11-22");
  });
});
