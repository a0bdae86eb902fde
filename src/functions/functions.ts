/**
 * The PLAN custom functions. The JSDoc on each function is the single source of
 * its metadata: custom-functions-metadata-plugin generates functions.json from it
 * and appends the CustomFunctions.associate calls at build time, so this module
 * never touches the CustomFunctions global when it loads, and jest imports it.
 *
 * Parameter types are written as `unknown` on purpose: the metadata then says
 * "any", Excel passes values through unconverted, and a wrong value gets a message
 * in the officer's words here rather than Excel's bare #VALUE!.
 *
 * Volatility: OVERDUE, COUNT and SUMMARY can read the plan from the workbook with
 * no range argument, so Excel cannot see what they depend on; they are volatile
 * and recalculate whenever the workbook does. STATUS, DUE and DAYSOVERDUE depend
 * only on their arguments and are not volatile: to follow the calendar, pass
 * TODAY() as the as-at date (TODAY() itself is volatile).
 */
import { todayLocal } from "../plan";
import { asPlanValues, isOmitted, readAsOf, readDueSoonDays, readStatusWord } from "./args";
import {
  countActions,
  daysOverdue as daysOverdueCells,
  dueSerials,
  overdueTable,
  statusWords,
  summaryTable,
  type PlanSource,
  type ResultCell,
} from "./core";
import { PlanProblem, excelResult, excelResultAsync, toExcelError } from "./errors";
import { workbookPlan } from "./workbook-plan";

/** Today where the officer is; replaceable in tests so "today" is a fixed day. */
let today: () => string = () => todayLocal();

/** For tests: fix "today" (null restores the clock). */
export function setToday(next: (() => string) | null): void {
  today = next ?? (() => todayLocal());
}

/** The plan from a range argument. */
function rangeSource(plan: unknown): PlanSource {
  return { values: asPlanValues(plan), origin: { sheet: "" }, label: "The plan range given" };
}

/** The plan from the argument, or from the workbook when the argument is left out. */
async function planSource(plan: unknown): Promise<PlanSource> {
  return isOmitted(plan) ? workbookPlan() : rangeSource(plan);
}

const judgeOptions = (asOf: unknown) => ({ asAt: readAsOf(asOf, today), dueSoonDays: 30 });

/** A spilled answer for Excel: each problem cell becomes the runtime's error object. */
function toExcelCells(cells: ResultCell[][]): unknown[][] {
  return cells.map((row) =>
    row.map((cell) => (cell instanceof PlanProblem ? toExcelError(cell) : cell))
  );
}

/**
 * Lists the overdue actions, most overdue first, under a header row: key, action, timescale, due date (a date serial), days overdue, lead. Without a plan range it reads the workbook's plan table and is volatile (recalculates with every change).
 * @customfunction OVERDUE
 * @helpurl https://localhost:3000/docs/functions.html#overdue
 * @volatile
 * @param plan The plan table with its header row, e.g. ImprovementPlan[#All] or A1:G40. Leave out to use the workbook's plan table.
 * @param asOf The date to judge the plan at (a date or a text like "28/12/2006"). Leave out for today.
 * @returns The overdue actions as a spilled table, or one cell saying there are none.
 */
export async function overdue(plan?: unknown[][], asOf?: unknown): Promise<unknown[][]> {
  return excelResultAsync(async () => {
    const options = judgeOptions(asOf);
    return toExcelCells(overdueTable(await planSource(plan), options));
  });
}

/**
 * Gives the status of an action from its timescale: Overdue, Due soon, Not yet due, Ongoing, On hold, Complete, Withdrawn or No date. A range spills one status per cell; a cell listing several timescales gets the most urgent.
 * @customfunction STATUS
 * @helpurl https://localhost:3000/docs/functions.html#status
 * @param timescale The timescale cell or range, e.g. F2 or F2:F40.
 * @param status The status cell (e.g. "Complete", "On hold"), one for all or a range the same shape as the timescales. Optional.
 * @param asOf The date to judge at (a date or a text like "28/12/2006"). Leave out for today; use TODAY() to follow the calendar.
 * @param dueSoonDays How many days ahead counts as due soon. Leave out for 30.
 * @returns The status word of each timescale.
 */
export function status(
  timescale: unknown[][],
  status?: unknown[][],
  asOf?: unknown,
  dueSoonDays?: unknown
): unknown[][] {
  return excelResult(() => {
    const options = { asAt: readAsOf(asOf, today), dueSoonDays: readDueSoonDays(dueSoonDays) };
    const statuses = isOmitted(status) ? null : status;
    return toExcelCells(statusWords(timescale, statuses, options));
  });
}

/**
 * Gives the due date of a timescale as a date serial (format the cell as a date): the last day of the latest period it names. #N/A, with the reason, when it names no due date (Ongoing, TBC, a month without a year).
 * @customfunction DUE
 * @helpurl https://localhost:3000/docs/functions.html#due
 * @param timescale The timescale cell or range, e.g. F2 or F2:F40.
 * @returns The due date of each timescale.
 */
export function due(timescale: unknown[][]): unknown[][] {
  return excelResult(() => toExcelCells(dueSerials(timescale)));
}

/**
 * Gives how many days an action is overdue: days past its due date when overdue, 0 otherwise, #N/A with the reason when it has no date. A cell listing several timescales gives its most overdue line.
 * @customfunction DAYSOVERDUE
 * @helpurl https://localhost:3000/docs/functions.html#daysoverdue
 * @param timescale The timescale cell or range, e.g. F2 or F2:F40.
 * @param status The status cell (e.g. "Complete"), one for all or a range the same shape as the timescales. Optional.
 * @param asOf The date to judge at (a date or a text like "28/12/2006"). Leave out for today; use TODAY() to follow the calendar.
 * @returns The days overdue of each timescale.
 */
export function daysOverdue(
  timescale: unknown[][],
  status?: unknown[][],
  asOf?: unknown
): unknown[][] {
  return excelResult(() => {
    const options = judgeOptions(asOf);
    const statuses = isOmitted(status) ? null : status;
    return toExcelCells(daysOverdueCells(timescale, statuses, options));
  });
}

/**
 * Counts the plan's actions with a status (e.g. "Overdue"), or all its actions when the status is left out. Without a plan range it reads the workbook's plan table and is volatile (recalculates with every change).
 * @customfunction COUNT
 * @helpurl https://localhost:3000/docs/functions.html#count
 * @volatile
 * @param status The status to count: Overdue, Due soon, Not yet due, Ongoing, On hold, No date, Complete or Withdrawn. Leave out to count every action.
 * @param plan The plan table with its header row, e.g. ImprovementPlan[#All] or A1:G40. Leave out to use the workbook's plan table.
 * @param asOf The date to judge the plan at. Leave out for today.
 * @returns The number of actions.
 */
export async function count(status?: unknown, plan?: unknown[][], asOf?: unknown): Promise<number> {
  return excelResultAsync(async () => {
    const wanted = readStatusWord(status);
    const options = judgeOptions(asOf);
    return countActions(await planSource(plan), wanted, options);
  });
}

/**
 * Counts the plan's actions by area and status as a spilled table: a row per area, a column per status, totals. Without a plan range it reads the workbook's plan table and is volatile (recalculates with every change).
 * @customfunction SUMMARY
 * @helpurl https://localhost:3000/docs/functions.html#summary
 * @volatile
 * @param plan The plan table with its header row, e.g. ImprovementPlan[#All] or A1:G40. Leave out to use the workbook's plan table.
 * @param asOf The date to judge the plan at. Leave out for today.
 * @returns The counts by area and status.
 */
export async function summary(plan?: unknown[][], asOf?: unknown): Promise<unknown[][]> {
  return excelResultAsync(async () => {
    const options = judgeOptions(asOf);
    return toExcelCells(summaryTable(await planSource(plan), options));
  });
}

// Synchronous forms for a plan given as a range: the same steps as the functions
// above without the workbook read, for hosts that cannot wait (a formula engine in tests).

/** PLAN.OVERDUE(plan, [asOf]) with the plan given. */
export function overdueOfRange(plan: unknown, asOf?: unknown): unknown[][] {
  return excelResult(() => toExcelCells(overdueTable(rangeSource(plan), judgeOptions(asOf))));
}

/** PLAN.COUNT([status], plan, [asOf]) with the plan given. */
export function countOfRange(status: unknown, plan: unknown, asOf?: unknown): number {
  return excelResult(() =>
    countActions(rangeSource(plan), readStatusWord(status), judgeOptions(asOf))
  );
}

/** PLAN.SUMMARY(plan, [asOf]) with the plan given. */
export function summaryOfRange(plan: unknown, asOf?: unknown): unknown[][] {
  return excelResult(() => toExcelCells(summaryTable(rangeSource(plan), judgeOptions(asOf))));
}
