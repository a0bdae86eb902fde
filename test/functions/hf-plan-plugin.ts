/**
 * The PLAN functions registered in HyperFormula (GPL, tests only), so formulas such
 * as =PLAN.COUNT("Overdue", A1:G19, DATE(2006,12,28)) are evaluated by a real
 * formula engine: references resolved, ranges and dates passed the engine's way,
 * results spilled. The plugin only translates values between HyperFormula and
 * Excel's conventions and calls the functions exactly as Excel would.
 *
 * HyperFormula must know a spilled result's size before evaluating, so the
 * range-shaped functions (STATUS, DUE, DAYSOVERDUE) spill here; OVERDUE and SUMMARY,
 * whose size depends on the data, are registered with the size worked out from
 * their arguments' values.
 */
import "./setup";
import { CustomFunctionsError } from "./setup";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import type {
  InternalScalarValue,
  InterpreterValue,
} from "hyperformula/typings/interpreter/InterpreterValue";
import {
  countOfRange,
  daysOverdue,
  due,
  overdueOfRange,
  status,
  summaryOfRange,
} from "../../src/functions/functions";

const HF_ERROR_TEXT: Partial<Record<string, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.VALUE]: "#VALUE!",
};

/** A HyperFormula value as Excel hands it to a custom function. */
function toExcelArg(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError)
    return new CustomFunctionsError(HF_ERROR_TEXT[value.type] ?? "#VALUE!", value.message);
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toExcelArg));
  // Dates and other rich numbers (DateNumber) carry their number in `val`.
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { val?: unknown }).val === "number"
  ) {
    return (value as { val: number }).val;
  }
  return value;
}

/** Excel's error code as HyperFormula's error type, keeping the message. */
function toHfError(error: CustomFunctionsError): CellError {
  const type = error.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE;
  return new CellError(type, error.message);
}

/** A custom function's result (or its thrown error) as a HyperFormula value. */
function toHfResult(run: () => unknown): InterpreterValue {
  try {
    const result = run();
    if (Array.isArray(result)) {
      return SimpleRangeValue.onlyValues(
        result.map((row: unknown[]) =>
          row.map((cell) =>
            cell instanceof CustomFunctionsError ? toHfError(cell) : (cell as InternalScalarValue)
          )
        )
      );
    }
    return result as InterpreterValue;
  } catch (error) {
    if (error instanceof CustomFunctionsError) return toHfError(error);
    throw error;
  }
}

const anyArg = (optional: boolean) => ({
  argumentType: FunctionArgumentType.ANY,
  optionalArg: optional,
});

type Args = unknown[];

export class PlanPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    "PLAN.COUNT": {
      method: "planCount",
      parameters: [anyArg(true), anyArg(true), anyArg(true)],
      vectorizationForbidden: true,
    },
    "PLAN.STATUS": {
      method: "planStatus",
      sizeOfResultArrayMethod: "sizeOfFirstArg",
      parameters: [anyArg(false), anyArg(true), anyArg(true), anyArg(true)],
      vectorizationForbidden: true,
    },
    "PLAN.DUE": {
      method: "planDue",
      sizeOfResultArrayMethod: "sizeOfFirstArg",
      parameters: [anyArg(false)],
      vectorizationForbidden: true,
    },
    "PLAN.DAYSOVERDUE": {
      method: "planDaysOverdue",
      sizeOfResultArrayMethod: "sizeOfFirstArg",
      parameters: [anyArg(false), anyArg(true), anyArg(true)],
      vectorizationForbidden: true,
    },
    "PLAN.OVERDUE": {
      method: "planOverdue",
      sizeOfResultArrayMethod: "sizeOfOverdue",
      parameters: [anyArg(false), anyArg(true)],
      vectorizationForbidden: true,
    },
    "PLAN.SUMMARY": {
      method: "planSummary",
      sizeOfResultArrayMethod: "sizeOfSummary",
      parameters: [anyArg(false), anyArg(true)],
      vectorizationForbidden: true,
    },
  };

  private call(
    name: string,
    ast: Parameters<FunctionPlugin["runFunction"]>[0],
    state: Parameters<FunctionPlugin["runFunction"]>[1],
    fn: (...args: Args) => unknown
  ) {
    return this.runFunction(ast, state, this.metadata(name), (...args: Args) =>
      toHfResult(() => fn(...args.map(toExcelArg)))
    );
  }

  planCount(ast: { args: never }, state: never) {
    return this.call("PLAN.COUNT", ast.args, state, (s, plan, asOf) => countOfRange(s, plan, asOf));
  }
  planStatus(ast: { args: never }, state: never) {
    return this.call("PLAN.STATUS", ast.args, state, (t, s, asOf, days) =>
      status(t as unknown[][], s as unknown[][], asOf, days)
    );
  }
  planDue(ast: { args: never }, state: never) {
    return this.call("PLAN.DUE", ast.args, state, (t) => due(t as unknown[][]));
  }
  planDaysOverdue(ast: { args: never }, state: never) {
    return this.call("PLAN.DAYSOVERDUE", ast.args, state, (t, s, asOf) =>
      daysOverdue(t as unknown[][], s as unknown[][], asOf)
    );
  }
  planOverdue(ast: { args: never }, state: never) {
    return this.call("PLAN.OVERDUE", ast.args, state, (plan, asOf) => overdueOfRange(plan, asOf));
  }
  planSummary(ast: { args: never }, state: never) {
    return this.call("PLAN.SUMMARY", ast.args, state, (plan, asOf) => summaryOfRange(plan, asOf));
  }

  /** A range argument's size: the spilled result has the same shape. */
  sizeOfFirstArg(ast: { args: unknown[] }, state: unknown) {
    const arg = ast.args[0];
    if (arg === undefined) return ArraySize.error();
    const size = this.arraySizeForAst(arg as never, state as never);
    // A reference's size is flagged isRef (read as scalar); the spill is a plain array of that size.
    return new ArraySize(size.width, size.height);
  }

  /**
   * OVERDUE's and SUMMARY's sizes depend on the plan's values; work them out by
   * running the function on the argument values (plain cells in these tests).
   */
  private sizeByRunning(
    ast: { args: unknown[] },
    state: unknown,
    fn: (plan: unknown, asOf: unknown) => unknown[][]
  ) {
    try {
      const values = ast.args.map((arg) =>
        toExcelArg(this.evaluateAst(arg as never, state as never))
      );
      const result = fn(values[0], values[1]);
      return new ArraySize(result[0].length, result.length);
    } catch {
      return ArraySize.scalar();
    }
  }
  sizeOfOverdue(ast: { args: unknown[] }, state: unknown) {
    return this.sizeByRunning(ast, state, overdueOfRange);
  }
  sizeOfSummary(ast: { args: unknown[] }, state: unknown) {
    return this.sizeByRunning(ast, state, summaryOfRange);
  }
}

export const planTranslations = {
  enGB: {
    "PLAN.COUNT": "PLAN.COUNT",
    "PLAN.STATUS": "PLAN.STATUS",
    "PLAN.DUE": "PLAN.DUE",
    "PLAN.DAYSOVERDUE": "PLAN.DAYSOVERDUE",
    "PLAN.OVERDUE": "PLAN.OVERDUE",
    "PLAN.SUMMARY": "PLAN.SUMMARY",
  },
};
