/**
 * `plan summary`: builds the committee summary sheet into a copy of the workbook (or the
 * workbook itself with --in-place), the same sheet the task pane builds, and records the
 * report in the workbook's history so reports made either way form one history.
 *
 * Nothing is written unless everything worked: the new file is written beside its target
 * under a temporary name and renamed into place at the end.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  STATUS_LABEL,
  STATUS_ORDER,
  formatLongDate,
  judgePlan,
  summarise,
  type ReportRecord,
  type Summary,
} from "../plan";
import { HISTORY_SHEET } from "../report/history";
import { planName, planSource } from "../report/source";
import { oneWorkbook, optionValue, parseArgs, readJudgingOptions } from "./args";
import { CliError, EXIT_OK, UsageError, type CliIo } from "./errors";

export const SUMMARY_USAGE = `Usage: plan summary WORKBOOK.xlsx [options]

Builds the committee summary sheet ("Committee Summary") from the improvement plan in
WORKBOOK.xlsx, writes the workbook with that sheet added (or replaced, when it is Plan
Tracker's own) to a new file, records the report in the workbook's history, and prints
the headline counts and the narrative.

Options:
  --out FILE                  where to write (default: WORKBOOK-summary.xlsx beside the input)
  --in-place                  write into WORKBOOK.xlsx itself
  --as-at YYYY-MM-DD          judge the plan as at this date (default: today)
  --sheet NAME                the sheet (or Excel Table) holding the plan, when there are several
  --summary-sheet NAME        the summary sheet's name (default: Committee Summary)
  --due-soon-days N           days ahead that count as "due soon" (default: 30)
  --next-committee YYYY-MM-DD "due soon" means due by this committee date instead
  --fy-start MONTH            month the financial year starts, 1-12 or a name (default: April)
  --date-order DMY|MDY        day/month order for dates such as 05/09/12 (default: DMY, UK)
  --column ROLE=HEADER        the column holding ROLE, by its header or its letter (e.g. C);
                              repeat for each role: key, recommendation, area, action,
                              timescale, revised, lead, status, comments ("none": no such column).
                              Columns chosen in the task pane are saved in the workbook and used.
  -h, --help                  show this help

Exit status: 0 done; 1 the workbook could not be used; 2 the command was mistyped.
`;

const OPTIONS = {
  out: "value",
  "in-place": "flag",
  "as-at": "value",
  sheet: "value",
  "summary-sheet": "value",
  "due-soon-days": "value",
  "next-committee": "value",
  "fy-start": "value",
  "date-order": "value",
  column: "values",
} as const;

/** A plan this long gets a progress bar on a terminal. */
export const PROGRESS_THRESHOLD = 10_000;

/** A bar on standard error, redrawn in place: "Building summary [#########-----------] 45% writing". */
class ProgressBar {
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly enabled: boolean
  ) {}

  step(fraction: number, label: string): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
    const bar = "#".repeat(filled) + "-".repeat(width - filled);
    this.stream.write(
      `\rBuilding summary [${bar}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label.padEnd(22)}`
    );
  }

  done(): void {
    if (this.enabled) this.stream.write("\r" + " ".repeat(70) + "\r");
  }
}

/** "<name>-summary.xlsx" beside the input (".xlsm" stays ".xlsm": its macros need that name). */
function defaultOut(input: string): string {
  const ext = path.extname(input);
  const base = path.basename(input, ext);
  return path.join(path.dirname(input), `${base}-summary${/^\.xlsm$/i.test(ext) ? ext : ".xlsx"}`);
}

export async function runSummary(argv: string[], io: CliIo & { isTTY?: boolean }): Promise<number> {
  const args = parseArgs(argv, OPTIONS, "summary");
  if (args.help) {
    io.stdout.write(SUMMARY_USAGE);
    return EXIT_OK;
  }
  const input = oneWorkbook(args, "summary");
  const { asAt, dueSoonDays, nextCommittee, settings, sheet, columns } = readJudgingOptions(args);
  const summarySheetName = (optionValue(args, "summary-sheet") ?? "Committee Summary").trim();
  if (
    summarySheetName === "" ||
    summarySheetName.length > 31 ||
    /[\\/?*[\]:]/.test(summarySheetName)
  ) {
    throw new UsageError(
      "--summary-sheet must be a sheet name Excel accepts: 1 to 31 characters, none of \\ / ? * [ ] :"
    );
  }
  const inPlace = args.options.has("in-place");
  const outOption = optionValue(args, "out");
  if (inPlace && outOption !== undefined)
    throw new UsageError("give --out or --in-place, not both.");
  const out = inPlace ? input : (outOption ?? defaultOut(input));
  if (!inPlace && path.resolve(out) === path.resolve(input)) {
    throw new UsageError(
      `--out names the input workbook itself; add --in-place if you mean to write into '${input}'.`
    );
  }
  const wantExt = /\.xlsm$/i.test(input) ? ".xlsm" : ".xlsx";
  if (path.extname(out).toLowerCase() !== wantExt) {
    throw new UsageError(
      `--out must name an ${wantExt} file, like the input workbook; '${out}' does not.`
    );
  }

  const isTTY = io.isTTY ?? Boolean((io.stderr as NodeJS.WriteStream).isTTY);
  const { openWorkbook, findPlans, pickPlan } = await import("../xlsx/read");
  const workbook = await openWorkbook(input);
  const { readHistory, chooseSummaryTarget, writeSummaryFile } =
    await import("../xlsx/write-summary");
  const history = readHistory(workbook);
  // The add-in's own sheets hold list headers (Action, Timescale) and would read as plans.
  const own = new Set(
    [HISTORY_SHEET, history.summarySheet ?? HISTORY_SHEET].map((s) => s.toLowerCase())
  );
  const all = findPlans(workbook, input, { settings, columns });
  const tried = all.tried.filter((c) => !own.has(c.sheet.toLowerCase()));
  const found = { ...all, tried, plans: tried.filter((c) => c.result.ok) };
  const picked = pickPlan(found, sheet);
  if (!picked.result.ok) throw new Error("picked a range that is not a plan"); // pickPlan never does
  const plan = picked.result.plan;
  const progress = new ProgressBar(io.stderr, isTTY && plan.actions.length >= PROGRESS_THRESHOLD);
  progress.step(0.2, "judging actions");

  const { buildSummaryLayout } = await import("../report");
  const previous: ReportRecord | null = history.records[history.records.length - 1] ?? null;
  const statuses = judgePlan(plan, { asAt, dueSoonDays, nextCommittee });
  progress.step(0.4, "summarising");
  const summary = summarise(plan, statuses, {
    asAt,
    builtAt: new Date().toISOString(),
    dueSoonDays,
    nextCommittee,
    // The sheet's name is the one officers see on the tab; a table's name cannot hold spaces.
    planName: planName(picked),
    source: planSource(picked),
    previous,
  });
  const target = chooseSummaryTarget(workbook, summarySheetName, history.summarySheet);
  if (target.name.toLowerCase() === picked.sheet.toLowerCase()) {
    throw new CliError(
      `the summary cannot go on sheet '${picked.sheet}': that sheet holds the plan. Choose another with --summary-sheet.`
    );
  }
  progress.step(0.5, "laying out the sheet");
  const layout = buildSummaryLayout(summary, history.records, {
    sheetName: target.name,
    planSheet: picked.sheet,
  });
  const record: ReportRecord = {
    asAt: summary.asAt,
    builtAt: summary.builtAt,
    total: summary.total,
    counts: summary.counts,
  };
  progress.step(0.6, "writing the workbook");
  // The original file, patched: every part but the summary and history sheets is kept as it was.
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await fs.readFile(input));
  const buffer = await writeSummaryFile(zip, layout, target, [...history.records, record]);
  progress.step(0.95, "saving");
  await writeAtomically(out, buffer);
  progress.done();

  if (target.renamed) {
    io.stderr.write(
      `Warning: the workbook already has a sheet of its own called '${summarySheetName}', which Plan Tracker does not overwrite; the summary is on '${target.name}'.\n`
    );
  }
  io.stdout.write(summaryText(summary));
  io.stdout.write(
    `\nWrote the committee summary to sheet '${target.name}' of ${out}` +
      `${target.replace ? " (replacing the previous summary)" : ""}; report ${history.records.length + 1} in the workbook's history.\n`
  );
  return EXIT_OK;
}

/** What the command prints: the headline counts and the narrative. */
export function summaryText(summary: Summary): string {
  const lines: string[] = [];
  lines.push(`${summary.planName}: committee summary as at ${formatLongDate(summary.asAt)}`);
  lines.push(
    `${summary.total} actions under ${summary.recommendations} recommendations (${summary.source})`
  );
  lines.push("");
  const shown = STATUS_ORDER.filter(
    (s) => summary.counts[s] > 0 || s === "overdue" || s === "due_soon"
  );
  const width = Math.max(...shown.map((s) => STATUS_LABEL[s].length));
  const numWidth = String(summary.total).length;
  for (const s of shown) {
    const share = `${Math.round(summary.shares[s] * 100)}%`;
    lines.push(
      `  ${STATUS_LABEL[s].padEnd(width)}  ${String(summary.counts[s]).padStart(numWidth)}  ${share.padStart(4)}`
    );
  }
  lines.push("");
  lines.push(summary.narrative);
  if (summary.progress) lines.push("", summary.progress);
  return lines.join("\n") + "\n";
}

/** True while a process with this id runs (signal 0 only asks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A run killed mid-write (a closed laptop, a scheduler's time-out) leaves its temporary file
 * beside the workbook; the next run tidies those whose process has gone.
 */
async function removeStaleTemps(dir: string, base: string): Promise<void> {
  const prefix = `.${base}.`;
  let names: string[] = [];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (m && !isRunning(Number(m[1]))) await fs.rm(path.join(dir, name), { force: true });
  }
}

/** Writes beside the target under a temporary name, then renames: a failure leaves no half-written file. */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliError(
      `cannot write '${file}': the folder '${dir}' cannot be created (${(error as NodeJS.ErrnoException).code}).`
    );
  }
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  await removeStaleTemps(dir, path.basename(file));
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot write '${file}' (${code ?? String(error)}); nothing was written.`);
  }
}
