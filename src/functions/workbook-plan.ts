/**
 * The plan of the open workbook, for the PLAN functions called without a plan
 * argument. Works only in the shared runtime, where a custom function may read
 * (never write) the workbook through `new Excel.RequestContext()`.
 */
import {
  parseIsoDate,
  type ColumnChoices,
  type DateOrder,
  type IsoDate,
  type ReadSettings,
} from "../plan";
import { normaliseColumnsByPlan } from "../report/stored-settings";
import {
  findWorkbookPlan,
  looksLikePlan,
  pickPlan,
  type LocatedCandidate,
} from "../workbook/locate";
import { notAvailable } from "./errors";
import type { PlanSource } from "./core";

/** Reads the workbook's plan candidates with their values; replaced in tests by a fake reader. */
export type CandidateReader = () => Promise<LocatedCandidate[]>;

/**
 * The settings the task pane saves in the workbook (src/workbook/settings-store.ts,
 * key "planTracker.settings"), as far as the functions use them: which plan the
 * officer picked, how timescales are read, and the due-soon window. Read here
 * without importing the pane's module, so the functions' bundle stays small;
 * anything missing or malformed falls back to the defaults.
 */
export interface WorkbookSettings {
  planId: string | null;
  financialYearStartMonth?: number;
  dateOrder?: DateOrder;
  dueSoonDays?: number;
  nextCommittee?: IsoDate | null;
  /** The columns the officer chose, by plan id. */
  columns: Record<string, ColumnChoices>;
}
export type SettingsReader = () => WorkbookSettings;

export const PANE_SETTINGS_KEY = "planTracker.settings";

const documentSettings: SettingsReader = () => {
  let stored: unknown = null;
  try {
    stored =
      typeof Office !== "undefined"
        ? Office.context?.document?.settings?.get(PANE_SETTINGS_KEY)
        : null;
  } catch {
    stored = null; // no document settings in this host: defaults
  }
  return readWorkbookSettings(stored);
};

/** Whatever is stored, as the settings the functions use (invalid fields dropped). */
export function readWorkbookSettings(stored: unknown): WorkbookSettings {
  const s = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const int = (v: unknown, lo: number, hi: number) =>
    typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
  return {
    planId: typeof s.planId === "string" && s.planId !== "" ? s.planId : null,
    financialYearStartMonth: int(s.financialYearStartMonth, 1, 12)
      ? (s.financialYearStartMonth as number)
      : undefined,
    dateOrder: s.dateOrder === "DMY" || s.dateOrder === "MDY" ? s.dateOrder : undefined,
    dueSoonDays: int(s.dueSoonDays, 0, 3660) ? (s.dueSoonDays as number) : undefined,
    nextCommittee: typeof s.nextCommittee === "string" ? parseIsoDate(s.nextCommittee) : null,
    columns: normaliseColumnsByPlan(s.columns),
  };
}

let settingsReader: SettingsReader = documentSettings;

/** For tests: read settings from elsewhere (null restores the document's). */
export function setSettingsReader(next: SettingsReader | null): void {
  settingsReader = next ?? documentSettings;
}

const excelReader: CandidateReader = async () => {
  if (typeof Excel === "undefined" || typeof Excel.RequestContext !== "function") {
    throw notAvailable(
      "Plan Tracker cannot read the workbook here. Give the plan's range instead, for example =PLAN.OVERDUE(A1:G40)."
    );
  }
  // Only the plan the officer picked (else the first) is read, in blocks under 5 MB a request,
  // with the number formats of its timescale, revised and status columns.
  const settings = settingsReader();
  const plan = await findWorkbookPlan(new Excel.RequestContext(), settings.planId, (id) => ({
    columns: settings.columns[id],
    settings: readSettingsOf(settings),
  }));
  return plan ? [plan] : [];
};

let reader: CandidateReader = excelReader;
let inFlight: Promise<LocatedCandidate[]> | null = null;

/** For tests: read candidates from elsewhere (null restores the real workbook). */
export function setCandidateReader(next: CandidateReader | null): void {
  reader = next ?? excelReader;
  inFlight = null;
}

/**
 * The workbook's plan (the one the officer picked in the pane, else the first
 * found), with the workbook's reading settings. Several volatile cells recalculating together share one
 * read while it is in flight; nothing is kept after it, so an edit is never missed.
 */
export async function workbookPlan(): Promise<PlanSource> {
  if (!inFlight) {
    inFlight = reader().finally(() => {
      inFlight = null;
    });
  }
  const candidates = await inFlight;
  const settings = settingsReader();
  const plan = pickPlan(
    candidates.filter((c) => looksLikePlan(c.values)),
    settings.planId
  );
  if (!plan) {
    throw notAvailable(
      "No plan table found in this workbook (a table with an Action and a Timescale column). Give the plan's range instead, for example =PLAN.OVERDUE(A1:G40)."
    );
  }
  const label = plan.table ? `Table ${plan.table}` : `Sheet '${plan.sheet}' (${plan.address})`;
  const readSettings = readSettingsOf(settings);
  const dueSoon =
    settings.dueSoonDays !== undefined || settings.nextCommittee
      ? { days: settings.dueSoonDays ?? 30, nextCommittee: settings.nextCommittee ?? null }
      : undefined;
  return {
    values: plan.values,
    origin: plan.origin,
    label,
    readSettings,
    dueSoon,
    numberFormats: plan.formats,
    columns: settings.columns[plan.id],
    headerRowFirst: plan.table !== undefined,
  };
}

/** The reading settings the pane saved, as the engine takes them. */
function readSettingsOf(settings: WorkbookSettings): Partial<ReadSettings> {
  return {
    ...(settings.financialYearStartMonth
      ? { financialYearStartMonth: settings.financialYearStartMonth }
      : {}),
    ...(settings.dateOrder ? { dateOrder: settings.dateOrder } : {}),
  };
}
