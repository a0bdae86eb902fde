/**
 * What each PLAN function computes, as plain functions over 2-D arrays of cell
 * values: no Excel, no runtime, so tests and a formula engine call them directly.
 * Every rule comes from the engine (src/plan); this file only shapes its answers
 * into cells. A problem the officer can fix is a `PlanProblem` (thrown for the
 * whole result, or placed in one cell of a spilled result).
 */
import {
  STATUS_LABEL,
  STATUS_ORDER,
  formatLongDate,
  judgePlan,
  judgeTimescale,
  parseTimescale,
  readPlan,
  summarise,
  toExcelSerial,
  type ActionStatus,
  type CellValue,
  type IsoDate,
  type Plan,
  type ReadSettings,
  type NumberFormats,
  type ColumnChoices,
  type Status,
  type StatusSettings,
  type Summary,
  type Timescale,
  type ValuesOrigin,
} from "../plan";
import { asCellValue, asMatrix, errorText } from "./args";
import { PlanProblem, invalid, notAvailable } from "./errors";
import { timescaleLines } from "./lines";

/** One cell of a spilled answer: a value, or a problem shown as an error in that cell. */
export type ResultCell = string | number | PlanProblem;

/** The plan values and where they came from (for the officer's messages). */
export interface PlanSource {
  values: CellValue[][];
  origin?: ValuesOrigin;
  /** How to name the plan in a message: "the range given", "table ImprovementPlan". */
  label: string;
  /** The workbook's own reading settings (financial year start, day/month order), when known. */
  readSettings?: Partial<ReadSettings>;
  /** The workbook's due-soon window, when known: it replaces the default 30 days. */
  dueSoon?: { days: number; nextCommittee: IsoDate | null };
  /** The number formats read beside the values, when the surface could see them. */
  numberFormats?: NumberFormats;
  /** The columns the officer chose for this plan in the pane. */
  columns?: ColumnChoices;
  /** values[0] is an Excel Table's header row. */
  headerRowFirst?: boolean;
}

export interface JudgeOptions {
  asAt: IsoDate;
  dueSoonDays: number;
  nextCommittee?: IsoDate | null;
}

function statusSettings(options: JudgeOptions): StatusSettings {
  return {
    asAt: options.asAt,
    dueSoonDays: options.dueSoonDays,
    nextCommittee: options.nextCommittee ?? null,
  };
}

/** The options with the workbook's due-soon window, where the plan came with one. */
function withWorkbookWindow(source: PlanSource, options: JudgeOptions): JudgeOptions {
  return source.dueSoon
    ? { ...options, dueSoonDays: source.dueSoon.days, nextCommittee: source.dueSoon.nextCommittee }
    : options;
}

/** The plan read from values, or a problem naming what was found instead. */
export function readPlanOrProblem(source: PlanSource): Plan {
  const result = readPlan(source.values, source.origin ?? { sheet: "" }, source.readSettings, {
    numberFormats: source.numberFormats,
    columns: source.columns,
    headerRowFirst: source.headerRowFirst,
  });
  if (!result.ok) {
    const seen = result.problem.headersFound.filter((h) => h.trim() !== "");
    const found = seen.length > 0 ? ` Headers found: ${seen.join(", ")}.` : "";
    throw invalid(`${source.label} is not a plan table: ${result.problem.message}${found}`);
  }
  return result.plan;
}

/** The engine's summary of a plan as at a date (the same figures as the committee summary). */
export function summariseSource(source: PlanSource, given: JudgeOptions): Summary {
  const plan = readPlanOrProblem(source);
  const options = withWorkbookWindow(source, given);
  const statuses = judgePlan(plan, statusSettings(options));
  return summarise(plan, statuses, {
    asAt: options.asAt,
    builtAt: "",
    dueSoonDays: options.dueSoonDays,
    nextCommittee: options.nextCommittee ?? null,
    planName: source.label,
    source: source.label,
  });
}

export const OVERDUE_HEADER = ["Key", "Action", "Timescale", "Due", "Days overdue", "Lead"];

/**
 * PLAN.OVERDUE: a header row, then one row per overdue action, most overdue first
 * (ties in plan order): key, action, timescale as written, due date as a serial,
 * days overdue, lead. With none overdue, one cell saying so.
 */
export function overdueTable(source: PlanSource, options: JudgeOptions): ResultCell[][] {
  const summary = summariseSource(source, options);
  if (summary.overdue.length === 0) {
    return [[`No overdue actions as at ${formatLongDate(options.asAt)}`]];
  }
  const rows: ResultCell[][] = [OVERDUE_HEADER.slice()];
  for (const item of summary.overdue) {
    rows.push([
      item.key,
      item.action,
      item.timescale,
      item.due ? toExcelSerial(item.due) : "",
      item.daysOverdue ?? 0,
      item.lead,
    ]);
  }
  return rows;
}

/** PLAN.COUNT: how many actions have the status (every action when status is null). */
export function countActions(
  source: PlanSource,
  status: Status | null,
  options: JudgeOptions
): number {
  const summary = summariseSource(source, options);
  return status === null ? summary.total : summary.counts[status];
}

/** PLAN.SUMMARY: a row per area (plan order) with its count per status and total; then a total row. */
export function summaryTable(source: PlanSource, options: JudgeOptions): ResultCell[][] {
  const summary = summariseSource(source, options);
  const header: ResultCell[] = ["Area", ...STATUS_ORDER.map((s) => STATUS_LABEL[s]), "Total"];
  const rows: ResultCell[][] = [header];
  for (const group of summary.byArea) {
    rows.push([group.name, ...STATUS_ORDER.map((s) => group.counts[s]), group.total]);
  }
  rows.push(["Total", ...STATUS_ORDER.map((s) => summary.counts[s]), summary.total]);
  return rows;
}

// ---- One timescale cell at a time (PLAN.STATUS, PLAN.DUE, PLAN.DAYSOVERDUE) ----

const URGENCY = new Map<Status, number>(STATUS_ORDER.map((s, i) => [s, i]));

interface LineJudgement {
  timescale: Timescale;
  judged: Omit<ActionStatus, "index">;
}

/** A problem for a cell holding an Excel error instead of a timescale. */
function errorCellProblem(error: string): PlanProblem {
  return invalid(`The timescale cell holds the error ${error}, not a timescale.`);
}

/**
 * The line that decides a cell: each line judged on its own, the most urgent status
 * wins, the most overdue among equals. Written as a loop without intermediate
 * arrays: a 10,000-cell range is one call.
 */
function judgeCell(cell: unknown, statusText: string, settings: StatusSettings): LineJudgement {
  const lines = timescaleLines(asCellValue(cell));
  let best: LineJudgement | null = null;
  let bestRank = Infinity;
  for (const line of lines) {
    const timescale = parseTimescale(line);
    const judged = judgeTimescale(timescale, statusText, settings);
    const rank = URGENCY.get(judged.status) ?? 99;
    if (
      best === null ||
      rank < bestRank ||
      (rank === bestRank && (judged.daysOverdue ?? 0) > (best.judged.daysOverdue ?? 0))
    ) {
      best = { timescale, judged };
      bestRank = rank;
    }
  }
  return best!;
}

/** The status text for each timescale cell: one for all, or a range of the same shape. */
function statusTextAt(
  statuses: unknown[][] | null,
  rows: number,
  cols: number
): (r: number, c: number) => unknown {
  if (statuses === null) return () => "";
  if (statuses.length === 1 && statuses[0].length === 1) return () => statuses[0][0];
  if (statuses.length !== rows || statuses.some((row) => row.length !== cols)) {
    throw invalid(
      `The status range is ${statuses.length} by ${statuses[0]?.length ?? 0} but the timescale range is ${rows} by ${cols}. Give a status range of the same shape, or one status for all.`
    );
  }
  return (r, c) => statuses[r][c];
}

function mapCells(
  timescales: unknown,
  statuses: unknown | null,
  each: (cell: unknown, statusCell: unknown) => ResultCell
): ResultCell[][] {
  // Excel always passes a rectangle of at least one cell; another host (a formula engine,
  // a script) may not, and an empty or ragged answer cannot spill. An empty range reads as
  // one empty cell, and short rows as padded with empty cells.
  let grid = asMatrix(timescales);
  let cols = grid.reduce((max, row) => Math.max(max, row.length), 0);
  if (cols === 0) {
    grid = [[""]];
    cols = 1;
  }
  grid = grid.map((row) =>
    row.length < cols ? [...row, ...new Array<unknown>(cols - row.length).fill("")] : row
  );
  const statusGrid = statuses === null ? null : asMatrix(statuses);
  const statusAt = statusTextAt(statusGrid, grid.length, cols);
  return grid.map((row, r) =>
    row.map((cell, c) => {
      try {
        const error = errorText(cell);
        if (error) return errorCellProblem(error);
        const statusCell = statusAt(r, c);
        const statusError = errorText(statusCell);
        if (statusError)
          return invalid(`The status cell holds the error ${statusError}, not a status.`);
        return each(cell, statusCell);
      } catch (error) {
        if (error instanceof PlanProblem) return error;
        throw error;
      }
    })
  );
}

const statusCellText = (value: unknown): string => {
  if (typeof value === "string") return value;
  const v = asCellValue(value);
  return typeof v === "string" ? v : String(v ?? "");
};

/** PLAN.STATUS: the status word of each cell (the most urgent of a multi-line cell's lines). */
export function statusWords(
  timescales: unknown,
  statuses: unknown | null,
  options: JudgeOptions
): ResultCell[][] {
  const settings = statusSettings(options);
  return mapCells(timescales, statuses, (cell, statusCell) => {
    return STATUS_LABEL[judgeCell(cell, statusCellText(statusCell), settings).judged.status];
  });
}

/** A reason as the end of a sentence: with its full stop. */
const sentence = (text: string): string =>
  /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;

/** Why a timescale gives no due date, in the officer's words. */
export function noDueReason(timescale: Timescale): string {
  const written = timescale.text.trim() === "" ? "An empty timescale" : `"${timescale.text}"`;
  if (timescale.reason) return `${written} has no due date: ${sentence(timescale.reason)}`;
  switch (timescale.kind) {
    case "ongoing":
      return `${written} has no due date: the action is ongoing.`;
    case "recurring":
      return `${written} recurs, so it has no single due date.`;
    case "on_hold":
      return `${written} has no due date: the action is on hold.`;
    case "complete":
      return `${written} says the action is complete and names no date.`;
    default:
      return `${written} names no due date.`;
  }
}

/**
 * PLAN.DUE: each cell's due date as an Excel serial. A multi-line cell gives the
 * latest of its lines' due dates (as the spec does for "June 2006 and September
 * 2006"); no due date at all is #N/A with the reason.
 */
export function dueSerials(timescales: unknown): ResultCell[][] {
  return mapCells(timescales, null, (cell) => {
    const parsed = timescaleLines(asCellValue(cell)).map((line) => parseTimescale(line));
    const dues = parsed.map((t) => t.due).filter((d): d is IsoDate => d !== null);
    if (dues.length === 0) return notAvailable(noDueReason(parsed[0]));
    const latest = dues.reduce((a, b) => (b > a ? b : a));
    return toExcelSerial(latest);
  });
}

/**
 * PLAN.DAYSOVERDUE: days past the due date for an overdue cell (the most overdue
 * line of a multi-line cell); 0 for any other status except "No date", which is
 * #N/A with the reason, since lateness cannot be known without a date.
 */
export function daysOverdue(
  timescales: unknown,
  statuses: unknown | null,
  options: JudgeOptions
): ResultCell[][] {
  const settings = statusSettings(options);
  return mapCells(timescales, statuses, (cell, statusCell) => {
    const line = judgeCell(cell, statusCellText(statusCell), settings);
    if (line.judged.status === "overdue") return line.judged.daysOverdue ?? 0;
    if (line.judged.status === "no_date") {
      return notAvailable(
        line.judged.reason ? sentence(line.judged.reason) : noDueReason(line.timescale)
      );
    }
    return 0;
  });
}
