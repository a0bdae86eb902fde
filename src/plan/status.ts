/**
 * Judging actions as at a date (spec section 4). The rules are applied in the
 * spec's order; the first that fits decides. Dates are compared as whole day
 * numbers, never as Date objects, so no time zone can shift a deadline.
 * judgePlan works out the as-at date and the due-soon window once for the plan:
 * a plan of 100,000 actions is judged in a few milliseconds.
 */
import type {
  Action,
  ActionStatus,
  CellValue,
  IsoDate,
  Plan,
  Status,
  StatusCounts,
  StatusSettings,
  Timescale,
} from "./types";
import { DEFAULT_DUE_SOON_DAYS, STATUS_ORDER } from "./types";
import { dayNumber } from "./calendar";
import { nextOccurrence } from "./timescale";
import { readStatusCell, type StatusWord } from "./status-words";

type Judgement = Omit<ActionStatus, "index">;

/** The as-at date and the due-soon window as day numbers, worked out once per plan. */
interface Context {
  asAt: IsoDate;
  asAtDay: number;
  /** The last day that is still due soon (never before the as-at date itself). */
  soonEndDay: number;
}

function contextOf(settings: StatusSettings): Context {
  const asAtDay = dayOf(settings.asAt);
  let end: number;
  if (settings.nextCommittee != null && settings.nextCommittee !== "") {
    end = dayOf(settings.nextCommittee);
  } else {
    const days = Number.isFinite(settings.dueSoonDays)
      ? settings.dueSoonDays
      : DEFAULT_DUE_SOON_DAYS;
    end = asAtDay + Math.trunc(days);
  }
  // Spec 4: an action due on the as-at date itself is due soon, whatever the window.
  return { asAt: settings.asAt, asAtDay, soonEndDay: Math.max(end, asAtDay) };
}

/**
 * Day number of a `YYYY-MM-DD` date, read from its characters (the same count as
 * calendar.dayNumber, without building a Date: this runs once per action).
 */
function dayOf(date: IsoDate): number {
  if (date.length !== 10) return dayNumber(date);
  const y = num4(date, 0);
  const m = num2(date, 5);
  const d = num2(date, 8);
  if (y < 0 || m < 1 || m > 12 || d < 1) return dayNumber(date);
  // Days from civil (H. Hinnant), proleptic Gregorian, 1970-01-01 = 0.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1e9;
}
const num2 = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);
const num4 = (s: string, i: number): number => num2(s, i) * 100 + num2(s, i + 2);

function judged(status: Status, due: IsoDate | null): Judgement {
  return { status, daysOverdue: null, due };
}

const NO_DATE_KINDS = new Set<Timescale["kind"]>(["relative", "tbc", "needs_year", "unclear"]);

/** Status cells repeat ("Green", "Amber", ""): each distinct text is read once. */
const statusWordCache = new Map<string, StatusWord | null>();
function statusWord(value: CellValue): StatusWord | null {
  if (typeof value !== "string") return readStatusCell(value);
  if (value === "") return null;
  let w = statusWordCache.get(value);
  if (w === undefined) {
    w = readStatusCell(value);
    if (statusWordCache.size > 10_000) statusWordCache.clear();
    statusWordCache.set(value, w);
  }
  return w;
}

function judgeWith(
  ts: Timescale,
  statusText: CellValue,
  ctx: Context,
  needsReview: string | undefined
): Judgement {
  const due = ts.due;
  const cell = statusWord(statusText);
  const kind = ts.kind;

  // 4.1: complete and withdrawn, from the status cell or a timescale of kind complete.
  if (cell === "complete" || kind === "complete") return judged("complete", due);
  if (cell === "withdrawn") return judged("withdrawn", due);
  // Plans without a status column write "Superseded" in the timescale cell; the parser
  // finds no date there (kind unclear), but the officer's meaning is plain.
  if (cell === null && kind === "unclear" && readStatusCell(ts.text) === "withdrawn")
    return judged("withdrawn", null);

  // 4.2 (the revised timescale) is already applied: Action.timescale is the revised one.

  // 4.3: ongoing.
  if (kind === "ongoing") return judged("ongoing", null);
  if (kind === "recurring") {
    // Recurring work is shown with its next occurrence, never judged against it.
    const next = ts.recurrence !== undefined ? nextOccurrence(ts.recurrence, ctx.asAt) : null;
    return { status: "ongoing", daysOverdue: null, due: next, nextOccurrence: next };
  }
  const dueDay = due !== null ? dayOf(due) : 0;
  if (kind === "milestone_then_ongoing" && due !== null && dueDay < ctx.asAtDay) {
    // The milestone has passed; what is left is ongoing work. Up to and on the
    // milestone's date it is judged like any dated action (due soon, not yet due).
    return judged("ongoing", due);
  }
  if (kind === "ongoing_until" && due !== null && dueDay >= ctx.asAtDay) {
    // Ongoing until its end date (inclusive). After the end date it falls through to
    // the dated rules below and so is overdue: the work should have finished by then.
    return judged("ongoing", due);
  }

  // 4.3: on hold, from the timescale or the status cell; never overdue.
  if (kind === "on_hold" || cell === "on_hold") return judged("on_hold", due);

  // 4.4: no date. A row that could not be paired with certainty has no date to judge
  // by, whatever its timescale seems to say.
  if (needsReview !== undefined && needsReview !== "") {
    return { status: "no_date", daysOverdue: null, due: null, reason: needsReview };
  }
  if (due === null || NO_DATE_KINDS.has(kind)) {
    const reason =
      ts.reason ??
      (ts.text === "" ? "no timescale is given" : `no due date could be read from "${ts.text}"`);
    return { status: "no_date", daysOverdue: null, due: null, reason };
  }

  // 4.5: overdue when due before the as-at date; days overdue = as-at date - due date.
  if (dueDay < ctx.asAtDay) return { status: "overdue", daysOverdue: ctx.asAtDay - dueDay, due };
  // 4.6: due soon from the as-at date (inclusive) to the end of the window (inclusive).
  if (dueDay <= ctx.soonEndDay) return judged("due_soon", due);
  // 4.7
  return judged("not_yet_due", due);
}

/**
 * The status of one timescale as at settings.asAt, given the status cell's text and,
 * when pairing failed, the needs-review reason.
 */
export function judgeTimescale(
  ts: Timescale,
  statusText: CellValue,
  settings: StatusSettings,
  needsReview?: string
): Judgement {
  return judgeWith(ts, statusText, contextOf(settings), needsReview);
}

function judgeActionWith(action: Action, ctx: Context): ActionStatus {
  const r = judgeWith(action.timescale, action.statusText, ctx, action.needsReview);
  const status: ActionStatus = {
    index: action.index,
    status: r.status,
    daysOverdue: r.daysOverdue,
    due: r.due,
  };
  if (r.nextOccurrence !== undefined) status.nextOccurrence = r.nextOccurrence;
  if (r.reason !== undefined) status.reason = r.reason;
  // 4.2: the revised timescale already decided the due date; record whether it moved later.
  const original = action.originalTimescale;
  if (original !== undefined) {
    const was = original.due;
    const now = action.timescale.due;
    status.slipped = was !== null && now !== null && dayOf(now) > dayOf(was);
  }
  return status;
}

/** One action as at settings.asAt: its (revised) timescale and status cell judged, and whether it slipped. */
export function judgeAction(action: Action, settings: StatusSettings): ActionStatus {
  return judgeActionWith(action, contextOf(settings));
}

/** Every action of the plan, in plan order. */
export function judgePlan(plan: Plan, settings: StatusSettings): ActionStatus[] {
  const ctx = contextOf(settings);
  const actions = plan.actions;
  const out: ActionStatus[] = new Array(actions.length);
  for (let i = 0; i < actions.length; i++) out[i] = judgeActionWith(actions[i]!, ctx);
  return out;
}

export function emptyCounts(): StatusCounts {
  const counts = {} as StatusCounts;
  for (const s of STATUS_ORDER) counts[s] = 0;
  return counts;
}

export function countStatuses(statuses: ActionStatus[]): StatusCounts {
  const counts = emptyCounts();
  for (let i = 0; i < statuses.length; i++) counts[statuses[i]!.status]++;
  return counts;
}
