/**
 * `plan status`: which actions of a workbook's plan are overdue, due soon, not yet
 * due ... as at a date, as an aligned table for a person or as JSON for a script.
 */
import {
  STATUS_LABEL,
  STATUS_ORDER,
  countStatuses,
  judgePlan,
  type ActionStatus,
  type IsoDate,
  type Plan,
  type StatusCounts,
  type StatusSettings,
  type TimescaleKind,
} from "../plan";
import { oneWorkbook, parseArgs, readJudgingOptions } from "./args";
import { EXIT_OK, type CliIo } from "./errors";

export const STATUS_USAGE = `Usage: plan status WORKBOOK.xlsx [options]

Reads the improvement plan in WORKBOOK.xlsx and shows each action's status
(overdue, due soon, not yet due, ongoing, on hold, no date, complete, withdrawn)
as at a date, then the counts.

Options:
  --as-at YYYY-MM-DD          judge the plan as at this date (default: today)
  --sheet NAME                the sheet (or Excel Table) holding the plan, when there are several
  --due-soon-days N           days ahead that count as "due soon" (default: 30)
  --next-committee YYYY-MM-DD "due soon" means due by this committee date instead
  --fy-start MONTH            month the financial year starts, 1-12 or a name (default: April)
  --date-order DMY|MDY        day/month order for dates such as 05/09/12 (default: DMY, UK)
  --column ROLE=HEADER        the column holding ROLE, by its header or its letter (e.g. C);
                              repeat for each role: key, recommendation, area, action,
                              timescale, revised, lead, status, comments ("none": no such column).
                              Columns chosen in the task pane are saved in the workbook and used.
  --json                      print JSON instead of a table
  -h, --help                  show this help

Exit status: 0 done; 1 the workbook could not be used; 2 the command was mistyped.
`;

const OPTIONS = {
  "as-at": "value",
  sheet: "value",
  "due-soon-days": "value",
  "next-committee": "value",
  "fy-start": "value",
  "date-order": "value",
  column: "values",
  json: "flag",
} as const;

/** One action in `--json` output; field names match the project's fixtures. */
export interface StatusJsonAction {
  key: string;
  action: string;
  timescale: string;
  kind: TimescaleKind;
  due: IsoDate | null;
  milestones: IsoDate[];
  status: string;
  daysOverdue: number | null;
  area: string;
  lead: string;
  /** The timescale cell, e.g. "'Improvement Plan'!F2". */
  source: string;
  /** The timescale cell's worksheet row. */
  sourceRow: number;
  /** Why there is no date (no-date actions only). */
  reason?: string;
  /** For recurring timescales, the next occurrence after the as-at date. */
  nextOccurrence?: IsoDate | null;
}

export interface StatusJson {
  asAt: IsoDate;
  sheet: string;
  table: string | null;
  /** Where the plan was read, e.g. "'Improvement Plan'!A1:G19". */
  range: string;
  dueSoonDays: number;
  nextCommittee: IsoDate | null;
  /** How many recommendations the plan holds. */
  recommendations: number;
  counts: StatusCounts;
  actions: StatusJsonAction[];
  /** Actions the reader could not pair cleanly, for the officer to check. */
  needsReview: { key: string; action: string; reason: string; source: string }[];
  /** Notes from the reader that did not stop it (ignored columns and the like). */
  notes: string[];
}

export async function runStatus(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, OPTIONS, "status");
  if (args.help) {
    io.stdout.write(STATUS_USAGE);
    return EXIT_OK;
  }
  const input = oneWorkbook(args, "status");
  // Check every option before opening the file: a mistyped command fails fast.
  const { asAt, dueSoonDays, nextCommittee, settings, sheet, columns } = readJudgingOptions(args);

  const { loadPlan, qualifiedAddress } = await import("../xlsx/read");
  const { plan: picked } = await loadPlan(input, { sheet, settings, columns });
  if (!picked.result.ok) throw new Error("picked a range that is not a plan"); // pickPlan never does
  const plan = picked.result.plan;
  const statusSettings: StatusSettings = { asAt, dueSoonDays, nextCommittee };
  const statuses = judgePlan(plan, statusSettings);
  const report = buildStatusJson(plan, statuses, statusSettings, {
    table: picked.table ?? null,
    range: qualifiedAddress(picked.sheet, picked.address),
    cell: qualifiedAddress,
  });
  io.stdout.write(
    args.options.has("json") ? JSON.stringify(report, null, 2) + "\n" : statusTable(report)
  );
  return EXIT_OK;
}

/** The `--json` document for a judged plan. */
export function buildStatusJson(
  plan: Plan,
  statuses: ActionStatus[],
  settings: StatusSettings,
  where: { table: string | null; range: string; cell: (sheet: string, address: string) => string }
): StatusJson {
  const byIndex = new Map(statuses.map((s) => [s.index, s]));
  const actions: StatusJsonAction[] = plan.actions.map((a) => {
    const s = byIndex.get(a.index);
    const item: StatusJsonAction = {
      key: a.key,
      action: a.action,
      timescale: a.timescale.text,
      kind: a.timescale.kind,
      due: a.timescale.due,
      milestones: a.timescale.milestones,
      status: s?.status ?? "no_date",
      daysOverdue: s?.daysOverdue ?? null,
      area: a.area,
      lead: a.lead,
      source: where.cell(a.timescaleSource.sheet, a.timescaleSource.address),
      sourceRow: a.timescaleSource.row,
    };
    const reason = s?.reason ?? a.needsReview;
    if (item.status === "no_date" && reason) item.reason = reason;
    if (s?.nextOccurrence !== undefined) item.nextOccurrence = s.nextOccurrence;
    return item;
  });
  return {
    asAt: settings.asAt,
    sheet: plan.sheet,
    table: where.table,
    range: where.range,
    dueSoonDays: settings.dueSoonDays,
    nextCommittee: settings.nextCommittee ?? null,
    recommendations: plan.recommendations.length,
    counts: orderedCounts(countStatuses(statuses)),
    actions,
    needsReview: plan.actions
      .filter((a) => a.needsReview)
      .map((a) => ({
        key: a.key,
        action: a.action,
        reason: a.needsReview ?? "",
        source: where.cell(a.source.sheet, a.source.address),
      })),
    notes: plan.notes,
  };
}

/** Counts in the order statuses are always listed. */
function orderedCounts(counts: StatusCounts): StatusCounts {
  const ordered = {} as StatusCounts;
  for (const s of STATUS_ORDER) ordered[s] = counts[s] ?? 0;
  return ordered;
}

const ACTION_WIDTH = 48;
const TIMESCALE_WIDTH = 24;

/** Cut long text to a column, on one line, marking the cut. */
function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= width ? flat : flat.slice(0, width - 1) + "…";
}

/** The readable table: one line per action, then the counts. */
export function statusTable(report: StatusJson): string {
  const header = ["Key", "Action", "Timescale", "Due", "Status", "Days overdue"];
  const rows = report.actions.map((a) => [
    fit(a.key, 8),
    fit(a.action, ACTION_WIDTH),
    fit(a.timescale, TIMESCALE_WIDTH),
    // A recurring action has no deadline of its own; show when it next comes round.
    a.due ?? (a.nextOccurrence ? `next ${a.nextOccurrence}` : ""),
    STATUS_LABEL[a.status as keyof typeof STATUS_LABEL] ?? a.status,
    a.daysOverdue === null ? "" : String(a.daysOverdue),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  out.push(`Plan: ${report.range}${report.table ? ` (table ${report.table})` : ""}`);
  out.push(
    `As at ${report.asAt}: ${report.actions.length} actions in ${report.recommendations} recommendations`
  );
  out.push("");
  out.push(line(header));
  out.push(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) out.push(line(r));
  out.push("");
  const total = report.actions.length;
  const labelWidth = Math.max(...STATUS_ORDER.map((s) => STATUS_LABEL[s].length));
  for (const s of STATUS_ORDER) {
    const n = report.counts[s];
    if (n === 0 && (s === "withdrawn" || s === "on_hold")) continue;
    out.push(`${STATUS_LABEL[s].padEnd(labelWidth)}  ${String(n).padStart(String(total).length)}`);
  }
  out.push(`${"Total".padEnd(labelWidth)}  ${total}`);
  if (report.needsReview.length > 0) {
    out.push("");
    out.push(`Needs review (${report.needsReview.length}):`);
    for (const r of report.needsReview)
      out.push(`  ${r.source}  ${fit(r.action, ACTION_WIDTH)}: ${r.reason}`);
  }
  for (const note of report.notes) out.push(`Note: ${note}`);
  return out.join("\n") + "\n";
}
