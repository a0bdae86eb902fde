/**
 * The committee summary's narrative: a short paragraph in plain British English,
 * ready to paste into a committee report, built only from the summary's counts
 * and lists, so every figure in it can be checked against the summary sheet.
 *
 * How it reads (rules the spec leaves to us):
 * - It opens with the as-at date and the number of actions, then each status that
 *   has any actions, in the usual order, with its share as a whole percentage
 *   (rounded half up; "less than 1%" / "more than 99%" rather than a misleading
 *   0% or 100%). The shares are not forced to sum to 100.
 * - A plan whose actions all share one status says so in one clause ("all 12
 *   actions in the plan are overdue").
 * - Where nothing is complete it says so, since that is what a committee asks first.
 * - It names the longest overdue action (or how many share the longest wait), and
 *   the area holding the most overdue actions when the plan has several areas.
 *   "Most of" is said only of a true majority; up to three tied areas are named
 *   together, a comma closing each name since area names often contain "and".
 * - Numbers are figures with thousands separators; dates are written long; a
 *   month-end due date reads as its month ("due April 2006").
 */
import { formatLongDate, formatMonthYear, daysInMonth, parseIsoDate } from "./calendar";
import {
  STATUS_ORDER,
  type IsoDate,
  type ReportRecord,
  type Status,
  type Summary,
  type SummaryItem,
} from "./types";

type SummaryCore = Omit<Summary, "narrative" | "progress">;

/** The name the summary gives an empty area or lead cell (see summary.ts). */
const NO_GROUP_NAME = "(none)";

/** Longest action text quoted in full; longer ones are cut at a word. */
const MAX_QUOTED = 90;

/** 12345 -> "12,345". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1 action" / "2 actions". */
function actions(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "action" : "actions"}`;
}

/** The share of n in total as a whole percentage, rounded half up, that never reads as 0% or 100% when it is not. */
export function formatShare(n: number, total: number): string {
  if (total <= 0) return "0%";
  // floor(100n/total + 1/2) in whole numbers, so 0.5% rounds up exactly.
  const rounded = Math.floor((200 * n + total) / (2 * total));
  if (rounded === 0 && n > 0) return "less than 1%";
  if (rounded === 100 && n < total) return "more than 99%";
  return `${rounded}%`;
}

/** "a, b and c". */
function listing(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function dueSoonPhrase(summary: SummaryCore): string {
  if (summary.nextCommittee)
    return `due by the next committee on ${formatLongDate(summary.nextCommittee)}`;
  const days = summary.dueSoonDays;
  if (days <= 0) return `due on ${formatLongDate(summary.asAt)}`;
  if (days === 1) return "due within the next day";
  return `due within the next ${formatCount(days)} days`;
}

/** What is said of the actions with each status: [one, several]. */
function statusVerbs(status: Status, summary: SummaryCore): [string, string] {
  switch (status) {
    case "overdue":
      return ["is overdue", "are overdue"];
    case "due_soon": {
      const due = dueSoonPhrase(summary);
      return [`is ${due}`, `are ${due}`];
    }
    case "not_yet_due":
      return ["is not yet due", "are not yet due"];
    case "ongoing":
      return ["is ongoing", "are ongoing"];
    case "on_hold":
      return ["is on hold", "are on hold"];
    case "no_date":
      return ["has no firm date or needs review", "have no firm date or need review"];
    case "complete":
      return ["is complete", "are complete"];
    case "withdrawn":
      return ["has been withdrawn", "have been withdrawn"];
  }
}

function headline(summary: SummaryCore, asAt: string): string {
  const { total, counts } = summary;
  const present = STATUS_ORDER.filter((status) => counts[status] > 0);
  if (present.length === 1) {
    const [one, several] = statusVerbs(present[0], summary);
    return total === 1
      ? `As at ${asAt}, the plan has 1 action, which ${one}.`
      : `As at ${asAt}, all ${formatCount(total)} actions in the plan ${several}.`;
  }
  const parts = present.map((status) => {
    const n = counts[status];
    const [one, several] = statusVerbs(status, summary);
    return `${formatCount(n)} (${formatShare(n, total)}) ${n === 1 ? one : several}`;
  });
  return `As at ${asAt}, the plan has ${actions(total)}: ${listing(parts)}.`;
}

/** The action's own words, cut at a word if long, in quotation marks. */
function quoted(text: string): string {
  let words = text.replace(/\s+/g, " ").trim();
  if (words.length > MAX_QUOTED) {
    const cut = words.lastIndexOf(" ", MAX_QUOTED);
    words =
      words.slice(0, cut > MAX_QUOTED / 2 ? cut : MAX_QUOTED).replace(/[\s,;:.\-–]+$/, "") + "…";
  }
  return `“${words}”`;
}

/** How an officer would point at one action: its words and, where there is one, its recommendation. */
function reference(item: SummaryItem): string {
  const key = item.key.trim();
  if (key === "") return quoted(item.action);
  return item.recommendation.trim() !== ""
    ? `${quoted(item.action)} under recommendation ${key}`
    : `${quoted(item.action)} (ref. ${key})`;
}

/** "April 2006" for a month-end due date, "15 June 2006" for a day named. */
function whenDue(item: SummaryItem): string {
  const due = item.due as IsoDate;
  const day = Number(due.slice(8, 10));
  const monthEnd = day === daysInMonth(Number(due.slice(0, 4)), Number(due.slice(5, 7)));
  return item.kind !== "date" && monthEnd ? formatMonthYear(due) : formatLongDate(due);
}

function daysText(days: number): string {
  return `${formatCount(days)} ${days === 1 ? "day" : "days"}`;
}

function completion(summary: SummaryCore): string | null {
  return summary.counts.complete === 0 ? "No action has been reported complete." : null;
}

function longestOverdue(summary: SummaryCore): string | null {
  const list = summary.overdue;
  if (list.length === 0 || list[0].due === null || list[0].daysOverdue === null) return null;
  const top = list[0];
  const days = top.daysOverdue as number;
  // The list is sorted most overdue first, so the ties sit together at the top.
  let tied = 1;
  while (tied < list.length && list[tied].daysOverdue === days) tied++;
  const when = whenDue(top);
  if (list.length === 1) {
    return `The overdue action is ${reference(top)}, due ${when} (${daysText(days)} overdue).`;
  }
  if (tied === 1) {
    return `The longest overdue is ${reference(top)}, due ${when} (${daysText(days)} overdue).`;
  }
  // Equal days overdue as at one date means one due date, so one "due" serves them all.
  if (tied === list.length) {
    return `All ${formatCount(tied)} overdue actions were due ${when} (${daysText(days)} overdue).`;
  }
  return `The longest overdue are ${formatCount(tied)} actions due ${when} (${daysText(days)} overdue).`;
}

function overdueByArea(summary: SummaryCore): string | null {
  const overdue = summary.counts.overdue;
  if (overdue < 2 || summary.byArea.length < 2) return null;
  let most = 0;
  for (const area of summary.byArea) most = Math.max(most, area.counts.overdue);
  const leaders = summary.byArea.filter((area) => area.counts.overdue === most);
  // An empty area cell is not a place to send the committee; say nothing rather than mislead.
  if (leaders.some((area) => area.name === NO_GROUP_NAME)) return null;
  const names = leaders.map((area) => area.name);
  if (leaders.length === 1) {
    if (most === overdue) return `All the overdue actions fall under ${names[0]}.`;
    if (most * 2 > overdue) {
      return `Most of the overdue actions fall under ${names[0]} (${formatCount(most)} of ${formatCount(overdue)}).`;
    }
    return `The area with the most overdue actions is ${names[0]} (${formatCount(most)}).`;
  }
  const withOverdue = summary.byArea.filter((area) => area.counts.overdue > 0).length;
  if (leaders.length === withOverdue) {
    return `The overdue actions are spread evenly across ${formatCount(leaders.length)} areas (${formatCount(most)} each).`;
  }
  if (leaders.length > 3) return null;
  // Area names often hold "and" themselves, so a comma marks where one name ends.
  const named = `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
  const howMany = leaders.length === 2 ? "Two" : "Three";
  return `${howMany} areas share the most overdue actions (${formatCount(most)} each): ${named}.`;
}

function slippedSentence(summary: SummaryCore): string | null {
  const n = summary.slipped.length;
  if (n === 0) return null;
  return n === 1
    ? "1 action has had its timescale revised to a later date."
    : `${formatCount(n)} actions have had their timescales revised to a later date.`;
}

/** The paragraph for the committee report. */
export function narrative(summary: SummaryCore): string {
  const asAt = formatLongDate(summary.asAt);
  if (summary.total === 0) return `As at ${asAt}, the plan has no actions.`;
  return [
    headline(summary, asAt),
    completion(summary),
    longestOverdue(summary),
    overdueByArea(summary),
    slippedSentence(summary),
  ]
    .filter((sentence): sentence is string => sentence !== null)
    .join(" ");
}

function count(record: ReportRecord, status: Status): number {
  const n = record.counts?.[status];
  return typeof n === "number" && Number.isFinite(n) ? n : 0;
}

function comparable(record: ReportRecord): boolean {
  return (
    typeof record?.asAt === "string" &&
    parseIsoDate(record.asAt) !== null &&
    typeof record.total === "number" &&
    typeof record.counts?.overdue === "number"
  );
}

/** "up from 3 to 5" / "down from 5 to 3", or null when unchanged. */
function movement(before: number, after: number): string | null {
  if (after === before) return null;
  return `${after > before ? "up" : "down"} from ${formatCount(before)} to ${formatCount(after)}`;
}

/**
 * What has changed since an earlier report, led by the overdue count, or null when
 * the two cannot be compared (an unreadable record, an earlier report that is not
 * earlier, or two empty plans).
 */
export function progressSentence(previous: ReportRecord, current: ReportRecord): string | null {
  if (!comparable(previous) || !comparable(current)) return null;
  if (previous.asAt >= current.asAt) return null;
  if (previous.total === 0 && current.total === 0) return null;

  const since = `the report as at ${formatLongDate(previous.asAt)}`;
  const before = count(previous, "overdue");
  const after = count(current, "overdue");
  let lead: string;
  if (before === 0 && after === 0) lead = `As in ${since}, no action is overdue`;
  else if (after === before)
    lead = `Overdue actions are unchanged at ${formatCount(after)} since ${since}`;
  else if (after === 0)
    lead = `Overdue actions are down from ${formatCount(before)} to none since ${since}`;
  else lead = `Overdue actions are ${movement(before, after)} since ${since}`;

  const notes: string[] = [];
  const completeBefore = count(previous, "complete");
  const completeAfter = count(current, "complete");
  const completed = completeAfter - completeBefore;
  if (completed > 0) {
    const more = completeBefore > 0 ? "more " : "";
    notes.push(
      completed === 1
        ? `1 ${more}action has been completed`
        : `${formatCount(completed)} ${more}actions have been completed`
    );
  } else if (completed < 0) {
    notes.push(`actions recorded as complete are ${movement(completeBefore, completeAfter)}`);
  }

  const undatedBefore = count(previous, "no_date");
  const undatedAfter = count(current, "no_date");
  if (undatedAfter === 0 && undatedBefore > 0) {
    notes.push("every action now has a firm date");
  } else if (undatedAfter !== undatedBefore) {
    notes.push(`actions with no firm date are ${movement(undatedBefore, undatedAfter)}`);
  }

  if (current.total !== previous.total) {
    notes.push(
      `the plan now has ${actions(current.total)}, ${current.total > previous.total ? "up" : "down"} from ${formatCount(previous.total)}`
    );
  }

  return notes.length === 0 ? `${lead}.` : `${lead}; ${listing(notes)}.`;
}
