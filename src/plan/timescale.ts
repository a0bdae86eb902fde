/**
 * Reading a timescale (spec section 3): the text an officer wrote, or the serial of a
 * date cell, to a kind, a due date (the last day of the latest period named) and the
 * milestones. Total: any value gives an answer, never an exception.
 */
import { timescaleOfNumber } from "./typed-cells";
import { endOfMonth, isoDate, isValidDay, daysInMonth, dayNumber, fromDayNumber } from "./calendar";
import { normalise, tokenize, type GroupTok, type NumTok, type Tok } from "./timescale-tokens";
import {
  COMPLETE_WORDS,
  DURATION_UNITS,
  HOLD_WORDS,
  MONTHS,
  NOT_COMPLETE_WORDS,
  NUMBER_WORDS,
  ONGOING_WORDS,
  ORDINAL_WORDS,
  PART_END_MONTH,
  RANGE_WORDS,
  RECURRING_WORDS,
  RELATIVE_WORDS,
  SEASONS,
  SEASON_START,
  START_WORDS,
  TARGET_WORDS,
  TBC_WORDS,
  TO_BE_WORDS,
  WITHDRAWN_WORDS,
  type Season,
} from "./timescale-words";
import {
  DEFAULT_READ_SETTINGS,
  type CellValue,
  type IsoDate,
  type ReadSettings,
  type Recurrence,
  type Timescale,
  type TimescaleKind,
} from "./types";

type PeriodKind =
  "month" | "date" | "quarter" | "fy" | "fy_quarter" | "season" | "part_of_year" | "year";

/** A period named in the text. Without a year yet (`due` null) it may borrow one from a neighbour. */
interface Period {
  kind: PeriodKind;
  due: IsoDate | null;
  /** Year and first month, for lending a year to a neighbour ("January - March 2023"). */
  year: number;
  month: number;
  /** Waiting for a year: a month, a day of a month, a season, or a quarter. */
  pending?: { month?: number; day?: number; season?: Season; quarter?: number };
  /** The text named an impossible day ("31/02/2024"). */
  invalid?: boolean;
  /** Token index where the period starts and just after it ends. */
  from: number;
  to: number;
}

const ERROR_VALUE =
  /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|FIELD!|BUSY!|GETTING_DATA|BLOCKED!|CONNECT!|UNKNOWN!)$/i;

/** Two-digit years as Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
const fullYear = (yy: number): number => (yy < 30 ? 2000 + yy : 1900 + yy);

/** The year a four-digit number names (1900-2099), or null. */
const yearOf = (t: Tok | undefined): number | null =>
  t !== undefined && t.t === "num" && t.len === 4 && !t.ord && t.v >= 1900 && t.v <= 2099
    ? t.v
    : null;

const word = (t: Tok | undefined): string => (t !== undefined && t.t === "word" ? t.w : "");
const punct = (t: Tok | undefined): string => (t !== undefined && t.t === "punct" ? t.c : "");

/** The last day of the month `months` after month `m` of year `y` (0 = that month). */
function endOfMonthOffset(y: number, m: number, months: number): IsoDate {
  const idx = y * 12 + (m - 1) + months;
  return endOfMonth(Math.floor(idx / 12), (idx % 12) + 1);
}

/** The last day of the financial year that starts in `startYear` (2006 for 2006/07). */
function fyEnd(startYear: number, fyStart: number): IsoDate {
  return endOfMonthOffset(startYear, fyStart, 11);
}

/**
 * The start year of the financial year that ends in `endYear`: with a January start the
 * financial year is the calendar year, so "2018-2022" ends 31 December 2022, not 2021.
 */
const startOfFyEndingIn = (endYear: number, fyStart: number): number =>
  fyStart === 1 ? endYear : endYear - 1;

/**
 * The start year of a group's last financial year. A label ("2024/25", "2021/2022") is the
 * year that starts in its first year; a span of years ("2018/2022") runs to the financial
 * year that ends in its last year.
 */
const lastFyStart = (fy: { first: number; last: number }, fyStart: number): number =>
  fy.last > fy.first ? startOfFyEndingIn(fy.last + 1, fyStart) : fy.last;

/** First year of a financial-year group ("2006/07", "2021/2022", "23/24"), or null. Spans give their last year. */
function fyYears(g: GroupTok): { first: number; last: number } | null {
  if (g.parts.length !== 2 || g.seps[0] === ".") return null;
  const [a, b] = g.parts;
  const [la, lb] = g.lens;
  if (la === 4 && a >= 1900 && a <= 2099) {
    if (lb === 2) {
      const century = a - (a % 100);
      let end = century + b;
      if (end <= a) end += 100;
      return end - a >= 1 && end - a <= 10 ? { first: a, last: end - 1 } : null;
    }
    if (lb === 4) return b - a >= 1 && b - a <= 10 ? { first: a, last: b - 1 } : null;
    return null;
  }
  if (la === 2 && lb === 2 && (a + 1) % 100 === b) {
    const first = fullYear(a);
    return { first, last: first };
  }
  return null;
}

/** Every word a period can start with; any other word is passed over at once. */
const PERIOD_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(),
  ...SEASONS.keys(),
  ...ORDINAL_WORDS.keys(),
  ...PART_END_MONTH.keys(),
  ...["q", "quarter", "qtr", "h", "half", "fy", "financial", "fiscal", "fin"],
]);

/** Every word note() acts on; anything else is passed over at once. */
const NOTED_WORDS: ReadonlySet<string> = new Set([
  ...ONGOING_WORDS,
  ...COMPLETE_WORDS,
  ...HOLD_WORDS,
  ...WITHDRAWN_WORDS,
  ...RECURRING_WORDS.keys(),
  ...NUMBER_WORDS,
  ...RELATIVE_WORDS,
  ...START_WORDS,
  ...TBC_WORDS,
  ...[
    "on",
    "progress",
    "place",
    "required",
    "every",
    "each",
    "per",
    "annual",
    "twice",
    "term",
    "course",
  ],
  ...["year", "years", "phase", "n", "be", "applicable", "known"],
]);

class Reader {
  readonly toks: Tok[];
  readonly periods: Period[] = [];
  /** Token indexes of words that decide the kind. */
  ongoingAt = -1;
  completeAt = -1;
  hold = false;
  withdrawn = false;
  recurEvery = -1;
  weakRecur = false;
  duration = false;
  relative = false;
  tbc = false;
  fyPending = false;
  /** Token index of a word saying a date is a start ("from", "commencing"), or -1. */
  startAt = -1;

  constructor(
    toks: Tok[],
    private readonly s: ReadSettings
  ) {
    this.toks = toks;
  }

  run(): void {
    const toks = this.toks;
    let i = 0;
    while (i < toks.length) {
      const p = this.period(i);
      if (p) {
        this.periods.push(p);
        i = p.to;
        continue;
      }
      this.note(i);
      i++;
    }
  }

  /** Record what a token that is not part of a period says. */
  private note(i: number): void {
    const t = this.toks[i];
    if (t.t === "num" || t.t === "grp") {
      if (DURATION_UNITS.has(word(this.toks[i + 1]))) this.duration = true;
      return;
    }
    if (t.t !== "word") return;
    const w = t.w;
    // Most words that reach here are filler ("of", "by", "and"): one look-up sends them away.
    if (!NOTED_WORDS.has(w)) return;
    if (ONGOING_WORDS.has(w)) {
      if (this.ongoingAt < 0) this.ongoingAt = i;
    } else if (
      w === "on" &&
      (word(this.toks[i + 1]) === "going" || word(this.toks[i + 2]) === "going")
    ) {
      if (this.ongoingAt < 0) this.ongoingAt = i;
    } else if (w === "progress" && word(this.toks[i - 1]) === "in") {
      if (this.ongoingAt < 0) this.ongoingAt = i;
    } else if (COMPLETE_WORDS.has(w) || (w === "place" && word(this.toks[i - 1]) === "in")) {
      if (
        this.completeAt < 0 &&
        !this.isTarget(i) &&
        !NOT_COMPLETE_WORDS.has(word(this.toks[i - 1]))
      )
        this.completeAt = i;
    } else if (HOLD_WORDS.has(w)) {
      if (w !== "hold" || word(this.toks[i - 1]) === "on") this.hold = true;
    } else if (
      WITHDRAWN_WORDS.has(w) ||
      (w === "required" && word(this.toks[i - 1]) === "longer")
    ) {
      this.withdrawn = true;
    } else if (RECURRING_WORDS.has(w)) {
      this.recur(i, w);
    } else if (
      w === "every" ||
      w === "each" ||
      (w === "per" && word(this.toks[i + 1]) === "annum")
    ) {
      this.recurEvery = Math.max(this.recurEvery, this.everyMonths(i + 1));
    } else if (w === "annual" || w === "twice") {
      this.weakRecur = true;
    } else if (NUMBER_WORDS.has(w) && DURATION_UNITS.has(word(this.toks[i + 1]))) {
      this.duration = true;
    } else if (RELATIVE_WORDS.has(w) || ((w === "term" || w === "course") && i > 0)) {
      this.relative = true;
    } else if (START_WORDS.has(w)) {
      if (this.startAt < 0) this.startAt = i;
    } else if (
      (w === "year" || w === "years" || w === "phase") &&
      this.toks[i + 1]?.t !== "word" &&
      this.periods.length === 0
    ) {
      // "Year 1", "Years 1-3": years of the plan itself, counted from its start.
      const n = this.toks[i + 1];
      if (n && ((n.t === "num" && n.len <= 2) || n.t === "grp") && w !== "phase")
        this.relative = true;
    } else if (TBC_WORDS.has(w)) {
      this.tbc = true;
    } else if (w === "n" && punct(this.toks[i + 1]) === "/" && word(this.toks[i + 2]) === "a") {
      this.tbc = true;
    } else if (
      w === "be" &&
      word(this.toks[i - 1]) === "to" &&
      TO_BE_WORDS.has(word(this.toks[i + 1]))
    ) {
      this.tbc = true;
    } else if ((w === "applicable" || w === "known") && word(this.toks[i - 1]) === "not") {
      this.tbc = true;
    }
  }

  /** "Completed by June 2016", "to be completed March 2024": a target, not a report of completion. */
  private isTarget(i: number): boolean {
    const next = word(this.toks[i + 1]);
    if (TARGET_WORDS.has(next)) return true;
    const before = word(this.toks[i - 1]);
    return (
      before === "be" ||
      before === "to" ||
      before === "for" ||
      before === "target" ||
      before === "will"
    );
  }

  private recur(i: number, w: string): void {
    let every = RECURRING_WORDS.get(w) ?? 0;
    const before = word(this.toks[i - 1]) || word(this.toks[i - 2]);
    if (w === "monthly" && (before === "six" || before === "6")) every = 6;
    if (w === "monthly" && (before === "three" || before === "3")) every = 3;
    if (w === "monthly" && before === "bi") every = 2;
    if (
      (w === "yearly" || w === "annually") &&
      (before === "half" || before === "twice" || before === "bi")
    )
      every = 6;
    const prev = this.toks[i - 2];
    if (w === "monthly" && prev && prev.t === "num" && prev.v >= 1 && prev.v <= 12) every = prev.v;
    this.recurEvery = Math.max(this.recurEvery, every);
  }

  /** What follows "every"/"each": a month, a year, a quarter, N months. */
  private everyMonths(j: number): number {
    const t = this.toks[j];
    const w = word(t);
    if (w === "year" || w === "annum" || MONTHS.has(w)) return 12;
    if (w === "quarter") return 3;
    if (w === "month") return 1;
    if (w === "six" && word(this.toks[j + 1]).startsWith("month")) return 6;
    if (t && t.t === "num" && word(this.toks[j + 1]).startsWith("month")) return t.v;
    if (t && t.t === "num" && word(this.toks[j + 1]).startsWith("year")) return 12 * t.v;
    return 0;
  }

  /** A period starting at token i, or null. */
  private period(i: number): Period | null {
    const t = this.toks[i];
    if (t.t === "grp") return this.group(i, t);
    if (t.t === "num") return yearOf(t) !== null ? this.yearFirst(i, t) : this.dayFirst(i);
    if (t.t !== "word") return null;
    const w = t.w;
    if (!PERIOD_WORDS.has(w)) return null;
    const month = MONTHS.get(w);
    if (month !== undefined) return this.monthFirst(i, month);
    const season = SEASONS.get(w);
    if (season !== undefined) return this.seasonAt(i, season);
    if (w === "q" || w === "quarter" || w === "qtr") return this.quarterAt(i);
    if (ORDINAL_WORDS.has(w)) return this.ordinalWord(i, ORDINAL_WORDS.get(w) ?? 0);
    if (w === "h" || w === "half") return this.halfAt(i);
    if (
      w === "fy" ||
      ((w === "financial" || w === "fiscal" || w === "fin") && word(this.toks[i + 1]) === "year")
    ) {
      return this.fyWord(i);
    }
    if (PART_END_MONTH.has(w)) return this.partAt(i, w);
    return null;
  }

  /** Skip "of", "the", "-" and "," between the parts of one period. */
  private skipFill(j: number): number {
    for (;;) {
      const t = this.toks[j];
      if (t === undefined) return j;
      if (t.t === "word" && (t.w === "of" || t.w === "the")) j++;
      else if (t.t === "punct" && (t.c === "," || t.c === "." || t.c === "-")) j++;
      else return j;
    }
  }

  /** A year for a month or season that follows at j: "2006", "'07", "-06". */
  private yearAt(j: number, allowTwoDigit: boolean): { year: number; next: number } | null {
    const t = this.toks[j];
    const year = yearOf(t);
    if (year !== null) return { year, next: j + 1 };
    if (t && t.t === "punct" && t.c === "'") {
      const n = this.toks[j + 1];
      if (n && n.t === "num" && n.len === 2 && !n.sp) return { year: fullYear(n.v), next: j + 2 };
    }
    if (allowTwoDigit && t && t.t === "num" && t.len === 2 && !t.ord)
      return { year: fullYear(t.v), next: j + 1 };
    return null;
  }

  private make(
    kind: PeriodKind,
    due: IsoDate | null,
    year: number,
    month: number,
    from: number,
    to: number
  ): Period {
    return { kind, due, year, month, from, to };
  }

  /** "June 2006", "Jun-06", "March '07", "March 31st, 2025", "June". */
  private monthFirst(i: number, month: number): Period {
    let j = i + 1;
    if (punct(this.toks[j]) === "." && !this.toks[j].sp) j++; // "Sept."
    const t = this.toks[j];
    // "Jun-06", "Jun-2006": joined by a dash, a two-digit number is a year.
    if (punct(t) === "-" && !t.sp) {
      const y = this.yearAt(j + 1, true);
      const n = this.toks[j + 1];
      if (y && n && !n.sp)
        return this.make("month", endOfMonth(y.year, month), y.year, month, i, y.next);
    }
    if (punct(t) === "/" && !t.sp) {
      const y = this.yearAt(j + 1, false);
      if (y) return this.make("month", endOfMonth(y.year, month), y.year, month, i, y.next);
    }
    const y = this.yearAt(this.skipFill(j), false);
    if (y) return this.make("month", endOfMonth(y.year, month), y.year, month, i, y.next);
    // "March 31st, 2025", "March 31 2025": a day then a year.
    if (t && t.t === "num" && t.len <= 2 && t.v >= 1 && t.v <= 31) {
      const after = this.skipFill(j + 1);
      const y2 = this.yearAt(after, false);
      if (y2) return this.dayMonthYear(t.v, month, y2.year, i, y2.next);
      // "Sept 19": UK plans write a two-digit year after the month; US ones a day.
      if (!t.ord && t.len === 2 && this.s.dateOrder === "DMY") {
        const year = fullYear(t.v);
        return this.make("month", endOfMonth(year, month), year, month, i, j + 1);
      }
      return this.pendingPeriod("date", { month, day: t.v }, month, i, j + 1);
    }
    return this.pendingPeriod("month", { month }, month, i, i + 1);
  }

  private pendingPeriod(
    kind: PeriodKind,
    pending: Period["pending"],
    month: number,
    from: number,
    to: number
  ): Period {
    return { kind, due: null, year: 0, month, pending, from, to };
  }

  private dayMonthYear(day: number, month: number, year: number, from: number, to: number): Period {
    const p = this.make("date", null, year, month, from, to);
    if (isValidDay(year, month, day)) p.due = isoDate(year, month, day);
    else p.invalid = true;
    return p;
  }

  /** "31 March 2025", "30th September 2022", "31st of March". */
  private dayFirst(i: number): Period | null {
    const t = this.toks[i] as NumTok;
    if (t.len > 2 || t.v < 1 || t.v > 31) return null;
    let j = i + 1;
    if (word(this.toks[j]) === "of") j++;
    else if (punct(this.toks[j]) === "-" && !this.toks[j].sp) j++; // "31-Mar-24", as Excel shows dates
    const month = MONTHS.get(word(this.toks[j]));
    if (month === undefined) {
      // "4th quarter 2022"
      if (t.ord && word(this.toks[j]) === "quarter" && t.v >= 1 && t.v <= 4)
        return this.quarterYear(i, j + 1, t.v);
      return null;
    }
    j++;
    if (punct(this.toks[j]) === "." && !this.toks[j].sp) j++;
    const y = this.yearAt(this.skipFill(j), true);
    if (y) return this.dayMonthYear(t.v, month, y.year, i, y.next);
    return this.pendingPeriod("date", { month, day: t.v }, month, i, j);
  }

  /** A four-digit year first: "2025", "2020 - 2024", "2024 Q3". */
  private yearFirst(i: number, t: NumTok): Period {
    const sep = punct(this.toks[i + 1]);
    const n = this.toks[i + 2];
    const end = yearOf(n);
    if ((sep === "-" || sep === "/") && end !== null && end > t.v && end - t.v <= 10) {
      // A span of years is read as financial years: "2020 - 2024" ends with 2023/24.
      const fyStart = this.s.financialYearStartMonth;
      return this.make("fy", fyEnd(startOfFyEndingIn(end, fyStart), fyStart), t.v, 1, i, i + 3);
    }
    const q = this.quarterNumber(i + 1);
    if (q) return this.make("quarter", endOfMonth(t.v, q.n * 3), t.v, q.n * 3 - 2, i, q.next);
    return this.make("year", endOfMonth(t.v, 12), t.v, 1, i, i + 1);
  }

  /** "Q3", "Quarter 3", "qtr 3" at j: the quarter number and where it ends. */
  private quarterNumber(j: number): { n: number; next: number } | null {
    const w = word(this.toks[j]);
    if (w !== "q" && w !== "quarter" && w !== "qtr") return null;
    const n = this.toks[j + 1];
    if (n && n.t === "num" && n.v >= 1 && n.v <= 4 && n.len === 1) return { n: n.v, next: j + 2 };
    return null;
  }

  private quarterAt(i: number): Period | null {
    const q = this.quarterNumber(i);
    if (!q) return null;
    return this.quarterYear(i, q.next, q.n);
  }

  private ordinalWord(i: number, n: number): Period | null {
    const w = word(this.toks[i + 1]);
    if (w === "quarter") return this.quarterYear(i, i + 2, n);
    if (w === "half" && n <= 2) return this.halfYear(i, i + 2, n);
    return null;
  }

  /** After a quarter number: a calendar year, a financial year, or none yet. */
  private quarterYear(i: number, after: number, n: number): Period {
    const j = this.skipFill(after);
    const t = this.toks[j];
    const fyStart = this.s.financialYearStartMonth;
    if (t && t.t === "grp") {
      const fy = fyYears(t);
      if (fy) {
        return this.make(
          "fy_quarter",
          endOfMonthOffset(fy.first, fyStart, n * 3 - 1),
          fy.first,
          fyStart,
          i,
          j + 1
        );
      }
    }
    if (word(t) === "fy" || word(t) === "financial") {
      const p = this.fyWord(j);
      if (p && p.due) {
        const first = p.year;
        return this.make(
          "fy_quarter",
          endOfMonthOffset(first, fyStart, n * 3 - 1),
          first,
          fyStart,
          i,
          p.to
        );
      }
    }
    const y = this.yearAt(j, true);
    if (y) return this.make("quarter", endOfMonth(y.year, n * 3), y.year, n * 3 - 2, i, y.next);
    return this.pendingPeriod("quarter", { quarter: n }, n * 3 - 2, i, after);
  }

  private halfAt(i: number): Period | null {
    const n = this.toks[i + 1];
    if (word(this.toks[i]) === "h" && n && n.t === "num" && !n.sp && (n.v === 1 || n.v === 2)) {
      return this.halfYear(i, i + 2, n.v);
    }
    return null;
  }

  private halfYear(i: number, j: number, n: number): Period | null {
    j = this.skipFill(j);
    const t = this.toks[j];
    if (t && t.t === "grp") {
      const fy = fyYears(t);
      if (fy) {
        const fyStart = this.s.financialYearStartMonth;
        return this.make(
          "fy",
          endOfMonthOffset(fy.first, fyStart, n * 6 - 1),
          fy.first,
          fyStart,
          i,
          j + 1
        );
      }
    }
    const y = this.yearAt(j, false);
    if (!y) return null;
    return this.make("part_of_year", endOfMonth(y.year, n * 6), y.year, n * 6 - 5, i, y.next);
  }

  /** "FY 2022/23", "FY24", "financial year 2024/25", "end of financial year" (no year). */
  private fyWord(i: number): Period | null {
    let j = i + 1;
    if (word(this.toks[i]) !== "fy") j++; // "financial year"
    j = this.skipFill(j);
    const t = this.toks[j];
    const fyStart = this.s.financialYearStartMonth;
    if (t && t.t === "grp") {
      const fy = fyYears(t);
      if (fy)
        return this.make(
          "fy",
          fyEnd(lastFyStart(fy, fyStart), fyStart),
          fy.first,
          fyStart,
          i,
          j + 1
        );
    }
    if (t && t.t === "num" && (yearOf(t) !== null || (t.len === 2 && !t.ord))) {
      // "FY24" and "FY 2024" name the financial year that ends in that year.
      const endYear = t.len === 2 ? fullYear(t.v) : t.v;
      const first = startOfFyEndingIn(endYear, fyStart);
      return this.make("fy", fyEnd(first, fyStart), first, fyStart, i, j + 1);
    }
    this.fyPending = true;
    return null;
  }

  /** A group of numbers: a date, a month and year, or a financial year. */
  private group(i: number, g: GroupTok): Period | null {
    const { parts, lens, seps } = g;
    const fyStart = this.s.financialYearStartMonth;
    if (parts.length === 2) {
      const fy = fyYears(g);
      if (fy) {
        // "2024/25 Q3"
        const q = this.quarterNumber(i + 1);
        if (q) {
          return this.make(
            "fy_quarter",
            endOfMonthOffset(fy.first, fyStart, q.n * 3 - 1),
            fy.first,
            fyStart,
            i,
            q.next
          );
        }
        return this.make(
          "fy",
          fyEnd(lastFyStart(fy, fyStart), fyStart),
          fy.first,
          fyStart,
          i,
          i + 1
        );
      }
      const [a, b] = parts;
      // "03/2007": month and year.
      if (lens[0] <= 2 && lens[1] === 4 && a >= 1 && a <= 12 && seps[0] !== ".") {
        return this.make("month", endOfMonth(b, a), b, a, i, i + 1);
      }
      // "2019-03": year and month.
      if (
        lens[0] === 4 &&
        lens[1] <= 2 &&
        b >= 1 &&
        b <= 12 &&
        seps[0] === "-" &&
        a >= 1900 &&
        a <= 2099
      ) {
        return this.make("month", endOfMonth(a, b), a, b, i, i + 1);
      }
      return null;
    }
    if (parts.length !== 3) return null;
    let [a, b, c] = parts;
    if (lens[0] === 4) {
      // ISO 2025-03-31.
      if (lens[1] > 2 || lens[2] > 2) return null;
      return this.dayMonthYear(c, b, a, i, i + 1);
    }
    if (lens[0] > 2 || lens[1] > 2 || (lens[2] !== 2 && lens[2] !== 4)) return null;
    const year = lens[2] === 2 ? fullYear(c) : c;
    // A part over 12 decides the order; otherwise the workbook's setting does.
    const monthFirst = a > 12 ? false : b > 12 ? true : this.s.dateOrder === "MDY";
    if (monthFirst) [a, b] = [b, a];
    return this.dayMonthYear(a, b, year, i, i + 1);
  }

  /** "Spring 2021", "Winter 2021/22", "Summer". */
  private seasonAt(i: number, season: Season): Period {
    const start = SEASON_START[season];
    let j = this.skipFill(i + 1);
    if (word(this.toks[j]) === "term") j = this.skipFill(j + 1); // "Summer term 2024"
    const t = this.toks[j];
    let year: number | null = null;
    let next = j + 1;
    if (t && t.t === "grp") {
      const fy = fyYears(t);
      if (fy) year = fy.first;
    } else {
      const y = this.yearAt(j, true);
      if (y) {
        year = y.year;
        next = y.next;
      }
    }
    if (year === null)
      return this.pendingPeriod(
        "season",
        { season },
        start,
        i,
        word(this.toks[i + 1]) === "term" ? i + 2 : i + 1
      );
    return this.make("season", endOfMonthOffset(year, start, 2), year, start, i, next);
  }

  /** "Early 2025", "mid-2024", "End of 2025", "End of 2023/24". Null where the word qualifies something else. */
  private partAt(i: number, w: string): Period | null {
    const j = this.skipFill(i + 1);
    const t = this.toks[j];
    const endMonth = PART_END_MONTH.get(w) ?? 12;
    const year = yearOf(t);
    if (year !== null && !MONTHS.has(word(this.toks[j + 1]))) {
      const q = this.quarterNumber(j + 1);
      if (q) return null; // "end of 2024 Q3" reads as the quarter
      return this.make("part_of_year", endOfMonth(year, endMonth), year, endMonth - 3, i, j + 1);
    }
    if (t && t.t === "grp" && (w === "end" || w === "close")) {
      const fy = fyYears(t);
      if (fy) return null; // the financial year itself ends then: read the group as fy
    }
    if (t && t.t === "grp") {
      const fy = fyYears(t);
      if (fy) {
        // Early/mid/late in a financial year: its first, middle or last four months.
        const fyStart = this.s.financialYearStartMonth;
        const offset = endMonth === 4 ? 3 : endMonth === 8 ? 7 : 11;
        return this.make(
          "part_of_year",
          endOfMonthOffset(fy.first, fyStart, offset),
          fy.first,
          fyStart,
          i,
          j + 1
        );
      }
    }
    return null;
  }
}

/** Ends of the deadlines named: a range ("April - June 2023") gives its end only. */
function deadlines(periods: Period[], toks: Tok[]): { ends: Period[]; ranged: boolean } {
  const ends: Period[] = [];
  let ranged = false;
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k];
    const prev = k > 0 ? periods[k - 1] : undefined;
    if (prev && isRangeBetween(toks, prev.to, p.from)) {
      ends[ends.length - 1] = p;
      ranged = true;
    } else {
      ends.push(p);
    }
  }
  return { ends, ranged };
}

function isRangeBetween(toks: Tok[], from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let j = from; j < to; j++) {
    const t = toks[j];
    if (t.t === "punct" && (t.c === "-" || t.c === "/")) return true;
    if (t.t === "word" && RANGE_WORDS.has(t.w)) return true;
  }
  return false;
}

/** Lend years to periods written without one, from their neighbours ("Oct to Dec 2021", "June and September 2006"). */
function lendYears(periods: Period[], fyStart: number): void {
  for (let k = periods.length - 2; k >= 0; k--) {
    const p = periods[k];
    const next = periods[k + 1];
    if (p.pending && next.due !== null) {
      // A month before "March 2023" shares its year unless it comes later in the calendar ("Nov - Feb 2022").
      const wholeYear = next.kind === "year" || next.kind === "fy" || next.kind === "part_of_year";
      settle(p, !wholeYear && p.month > next.month ? next.year - 1 : next.year, fyStart, next);
    }
  }
  for (let k = 1; k < periods.length; k++) {
    const p = periods[k];
    const prev = periods[k - 1];
    if (p.pending && prev.due !== null)
      settle(p, p.month < prev.month ? prev.year + 1 : prev.year, fyStart, prev);
  }
}

function settle(p: Period, year: number, fyStart: number, lender: Period): void {
  const { month, day, season, quarter } = p.pending ?? {};
  p.year = year;
  if (season !== undefined) {
    p.due = endOfMonthOffset(year, SEASON_START[season], 2);
  } else if (quarter !== undefined && lender.kind === "fy_quarter") {
    // "Q1-Q2 2024/25": both quarters of the same financial year.
    p.kind = "fy_quarter";
    p.due = endOfMonthOffset(lender.year, fyStart, quarter * 3 - 1);
  } else if (quarter !== undefined) {
    p.due = endOfMonth(year, quarter * 3);
  } else if (month !== undefined && day !== undefined) {
    if (isValidDay(year, month, day)) p.due = isoDate(year, month, day);
    else p.invalid = true;
  } else if (month !== undefined) {
    p.due = endOfMonth(year, month);
  }
  p.pending = undefined;
}

const result = (
  text: string,
  kind: TimescaleKind,
  due: IsoDate | null,
  milestones: IsoDate[],
  reason?: string
): Timescale =>
  reason === undefined ? { text, kind, due, milestones } : { text, kind, due, milestones, reason };

const quote = (text: string): string => `"${text.length > 60 ? text.slice(0, 57) + "..." : text}"`;

/**
 * Read one timescale. Strings are read by the rules of spec section 3; a number is an
 * Excel date serial (a date cell); anything else gets a kind with a reason.
 */
export function parseTimescale(value: CellValue, settings?: Partial<ReadSettings>): Timescale {
  const s: ReadSettings = settings
    ? { ...DEFAULT_READ_SETTINGS, ...settings }
    : DEFAULT_READ_SETTINGS;
  if (value === null || value === undefined)
    return result("", "tbc", null, [], "no timescale is given");
  // A bare number is a date serial: without its number format, the day it names.
  if (typeof value === "number") return timescaleOfNumber(value, undefined, s);
  if (typeof value === "boolean") {
    const text = value ? "TRUE" : "FALSE";
    return result(text, "unclear", null, [], `the cell holds ${text}, not a timescale`);
  }
  const text = String(value);
  if (text.charCodeAt(0) === 35 /* # */ || text.charCodeAt(0) <= 32) {
    const trimmed = text.trim();
    if (trimmed === "") return result(text, "tbc", null, [], "no timescale is given");
    if (ERROR_VALUE.test(trimmed))
      return result(text, "unclear", null, [], `the cell shows the error ${trimmed.toUpperCase()}`);
  }
  return readText(text, s);
}

function readText(text: string, s: ReadSettings): Timescale {
  const toks = tokenize(normalise(text));
  const r = new Reader(toks, s);
  r.run();
  lendYears(r.periods, s.financialYearStartMonth);
  const dated: Period[] = [];
  for (const p of r.periods) if (p.due !== null) dated.push(p);
  const { ends, ranged } = deadlines(dated, toks);
  const milestones: IsoDate[] = [];
  let due: IsoDate | null = null;
  for (const p of ends) {
    const d = p.due as IsoDate;
    milestones.push(d);
    if (due === null || d > due) due = d;
  }

  if (r.completeAt >= 0) return result(text, "complete", due, milestones);
  if (r.hold) return result(text, "on_hold", null, milestones);
  // "From April 2024", "Ongoing from 2023": a start, then it goes on; never a deadline that passes.
  if (
    due !== null &&
    ends.length === 1 &&
    !ranged &&
    r.startAt >= 0 &&
    r.startAt < dated[0].from &&
    r.recurEvery < 0
  ) {
    return result(text, "milestone_then_ongoing", due, milestones);
  }
  if (r.ongoingAt >= 0) {
    if (due === null) return result(text, "ongoing", null, []);
    // "Ongoing until March 2024" runs to its date; "December 2006/ongoing" has a milestone, then goes on.
    const kind = r.ongoingAt < dated[0].from ? "ongoing_until" : "milestone_then_ongoing";
    return result(text, kind, due, milestones);
  }
  if (r.recurEvery >= 0 || (r.weakRecur && due === null)) return recurring(text, r);
  if (r.duration)
    return result(
      text,
      "relative",
      null,
      [],
      `${quote(text.trim())} is relative to an event, not a date`
    );
  if (due !== null) {
    const kind: TimescaleKind =
      ends.length > 1 ? "multiple" : ranged ? "range" : (ends[0].kind as TimescaleKind);
    return result(text, kind, due, milestones);
  }
  const invalid = r.periods.find((p) => p.invalid);
  if (invalid) return result(text, "unclear", null, [], `${quote(text.trim())} is not a real date`);
  if (r.tbc) return result(text, "tbc", null, [], "the timescale is still to be confirmed");
  if (r.relative)
    return result(
      text,
      "relative",
      null,
      [],
      `${quote(text.trim())} is relative to an event, not a date`
    );
  if (r.periods.some((p) => p.pending) || r.fyPending || isYearEnd(toks)) {
    return result(text, "needs_year", null, [], `${quote(text.trim())} names no year`);
  }
  if (r.withdrawn)
    return result(
      text,
      "unclear",
      null,
      [],
      "the timescale says the action is withdrawn or superseded"
    );
  if (toks.every((t) => t.t === "punct"))
    return result(text, "tbc", null, [], "no timescale is given");
  return result(text, "unclear", null, [], `no date could be read from ${quote(text.trim())}`);
}

/** "Year end" with no year. */
function isYearEnd(toks: Tok[]): boolean {
  for (let i = 0; i + 1 < toks.length; i++) {
    if (word(toks[i]) === "year" && word(toks[i + 1]) === "end") return true;
  }
  return false;
}

function recurring(text: string, r: Reader): Timescale {
  const anchor =
    r.periods.find((p) => p.pending && p.pending.month !== undefined) ??
    r.periods.find((p) => p.pending);
  const recurrence: Recurrence = {
    everyMonths: r.recurEvery > 0 ? r.recurEvery : r.recurEvery === 0 ? 0 : 12,
  };
  if (anchor?.pending?.month !== undefined) {
    recurrence.month = anchor.pending.month;
    if (anchor.pending.day !== undefined) recurrence.day = anchor.pending.day;
  }
  return { text, kind: "recurring", due: null, milestones: [], recurrence };
}

/**
 * The next time a recurring timescale comes round on or after the as-at date, or null
 * when the text does not say when ("Weekly", "Every meeting").
 */
export function nextOccurrence(rec: Recurrence, asAt: IsoDate): IsoDate | null {
  const y = Number(asAt.slice(0, 4));
  const m = Number(asAt.slice(5, 7));
  const every = rec.everyMonths;
  if (every <= 0) return null;
  if (rec.month === undefined) {
    // No month named: the end of the current period of that length, counted from January.
    const periodEnd = Math.ceil(m / every) * every;
    return endOfMonthOffset(y, 1, periodEnd - 1);
  }
  const at = dayNumber(asAt);
  // Occurrences step by `every` months from the named month; find the first on or after asAt.
  for (let k = -1; k < 24; k++) {
    const idx = y * 12 + (rec.month - 1) + k * every;
    const year = Math.floor(idx / 12);
    const month = (idx % 12) + 1;
    const day =
      rec.day === undefined
        ? daysInMonth(year, month)
        : Math.min(rec.day, daysInMonth(year, month));
    const candidate = isoDate(year, month, day);
    if (dayNumber(candidate) >= at) return candidate;
  }
  return fromDayNumber(at);
}
