/**
 * The committee summary as data: every figure, list and sentence the
 * "Committee Summary" sheet, the task pane and the command line show, computed
 * once from a plan and its statuses as at a date (spec section 5).
 *
 * Rules where the spec is silent (kept here so the code and the rule move together):
 * - Areas and leads are grouped by their text with runs of white space (line
 *   breaks included) read as one space; an empty cell groups as "(none)". Groups
 *   are listed in the order they first appear in the plan.
 * - Overdue: most days overdue first; due soon: earliest due date first; ties keep
 *   plan order. No date, on hold and slipped are listed in plan order.
 * - A no-date item's reason is the status's reason, else the action's needs-review
 *   note, else the timescale's own reason.
 * - Slipped: the status's `slipped` flag; where the status does not say, an action
 *   slipped when its revised due date is later than its original one.
 * - The latest comment is the last non-empty line of the comments cell, trimmed.
 *
 * Work is linear in the plan's size: one pass to count and group, then only the
 * overdue and due-soon items are sorted (natively, on packed whole-number keys).
 */
import { dayNumber } from "./calendar";
import { narrative, progressSentence } from "./narrative";
import {
  STATUS_ORDER,
  type Action,
  type ActionStatus,
  type GroupCounts,
  type IsoDate,
  type Plan,
  type ReportRecord,
  type Status,
  type StatusCounts,
  type Summary,
  type SummaryItem,
} from "./types";

export interface SummaryOptions {
  asAt: IsoDate;
  /** When the summary was built, ISO 8601 with time (the engine never reads a clock). */
  builtAt: string;
  dueSoonDays: number;
  nextCommittee?: IsoDate | null;
  planName: string;
  source: string;
  /** The previous report's headline, to say what has changed since. */
  previous?: ReportRecord | null;
}

/** The name an empty area or lead cell is listed under. */
export const NO_GROUP_NAME = "(none)";

/**
 * Tallies are kept as arrays in STATUS_ORDER and turned into StatusCounts at the
 * end: indexing an object by eight different keys in a hot loop is several times
 * slower than indexing an array, and this loop runs once per action.
 */
type Tally = number[];

function newTally(): Tally {
  return [0, 0, 0, 0, 0, 0, 0, 0];
}

/** The status's place in STATUS_ORDER, or -1 for a value that is not a status. */
function slotOf(status: Status): number {
  switch (status) {
    case "overdue":
      return 0;
    case "due_soon":
      return 1;
    case "not_yet_due":
      return 2;
    case "ongoing":
      return 3;
    case "on_hold":
      return 4;
    case "no_date":
      return 5;
    case "complete":
      return 6;
    case "withdrawn":
      return 7;
    default:
      return -1;
  }
}

function toCounts(tally: Tally): StatusCounts {
  const counts = {} as StatusCounts;
  STATUS_ORDER.forEach((status, slot) => {
    counts[status] = tally[slot];
  });
  return counts;
}

/** "Head of\nJustice  Services " and "Head of Justice Services" are one lead. */
function groupName(text: string): string {
  const name = text.replace(/\s+/g, " ").trim();
  return name === "" ? NO_GROUP_NAME : name;
}

/** The last non-empty line of a comments cell: the latest update. */
export function latestComment(comments: string): string {
  // Work back from the end, so a long history costs only its last lines.
  let end = comments.length;
  while (end > 0) {
    const start = Math.max(
      comments.lastIndexOf("\n", end - 1),
      comments.lastIndexOf("\r", end - 1)
    );
    const line = comments.slice(start + 1, end).trim();
    if (line !== "") return line;
    end = start;
  }
  return "";
}

/**
 * The actions of one row share its comments cell and sit next to each other, so
 * remembering the last cell read saves reading it again for each of them.
 */
function latestCommentReader(): (comments: string) => string {
  let lastCell: string | null = null;
  let lastLine = "";
  return (comments) => {
    if (comments !== lastCell) {
      lastCell = comments;
      lastLine = latestComment(comments);
    }
    return lastLine;
  };
}

function hasSlipped(action: Action, status: ActionStatus): boolean {
  if (typeof status.slipped === "boolean") return status.slipped;
  const original = action.originalTimescale?.due;
  const revised = action.timescale.due;
  return original != null && revised != null && revised > original;
}

function noDateReason(action: Action, status: ActionStatus): string {
  return (
    status.reason ||
    action.needsReview ||
    action.timescale.reason ||
    "No due date could be read from the timescale."
  );
}

function toItem(
  action: Action,
  status: ActionStatus,
  latest: (comments: string) => string
): SummaryItem {
  const item: SummaryItem = {
    index: action.index,
    key: action.key,
    recommendation: action.recommendation,
    action: action.action,
    timescale: action.timescale.text,
    kind: action.timescale.kind,
    due: status.due,
    daysOverdue: status.daysOverdue,
    status: status.status,
    lead: action.lead,
    area: action.area,
    latestComment: latest(action.comments),
    source: action.source,
    timescaleSource: action.timescaleSource,
  };
  if (action.originalTimescale) item.originalTimescale = action.originalTimescale.text;
  if (status.status === "no_date") item.reason = noDateReason(action, status);
  return item;
}

/** Puts each status at its action's index, refusing a list that does not match the plan. */
function statusesInPlanOrder(plan: Plan, statuses: ActionStatus[]): ActionStatus[] {
  const count = plan.actions.length;
  if (statuses.length !== count) {
    throw new Error(
      `The summary needs one status for each of the plan's ${count} actions, but was given ${statuses.length}.`
    );
  }
  // judgePlan gives them in plan order already; only rearrange when it did not.
  if (statuses.every((s, i) => s.index === i)) return statuses;
  const ordered = new Array<ActionStatus | undefined>(count);
  for (const status of statuses) {
    if (!Number.isInteger(status.index) || status.index < 0 || status.index >= count) {
      throw new Error(`A status refers to action ${status.index}, which the plan does not have.`);
    }
    if (ordered[status.index]) {
      throw new Error(`Action ${status.index} was given two statuses.`);
    }
    ordered[status.index] = status;
  }
  return ordered as ActionStatus[];
}

/**
 * Counts actions by area or by lead. Most plans repeat a handful of names
 * thousands of times, so each distinct cell text is tidied once and remembered.
 */
class Groups {
  private readonly byName = new Map<string, { name: string; total: number; tally: Tally }>();
  private readonly byText = new Map<string, { name: string; total: number; tally: Tally }>();

  add(text: string, slot: number): void {
    let group = this.byText.get(text);
    if (!group) {
      const name = groupName(text);
      group = this.byName.get(name);
      if (!group) {
        group = { name, total: 0, tally: newTally() };
        this.byName.set(name, group);
      }
      this.byText.set(text, group);
    }
    group.total++;
    group.tally[slot]++;
  }

  /** In the order first seen in the plan. */
  list(): GroupCounts[] {
    return [...this.byName.values()].map((g) => ({
      name: g.name,
      total: g.total,
      counts: toCounts(g.tally),
    }));
  }
}

export function summarise(plan: Plan, statuses: ActionStatus[], options: SummaryOptions): Summary {
  const ordered = statusesInPlanOrder(plan, statuses);
  const total = plan.actions.length;
  const tally = newTally();
  const byArea = new Groups();
  const byLead = new Groups();
  const overdue: SummaryItem[] = [];
  const dueSoon: SummaryItem[] = [];
  const noDate: SummaryItem[] = [];
  const onHold: SummaryItem[] = [];
  const slipped: SummaryItem[] = [];
  const latest = latestCommentReader();

  for (let i = 0; i < total; i++) {
    const action = plan.actions[i];
    const status = ordered[i];
    const slot = slotOf(status.status);
    if (slot < 0) {
      throw new Error(
        `Action ${i} has the status "${String(status.status)}", which is not one the summary knows.`
      );
    }
    tally[slot]++;
    byArea.add(action.area, slot);
    byLead.add(action.lead, slot);

    const listed =
      status.status === "overdue" ||
      status.status === "due_soon" ||
      status.status === "no_date" ||
      status.status === "on_hold";
    const didSlip = hasSlipped(action, status);
    if (!listed && !didSlip) continue;
    const item = toItem(action, status, latest);
    if (status.status === "overdue") overdue.push(item);
    else if (status.status === "due_soon") dueSoon.push(item);
    else if (status.status === "no_date") noDate.push(item);
    else if (status.status === "on_hold") onHold.push(item);
    if (didSlip) slipped.push(item);
  }

  const overdueSorted = sortByNumber(overdue, (item) => -(item.daysOverdue ?? 0));
  const dueSoonSorted = sortByNumber(dueSoon, (item) =>
    item.due === null ? Infinity : dayNumber(item.due)
  );

  const counts = toCounts(tally);
  const shares = {} as Record<Status, number>;
  for (const status of STATUS_ORDER) shares[status] = total === 0 ? 0 : counts[status] / total;

  const base: Omit<Summary, "narrative" | "progress"> = {
    planName: options.planName,
    source: options.source,
    asAt: options.asAt,
    builtAt: options.builtAt,
    dueSoonDays: options.dueSoonDays,
    nextCommittee: options.nextCommittee ?? null,
    total,
    recommendations: plan.recommendations.length,
    counts,
    shares,
    byArea: byArea.list(),
    byLead: byLead.list(),
    overdue: overdueSorted,
    dueSoon: dueSoonSorted,
    noDate,
    onHold,
    slipped,
    previous: options.previous ?? null,
  };
  const current: ReportRecord = { asAt: options.asAt, builtAt: options.builtAt, total, counts };
  return {
    ...base,
    narrative: narrative(base),
    progress: base.previous ? progressSentence(base.previous, current) : null,
  };
}

/**
 * The items ordered by a whole-number key, ties kept in their given (plan) order.
 * Each item's key and position are packed into one number and the numbers sorted
 * natively, which for a large plan is several times faster than a comparator.
 * Keys here are day counts, so the packed values stay far inside exact integers.
 */
export function sortByNumber<T>(items: T[], keyOf: (item: T) => number): T[] {
  const n = items.length;
  if (n < 2) return items.slice();
  const keys = new Float64Array(n);
  let low = Infinity;
  let high = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    // A missing or unreadable key sorts after every real one.
    const raw = keyOf(items[i]);
    const key = Number.isFinite(raw) ? raw : Infinity;
    keys[i] = key;
    if (key !== Infinity) {
      if (!Number.isInteger(key)) whole = false;
      if (key < low) low = key;
      if (key > high) high = key;
    }
  }
  if (low === Infinity) return items.slice();
  const last = high - low + 1;
  if (!whole || (last + 1) * n > Number.MAX_SAFE_INTEGER) {
    // Not expected for day counts; keep correctness with an ordinary stable sort.
    return items
      .map((item, i) => ({ item, key: keys[i] }))
      .sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? -1 : 1))
      .map((entry) => entry.item);
  }
  for (let i = 0; i < n; i++) {
    const rank = keys[i] === Infinity ? last : keys[i] - low;
    keys[i] = rank * n + i;
  }
  keys.sort();
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[keys[i] % n];
  return out;
}
