/**
 * The pane's settings, saved in the workbook itself through Office.context.document.settings
 * (per document and per add-in; loaded with the document, written to the file by saveAsync),
 * never in the browser. Reading costs no request to Excel.
 */
import { DEFAULT_PLAN_SETTINGS, type PlanSettings } from "./api";
import { parseIsoDate } from "../plan";
import { SETTINGS_KEY, normaliseColumnsByPlan } from "../report/stored-settings";

export { SETTINGS_KEY };

/** Saves the in-memory settings bag to the document. */
export function saveDocumentSettings(): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((result: Office.AsyncResult<void>) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(
          new Error(
            `Excel could not save Plan Tracker's settings in the workbook: ${result.error?.message ?? "unknown error"}`
          )
        );
      } else resolve();
    });
  });
}

const isDate = (v: unknown): v is string => typeof v === "string" && parseIsoDate(v) !== null;
const intIn = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;

/** Whatever was stored (possibly by an older version, or edited), made into valid settings. */
export function normaliseSettings(stored: unknown): PlanSettings {
  const s = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const d = DEFAULT_PLAN_SETTINGS;
  return {
    asAt: isDate(s.asAt) ? s.asAt : d.asAt,
    dueSoonDays: intIn(s.dueSoonDays, 0, 3660) ? s.dueSoonDays : d.dueSoonDays,
    nextCommittee: isDate(s.nextCommittee) ? s.nextCommittee : d.nextCommittee,
    financialYearStartMonth: intIn(s.financialYearStartMonth, 1, 12)
      ? s.financialYearStartMonth
      : d.financialYearStartMonth,
    dateOrder: s.dateOrder === "MDY" || s.dateOrder === "DMY" ? s.dateOrder : d.dateOrder,
    planId: typeof s.planId === "string" && s.planId !== "" ? s.planId : d.planId,
    summarySheetName:
      typeof s.summarySheetName === "string" && validSheetName(s.summarySheetName)
        ? s.summarySheetName
        : d.summarySheetName,
    columns: normaliseColumnsByPlan(s.columns),
  };
}

/** Excel's rules for a sheet name: 1-31 characters, none of \ / ? * [ ] :, not starting or ending with '. */
export function validSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[\\/?*[\]:]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

export function loadSettings(): PlanSettings {
  return normaliseSettings(Office.context.document.settings.get(SETTINGS_KEY));
}

export async function saveSettings(settings: PlanSettings): Promise<void> {
  Office.context.document.settings.set(SETTINGS_KEY, normaliseSettings(settings));
  await saveDocumentSettings();
}
