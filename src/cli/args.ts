/**
 * Options are read by Node's own strict parser (util.parseArgs): every option is declared, an
 * unknown one is a usage error (a typo such as `--asat` must not silently fall back to today).
 * Accepts `--name value`, `--name=value`, and `--` to end the options. Its error codes are
 * turned into one line the officer can act on.
 */
import { parseArgs as parseNodeArgs } from "node:util";
import {
  DEFAULT_DUE_SOON_DAYS,
  parseIsoDate,
  todayLocal,
  type ColumnChoices,
  type ColumnRole,
  type DateOrder,
  type IsoDate,
  type ReadSettings,
} from "../plan";
import { UsageError } from "./errors";

/** "value": the option takes a value; "values": it takes one each time it is given; "flag": it stands alone. */
export type OptionKind = "value" | "values" | "flag";

export interface ParsedArgs {
  /** Option values by name (without the dashes); flags are `true`, repeatable options lists. */
  options: Map<string, string | true | string[]>;
  positionals: string[];
  help: boolean;
}

export function parseArgs(
  argv: readonly string[],
  spec: Record<string, OptionKind>,
  command: string
): ParsedArgs {
  const declared: Record<
    string,
    { type: "string" | "boolean"; multiple?: boolean; short?: string }
  > = { help: { type: "boolean", short: "h" } };
  for (const [name, kind] of Object.entries(spec)) {
    declared[name] =
      kind === "flag" ? { type: "boolean" } : { type: "string", multiple: kind === "values" };
  }
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({
      args: [...argv],
      options: declared,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw usageErrorOf(error, argv, spec, command);
  }
  const options = new Map<string, string | true | string[]>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (name === "help" || value === undefined || value === false) continue;
    options.set(name, value as string | true | string[]);
  }
  return { options, positionals: parsed.positionals, help: parsed.values.help === true };
}

/** Node's parse error as the line the officer reads. */
function usageErrorOf(
  error: unknown,
  argv: readonly string[],
  spec: Record<string, OptionKind>,
  command: string
): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const named = /'(-{1,2}[^'\s=]+)/.exec(message)?.[1] ?? "";
  const name = named.replace(/^-+/, "");
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return new UsageError(
      `'plan ${command}' has no option '${named}' (see 'plan ${command} --help').`
    );
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (spec[name] === "flag" || name === "help")
      return new UsageError(`--${name} takes no value.`);
    return new UsageError(`--${name} needs a value (see 'plan ${command} --help').`);
  }
  return new UsageError(`${message} (see 'plan ${command} --help').`);
}

/** The string value of an option, or undefined when it was not given. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (Array.isArray(value)) return value[value.length - 1];
  return typeof value === "string" ? value : undefined;
}

/** Every value of a repeatable option, in order ([] when it was not given). */
export function optionValues(args: ParsedArgs, name: string): string[] {
  const value = args.options.get(name);
  if (Array.isArray(value)) return value;
  return typeof value === "string" ? [value] : [];
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** `--fy-start`: a month number 1-12, or a month's name ("April", "apr", "Sept"). */
export function parseMonthOption(text: string, option = "--fy-start"): number {
  const t = text.trim().toLowerCase().replace(/\.$/, "");
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    if (n >= 1 && n <= 12) return n;
  } else if (t.length >= 3) {
    const index = MONTHS.findIndex((m) => m.startsWith(t) || (t === "sept" && m === "september"));
    if (index >= 0) return index + 1;
  }
  throw new UsageError(
    `${option} must be a month, 1 to 12 or a name such as April; '${text}' is not one.`
  );
}

/** `--date-order`: DMY (UK, the default) or MDY. */
export function parseDateOrderOption(text: string): DateOrder {
  const t = text.trim().toUpperCase();
  if (t === "DMY" || t === "MDY") return t;
  throw new UsageError(
    `--date-order must be DMY (31/03/2025) or MDY (03/31/2025); '${text}' is neither.`
  );
}

/** A date option, strictly `YYYY-MM-DD` and a real day. */
export function parseDateOption(text: string, option: string): IsoDate {
  const date = parseIsoDate(text);
  if (!date) {
    throw new UsageError(
      `${option} must be a date written YYYY-MM-DD, such as 2006-12-28; '${text}' is not a real date in that form.`
    );
  }
  return date;
}

/** A whole number of days, 0 or more. */
export function parseDaysOption(text: string, option: string): number {
  if (!/^\d{1,5}$/.test(text.trim())) {
    throw new UsageError(`${option} must be a whole number of days (0 or more); '${text}' is not.`);
  }
  return Number(text.trim());
}

/** The read settings given by --fy-start and --date-order (only those given). */
export function readSettingsFrom(args: ParsedArgs): Partial<ReadSettings> {
  const settings: Partial<ReadSettings> = {};
  const fy = optionValue(args, "fy-start");
  if (fy !== undefined) settings.financialYearStartMonth = parseMonthOption(fy);
  const order = optionValue(args, "date-order");
  if (order !== undefined) settings.dateOrder = parseDateOrderOption(order);
  return settings;
}

/** The one workbook a command reads, or a usage error saying what was expected. */
export function oneWorkbook(args: ParsedArgs, command: string): string {
  if (args.positionals.length === 0)
    throw new UsageError(`'plan ${command}' needs a workbook, e.g. plan ${command} plan.xlsx`);
  if (args.positionals.length > 1) {
    throw new UsageError(
      `'plan ${command}' reads one workbook; got ${args.positionals.length} (${args.positionals.join(", ")}).`
    );
  }
  return args.positionals[0];
}

/** The roles `--column` names, as the officer would say them. */
export const COLUMN_ROLES: Record<string, ColumnRole> = {
  key: "key",
  recommendation: "recommendation",
  area: "area",
  action: "action",
  timescale: "timescale",
  revised: "revisedTimescale",
  lead: "lead",
  status: "status",
  comments: "comments",
};

/**
 * `--column ROLE=HEADER`, repeatable: the officer's say over which column is which. HEADER is
 * the header's text (any case) or a column letter such as C; "none" says the plan has no such
 * column. A later --column for the same role wins.
 */
export function readColumnChoices(args: ParsedArgs): ColumnChoices | undefined {
  const given = optionValues(args, "column");
  if (given.length === 0) return undefined;
  const roles = Object.keys(COLUMN_ROLES).join(", ");
  const choices: ColumnChoices = {};
  for (const text of given) {
    const eq = text.indexOf("=");
    if (eq < 0) {
      throw new UsageError(
        `--column takes ROLE=HEADER, such as --column timescale="Due Date" or --column action=C; '${text}' has no '='.`
      );
    }
    const name = text.slice(0, eq).trim().toLowerCase();
    const header = text.slice(eq + 1).trim();
    const role = Object.prototype.hasOwnProperty.call(COLUMN_ROLES, name)
      ? COLUMN_ROLES[name]
      : undefined;
    if (!role) {
      throw new UsageError(
        `--column: '${text.slice(0, eq)}' is not a role; the roles are ${roles}.`
      );
    }
    if (header === "") {
      throw new UsageError(
        `--column ${name}= needs the header of the column (or its letter, such as C).`
      );
    }
    choices[role] = header.toLowerCase() === "none" ? null : { header };
  }
  return choices;
}

/** How a plan is judged, from the options status and summary share. */
export interface JudgingOptions {
  asAt: IsoDate;
  dueSoonDays: number;
  nextCommittee: IsoDate | null;
  settings: Partial<ReadSettings>;
  sheet: string | undefined;
  /** --column choices, when given. */
  columns: ColumnChoices | undefined;
}

/** Reads --as-at, --due-soon-days or --next-committee, --fy-start, --date-order and --sheet, checking each. */
export function readJudgingOptions(args: ParsedArgs): JudgingOptions {
  const asAtText = optionValue(args, "as-at");
  const asAt = asAtText === undefined ? todayLocal() : parseDateOption(asAtText, "--as-at");
  const daysText = optionValue(args, "due-soon-days");
  const committeeText = optionValue(args, "next-committee");
  if (daysText !== undefined && committeeText !== undefined) {
    throw new UsageError(
      "give --due-soon-days or --next-committee, not both: they are two ways of saying what 'due soon' means."
    );
  }
  return {
    asAt,
    dueSoonDays:
      daysText === undefined ? DEFAULT_DUE_SOON_DAYS : parseDaysOption(daysText, "--due-soon-days"),
    nextCommittee:
      committeeText === undefined ? null : parseDateOption(committeeText, "--next-committee"),
    settings: readSettingsFrom(args),
    sheet: optionValue(args, "sheet"),
    columns: readColumnChoices(args),
  };
}
