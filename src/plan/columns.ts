/**
 * Which column plays which role (spec 1): decided by the meaning of each header's words
 * (headers.ts) and by what its cells hold (evidence.ts), and, above both, by the officer's
 * own choice. A header the words settle is read from its header; a header that could mean two
 * things ("To be delivered by") or a fallback ("Response" where no column says "Action") is
 * weighed against its cells; a column no header names can still be the timescale when nearly
 * every cell under it is one.
 */
import { columnEvidence, cachedParser, type ColumnEvidence } from "./evidence";
import { cellText, isBlank } from "./lines";
import { headerRoles, headerWords, isPeriodOrTargetHeader, type RoleWeight } from "./headers";
import type {
  CellValue,
  ColumnChoice,
  ColumnChoices,
  ColumnRole,
  ColumnSource,
  NumberFormats,
  ReadSettings,
  Timescale,
} from "./types";

/** The roles in the order they are given out: the two a plan needs first. */
const ROLE_ORDER: readonly ColumnRole[] = [
  "timescale",
  "action",
  "revisedTimescale",
  "key",
  "status",
  "lead",
  "comments",
  "recommendation",
  "area",
];

export const ROLE_NAME: Record<ColumnRole, string> = {
  key: "No.",
  recommendation: "Recommendation",
  area: "Area",
  comments: "Comments",
  action: "Action",
  timescale: "Timescale",
  revisedTimescale: "Revised Timescale",
  lead: "Lead",
  status: "Status",
};

/** A role's score must reach this for the column to be given it. */
const THRESHOLD = 0.5;
/** A column no header names is the timescale when this share of its cells read as one. */
const CELLS_ONLY_TIMESCALE = 0.8;
/** ... and at least this many cells were there to judge. */
const MIN_CELLS = 3;
const MAX_HEADER_CHARS = 80;

/** What a header row gives: 0-based columns by role, how each was found, notes. */
export interface ColumnsFound {
  row: number;
  columns: Partial<Record<ColumnRole, number>>;
  headers: Partial<Record<ColumnRole, string>>;
  how: Partial<Record<ColumnRole, ColumnSource>>;
  /** The action cells also hold their timescale ("Adopt the policy – July 2016"). */
  timescaleInAction: boolean;
  notes: string[];
}

export interface FindOptions {
  maxScan?: number;
  formats?: NumberFormats;
  settings?: Partial<ReadSettings>;
  /** The officer's choices, with columns as 0-based indexes into the rows. */
  choices?: ResolvedChoices;
  /** values[0] is the header row (an Excel Table's). */
  headerRowFirst?: boolean;
}

/**
 * Choices with every column already an index into the rows; null: the plan has no such column.
 * A header that could be a column letter ("C") carries that column too, used when no header of
 * the table reads so.
 */
export type ResolvedChoices = Partial<
  Record<ColumnRole, { header?: string; index?: number; letterIndex?: number } | null>
>;

interface Row {
  cells: readonly CellValue[];
  readings: RoleWeight[][];
}

const norm = (s: string): string => s.replace(/\s+/g, " ").trim().toLowerCase();

/** Reads one candidate header row: its roles by meaning, weighed by its cells where needed. */
class RowReader {
  private readonly evidence = new Map<number, ColumnEvidence>();
  constructor(
    private readonly values: readonly (readonly CellValue[] | null | undefined)[],
    private readonly r: number,
    private readonly row: Row,
    private readonly formats: NumberFormats | undefined,
    private readonly parse: (t: string) => Timescale
  ) {}

  cellsOf(c: number): ColumnEvidence {
    let e = this.evidence.get(c);
    if (e === undefined) {
      e = columnEvidence(this.values, this.r, c, this.formats, this.parse);
      this.evidence.set(c, e);
    }
    return e;
  }

  weight(c: number, role: ColumnRole): number {
    return this.row.readings[c]?.find((x) => x.role === role)?.weight ?? 0;
  }

  /** The header's weight for the role, moved by what the cells say. */
  score(c: number, role: ColumnRole): number {
    const w = this.weight(c, role);
    if (w <= 0) return 0;
    const e = this.cellsOf(c);
    // A cell or two prove nothing: the header's meaning stands until the cells are many.
    if (e.cells < MIN_CELLS) return w;
    const dated = e.timescale > 0.6;
    switch (role) {
      case "timescale":
        return w + 0.4 * e.timescale - (e.timescale < 0.3 ? 0.7 : 0) - (e.prose > 0.5 ? 0.3 : 0);
      case "revisedTimescale":
        return w - (e.timescale < 0.2 && e.prose > 0.5 ? 0.6 : 0);
      case "action":
        return (
          w +
          0.3 * e.prose -
          (dated ? 0.7 : 0) -
          // "Action Point" holding 1, 2, 3: numbers, not the work.
          (e.key >= 0.8 && e.prose < 0.2 ? 0.6 : 0) -
          // "Stage" holding "In progress": a status, not the work.
          (w < 1 && e.status >= 0.5 && e.prose < 0.2 ? 0.5 : 0)
        );
      case "recommendation":
        return w + 0.2 * e.prose - (dated ? 0.7 : 0);
      case "comments":
        return w + 0.1 * e.prose - (dated ? 0.5 : 0);
      case "lead":
        return w - (dated ? 0.7 : 0) - (e.prose > 0.6 ? 0.3 : 0);
      case "status":
        return w + 0.2 * e.status - (dated && e.status < 0.3 ? 0.5 : 0);
      case "key":
        return w + 0.1 * e.key - (e.prose > 0.5 ? 0.5 : 0);
      case "area":
        return w - (dated ? 0.7 : 0);
    }
  }
}

/** Headers that make a "Target" column a performance target: a baseline, a measure, a period. */
const MEASURE_CONTEXT = new Set([
  "baseline",
  "baselines",
  "measure",
  "measures",
  "indicator",
  "indicators",
  "kpi",
  "kpis",
  "performance",
  "actual",
  "actuals",
  "outturn",
]);

/**
 * Reads every header of a row. "Target" alone is a measure beside a baseline, an indicator or
 * period columns, but the deadline of a plan that has no other ("Task | Responsibility |
 * Target"): there it reads as a timescale, still to be borne out by its cells.
 */
function readRow(cells: readonly CellValue[]): Row {
  const readings = cells.map((v) => headerRoles(v));
  const weakTargets: number[] = [];
  let deadline = false;
  let measures = false;
  cells.forEach((v, c) => {
    const t = readings[c]!.find((x) => x.role === "timescale")?.weight ?? 0;
    if (t >= 0.8) deadline = true;
    else if (t > 0) weakTargets.push(c);
    if (typeof v !== "string" || v.length > MAX_HEADER_CHARS) return;
    const words = headerWords(v);
    if (words.some((w) => MEASURE_CONTEXT.has(w))) measures = true;
    if (t === 0 && isPeriodOrTargetHeader(words)) measures = true;
  });
  if (!deadline && !measures && weakTargets.length === 1) {
    const c = weakTargets[0]!;
    readings[c] = readings[c]!.map((x) => (x.role === "timescale" ? { ...x, weight: 0.6 } : x));
  }
  return { cells, readings };
}

/** A quick look: could this row be a header row at all (some column names an action or a deadline)? */
function mayBeHeader(row: Row): boolean {
  let action = false;
  let timescale = false;
  for (const rs of row.readings) {
    for (const r of rs) {
      if (r.role === "action" || r.role === "recommendation") action = true;
      if (r.role === "timescale") timescale = true;
    }
  }
  return action || timescale;
}

function headerText(v: CellValue | undefined): string {
  return typeof v === "string" ? v.trim() : cellText(v ?? "").trim();
}

/**
 * Gives out the roles of one header row. `fixed` holds the officer's choices (an index, or
 * null for "none"); they are kept as given and their columns are not given other roles.
 */
function assign(
  reader: RowReader,
  row: Row,
  r: number,
  fixed: Partial<Record<ColumnRole, number | null>>
): ColumnsFound {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const headers: Partial<Record<ColumnRole, string>> = {};
  const how: Partial<Record<ColumnRole, ColumnSource>> = {};
  const notes: string[] = [];
  const used = new Map<number, ColumnRole[]>();
  const take = (role: ColumnRole, c: number, source: ColumnSource) => {
    columns[role] = c;
    headers[role] = headerText(row.cells[c]);
    how[role] = source;
    used.set(c, [...(used.get(c) ?? []), role]);
  };
  for (const role of ROLE_ORDER) {
    const c = fixed[role];
    if (typeof c === "number") take(role, c, "officer");
  }
  const width = row.cells.length;
  // A column may take a second role only when its header names both ("Due Date/Status"),
  // or when the recommendation is the only statement of the work.
  const free = (c: number, role: ColumnRole): boolean => {
    const roles = used.get(c);
    if (!roles) return true;
    if (roles.some((x) => how[x] === "officer")) return false;
    return roles.every((x) => reader.weight(c, x) >= 0.85) && reader.weight(c, role) >= 0.85;
  };

  for (const role of ROLE_ORDER) {
    if (role in fixed) continue;
    let best = -1;
    let bestScore = 0;
    let first = -1;
    const rivals: number[] = [];
    for (let c = 0; c < width; c++) {
      if (!free(c, role)) continue;
      const w = reader.weight(c, role);
      if (w <= 0) continue;
      // The work stated by a fallback ("Response", "Recommendation") only where no column
      // names an action outright.
      if (role === "action" && w < 0.8 && hasStrong(reader, width, "action", free)) continue;
      const s = reader.score(c, role);
      const needed = role === "action" && w < 0.8 ? 0.3 : THRESHOLD;
      if (s < needed) continue;
      if (w >= 0.85) rivals.push(c);
      if (first < 0) first = c;
      if (s > bestScore + 1e-9) {
        best = c;
        bestScore = s;
      }
    }
    if (best < 0) continue;
    take(role, best, "header");
    if (rivals.length > 1 && rivals.includes(best)) {
      const all = rivals.map((c) => `"${headerText(row.cells[c])}"`).join(", ");
      const chosen = headerText(row.cells[best]);
      notes.push(
        best === rivals[0]
          ? `${rivals.length} columns look like the ${ROLE_NAME[role]} column (${all}); I used the first, "${chosen}".`
          : `${rivals.length} columns look like the ${ROLE_NAME[role]} column (${all}); I used "${chosen}", whose cells read as ${ROLE_NAME[role].toLowerCase()}s.`
      );
    }
  }

  // The recommendation is also the work where nothing else states it.
  if (columns.action !== undefined && columns.recommendation === undefined) {
    const c = columns.action;
    if (reader.weight(c, "recommendation") >= 0.85 && !("recommendation" in fixed))
      take("recommendation", c, "header");
  }

  // No column names the work, but the timescale's header is plain: the column of prose that
  // no header claims (often an unheaded first column) holds the actions.
  if (columns.action === undefined && !("action" in fixed) && how.timescale === "header") {
    let best = -1;
    let bestProse = 0.5;
    for (let c = 0; c < width; c++) {
      if (used.has(c) || (row.readings[c] ?? []).some((x) => x.weight >= 0.85)) continue;
      const e = reader.cellsOf(c);
      if (e.cells >= MIN_CELLS && e.prose >= bestProse && e.timescale < 0.3) {
        best = c;
        bestProse = e.prose + 1e-9;
      }
    }
    if (best >= 0) take("action", best, "cells");
  }

  let timescaleInAction = false;
  if (columns.timescale === undefined && !("timescale" in fixed)) {
    // No header names a deadline: a column nearly all of whose cells are timescales is one.
    for (let c = 0; c < width; c++) {
      if (used.has(c) || reader.weight(c, "lead") > 0 || reader.weight(c, "key") > 0) continue;
      const text = headerText(row.cells[c]);
      if (text.length > MAX_HEADER_CHARS) continue;
      const e = reader.cellsOf(c);
      if (e.cells >= MIN_CELLS && e.timescale >= CELLS_ONLY_TIMESCALE && e.prose < 0.3) {
        take("timescale", c, "cells");
        break;
      }
    }
  }
  if (columns.timescale === undefined && !("timescale" in fixed) && !("action" in fixed)) {
    // Or the work is written with its date ("Adopt the policy – July 2016"): the action
    // column, or failing it a column stating the work, gives both.
    const order = [
      ...(columns.action !== undefined ? [columns.action] : []),
      ...Array.from({ length: width }, (_, c) => c).filter(
        (c) =>
          c !== columns.action &&
          (!used.has(c) || columns.recommendation === c) &&
          (reader.weight(c, "action") > 0 || (row.readings[c] ?? []).length === 0)
      ),
    ];
    for (const c of order) {
      const e = reader.cellsOf(c);
      if (e.lines < MIN_CELLS || e.trailingDate < 0.6) continue;
      if (columns.action !== undefined && columns.action !== c) {
        // The column named for the work without its dates is the recommendation it serves.
        const old = columns.action;
        if (columns.recommendation === undefined) {
          columns.recommendation = old;
          headers.recommendation = headers.action;
          how.recommendation = how.action;
        }
      }
      columns.action = c;
      headers.action = headerText(row.cells[c]);
      how.action = "cells";
      columns.timescale = c;
      headers.timescale = headers.action;
      how.timescale = "cells";
      timescaleInAction = true;
      break;
    }
  }

  const periods: string[] = [];
  for (let c = 0; c < width; c++) {
    const v = row.cells[c];
    if (used.has(c) || typeof v !== "string" || v.length > MAX_HEADER_CHARS) continue;
    if (isPeriodOrTargetHeader(headerWords(v))) periods.push(v.trim());
  }
  if (periods.length > 0 && used.size > 0) {
    const list = periods.map((p) => `"${p}"`).join(", ");
    notes.push(
      `I did not read ${periods.length === 1 ? "the column" : "the columns"} headed ${list}: a period or a performance target is not a timescale.`
    );
  }
  return { row: r, columns, headers, how, timescaleInAction, notes };
}

function hasStrong(
  reader: RowReader,
  width: number,
  role: ColumnRole,
  free: (c: number, role: ColumnRole) => boolean
): boolean {
  for (let c = 0; c < width; c++) {
    if (free(c, role) && reader.weight(c, role) >= 0.8 && reader.score(c, role) >= THRESHOLD)
      return true;
  }
  return false;
}

/** Roles found, for choosing the most plan-like row to explain a failure with. */
export function roleCount(found: ColumnsFound): number {
  return Object.keys(found.columns).length;
}

export interface ColumnSearch {
  /** The header row with both an action and a timescale column, or null. */
  found: ColumnsFound | null;
  /** The most plan-like row read, to explain a failure (what was found, what is missing). */
  closest: ColumnsFound | null;
  /** Chosen headers no row of the table has. */
  missing?: { role: ColumnRole; header: string }[];
}

/** Cells that are data, not a header: numbers, dates, prose of six words or more. */
function dataCells(cells: readonly CellValue[]): number {
  let n = 0;
  for (const v of cells) {
    if (isBlank(v)) continue;
    if (typeof v !== "string" || v.length > MAX_HEADER_CHARS || v.trim().split(/\s+/).length >= 6)
      n++;
  }
  return n;
}

/** Where a choice by header text sits in a row, or -1. */
function indexOfHeader(cells: readonly CellValue[], header: string): number {
  const want = norm(header);
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (!isBlank(v) && norm(cellText(v)) === want) return c;
  }
  return -1;
}

/**
 * Finds the plan's header row and its columns. With the officer's choices, the header row is
 * the one holding the chosen headers (an Excel Table's own header row when the choices are by
 * column), and the choices win over every reading.
 */
export function findColumns(
  values: readonly (readonly CellValue[] | null | undefined)[],
  options: FindOptions = {}
): ColumnSearch {
  if (!Array.isArray(values)) return { found: null, closest: null };
  const limit = Math.min(values.length, options.maxScan ?? 100);
  const parse = cachedParser(options.settings);
  const choices: ResolvedChoices = { ...(options.choices ?? {}) };
  const chosen = Object.keys(choices) as ColumnRole[];
  // "C" is a column letter unless some header of the table reads "C".
  for (const role of chosen) {
    const ch = choices[role];
    if (!ch || ch.header === undefined || ch.letterIndex === undefined) continue;
    let seen = false;
    for (let r = 0; r < limit && !seen; r++) {
      const cells = values[r];
      if (Array.isArray(cells) && indexOfHeader(cells, ch.header) >= 0) seen = true;
    }
    if (!seen) choices[role] = { index: ch.letterIndex };
  }
  const byHeader = chosen.filter((k) => choices[k]?.header !== undefined);
  const missing: { role: ColumnRole; header: string }[] = [];
  for (const role of byHeader) {
    const header = choices[role]!.header!;
    let seen = false;
    for (let r = 0; r < limit && !seen; r++) {
      const cells = values[r];
      if (Array.isArray(cells) && indexOfHeader(cells, header) >= 0) seen = true;
    }
    if (!seen) missing.push({ role, header });
  }
  if (missing.length > 0) return { found: null, closest: null, missing };

  const tryRow = (r: number): ColumnsFound | null => {
    const cells = values[r];
    if (!Array.isArray(cells)) return null;
    const row = readRow(cells);
    const fixed: Partial<Record<ColumnRole, number | null>> = {};
    for (const role of chosen) {
      const ch = choices[role];
      if (ch === null || ch === undefined) fixed[role] = null;
      else if (ch.index !== undefined) fixed[role] = ch.index;
      else {
        const c = indexOfHeader(cells, ch.header!);
        if (c < 0) return null;
        fixed[role] = c;
      }
    }
    if (chosen.length === 0 && !mayBeHeader(row)) return null;
    const reader = new RowReader(values, r, row, options.formats, parse);
    return assign(reader, row, r, fixed);
  };

  let closest: ColumnsFound | null = null;
  const complete = (f: ColumnsFound | null) =>
    f !== null && f.columns.action !== undefined && f.columns.timescale !== undefined;

  if (chosen.length > 0 && byHeader.length === 0) {
    // Choices by column: the table's own header row, else the row the headers' meaning finds,
    // else the first row with anything in it.
    let r = options.headerRowFirst ? 0 : -1;
    if (r < 0) {
      for (let k = 0; k < limit && r < 0; k++) {
        const cells = values[k];
        if (!Array.isArray(cells)) continue;
        const row = readRow(cells);
        if (!mayBeHeader(row)) continue;
        const f = assign(new RowReader(values, k, row, options.formats, parse), row, k, {});
        if (complete(f)) r = k;
      }
    }
    if (r < 0) {
      for (let k = 0; k < limit && r < 0; k++)
        if (Array.isArray(values[k]) && values[k]!.some((v: CellValue) => !isBlank(v))) r = k;
    }
    if (r < 0) return { found: null, closest: null };
    const f = tryRow(r);
    return complete(f) ? { found: f, closest: f } : { found: null, closest: f };
  }

  // To explain a failure: the row most like a header, that is all text (a row holding numbers
  // or dates is data), with the most roles; the first of equals.
  let closestData = Infinity;
  for (let r = 0; r < limit; r++) {
    const f = tryRow(r);
    if (f === null) continue;
    if (complete(f)) return { found: f, closest: f };
    const data = dataCells(values[r]!);
    if (
      closest === null ||
      data < closestData ||
      (data === closestData && roleCount(f) > roleCount(closest))
    ) {
      closest = f;
      closestData = data;
    }
  }
  if (closest !== null && closestData > 0) {
    // Only data rows named a role: the table's first all-text row is its header.
    for (let r = 0; r < limit; r++) {
      const cells = values[r];
      if (!Array.isArray(cells) || !cells.some((v) => !isBlank(v)) || dataCells(cells) > 0)
        continue;
      const row = readRow(cells);
      closest = assign(new RowReader(values, r, row, options.formats, parse), row, r, {});
      break;
    }
  }
  return { found: null, closest };
}

/** How a choice names its column: "Col B" (the header) or column letter C. */
export function choiceOf(choice: ColumnChoice): string {
  return "header" in choice ? `"${choice.header}"` : `column ${choice.column}`;
}

/** The choices an adapter passes, resolved to indexes into rows that start at `column0`. */
export function resolveChoices(
  choices: ColumnChoices | undefined,
  column0: number
): ResolvedChoices {
  const out: ResolvedChoices = {};
  if (!choices) return out;
  for (const role of Object.keys(choices) as ColumnRole[]) {
    const ch = choices[role];
    if (ch === null) out[role] = null;
    else if (ch === undefined) continue;
    else if ("column" in ch) out[role] = { index: ch.column - column0 };
    else {
      const letters = /^[A-Za-z]{1,3}$/.test(ch.header.trim())
        ? ch.header.trim().toUpperCase()
        : "";
      const column = letters ? [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
      out[role] =
        column >= column0
          ? { header: ch.header, letterIndex: column - column0 }
          : { header: ch.header };
    }
  }
  return out;
}

/** What findHeaderRow found: a 0-based row index into the values and 0-based column indexes. */
export interface HeaderRowMatch {
  row: number;
  columns: Partial<Record<ColumnRole, number>>;
  headers: Partial<Record<ColumnRole, string>>;
  notes: string[];
}

/**
 * The first row (within maxScan rows) whose columns give both an action and a timescale, so
 * title rows above the table are passed over. Null if none has.
 */
export function findHeaderRow(
  values: readonly (readonly CellValue[] | null | undefined)[],
  maxScan = 100,
  options: Omit<FindOptions, "maxScan"> = {}
): HeaderRowMatch | null {
  const { found } = findColumns(values, { ...options, maxScan });
  return found === null
    ? null
    : { row: found.row, columns: found.columns, headers: found.headers, notes: found.notes };
}

/**
 * The columns (0-based, into the values' rows) whose number formats the reader needs: the
 * timescale, revised timescale and status columns of the plan's header row. Found from the
 * first rows of a table, so that a surface reading a big plan from Excel loads `numberFormat`
 * for those columns only, beside `values`, in the same request.
 */
export function formatColumns(
  head: readonly (readonly CellValue[] | null | undefined)[],
  options: Omit<FindOptions, "formats"> = {}
): number[] {
  const { found } = findColumns(head, options);
  if (found === null) return [];
  const cols = new Set<number>();
  for (const role of ["timescale", "revisedTimescale", "status"] as const) {
    const c = found.columns[role];
    if (c !== undefined) cols.add(c);
  }
  return [...cols].sort((a, b) => a - b);
}
