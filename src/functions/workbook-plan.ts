/**
 * The plan of the open workbook, for the PLAN functions called without a plan
 * argument. Works only in the shared runtime, where a custom function may read
 * (never write) the workbook through `new Excel.RequestContext()`.
 */
import { findPlanCandidates, pickPlan, type LocatedCandidate } from "../workbook/locate";
import { notAvailable } from "./errors";
import type { PlanSource } from "./core";

/** Reads the workbook's candidates; replaced in tests by a fake context's reader. */
export type CandidateReader = () => Promise<LocatedCandidate[]>;

const excelReader: CandidateReader = async () => {
  if (typeof Excel === "undefined" || typeof Excel.RequestContext !== "function") {
    throw notAvailable(
      "Plan Tracker cannot read the workbook here. Give the plan's range instead, for example =PLAN.OVERDUE(A1:G40)."
    );
  }
  return findPlanCandidates(new Excel.RequestContext());
};

let reader: CandidateReader = excelReader;
let inFlight: Promise<LocatedCandidate[]> | null = null;

/** For tests: read candidates from elsewhere (null restores the real workbook). */
export function setCandidateReader(next: CandidateReader | null): void {
  reader = next ?? excelReader;
  inFlight = null;
}

/**
 * The workbook's plan. Several volatile cells recalculating together share one
 * read while it is in flight; nothing is kept after it, so an edit is never missed.
 */
export async function workbookPlan(): Promise<PlanSource> {
  if (!inFlight) {
    inFlight = reader().finally(() => {
      inFlight = null;
    });
  }
  const candidates = await inFlight;
  const plan = pickPlan(candidates);
  if (!plan) {
    throw notAvailable(
      "No plan table found in this workbook (a table with an Action and a Timescale column). Give the plan's range instead, for example =PLAN.OVERDUE(A1:G40)."
    );
  }
  const label = plan.table ? `Table ${plan.table}` : `Sheet '${plan.sheet}' (${plan.address})`;
  return { values: plan.values, origin: plan.origin, label };
}
