/**
 * What Excel stores when an officer types (or pastes as plain text) into a General cell, for
 * tests and the sample workbook: no Excel runs here, so this models Excel's documented entry
 * rules (docs/timescales.md, "What Excel does with a typed timescale", gives each rule and its
 * source). Where Microsoft's documentation is silent the model keeps the text, the cautious
 * choice: the engine then reads what the officer wrote.
 *
 * - Dates follow the regional short-date order (en-GB day/month, en-US month/day); two-digit
 *   years follow the 2029 rule.
 * - Two parts ("12/99", "1/6", "Jun-06"): first a day and month of the current year, shown
 *   d-mmm; failing that a month and year, the 1st of the month, shown mmm-yy; else text.
 *   A month name with digits that exceed the month's days is a month and year ("June 2006").
 * - A whole date with a month name ("31 March 2025") is shown d-mmm-yy; an all-number date
 *   takes the short-date format (number format 14, which Office.js names m/d/yyyy).
 * - A plain number stays a number in General; "10%" is 0.1 shown 0%.
 */
import { formatDate, formatInfo, fromExcelSerial } from "../../src/plan";

export type Locale = "en-GB" | "en-US";

export interface Typed {
  value: string | number;
  /** The number format Excel applied ("General" for text and plain numbers). */
  format: string;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** A month name as Excel's English parser knows it: in full or by its first three letters. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
  return i >= 0 ? i + 1 : null;
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The 2029 rule: 00-29 are 2000-2029, 30-99 are 1930-1999. */
const century = (yy: number): number => (yy < 30 ? 2000 + yy : 1900 + yy);
const yearOf = (digits: string): number =>
  digits.length <= 2 ? century(Number(digits)) : Number(digits);

/** The 1900-system serial of a day (Excel counts the phantom 29 February 1900). */
export function serialOf(y: number, m: number, d: number): number {
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days <= 60 ? days - 1 : days;
}

const date = (y: number, m: number, d: number, format: string): Typed | null =>
  m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) && y >= 1900 && y <= 9999
    ? { value: serialOf(y, m, d), format }
    : null;

const SHORT_DATE = "m/d/yyyy";

/**
 * What Excel stores for `text` typed into a General cell, in `locale`, in `typedIn` (the year
 * the officer typed it: Excel fills in the current year where the entry has none).
 */
export function typeIntoExcel(text: string, locale: Locale, typedIn: number): Typed {
  const t = text.trim();
  const asText: Typed = { value: text, format: "General" };
  if (t === "" || /[\n\r]/.test(text)) return asText;

  const pct = /^(-?\d+(?:\.(\d+))?)\s*%$/.exec(t);
  if (pct) {
    const decimals = pct[2]?.length ?? 0;
    return {
      value: Number(pct[1]) / 100,
      format: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%",
    };
  }
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return { value: Number(t), format: "General" };

  // All-number dates: three parts in the locale's order, or ISO.
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return date(+iso[1]!, +iso[2]!, +iso[3]!, SHORT_DATE) ?? asText;
  const three = /^(\d{1,4})([/-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(t);
  if (three) {
    const [a, b, y] = [+three[1]!, +three[3]!, yearOf(three[4]!)];
    const [d, m] = locale === "en-GB" ? [a, b] : [b, a];
    return date(y, m, d, SHORT_DATE) ?? asText;
  }
  // Two parts: a day and month of the current year, else a month and year, else text.
  const two = /^(\d{1,2})([/-])(\d{1,4})$/.exec(t);
  if (two) {
    const [a, b] = [+two[1]!, +two[3]!];
    const [d, m] = locale === "en-GB" ? [a, b] : [b, a];
    if (two[3]!.length <= 2) {
      const dm = date(typedIn, m, d, "d-mmm");
      if (dm) return dm;
    }
    if (two[3]!.length === 2 || two[3]!.length === 4)
      return date(yearOf(two[3]!), a, 1, "mmm-yy") ?? asText;
    return asText;
  }

  // A month name and digits: "Jun-06" is 6 June this year; "June 2006", "Dec 32" a month.
  const monthDigits = /^([A-Za-z]+)[\s-/]+(\d{1,4})$/.exec(t);
  if (monthDigits) {
    const m = monthOf(monthDigits[1]!);
    if (m === null) return asText;
    const n = monthDigits[2]!;
    if (n.length <= 2 && +n >= 1 && +n <= daysIn(typedIn, m))
      return date(typedIn, m, +n, "d-mmm") ?? asText;
    if (n.length === 2 || n.length === 4) return date(yearOf(n), m, 1, "mmm-yy") ?? asText;
    return asText;
  }
  // A day and a month name, with or without a year: "30 Sep", "31 March 2025", "5-Dec-06".
  const dayMonth = /^(\d{1,2})[\s-/]+([A-Za-z]+)(?:[\s-/]+(\d{2}|\d{4}))?$/.exec(t);
  if (dayMonth) {
    const m = monthOf(dayMonth[2]!);
    if (m === null) return asText;
    if (dayMonth[3] === undefined) return date(typedIn, m, +dayMonth[1]!, "d-mmm") ?? asText;
    return date(yearOf(dayMonth[3]), m, +dayMonth[1]!, "d-mmm-yy") ?? asText;
  }
  // "March 31, 2025": a US long date.
  const us = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})$/.exec(t);
  if (us) {
    const m = monthOf(us[1]!);
    if (m === null) return asText;
    return date(+us[3]!, m, +us[2]!, "d-mmm-yy") ?? asText;
  }
  return asText;
}

/**
 * The text Excel shows for what was typed: the typed text itself where it stayed text, else
 * the stored number through its format ("December 2006" shows Dec-06).
 */
export function shownInExcel(text: string, locale: Locale, typedIn: number): string {
  const typed = typeIntoExcel(text, locale, typedIn);
  if (typeof typed.value === "string") return typed.value;
  const info = formatInfo(typed.format);
  if (info.kind !== "date") return String(typed.value);
  return formatDate(
    typed.format,
    fromExcelSerial(typed.value)!,
    locale === "en-GB" ? "DMY" : "MDY"
  );
}
