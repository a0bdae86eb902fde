/**
 * Turning what Excel passes to a custom function into what the engine expects.
 *
 * Excel passes an omitted optional argument as null (undefined in some hosts), a
 * range as a 2-D array, a single cell to a matrix parameter as a 1x1 array, an
 * empty cell as "" (or null), a date cell as its serial number, and an error
 * cell as an error object (or, read through Office.js, as its text "#REF!").
 */
import {
  DEFAULT_DUE_SOON_DAYS,
  STATUS_LABEL,
  STATUS_ORDER,
  formatLongDate,
  fromExcelSerial,
  parseIsoDate,
  parseTimescale,
  type CellValue,
  type IsoDate,
  type Status,
} from "../plan";
import { invalid } from "./errors";

/** True for an argument the officer left out (or pointed at an empty cell). */
export function isOmitted(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

const ERROR_TEXTS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
];

/**
 * The Excel error a value stands for ("#REF!"), or null when it is not an error.
 * Error objects come from the runtime (`code` "#REF!") or a formula engine
 * (`value` "#REF!"); Office.js reads error cells as their text.
 */
export function errorText(value: unknown): string | null {
  if (typeof value === "string") {
    // Fast path: nearly every cell is plain text; only text starting with "#" can be an error.
    const t = value.charCodeAt(0) === 35 /* # */ ? value : value.trimStart();
    if (t.charCodeAt(0) !== 35) return null;
    const upper = t.trim().toUpperCase();
    return ERROR_TEXTS.includes(upper) ? upper : null;
  }
  if (
    typeof value === "number" ||
    typeof value === "boolean" ||
    value === null ||
    value === undefined
  )
    return null;
  if (value !== null && typeof value === "object") {
    // Runtime errors carry `code`; Excel's error data type `basicValue`; a formula engine `value`.
    const rec = value as {
      code?: unknown;
      value?: unknown;
      basicValue?: unknown;
      errorType?: unknown;
    };
    for (const field of [rec.code, rec.basicValue, rec.value]) {
      if (typeof field === "string" && field.startsWith("#")) return field.toUpperCase();
    }
    if (value instanceof Error) return "#VALUE!";
  }
  return null;
}

/** A single value or a range as a 2-D array (a single value becomes 1x1). */
export function asMatrix(value: unknown): unknown[][] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    return value.map((row) => (Array.isArray(row) ? row : [row]));
  }
  return [[value]];
}

/**
 * A cell as the engine reads it (CellValue): strings, numbers, booleans, "" for
 * empty; an error cell becomes its text ("#REF!"), as Office.js gives it.
 */
export function asCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  const error = errorText(value);
  if (error) return error;
  return String(value);
}

/** A range for the plan reader: every row as long as the longest, cells as CellValue. */
export function asPlanValues(range: unknown, argumentName = "plan"): CellValue[][] {
  if (!Array.isArray(range)) {
    throw invalid(
      `The ${argumentName} argument must be a range holding the plan table with its header row (for example A1:G40), not a single value.`
    );
  }
  const rows = asMatrix(range);
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  return rows.map((row) => {
    const out: CellValue[] = row.map(asCellValue);
    while (out.length < width) out.push("");
    return out;
  });
}

/**
 * The as-at date. Omitted: today (the caller's `today`). A number is a date
 * serial (a time of day is dropped); a text is a date such as "2006-12-28",
 * "28/12/2006" or "28 December 2006".
 */
export function readAsOf(value: unknown, today: () => IsoDate): IsoDate {
  if (isOmitted(value)) return today();
  const error = errorText(value);
  if (error)
    throw invalid(
      `The as-at date is the error ${error}. Give a date, for example DATE(2006,12,28) or "28/12/2006".`
    );
  if (typeof value === "number") {
    const date = fromExcelSerial(value);
    if (!date)
      throw invalid(
        `The as-at date ${value} is not a date Excel knows. Give a date, for example DATE(2006,12,28).`
      );
    return date;
  }
  if (typeof value === "string") {
    const text = value.trim();
    const iso = parseIsoDate(text);
    if (iso) return iso;
    const parsed = parseTimescale(text);
    if (parsed.kind === "date" && parsed.due) return parsed.due;
    throw invalid(
      `The as-at date "${text}" is not a single day. Give a date such as "28/12/2006", "28 December 2006" or DATE(2006,12,28).`
    );
  }
  throw invalid(
    `The as-at date must be a date, not ${describe(value)}. Give a date such as DATE(2006,12,28).`
  );
}

/** The due-soon window in days: omitted gives 30; otherwise a whole number from 0 to 3660. */
export function readDueSoonDays(value: unknown): number {
  if (isOmitted(value)) return DEFAULT_DUE_SOON_DAYS;
  const error = errorText(value);
  if (error)
    throw invalid(
      `The due-soon window is the error ${error}. Give a number of days, for example 30.`
    );
  const days = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 0 || days > 3660) {
    throw invalid(
      `The due-soon window must be a whole number of days from 0 to 3660, not ${describe(value)}.`
    );
  }
  return days;
}

const squash = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, "");

const STATUS_BY_WORD = new Map<string, Status>();
for (const status of STATUS_ORDER) {
  STATUS_BY_WORD.set(squash(STATUS_LABEL[status]), status);
  STATUS_BY_WORD.set(squash(status), status);
}

/** A status word ("Overdue", "due soon", "Not yet due"), or null when omitted (all actions). */
export function readStatusWord(value: unknown): Status | null {
  if (isOmitted(value)) return null;
  const error = errorText(value);
  if (error) throw invalid(`The status is the error ${error}. Give a status such as "Overdue".`);
  const status = typeof value === "string" ? STATUS_BY_WORD.get(squash(value)) : undefined;
  if (!status) {
    const words = STATUS_ORDER.map((s) => STATUS_LABEL[s]).join(", ");
    throw invalid(
      `${describe(value)} is not a status. Use one of: ${words}; or leave it out to count every action.`
    );
  }
  return status;
}

/** How a value reads in a message: "the text “Late”", "the number 12". */
export function describe(value: unknown): string {
  if (typeof value === "string") return `the text "${value}"`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "a range";
  if (value === null || value === undefined) return "an empty value";
  return "a value of an unknown kind";
}

/** "28 December 2006", for messages. */
export const longDate = formatLongDate;
