/**
 * What a status cell says (spec 4.1 and 4.3). Only words that settle the matter
 * count: complete, withdrawn, on hold. RAG colours (Red, Amber, Green) and
 * percentages under 100% describe progress and leave the judgement to the date.
 */
import type { CellValue } from "./types";

export type StatusWord = "complete" | "withdrawn" | "on_hold";

/** Anywhere in the cell: "Superseded by action 4.2", "Withdrawn", "No longer required". */
const WITHDRAWN_RE =
  /\b(?:superseded|withdrawn|no longer (?:required|needed|applicable|relevant)|cancell?ed)\b/;

/** Anywhere in the cell: "Deferred to 2025/26", "On hold", "Paused". */
const ON_HOLD_RE = /\b(?:deferred|on[ -]hold|paused|postponed|suspended)\b/;

/**
 * At the start of the cell, so that "Not complete" and "Partially implemented" are
 * not read as done: "Complete", "Completed March 2006", "Done", "Achieved", "Closed",
 * "Implemented", "Fully implemented", "Blue" (BRAG), "Blue - complete".
 * "Completed by June 2016" names a target, so it is not complete.
 */
const COMPLETE_RE =
  /^(?:(?:status|rag|brag|action|actions|now|fully|all)[\s:-]+)*(?:complete|completed|done|achieved|closed|implemented|finished|blue)\b(?![\s:-]*(?:by|in|within|once|when|before)\b)/;

/** "100%", "100 %", "100% complete". */
const PERCENT_RE = /^(\d+(?:\.\d+)?)\s*%/;

/** What the status cell settles, or null when it leaves the judgement to the timescale. */
export function readStatusCell(value: CellValue): StatusWord | null {
  if (typeof value === "number") {
    // Excel keeps 100% as 1 in a % column; 100 typed into a "% Complete" column means the same.
    return value === 1 || value === 100 ? "complete" : null;
  }
  if (typeof value !== "string" || value === "") return null;
  const text = value.trim().toLowerCase().replace(/\s+/g, " ");
  if (text === "") return null;
  if (WITHDRAWN_RE.test(text)) return "withdrawn";
  if (ON_HOLD_RE.test(text)) return "on_hold";
  const pct = PERCENT_RE.exec(text);
  if (pct) return Number(pct[1]) >= 100 ? "complete" : null;
  if (COMPLETE_RE.test(text)) return "complete";
  return null;
}
