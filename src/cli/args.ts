/**
 * A small, strict option parser: every option is declared, an unknown one is a
 * usage error (a typo such as `--asat` must not silently fall back to today).
 * Accepts `--name value`, `--name=value`, and `--` to end the options.
 */
import {
  DEFAULT_DUE_SOON_DAYS,
  parseIsoDate,
  todayLocal,
  type DateOrder,
  type IsoDate,
  type ReadSettings,
} from "../plan";
import { UsageError } from "./errors";

/** "value": the option takes a value; "flag": it stands alone. */
export type OptionKind = "value" | "flag";

export interface ParsedArgs {
  /** Option values by name (without the dashes); flags are `true`. */
  options: Map<string, string | true>;
  positionals: string[];
  help: boolean;
}

export function parseArgs(
  argv: readonly string[],
  spec: Record<string, OptionKind>,
  command: string
): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, "");
    const kind = spec[name];
    if (!kind) {
      throw new UsageError(
        `'plan ${command}' has no option '${arg.slice(0, eq >= 0 ? eq : arg.length)}' (see 'plan ${command} --help').`
      );
    }
    if (kind === "flag") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("--") && value.length > 2)) {
        throw new UsageError(`--${name} needs a value (see 'plan ${command} --help').`);
      }
      i++;
    }
    options.set(name, value);
  }
  return { options, positionals, help };
}

/** The string value of an option, or undefined when it was not given. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === "string" ? value : undefined;
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

/** How a plan is judged, from the options status and summary share. */
export interface JudgingOptions {
  asAt: IsoDate;
  dueSoonDays: number;
  nextCommittee: IsoDate | null;
  settings: Partial<ReadSettings>;
  sheet: string | undefined;
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
  };
}
