/**
 * The engine's vocabulary. Everything here is plain data (JSON-safe), so the
 * same values flow unchanged from the engine to the custom functions, the task
 * pane, the committee summary and the command line.
 */

/** A cell value as `Range.values` gives it: strings, numbers, booleans, "" for empty. */
export type CellValue = string | number | boolean | null | undefined;

/** A calendar date written `YYYY-MM-DD`. Never a `Date`: no time of day, no time zone. */
export type IsoDate = string;

/** Day/month order for all-number dates such as `05/09/12`. A part over 12 decides regardless. */
export type DateOrder = "DMY" | "MDY";

export interface ReadSettings {
  /** Month the financial year starts (1 = January ... 12). Default 4 (April). */
  financialYearStartMonth: number;
  /** Default "DMY" (UK). */
  dateOrder: DateOrder;
  /**
   * True when the workbook counts dates from 1904 (older Mac workbooks): its serials are
   * 1,462 days smaller than the 1900 system's for the same day. Default false.
   */
  date1904: boolean;
}

export const DEFAULT_READ_SETTINGS: ReadSettings = {
  financialYearStartMonth: 4,
  dateOrder: "DMY",
  date1904: false,
};

/**
 * Number formats beside the values: formats[r][c] is the format code of values[r][c]
 * ("mmm-yy", "General", "0%"). A missing row or entry means the format was not read (a
 * surface that cannot see it): the number is then read as a day, as the spec allows.
 */
export type NumberFormats = readonly (readonly (string | null | undefined)[] | null | undefined)[];

/** The kinds of timescale, as named in the spec's table (section 3). */
export type TimescaleKind =
  | "month"
  | "date"
  | "quarter"
  | "fy"
  | "fy_quarter"
  | "season"
  | "part_of_year"
  | "year"
  | "multiple"
  | "range"
  | "milestone_then_ongoing"
  | "ongoing_until"
  | "ongoing"
  | "recurring"
  | "complete"
  | "on_hold"
  | "relative"
  | "tbc"
  | "needs_year"
  | "unclear";

/** When a recurring timescale comes round again ("May annually", "30 September (annually)"). */
export interface Recurrence {
  /** Months between occurrences: 12 annually, 6 six-monthly, 3 quarterly, 1 monthly. */
  everyMonths: number;
  /** The month named, if any (1-12). */
  month?: number;
  /** The day named, if any. Without one the occurrence falls on the month's last day. */
  day?: number;
}

export interface Timescale {
  /** The text as written (for a date cell, the date as `YYYY-MM-DD`). */
  text: string;
  kind: TimescaleKind;
  /** The last day of the latest period named, or null where the rules give no due date. */
  due: IsoDate | null;
  /** Every deadline date found, in order (a range contributes only its end). */
  milestones: IsoDate[];
  /** Why there is no due date, in the officer's words; present for unclear, needs_year, relative, tbc. */
  reason?: string;
  /** For recurring timescales, when it comes round (used to show the next occurrence). */
  recurrence?: Recurrence;
}

/** The roles a plan column can play (spec section 1). */
export type ColumnRole =
  | "key"
  | "recommendation"
  | "area"
  | "comments"
  | "action"
  | "timescale"
  | "revisedTimescale"
  | "lead"
  | "status";

/** A place in the workbook, 1-based, with the A1 address for display and links. */
export interface CellRef {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  /** 1-based worksheet column. */
  column: number;
  /** A1 address without the sheet, e.g. "F12". */
  address: string;
}

export type Status =
  | "complete"
  | "withdrawn"
  | "on_hold"
  | "ongoing"
  | "no_date"
  | "overdue"
  | "due_soon"
  | "not_yet_due";

/** The order statuses are listed in everywhere (counts, charts, tables). */
export const STATUS_ORDER: readonly Status[] = [
  "overdue",
  "due_soon",
  "not_yet_due",
  "ongoing",
  "on_hold",
  "no_date",
  "complete",
  "withdrawn",
];

export const STATUS_LABEL: Record<Status, string> = {
  overdue: "Overdue",
  due_soon: "Due soon",
  not_yet_due: "Not yet due",
  ongoing: "Ongoing",
  on_hold: "On hold",
  no_date: "No date",
  complete: "Complete",
  withdrawn: "Withdrawn",
};

export type StatusCounts = Record<Status, number>;

/** One action of the plan, as read from the table, before any as-at date is applied. */
export interface Action {
  /** Position in the plan, 0-based, stable for one read. */
  index: number;
  /** The recommendation's key as written ("1", "2.3"), or "" without a key column. */
  key: string;
  /** 1-based position of this action within its recommendation. */
  position: number;
  recommendation: string;
  action: string;
  /** The timescale that decides the due date: the revised one where given, else the original. */
  timescale: Timescale;
  /** The original timescale, present only when a revised timescale replaced it. */
  originalTimescale?: Timescale;
  area: string;
  lead: string;
  comments: string;
  /** The status cell's text for this action, as written ("" if none). */
  statusText: string;
  /** Set when pairing failed or the row was odd; the action then counts as "no date". */
  needsReview?: string;
  /** The cell holding the action's text. */
  source: CellRef;
  /** The cell holding the timescale the action was paired with (may equal the action's row). */
  timescaleSource: CellRef;
}

export interface Recommendation {
  key: string;
  text: string;
  area: string;
  lead: string;
  /** Indexes into Plan.actions. */
  actions: number[];
  /** The first row of the recommendation (1-based worksheet row). */
  row: number;
}

/** A row the reader did not turn into actions, and why (so no row is silently skipped). */
export interface SkippedRow {
  row: number;
  reason: "blank" | "repeated_header" | "section_heading" | "no_action";
  /** For section headings: the text, applied as the area of the rows below. */
  text?: string;
}

export interface PlanColumns {
  /** 1-based worksheet column for each role found. */
  [role: string]: number | undefined;
}

export interface Plan {
  sheet: string;
  /** 1-based worksheet row of the header row. */
  headerRow: number;
  /** Role -> 1-based worksheet column. Only the roles found. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Header text as written, by role. */
  headers: Partial<Record<ColumnRole, string>>;
  /** How each role's column was found: its header, its cells, or the officer's choice. */
  columnSources: Partial<Record<ColumnRole, ColumnSource>>;
  /** Every column of the header row, for the officer's picker. */
  headerCells: HeaderCell[];
  recommendations: Recommendation[];
  actions: Action[];
  skipped: SkippedRow[];
  /** Messages for the officer that do not stop the read (duplicated columns, ignored period columns). */
  notes: string[];
}

/** Where a 2-D array of values sits in the workbook, so that sources are real addresses. */
export interface ValuesOrigin {
  sheet: string;
  /** 1-based worksheet row of values[0]. Default 1. */
  row?: number;
  /** 1-based worksheet column of values[0][0]. Default 1. */
  column?: number;
}

/** Why a range could not be read as a plan; `message` is for the officer. */
export interface PlanProblem {
  code:
    "empty" | "no_header" | "no_action_column" | "no_timescale_column" | "chosen_column_missing";
  message: string;
  /** The header texts of the most header-like row, to show the officer what was seen. */
  headersFound: string[];
  /** 1-based worksheet row of that row, when there is one. */
  headerRow?: number;
  /** Its columns, for the officer to say which is which. */
  columns?: HeaderCell[];
  /** The roles that were found there, by 1-based worksheet column. */
  found?: Partial<Record<ColumnRole, number>>;
}

/** A column of a plan's header row, as the officer's picker lists it. */
export interface HeaderCell {
  /** 1-based worksheet column. */
  column: number;
  /** "C". */
  letter: string;
  /** The header as written ("" for an empty header cell). */
  header: string;
}

/** The officer's choice of a column: by its header text (any case) or its worksheet column (1-based). */
export type ColumnChoice = { header: string } | { column: number };

/** The officer's say (spec 1): a column for any role, or null for "this plan has none". */
export type ColumnChoices = Partial<Record<ColumnRole, ColumnChoice | null>>;

/** How a column came by its role: its header's meaning, its cells, or the officer's choice. */
export type ColumnSource = "header" | "cells" | "officer";

/** What a surface knows beyond the values: their number formats, the officer's choice of columns. */
export interface ReadOptions {
  numberFormats?: NumberFormats;
  columns?: ColumnChoices;
  /** values[0] is the header row (an Excel Table's), where the choices name columns only. */
  headerRowFirst?: boolean;
}

export type ReadResult = { ok: true; plan: Plan } | { ok: false; problem: PlanProblem };

export interface StatusSettings {
  /** The date the plan is judged at. */
  asAt: IsoDate;
  /** Due-soon window in days (default 30); ignored when nextCommittee is set. */
  dueSoonDays: number;
  /** Due soon means due on or before this date (the next committee), when set. */
  nextCommittee?: IsoDate | null;
}

export const DEFAULT_DUE_SOON_DAYS = 30;

/** An action judged as at a date. */
export interface ActionStatus {
  /** Index into Plan.actions. */
  index: number;
  status: Status;
  /** Days past the due date, for overdue actions only; otherwise null. */
  daysOverdue: number | null;
  /** The date the status was judged against (the due date, or the next occurrence for recurring). */
  due: IsoDate | null;
  /** For recurring timescales: the next occurrence after the as-at date. */
  nextOccurrence?: IsoDate | null;
  /** Why the action has no date (for no_date), in the officer's words. */
  reason?: string;
  /** True when a revised timescale moved the due date later than the original. */
  slipped?: boolean;
}

/** One line of a list in the committee summary (overdue, due soon, no date ...). */
export interface SummaryItem {
  index: number;
  key: string;
  recommendation: string;
  action: string;
  /** The timescale as written (the revised one where given). */
  timescale: string;
  /** The original timescale as written, when a revised one replaced it. */
  originalTimescale?: string;
  kind: TimescaleKind;
  due: IsoDate | null;
  daysOverdue: number | null;
  status: Status;
  lead: string;
  area: string;
  /** The last non-empty line of the comments cell: the latest update. */
  latestComment: string;
  /** For no-date items: why. */
  reason?: string;
  source: CellRef;
  timescaleSource: CellRef;
}

export interface GroupCounts {
  /** The area or lead as written ("(none)" when the cell is empty). */
  name: string;
  total: number;
  counts: StatusCounts;
}

/** A previous report's headline, as recorded in the workbook's history. */
export interface ReportRecord {
  asAt: IsoDate;
  /** When it was built, ISO 8601 with time, as given by the caller. */
  builtAt: string;
  total: number;
  counts: StatusCounts;
}

export interface Summary {
  /** The plan's name: the table or sheet name. */
  planName: string;
  /** Where the plan was read: "'Improvement Plan'!A1:G19" or the table name. */
  source: string;
  asAt: IsoDate;
  /** Given by the caller (the engine never reads a clock). */
  builtAt: string;
  dueSoonDays: number;
  nextCommittee: IsoDate | null;
  total: number;
  recommendations: number;
  counts: StatusCounts;
  /** Share of all actions per status, 0..1 (0 when the plan has no actions). */
  shares: Record<Status, number>;
  byArea: GroupCounts[];
  byLead: GroupCounts[];
  /** Most overdue first; ties in plan order. */
  overdue: SummaryItem[];
  /** Soonest first; ties in plan order. */
  dueSoon: SummaryItem[];
  /** No date or needing review, in plan order, each with its reason. */
  noDate: SummaryItem[];
  onHold: SummaryItem[];
  /** Actions whose revised timescale moved the due date later. */
  slipped: SummaryItem[];
  /** The plain-English paragraph for the committee report. */
  narrative: string;
  /** Change since the previous report, when one is given ("Overdue actions are down from 20 to 12 since 28 December 2006."). */
  progress: string | null;
  previous: ReportRecord | null;
}
