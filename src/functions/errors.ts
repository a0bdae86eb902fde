/**
 * Errors the PLAN functions give back to the cell.
 *
 * The functions' logic never touches the `CustomFunctions` global: it throws or
 * returns a `PlanProblem` (plain data, so tests and other engines read it), and only
 * `toExcelError` turns that into the runtime's `CustomFunctions.Error`, at the
 * moment a result goes back to Excel. That keeps `functions.ts` importable by jest
 * and by a formula engine in tests, where the real runtime is absent.
 */

/** Which Excel error a problem shows as. Excel shows a custom message only with these two. */
export type ProblemCode = "invalidValue" | "notAvailable";

/** The cell text Excel shows for each code. */
export const PROBLEM_CELL_TEXT: Record<ProblemCode, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
};

/** Something the officer can fix, in the officer's words. */
export class PlanProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string
  ) {
    super(message);
    this.name = "PlanProblem";
  }
}

/** Bad argument: shows as #VALUE! with the message. */
export function invalid(message: string): PlanProblem {
  return new PlanProblem("invalidValue", message);
}

/** No answer exists (no due date, no plan found): shows as #N/A with the message. */
export function notAvailable(message: string): PlanProblem {
  return new PlanProblem("notAvailable", message);
}

/** The shape of the runtime's error class (CustomFunctionsRuntime 1.2). */
interface RuntimeErrorClass {
  new (code: string, message?: string): unknown;
}
interface CustomFunctionsGlobal {
  Error: RuntimeErrorClass;
  ErrorCode: Record<ProblemCode, string>;
}
// Supplied by Excel's custom-functions runtime (and by test/functions/setup.ts under jest).
// Declared here, not globally, so it cannot clash with other type packages.
declare const CustomFunctions: CustomFunctionsGlobal;

/** The runtime's error object for a problem; built only when a result goes back to Excel. */
export function toExcelError(problem: PlanProblem): unknown {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[problem.code], problem.message);
}

/**
 * Any exception as a problem. A bug must still reach the officer as an explained
 * #VALUE!, never as a bare one.
 */
export function asProblem(error: unknown): PlanProblem {
  if (error instanceof PlanProblem) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return invalid(
    `Plan Tracker could not work this out (${detail}). Please report this with the formula you used.`
  );
}

/** Runs a function body and turns any problem into the runtime's error, thrown as Excel expects. */
export function excelResult<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(asProblem(error));
  }
}

/** The asynchronous form, for functions that read the workbook. */
export async function excelResultAsync<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toExcelError(asProblem(error));
  }
}
