/**
 * Numbers in a plan's cells, read as the officer sees them (spec section 3, "Values as Excel
 * stores them"). Excel turns much of what officers type into numbers: `December 2006` is the
 * serial of 1 December 2006 shown `mmm-yy`, `2007` is the number 2007 in General, `100%` is 1
 * shown `0%`. The number alone would make "December 2006" due on its first day; its format
 * says the officer meant the month.
 */
import { endOfMonth, fromDayNumber, fromExcelSerial } from "./calendar";
import { formatDate, formatInfo, formatPercent } from "./number-format";
import type { IsoDate, ReadSettings, Timescale } from "./types";

/** Day number (days since 1970-01-01) of 1 January 1904, serial 0 of the 1904 system. */
const DAY_OF_1904_EPOCH = -24_107;

/** The calendar day of a serial in the workbook's own date system, or null. */
export function dayOfSerial(serial: number, date1904: boolean): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  if (!date1904) return fromExcelSerial(serial);
  const whole = Math.floor(serial);
  if (whole < 0 || whole > 2_957_003) return null;
  // 1904 serials never meet the phantom 29 February 1900: count plainly from 1904-01-01.
  return fromDayNumber(DAY_OF_1904_EPOCH + whole);
}

const timescale = (
  text: string,
  kind: Timescale["kind"],
  due: IsoDate | null,
  reason?: string
): Timescale =>
  reason === undefined
    ? { text, kind, due, milestones: due === null ? [] : [due] }
    : { text, kind, due, milestones: due === null ? [] : [due], reason };

/** A whole number an officer typed as a year ("2007" stays the number 2007 in General). */
const isYearNumber = (n: number): boolean => Number.isInteger(n) && n >= 1900 && n <= 2100;

/** How a number shows in a General or number-formatted cell: as typed, without float noise. */
function plainNumber(n: number): string {
  return String(Number.isInteger(n) ? n : Number(n.toPrecision(12)));
}

/**
 * The timescale a number in a timescale (or revised timescale) cell names, read with its
 * number format. `format` undefined: the format is unknown (a custom function given a bare
 * value), so the number is read as a day, as the spec says.
 */
export function timescaleOfNumber(
  value: number,
  format: string | null | undefined,
  s: ReadSettings
): Timescale {
  if (format === undefined || format === null) return serialAsDay(value, s, undefined);
  const info = formatInfo(format);
  switch (info.kind) {
    case "date":
      return serialAsDay(value, s, format);
    case "time":
      return timescale(
        formatDate(format, "1900-01-01", s.dateOrder, value % 1),
        "unclear",
        null,
        "the cell holds a time of day, not a date"
      );
    case "percent": {
      const shown = formatPercent(format, value);
      return timescale(
        shown,
        "unclear",
        null,
        `the cell holds the percentage ${shown}, not a date`
      );
    }
    default: {
      const shown = plainNumber(value);
      if (isYearNumber(value)) return timescale(shown, "year", `${value}-12-31`);
      return timescale(
        shown,
        "unclear",
        null,
        `the cell holds the number ${shown}, which is neither a date nor a year`
      );
    }
  }
}

/** A serial read as a date, with what the format shows of it. */
function serialAsDay(value: number, s: ReadSettings, format: string | undefined): Timescale {
  const day = dayOfSerial(value, s.date1904);
  if (day === null) {
    const reason =
      !s.date1904 && Math.floor(value) === 60
        ? "the date is 29 February 1900, a day Excel counts but the calendar never had"
        : `${plainNumber(value)} is not a date Excel can show`;
    return timescale(plainNumber(value), "unclear", null, reason);
  }
  if (format === undefined) return timescale(day, "date", day);
  const info = formatInfo(format);
  const shown = formatDate(format, day, s.dateOrder, value % 1);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (info.day) {
    if (info.year) return timescale(shown, "date", day);
    // "30 Sep" typed without a year: Excel filled in the year it was typed, a guess.
    return timescale(
      shown,
      "needs_year",
      null,
      `"${shown}" names no year (Excel stored ${day.slice(0, 4)}, the year it was typed)`
    );
  }
  if (info.month) {
    if (info.year) return timescale(shown, "month", endOfMonth(year, month));
    return timescale(shown, "needs_year", null, `"${shown}" names no year`);
  }
  // A format showing only the year ("yyyy").
  return timescale(shown, "year", `${year}-12-31`);
}

/**
 * A number in a status cell, as text the status reader understands: a percentage as the
 * officer sees it ("100%"), a date as shown, anything else as typed. Without a format, a
 * fraction from 0 to 1 is taken as a percentage (Excel keeps 100% as 1).
 */
export function statusTextOfNumber(
  value: number,
  format: string | null | undefined,
  s: ReadSettings
): string {
  if (!Number.isFinite(value)) return "";
  if (format === undefined || format === null) {
    if (value >= 0 && value <= 1) return `${Math.round(value * 1000) / 10}%`;
    return plainNumber(value);
  }
  const info = formatInfo(format);
  if (info.kind === "percent") return `${Math.round(value * 1000) / 10}%`;
  if (info.kind === "date") {
    const day = dayOfSerial(value, s.date1904);
    return day === null ? plainNumber(value) : formatDate(format, day, s.dateOrder);
  }
  return plainNumber(value);
}
