/**
 * What the task pane may ask of the workbook. The pane's components receive an object of
 * this shape as a prop and never touch `Excel` themselves; src/workbook/ implements it over
 * Office.js, and tests give the components a fake.
 */
import type {
  CellRef,
  ColumnChoices,
  DateOrder,
  IsoDate,
  ReadResult,
  ReportRecord,
  Summary,
} from "../plan";

/** A table in the workbook that looks like a plan. */
export interface PlanCandidate {
  /** Stable id: "table:<name>" for an Excel Table, "sheet:<name>" for a plain range. */
  id: string;
  sheet: string;
  /** The Excel Table's name, when the plan is one. */
  table?: string;
  /** The address read, e.g. "A1:G19". */
  address: string;
  /** What the pane shows in the picker, e.g. "Improvement Plan (table ImprovementPlan)". */
  label: string;
}

/** Settings saved in the workbook itself (Office.context.document.settings), never in the browser. */
export interface PlanSettings {
  /** null: today. */
  asAt: IsoDate | null;
  dueSoonDays: number;
  /** When set, "due soon" means due on or before the next committee. */
  nextCommittee: IsoDate | null;
  financialYearStartMonth: number;
  dateOrder: DateOrder;
  /** The plan the officer picked, by PlanCandidate.id; null: the first found. */
  planId: string | null;
  summarySheetName: string;
  /** The officer's choice of columns, by plan id ("table:<name>", "sheet:<name>"). */
  columns: Record<string, ColumnChoices>;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  asAt: null,
  dueSoonDays: 30,
  nextCommittee: null,
  financialYearStartMonth: 4,
  dateOrder: "DMY",
  planId: null,
  summarySheetName: "Committee Summary",
  columns: {},
};

export interface LoadedPlan {
  candidate: PlanCandidate;
  result: ReadResult;
}

export interface BuildOutcome {
  sheetName: string;
  /** True when an officer's own sheet had the name, so the summary went to another name. */
  renamed: boolean;
  record: ReportRecord;
}

export interface FlagOutcome {
  flagged: number;
  cleared: number;
}

export interface WorkbookApi {
  listPlans(): Promise<PlanCandidate[]>;
  loadPlan(candidateId: string, settings: PlanSettings): Promise<LoadedPlan>;
  loadSettings(): Promise<PlanSettings>;
  saveSettings(settings: PlanSettings): Promise<void>;
  /** Marks the timescale cells of these sources, first restoring any earlier flags. */
  flagOverdue(candidateId: string, timescaleCells: CellRef[]): Promise<FlagOutcome>;
  /** Restores exactly the officer's own formatting of every flagged cell. */
  clearFlags(): Promise<FlagOutcome>;
  /** Writes (or replaces) the committee summary sheet and records the report in the history. */
  buildSummary(summary: Summary, settings: PlanSettings): Promise<BuildOutcome>;
  /** Previous reports, oldest first. */
  loadHistory(): Promise<ReportRecord[]>;
  selectCell(ref: CellRef): Promise<void>;
}
