/**
 * Calendar dates without clocks. A plan's deadline is a day on the calendar, not
 * an instant, so dates are `YYYY-MM-DD` strings and arithmetic is on whole days
 * counted in UTC, where no daylight-saving shift can move a date by one.
 */
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import type { IsoDate } from "./types";

const pad2 = (n: number): string => (n < 10 ? "0" + n : String(n));

/** `YYYY-MM-DD` for a year, month (1-12) and day, which the caller has validated. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Days in a month (1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    // date-fns reads a local Date; 2 February is safe from any time-zone edge.
    return getDaysInMonth(new Date(year, 1, 2));
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The last day of a month (1-12), e.g. endOfMonth(2008, 2) is "2008-02-29". */
export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** True when the year, month and day name a real day. */
export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Whole days since 1970-01-01 for an ISO date. Integer arithmetic on the proleptic
 * Gregorian calendar (H. Hinnant's days_from_civil): it runs for every action of every
 * plan, so it reads the digits directly instead of building a Date.
 */
export function dayNumber(date: IsoDate): number {
  const c = (k: number): number => date.charCodeAt(k) - 48;
  let y = c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3);
  const m = c(5) * 10 + c(6);
  const d = c(8) * 10 + c(9);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (days since 1970-01-01): Hinnant's civil_from_days. */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** b - a in whole days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Day number of Excel's serial 0 in the 1900 system (1899-12-30, as serials past 60 count). */
const EXCEL_EPOCH = dayNumber("1899-12-30");

/**
 * The calendar date of an Excel 1900-system serial, or null if it names no day.
 * Excel counts a 29 February 1900 that never was (serial 60, kept for Lotus 1-2-3),
 * so serials 1-59 sit one day later than plain counting gives and 60 is no date.
 * A fraction is a time of day and is dropped.
 */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465 /* 9999-12-31 */ || whole === 60) return null;
  return fromDayNumber(EXCEL_EPOCH + whole + (whole < 60 ? 1 : 0));
}

/** The Excel 1900-system serial of a calendar date (inverse of fromExcelSerial). */
export function toExcelSerial(date: IsoDate): number {
  const serial = dayNumber(date) - EXCEL_EPOCH;
  return serial <= 60 ? serial - 1 : serial;
}

/** The 1904 date system (older Mac workbooks): serial 0 is 1904-01-01. */
export function fromExcel1904Serial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  return fromDayNumber(dayNumber("1904-01-01") + Math.floor(serial));
}

/** Strictly parse `YYYY-MM-DD`; null if it is not a real day. */
export function parseIsoDate(text: string): IsoDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDay(y, mo, d) ? isoDate(y, mo, d) : null;
}

/** The months' names in English, January first. */
export const MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "28 December 2006": how a date reads in a committee report. */
export function formatLongDate(date: IsoDate): string {
  const m = Number(date.slice(5, 7));
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[m - 1]} ${date.slice(0, 4)}`;
}

/** "December 2006". */
export function formatMonthYear(date: IsoDate): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** Today's calendar date where the officer is (local time), for "as at today". */
export function todayLocal(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
