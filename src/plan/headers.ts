/**
 * Finding a plan's columns by what their headers mean. Real plans word their
 * headers in many ways ("Timescale", "Target date for completion", "By When"), so
 * a header is reduced to lower-case words and judged by the words it holds, the
 * most specific reading first ("Action Owner" is a lead, not an action).
 */
import type { CellValue, ColumnRole } from "./types";

/** A header is a short label; longer text is data, even if it mentions "date". */
const MAX_HEADER_CHARS = 80;
const MAX_HEADER_WORDS = 10;

/** Lower-case words; "%" and "#" survive because "% Complete" and "#" are headers. */
export function headerWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, "")
    // "Time scale", "time-frame": one word, as "Timescale" is.
    .replace(/\btime[\s_-]*(scales?|frames?|lines?)\b/g, "time$1")
    .replace(/%/g, " % ")
    .replace(/#/g, " # ")
    .split(/[^a-z0-9%#]+/);
  return words.filter((w) => w !== "");
}

const MONTHS =
  "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december";
/**
 * A header that is a period ("Q1 2024/25", "2023/24", "June 2024", "FY 2022/23"):
 * such columns hold a rating per period, not a deadline. Matched on the joined words.
 */
const PERIOD_RE = new RegExp(
  "^(?:" +
    [
      "(?:q|qtr|quarter) ?[1-4](?: (?:fy )?\\d{2,4}(?: \\d{2,4})?)?",
      "(?:fy |year )?(?:19|20)\\d{2}(?: (?:19|20)?\\d{2})?",
      "(?:fy|year|yr) ?\\d{1,2}(?: \\d{2})?",
      `(?:${MONTHS})(?: (?:19|20)?\\d{2})?`,
      "(?:spring|summer|autumn|winter)(?: (?:19|20)?\\d{2})?",
      "(?:h|half) ?[12](?: (?:19|20)?\\d{2}(?: \\d{2,4})?)?",
    ].join("|") +
    ")$"
);

/** Words that make "Target" a deadline ("Target Date", "Target Completion") rather than a performance target. */
const DEADLINE_WORDS = new Set([
  "date",
  "dates",
  "completion",
  "complete",
  "deadline",
  "timescale",
  "timescales",
  "when",
  "by",
  "due",
  "end",
  "timeline",
  "timeframe",
  // "Target quarter", "Target month": when, not how much ("Target for the year" stays a measure).
  "quarter",
  "month",
]);

/**
 * "Date raised", "Start date", "Note date", "Meeting date", "Source (... date ...)": dates
 * that record when something happened or where it came from, never the deadline.
 */
const NOT_DEADLINE_DATE_WORDS = new Set([
  "raised",
  "added",
  "identified",
  "opened",
  "logged",
  "created",
  "update",
  "reviewed",
  "review",
  "last",
  "start",
  "started",
  "starting",
  "commenced",
  "commencement",
  "issued",
  "received",
  "reported",
  "birth",
  "actual",
  "actually",
  // "Progress to date" is a progress column, not a date.
  "progress",
  "comment",
  "comments",
  "position",
  "note",
  "notes",
  "meeting",
  "meetings",
  "mtg",
  "agenda",
  "source",
  "minute",
  "minutes",
  "paper",
]);

/**
 * "Date agreed", "Date closed", "Date completed" record an event, but "Original Agreed
 * Implementation Date" names a deadline: these words rule the date out only when no word
 * naming the deadline itself is there.
 */
const RECORD_PARTICIPLES = new Set([
  "agreed",
  "closed",
  "completed",
  "approved",
  "signed",
  "updated",
]);

/** Words naming the deadline itself ("Implementation Date", "Completion Date", "Due date"). */
const DEADLINE_NOUNS = new Set([
  "implementation",
  "implement",
  "completion",
  "due",
  "deadline",
  "deadlines",
  "target",
  "delivery",
  "finish",
  "end",
  "timescale",
  "timescales",
]);

const KEY_WORDS = new Set(["no", "number", "num", "nbr", "ref", "reference", "id", "#"]);
const KEY_QUALIFIERS = new Set([
  "rec",
  "recommendation",
  "action",
  "item",
  "ref",
  "para",
  "paragraph",
  "serial",
  "s",
  "sr",
  "sl",
  "line",
  "row",
  "issue",
  "finding",
  "risk",
]);

const LEAD_WORDS = new Set([
  "lead",
  "leads",
  "responsible",
  "responsibility",
  "responsibilities",
  "owner",
  "owners",
  "ownership",
  "officer",
  "officers",
  "accountable",
  "accountability",
  "who",
  "whom",
  "holder",
  "assigned",
  "assignee",
  "manager",
  "champion",
  "sponsor",
  "sponsors",
  "member",
  "members",
  "director",
  "directors",
]);

const TIMESCALE_WORDS = new Set([
  "timescale",
  "timescales",
  "timetable",
  "timetables",
  "schedule",
  "deadline",
  "deadlines",
  "due",
  "when",
  "timeline",
  "timelines",
  "timeframe",
  "timeframes",
  "completion",
  "timing",
  "timings",
]);

const COMMENT_WORDS = new Set([
  "comment",
  "comments",
  "commentary",
  "progress",
  "update",
  "updates",
  "position",
  "response",
  "responses",
  "note",
  "notes",
  "remarks",
  "evidence",
  "narrative",
]);

const ACTION_WORDS = new Set([
  "action",
  "actions",
  "task",
  "tasks",
  "activity",
  "activities",
  "steps",
  "measures",
]);

const RECOMMENDATION_WORDS = new Set([
  "recommendation",
  "recommendations",
  "finding",
  "findings",
  "issue",
  "issues",
  "objective",
  "objectives",
  "weakness",
  "weaknesses",
  "requirement",
  "requirements",
  "recs",
  "rec",
]);

const AREA_WORDS = new Set([
  "area",
  "areas",
  "theme",
  "themes",
  "category",
  "categories",
  "priority",
  "priorities",
  "section",
  "workstream",
  "strand",
  "domain",
  "topic",
  "heading",
]);

const has = (words: string[], set: Set<string>): boolean => words.some((w) => set.has(w));

/**
 * True for a header that names a period or a performance target: such a column is
 * never a timescale (nor anything else the reader uses).
 */
export function isPeriodOrTargetHeader(words: string[]): boolean {
  if (words.length === 0) return false;
  if (PERIOD_RE.test(words.join(" "))) return true;
  // "Target", "Performance Target", "Target 2024/25", "Annual targets" are measures.
  if ((words.includes("target") || words.includes("targets")) && !has(words, DEADLINE_WORDS))
    return true;
  return false;
}

/** The role a header plays in a plan table, or null when it is not one the reader uses. */
export function classifyHeader(text: CellValue): ColumnRole | null {
  // Numbers and dates as headers are periods (2024, a Jun-24 serial): never a role.
  if (typeof text !== "string") return null;
  if (text.length > MAX_HEADER_CHARS) return null;
  const words = headerWords(text);
  if (words.length === 0 || words.length > MAX_HEADER_WORDS) return null;
  if (isPeriodOrTargetHeader(words)) return null;
  return classifyWords(words);
}

function classifyWords(w: string[]): ColumnRole | null {
  const set = new Set(w);
  const hasDate = set.has("date") || set.has("dates");

  // Revised timescale: "Revised Timescale", "Revised Target Date", "New Target Date".
  if (
    (set.has("revised") ||
      set.has("new") ||
      set.has("amended") ||
      set.has("extended") ||
      set.has("rescheduled") ||
      // "(updated May 2023) completion date": the deadline as moved.
      (set.has("updated") && has(w, DEADLINE_NOUNS))) &&
    (hasDate || has(w, TIMESCALE_WORDS) || set.has("target"))
  ) {
    return "revisedTimescale";
  }

  // Key: "No.", "Ref", "Rec No", "Action No", "Action Ref", "#", "ID" (short headers only).
  if (
    w.length <= 3 &&
    KEY_WORDS.has(w[w.length - 1]!) &&
    w.slice(0, -1).every((x) => KEY_QUALIFIERS.has(x))
  ) {
    return "key";
  }
  // "Project ID", "Risk No": any short name ending in an identifier, unless it names a date,
  // a person or a yes/no ("Complete? Yes/No").
  if (
    w.length <= 3 &&
    KEY_WORDS.has(w[w.length - 1]!) &&
    !hasDate &&
    !has(w, TIMESCALE_WORDS) &&
    !has(w, LEAD_WORDS) &&
    !set.has("yes")
  ) {
    return "key";
  }
  if (w.length === 1 && (w[0] === "item" || w[0] === "para" || w[0] === "paragraph")) return "key";

  // Status: "Status", "RAG", "RAG rating", "Progress Status", "% Complete", "BRAG".
  if (set.has("status") || set.has("rag") || set.has("brag")) return "status";
  // "Rating" alone or "Progress rating" is a status; "Risk rating" and "Priority rating" are not.
  if (set.has("rating") && !set.has("risk") && !set.has("priority") && !set.has("impact"))
    return "status";
  if ((set.has("%") || set.has("percent") || set.has("percentage")) && w.length <= 4)
    return "status";
  if (w.length === 1 && (w[0] === "complete" || w[0] === "completed" || w[0] === "done"))
    return "status";

  // Lead: before action ("Action Owner", "Action By") and area ("Lead Area of Service").
  if (has(w, LEAD_WORDS)) return "lead";
  if (set.has("by") && set.has("action") && !set.has("when")) return "lead";
  if (set.has("person") || (set.has("assigned") && set.has("to"))) return "lead";

  // "Source (agenda title / item / date / Action Ref)", "Issue source": where an item came
  // from, whatever else the header lists.
  if (set.has("source") || set.has("sources") || set.has("origin")) return null;

  // Timescale: "Timescale", "Target Date", "Due By", "When", "Target Completion".
  if (hasDate) {
    if (
      !has(w, NOT_DEADLINE_DATE_WORDS) &&
      !(has(w, RECORD_PARTICIPLES) && !has(w, DEADLINE_NOUNS))
    )
      return "timescale";
  } else if (has(w, NOT_DEADLINE_DATE_WORDS) && (set.has("when") || set.has("due"))) {
    // "Meeting when raised": not a deadline either.
  } else if (has(w, TIMESCALE_WORDS)) {
    return "timescale";
  } else if (set.has("target") || (set.has("by") && w.length === 1)) {
    // "Target" with a deadline word is caught above as a date; "Target end" and the like here.
    if (has(w, DEADLINE_WORDS)) return "timescale";
  }

  // Comments: "Progress", "Progress Update", "Progress to date", "Management Response".
  // "Actions taken" (no "to be") reports what was done: a progress column.
  if (has(w, COMMENT_WORDS)) return "comments";
  if (set.has("taken") && !set.has("be") && has(w, ACTION_WORDS)) return "comments";

  // Action: "Action Required", "Action(s) to be taken", "What we will do".
  if (has(w, ACTION_WORDS)) return "action";
  if (w[0] === "what" && (set.has("do") || set.has("will") || set.has("doing"))) return "action";
  // "How we will do it", "How the Alliance might achieve this".
  if (w[0] === "how") return "action";

  // Recommendation: before area so that "Improvement Area" and "Area for improvement" land here.
  if (has(w, RECOMMENDATION_WORDS)) return "recommendation";
  // "Area for improvement", "Areas for development": what the inspectors asked for.
  if (set.has("improvement") || set.has("improvements") || set.has("development"))
    return "recommendation";

  if (has(w, AREA_WORDS)) return "area";
  return null;
}

/** A role a header may name, and how surely: 1 names it outright, less is a fallback. */
export interface RoleWeight {
  role: ColumnRole;
  weight: number;
}

/**
 * Words for the column that states the work when no column says "Action" (spec 1): "Measure",
 * "Activity", "Milestone", "Project", "Stage", "Decision", "Deliverable", "Initiative".
 */
const WORK_WORDS = new Set([
  "measure",
  "measures",
  "activity",
  "activities",
  "task",
  "tasks",
  "milestone",
  "milestones",
  "project",
  "projects",
  "stage",
  "stages",
  "decision",
  "decisions",
  "deliverable",
  "deliverables",
  "initiative",
  "initiatives",
  "intervention",
  "interventions",
  "commitment",
  "commitments",
  "output",
  "outputs",
  "work",
  "step",
  "steps",
  "proposal",
  "proposals",
]);

/** Verbs of doing that a deadline follows ("To be delivered by", "Finish by", "Complete by"). */
const DEED_WORDS = new Set([
  "delivered",
  "deliver",
  "completed",
  "complete",
  "achieved",
  "achieve",
  "implemented",
  "implement",
  "done",
  "finish",
  "finished",
  "resolved",
  "closed",
  "in",
  "place",
]);

/** Weight of a header read from a fallback meaning (the work stated, a date by evidence). */
export const FALLBACK_WEIGHT = 0.5;

/**
 * Every role a header may name, strongest first. The first is classifyHeader's reading;
 * the others are what the column may be when the evidence or the table's other columns say
 * so: "Response" states the work where no column names an action; "To be delivered by" is a
 * deadline or a team, as its cells show; "Due Date/Status" names two roles at once.
 */
export function headerRoles(text: CellValue): RoleWeight[] {
  if (typeof text !== "string" || text.length > MAX_HEADER_CHARS) return [];
  const words = headerWords(text);
  if (words.length === 0 || words.length > MAX_HEADER_WORDS) return [];
  const out: RoleWeight[] = [];
  const add = (role: ColumnRole, weight: number) => {
    const have = out.find((r) => r.role === role);
    if (have) have.weight = Math.max(have.weight, weight);
    else out.push({ role, weight });
  };
  const period = isPeriodOrTargetHeader(words);
  const primary = period ? null : classifyWords(words);
  // A long header that mentions a role in passing names it less surely than a short one.
  if (primary !== null) add(primary, words.length <= 4 ? 1 : 0.85);

  // Two roles in one header: "Due Date/Status", "Status/ Comment", "Action / Progress".
  const parts = text.split(/\s*(?:\/|&|\band\b|\+)\s*/i).filter((p) => p.trim() !== "");
  if (parts.length === 2) {
    for (const part of parts) {
      const w = headerWords(part);
      if (w.length === 0 || isPeriodOrTargetHeader(w)) continue;
      const role = classifyWords(w);
      if (role !== null && role !== primary) add(role, 0.9);
    }
  }

  const set = new Set(words);
  // "Substage", "Subtask": the work, one level down.
  const work = words.map((x) => (x.length > 6 && x.startsWith("sub") ? x.slice(3) : x));
  // The column that states the work, where no column says "Action".
  if (has(work, WORK_WORDS) && primary !== "lead" && primary !== "key") add("action", 0.8);
  // "Action Update", "Actions and progress": the action with its progress.
  if (primary === "comments" && has(work, ACTION_WORDS) && !set.has("taken")) add("action", 0.8);
  if (primary === "comments" && (set.has("response") || set.has("responses")))
    add("action", FALLBACK_WEIGHT);
  if (primary === "recommendation") add("action", 0.35);
  // "To be delivered by", "Complete by": a deadline, or who delivers; the cells tell.
  if (
    set.has("by") &&
    has(words, DEED_WORDS) &&
    !set.has("whom") &&
    !set.has("who") &&
    !set.has("action")
  ) {
    add("timescale", 0.8);
    add("lead", 0.6);
  }
  // "Target" alone is a measure, unless every cell under it is a date.
  if (period && (set.has("target") || set.has("targets")) && words.length <= 2)
    add("timescale", 0.25);
  return out.sort((a, b) => b.weight - a.weight);
}
