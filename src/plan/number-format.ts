/**
 * Excel number formats, as far as the engine needs them (spec section 3, "Values as Excel
 * stores them"). Officers type "December 2006" and Excel stores the serial of 1 December 2006
 * with the format `mmm-yy`; the format, not the number, says what the officer meant. So a
 * format code is read for which parts of a date it shows (day, month, year), and a date
 * cell's text is rendered as Excel shows it ("Dec-06"), so that every list quotes the plan
 * as the officer sees it.
 *
 * Small on purpose: this runs in the custom-functions bundle. The tests check it against
 * numfmt (a full Excel formatter) on real and generated format codes.
 */
import { dayNumber, MONTH_NAMES } from "./calendar";
import type { DateOrder, IsoDate } from "./types";

export type FormatKind = "general" | "number" | "percent" | "date" | "time" | "text";

/** What a number format shows. */
export interface FormatInfo {
  kind: FormatKind;
  /** For dates: which parts of the date the format shows. */
  day: boolean;
  month: boolean;
  year: boolean;
}

type Part =
  | { t: "lit"; s: string }
  | { t: "y"; n: number }
  | { t: "M"; n: number }
  | { t: "d"; n: number }
  | { t: "h"; n: number }
  | { t: "min"; n: number }
  | { t: "s"; n: number }
  | { t: "ampm"; s: string }
  | { t: "num"; s: string };

const GENERAL: FormatInfo = { kind: "general", day: false, month: false, year: false };
const infoCache = new Map<string, { info: FormatInfo; parts: Part[] }>();

/** The first section of a format code (the one Excel uses for positive numbers). */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === "\\" && !quoted) i++;
    else if (c === ";" && !quoted) return code.slice(0, i);
  }
  return code;
}

/**
 * Splits a format section into literal text and date/time/number tokens. Quoted text,
 * `\x`, `_x` (a space the width of x), `*x` (fill), and bracketed parts (colours, conditions,
 * locales such as `[$-809]`) are handled as Excel does; `[h]`, `[mm]`, `[ss]` are elapsed time.
 */
function tokenizeSection(section: string): Part[] {
  const parts: Part[] = [];
  const lower = section.toLowerCase();
  let i = 0;
  const lit = (s: string) => {
    const last = parts[parts.length - 1];
    if (last && last.t === "lit") last.s += s;
    else parts.push({ t: "lit", s });
  };
  while (i < section.length) {
    const c = lower[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end + 1;
    } else if (c === "\\") {
      lit(section.slice(i + 1, i + 2));
      i += 2;
    } else if (c === "_") {
      lit(" ");
      i += 2;
    } else if (c === "*") {
      i += 2;
    } else if (c === "[") {
      const end = section.indexOf("]", i);
      const inner = lower.slice(i + 1, end < 0 ? section.length : end);
      if (/^h+$/.test(inner)) parts.push({ t: "h", n: inner.length });
      else if (/^m+$/.test(inner)) parts.push({ t: "min", n: inner.length });
      else if (/^s+$/.test(inner)) parts.push({ t: "s", n: inner.length });
      else if (inner.startsWith("$") && !inner.startsWith("$-")) {
        // [$£-809]: a currency symbol to show.
        const dash = inner.indexOf("-");
        lit(section.slice(i + 2, dash < 0 ? i + 1 + inner.length : i + 1 + dash));
      }
      i = end < 0 ? section.length : end + 1;
    } else if (c === "e" && (lower[i + 1] === "+" || lower[i + 1] === "-")) {
      // Scientific notation ("0.00E+00"), not the era year "e".
      parts.push({ t: "num", s: "0" });
      i += 2;
    } else if (c === "y" || c === "e") {
      let n = 1;
      while (lower[i + n] === c) n++;
      parts.push({ t: "y", n: c === "e" ? 4 : n });
      i += n;
    } else if (c === "m" || c === "d" || c === "h" || c === "s") {
      let n = 1;
      while (lower[i + n] === c) n++;
      parts.push(c === "m" ? { t: "M", n } : c === "d" ? { t: "d", n } : { t: c, n });
      i += n;
    } else if (lower.startsWith("am/pm", i)) {
      parts.push({ t: "ampm", s: "AM/PM" });
      i += 5;
    } else if (lower.startsWith("a/p", i)) {
      parts.push({ t: "ampm", s: "A/P" });
      i += 3;
    } else if ("0#?%@".includes(c)) {
      parts.push({ t: "num", s: c });
      i++;
    } else if (lower.startsWith("general", i)) {
      parts.push({ t: "num", s: "general" });
      i += 7;
    } else {
      lit(section[i]!);
      i++;
    }
  }
  // "m" right after an hour or right before seconds is minutes, not the month.
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (p.t !== "M" || p.n > 2) continue;
    const prev = nearest(parts, k, -1);
    const next = nearest(parts, k, 1);
    if (prev?.t === "h" || next?.t === "s") parts[k] = { t: "min", n: p.n };
  }
  return parts;
}

/** The nearest date/time token before (-1) or after (+1) position k, skipping literals. */
function nearest(parts: Part[], k: number, step: -1 | 1): Part | undefined {
  for (let j = k + step; j >= 0 && j < parts.length; j += step) {
    const p = parts[j]!;
    if (p.t !== "lit") return p;
  }
  return undefined;
}

function parse(code: string): { info: FormatInfo; parts: Part[] } {
  let hit = infoCache.get(code);
  if (hit) return hit;
  const trimmed = code.trim();
  if (trimmed === "" || trimmed.toLowerCase() === "general") {
    hit = { info: GENERAL, parts: [] };
  } else {
    const parts = tokenizeSection(firstSection(trimmed));
    let day = false;
    let month = false;
    let year = false;
    let time = false;
    let percent = false;
    let text = false;
    let digits = false;
    let general = false;
    for (const p of parts) {
      if (p.t === "y") year = true;
      else if (p.t === "M") month = true;
      // "ddd" and "dddd" name the weekday; only "d" and "dd" show the day of the month,
      // but a weekday alone still pins the format to one day.
      else if (p.t === "d") day = true;
      else if (p.t === "h" || p.t === "min" || p.t === "s" || p.t === "ampm") time = true;
      else if (p.t === "num") {
        if (p.s === "%") percent = true;
        else if (p.s === "@") text = true;
        else if (p.s === "general") general = true;
        else digits = true;
      }
    }
    const kind: FormatKind =
      day || month || year
        ? "date"
        : time
          ? "time"
          : percent
            ? "percent"
            : text && !digits
              ? "text"
              : general && !digits
                ? "general"
                : "number";
    hit = { info: { kind, day, month, year }, parts };
  }
  if (infoCache.size > 10_000) infoCache.clear();
  infoCache.set(code, hit);
  return hit;
}

/** What the format code shows: a date (and which parts), a time, a percentage, a number, text. */
export function formatInfo(code: string | null | undefined): FormatInfo {
  return typeof code === "string" ? parse(code).info : GENERAL;
}

/**
 * Excel's system short date: stored as `m/d/yyyy` (number format 14, or `mm-dd-yy` as some
 * writers name it) but shown in the reader's own date order.
 */
const SYSTEM_SHORT_DATE = new Set(["m/d/yyyy", "m/d/yy", "mm-dd-yy", "mm/dd/yyyy", "d/m/yyyy"]);

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Day of the week, 0 = Sunday (1970-01-01, day 0, was a Thursday). */
const weekday = (date: IsoDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

/**
 * A date as the format code shows it ("mmm-yy" -> "Dec-06", "d mmmm yyyy" -> "1 December 2006").
 * `order` decides how Excel's system short date appears (an en-GB officer sees 31/12/2006).
 * `fraction` is the time of day (0..1) for formats that show one.
 */
export function formatDate(
  code: string,
  date: IsoDate,
  order: DateOrder = "DMY",
  fraction = 0
): string {
  const norm = code.trim().toLowerCase();
  if (SYSTEM_SHORT_DATE.has(norm)) {
    const [yy, mm, dd] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
    return order === "DMY" ? `${dd}/${mm}/${yy}` : `${Number(mm)}/${Number(dd)}/${yy}`;
  }
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const { parts } = parse(code);
  const hasAmPm = parts.some((p) => p.t === "ampm");
  const secondsOfDay = Math.round(fraction * 86_400);
  const hour = Math.floor(secondsOfDay / 3600) % 24;
  const minute = Math.floor(secondsOfDay / 60) % 60;
  const second = secondsOfDay % 60;
  let out = "";
  for (const p of parts) {
    switch (p.t) {
      case "lit":
        out += p.s;
        break;
      case "y":
        out += p.n <= 2 ? pad(y % 100, 2) : String(y);
        break;
      case "M":
        out +=
          p.n === 1
            ? String(m)
            : p.n === 2
              ? pad(m, 2)
              : p.n === 3
                ? MONTH_NAMES[m - 1]!.slice(0, 3)
                : p.n === 5
                  ? MONTH_NAMES[m - 1]!.slice(0, 1)
                  : MONTH_NAMES[m - 1]!;
        break;
      case "d":
        out +=
          p.n === 1
            ? String(d)
            : p.n === 2
              ? pad(d, 2)
              : p.n === 3
                ? WEEKDAYS[weekday(date)]!.slice(0, 3)
                : WEEKDAYS[weekday(date)]!;
        break;
      case "h": {
        const h = hasAmPm ? ((hour + 11) % 12) + 1 : hour;
        out += p.n >= 2 ? pad(h, 2) : String(h);
        break;
      }
      case "min":
        out += p.n >= 2 ? pad(minute, 2) : String(minute);
        break;
      case "s":
        out += p.n >= 2 ? pad(second, 2) : String(second);
        break;
      case "ampm":
        out += p.s === "A/P" ? (hour < 12 ? "A" : "P") : hour < 12 ? "AM" : "PM";
        break;
      case "num":
        break;
    }
  }
  return out.trim();
}

/** A number as a percentage format shows it, to the format's decimals ("0%" -> "75%"). */
export function formatPercent(code: string, value: number): string {
  const section = firstSection(code);
  const dot = section.indexOf(".");
  let decimals = 0;
  if (dot >= 0) {
    for (let i = dot + 1; i < section.length && "0#?".includes(section[i]!); i++) decimals++;
  }
  const scaled = value * 100;
  const fixed = scaled.toFixed(decimals);
  return `${fixed}%`;
}
