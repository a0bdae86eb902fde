/**
 * Judging actions as at a date (spec section 4). The rules are applied in the
 * spec's order; the first that fits decides. Dates are compared as day numbers
 * (calendar.ts), never as Date objects, so no time zone can shift a deadline.
 */
import type { Action, ActionStatus, CellValue, Plan, Status, StatusCounts, StatusSettings, Timescale } from "./types";
import { STATUS_ORDER } from "./types";
import { addDays, dayNumber } from "./calendar";
import { nextOccurrence } from "./timescale";
import { readStatusCell } from "./status-words";

type Judgement = Omit<ActionStatus, "index">;

function judged(status: Status, due: string | null, extra?: Partial<Judgement>): Judgement {
  return { status, daysOverdue: null, due, ...extra };
}

/** Overdue, due soon or not yet due, for a timescale with a due date. */
function byDate(due: string, settings: StatusSettings): Judgement {
  const asAtDay = dayNumber(settings.asAt);
  const dueDay = dayNumber(due);
  // Spec 4.5: overdue when due before the as-at date (due on the day itself is due soon).
  if (dueDay < asAtDay) return judged("overdue", due, { daysOverdue: asAtDay - dueDay });
  // Spec 4.6: the window ends at the next committee when one is set, else after dueSoonDays.
  const windowEnd =
    settings.nextCommittee != null && settings.nextCommittee !== ""
      ? dayNumber(settings.nextCommittee)
      : dayNumber(addDays(settings.asAt, Number.isFinite(settings.dueSoonDays) ? settings.dueSoonDays : 30));
  if (dueDay <= Math.max(windowEnd, asAtDay)) return judged("due_soon", due);
  return judged("not_yet_due", due);
}

const NO_DATE_KINDS = new Set<Timescale["kind"]>(["relative", "tbc", "needs_year", "unclear"]);

/**
 * The status of one timescale as at settings.asAt, given the status cell's text and,
 * when pairing failed, the needs-review reason.
 */
export function judgeTimescale(
  ts: Timescale,
  statusText: CellValue,
  settings: StatusSettings,
  needsReview?: string,
): Judgement {
  const due = ts.due;
  const cell = readStatusCell(statusText);

  // 4.1: complete and withdrawn, from the status cell or a timescale of kind complete.
  if (cell === "complete" || ts.kind === "complete") return judged("complete", due);
  if (cell === "withdrawn") return judged("withdrawn", due);
  // Plans without a status column write "Superseded" in the timescale cell; the parser
  // finds no date there (kind unclear), but the officer's meaning is plain.
  if (cell === null && ts.kind === "unclear" && readStatusCell(ts.text) === "withdrawn") {
    return judged("withdrawn", null);
  }

  // 4.2 (the revised timescale) is already applied: Action.timescale is the revised one.

  // 4.3: ongoing.
  if (ts.kind === "ongoing") return judged("ongoing", null);
  if (ts.kind === "recurring") {
    // Recurring work is shown with its next occurrence, never judged against it.
    const next = ts.recurrence !== undefined ? nextOccurrence(ts.recurrence, settings.asAt) : null;
    return judged("ongoing", next, { nextOccurrence: next });
  }
  if (ts.kind === "milestone_then_ongoing" && due !== null && due < settings.asAt) {
    // The milestone has passed; what is left is ongoing work. Up to and on the
    // milestone's date it is judged like any dated action (due soon, not yet due).
    return judged("ongoing", due);
  }
  if (ts.kind === "ongoing_until" && due !== null && due >= settings.asAt) {
    // Ongoing until its end date (inclusive). After the end date it falls through to
    // the dated rules below and so is overdue: the work should have finished by then.
    return judged("ongoing", due);
  }

  // 4.3: on hold, from the timescale or the status cell; never overdue.
  if (ts.kind === "on_hold" || cell === "on_hold") return judged("on_hold", due);

  // 4.4: no date. A row that could not be paired with certainty has no date to judge
  // by, whatever its timescale seems to say.
  if (needsReview !== undefined && needsReview !== "") return judged("no_date", null, { reason: needsReview });
  if (NO_DATE_KINDS.has(ts.kind) || due === null) {
    const reason = ts.reason ?? (ts.text === "" ? "No timescale is given." : `No due date can be read from "${ts.text}".`);
    return judged("no_date", null, { reason });
  }

  return byDate(due, settings);
}

/** One action as at settings.asAt: its (revised) timescale and status cell judged, and whether it slipped. */
export function judgeAction(action: Action, settings: StatusSettings): ActionStatus {
  const result = judgeTimescale(action.timescale, action.statusText, settings, action.needsReview);
  const status: ActionStatus = { index: action.index, ...result };
  // 4.2: the revised timescale already decided the due date; record whether it moved later.
  const original = action.originalTimescale;
  if (original !== undefined) {
    const was = original.due;
    const now = action.timescale.due;
    status.slipped = was !== null && now !== null && now > was;
  }
  return status;
}

/** Every action of the plan, in plan order. */
export function judgePlan(plan: Plan, settings: StatusSettings): ActionStatus[] {
  const out: ActionStatus[] = new Array(plan.actions.length);
  for (let i = 0; i < plan.actions.length; i++) out[i] = judgeAction(plan.actions[i]!, settings);
  return out;
}

export function emptyCounts(): StatusCounts {
  const counts = {} as StatusCounts;
  for (const s of STATUS_ORDER) counts[s] = 0;
  return counts;
}

export function countStatuses(statuses: ActionStatus[]): StatusCounts {
  const counts = emptyCounts();
  for (const s of statuses) counts[s.status]++;
  return counts;
}
