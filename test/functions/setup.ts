/**
 * A minimal `CustomFunctions` global for tests, mirroring the runtime's
 * (custom-functions-runtime: `CustomFunctions.Error(code, message?)` with `code`
 * and `message`, and the `ErrorCode` enum whose values are the cell texts).
 * Excel supplies the real one; import this file first in a test that calls a
 * function as Excel would.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
}

const g = globalThis as unknown as { CustomFunctions?: unknown };
g.CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};

/** The error a cell shows and its message, for assertions. */
export function shown(value: unknown): { code: string; message?: string } | unknown {
  return value instanceof CustomFunctionsError
    ? { code: value.code, message: value.message }
    : value;
}

/** Runs a function call as Excel does and returns what the cell shows (its value or its error). */
export async function cell<T>(call: () => T | Promise<T>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CustomFunctionsError) return { code: error.code, message: error.message };
    throw error; // anything else escaping is a bug the test must see
  }
}
