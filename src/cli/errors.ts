/**
 * How the command line fails: one plain line on stderr and an exit code, never a
 * stack trace. Scripts that call `plan` can tell a mistake in the command (2) from
 * a workbook it could not use (1).
 */

import { WorkbookFileError } from "../xlsx/errors";

/** Exit codes, as documented in `plan --help`. */
export const EXIT_OK = 0;
/** The workbook or the input could not be used: missing file, not a plan, unknown sheet. */
export const EXIT_INPUT = 1;
/** The command itself was wrong: unknown option, missing or malformed option value. */
export const EXIT_USAGE = 2;

/** An error whose message is already written for the officer. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_INPUT) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** A mistake in how the command was typed (exit 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
    this.name = "UsageError";
  }
}

/** Where the command line writes; tests and `main` pass the real streams. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * The one line printed for a failure. A CliError's message is shown as written;
 * anything else is a fault in Plan Tracker itself, so it says so rather than
 * blaming the officer's file, still on one line (PLAN_DEBUG=1 shows the trace).
 */
export function describeFailure(error: unknown): { line: string; exitCode: number } {
  if (error instanceof CliError) {
    return { line: `plan: ${oneLine(error.message)}`, exitCode: error.exitCode };
  }
  if (error instanceof WorkbookFileError) {
    return { line: `plan: ${oneLine(error.message)}`, exitCode: EXIT_INPUT };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    line: `plan: something went wrong inside Plan Tracker: ${oneLine(message)}`,
    exitCode: EXIT_INPUT,
  };
}

/** Messages may quote cell text; keep the report to a single line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
