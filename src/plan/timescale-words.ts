/**
 * The words a timescale is read by. Kept apart from the grammar so the
 * vocabulary can grow from real plans without touching the rules.
 */

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ["jan", 1],
  ["january", 1],
  ["feb", 2],
  ["february", 2],
  ["febuary", 2],
  ["mar", 3],
  ["march", 3],
  ["apr", 4],
  ["april", 4],
  ["may", 5],
  ["jun", 6],
  ["june", 6],
  ["jul", 7],
  ["july", 7],
  ["aug", 8],
  ["august", 8],
  ["sep", 9],
  ["sept", 9],
  ["september", 9],
  ["oct", 10],
  ["october", 10],
  ["nov", 11],
  ["november", 11],
  ["dec", 12],
  ["december", 12],
]);

export type Season = "spring" | "summer" | "autumn" | "winter";

export const SEASONS: ReadonlyMap<string, Season> = new Map([
  ["spring", "spring"],
  ["summer", "summer"],
  ["autumn", "autumn"],
  ["fall", "autumn"],
  ["winter", "winter"],
]);

/** First month of each season; winter runs December to February of the next year. */
export const SEASON_START: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

/** Part of a year: the month its period ends in (early = January-April, mid = May-August, late = September-December). */
export const PART_END_MONTH: ReadonlyMap<string, number> = new Map([
  ["early", 4],
  ["beginning", 4],
  ["start", 4],
  ["mid", 8],
  ["middle", 8],
  ["late", 12],
  ["end", 12],
  ["close", 12],
]);

export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ["first", 1],
  ["second", 2],
  ["third", 3],
  ["fourth", 4],
]);

/** Number words that can count a duration ("six months"). */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "eighteen",
  "twenty",
  "few",
  "several",
  "couple",
]);

export const DURATION_UNITS: ReadonlySet<string> = new Set([
  "day",
  "days",
  "week",
  "weeks",
  "wk",
  "wks",
  "month",
  "months",
  "mth",
  "mths",
  "year",
  "years",
  "yr",
  "yrs",
]);

/** Range connectors: the start is not a deadline, the end is. */
export const RANGE_WORDS: ReadonlySet<string> = new Set([
  "to",
  "until",
  "till",
  "til",
  "through",
  "thru",
]);

export const ONGOING_WORDS: ReadonlySet<string> = new Set([
  "ongoing",
  "continuous",
  "continuing",
  "continual",
  "rolling",
  "bau",
  "continuously",
  "permanent",
  "onwards",
  "onward",
  "thereafter",
]);

export const COMPLETE_WORDS: ReadonlySet<string> = new Set([
  "complete",
  "completed",
  "achieved",
  "done",
  "implemented",
  "closed",
  "finished",
  "delivered",
]);

export const HOLD_WORDS: ReadonlySet<string> = new Set([
  "deferred",
  "paused",
  "postponed",
  "suspended",
  "hold",
]);

export const WITHDRAWN_WORDS: ReadonlySet<string> = new Set([
  "withdrawn",
  "superseded",
  "superceded",
  "cancelled",
  "canceled",
]);

/** Words before a completion word that deny it ("Partially complete", "Not yet complete"). */
export const NOT_COMPLETE_WORDS: ReadonlySet<string> = new Set([
  "partially",
  "partly",
  "part",
  "not",
  "yet",
  "nearly",
  "almost",
  "substantially",
  "largely",
  "mostly",
]);

/** Words that, after a completion word, make it a target ("Completed by June 2016"). */
export const TARGET_WORDS: ReadonlySet<string> = new Set([
  "by",
  "before",
  "no",
  "for",
  "in",
  "within",
  "during",
  "target",
]);

/** Months between occurrences for words that say a thing recurs. 0: it recurs, cadence unknown. */
export const RECURRING_WORDS: ReadonlyMap<string, number> = new Map([
  ["annually", 12],
  ["yearly", 12],
  ["quarterly", 3],
  ["monthly", 1],
  ["weekly", 0],
  ["fortnightly", 0],
  ["daily", 0],
  ["biannually", 6],
  ["biannual", 6],
  ["termly", 4],
]);

export const RELATIVE_WORDS: ReadonlySet<string> = new Set([
  "within",
  "immediate",
  "immediately",
  "asap",
  "next",
  "after",
  "following",
  "upon",
  "once",
  "when",
  "prior",
  "soon",
  "subsequent",
]);

export const TBC_WORDS: ReadonlySet<string> = new Set([
  "tbc",
  "tba",
  "tbd",
  "tbconfirmed",
  "na",
  "none",
  "unknown",
  "unconfirmed",
]);

/** "to be ..." endings that leave the timescale open. */
export const TO_BE_WORDS: ReadonlySet<string> = new Set([
  "agreed",
  "confirmed",
  "determined",
  "decided",
  "set",
  "arranged",
  "scheduled",
  "established",
  "advised",
  "identified",
  "discussed",
  "reviewed",
  "finalised",
  "finalized",
  "announced",
]);

/** Words that make the date after them a start, not a deadline ("From April 2024"). */
export const START_WORDS: ReadonlySet<string> = new Set([
  "from",
  "since",
  "starting",
  "commencing",
  "started",
  "begins",
  "beginning",
]);
