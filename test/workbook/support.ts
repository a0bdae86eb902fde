/** Shared set-up for the workbook module's tests: the double over a model, installed as Office.js. */
import * as path from "path";
import { createExcelDouble, type ExcelDouble, type WorkbookModel, cloneModel } from "../double";
import { modelFromXlsx } from "../double/from-xlsx";
import { createExcelWorkbook } from "../../src/workbook/excel-workbook";
import { DEFAULT_PLAN_SETTINGS, type PlanSettings, type WorkbookApi } from "../../src/workbook/api";
import { judgePlan, summarise, type Plan, type ReportRecord, type Summary } from "../../src/plan";

export const SAMPLE = path.join(__dirname, "..", "..", "samples", "improvement-plan.xlsx");
export const AS_AT = "2006-12-28";
export const BUILT_AT = "2026-11-22T19:40:00.000Z";

let sampleModel: WorkbookModel | null = null;

export async function sample(): Promise<WorkbookModel> {
  if (!sampleModel) sampleModel = await modelFromXlsx(SAMPLE);
  return cloneModel(sampleModel);
}

export interface Harness {
  double: ExcelDouble;
  api: WorkbookApi;
  restore: () => void;
}

export function harness(model: WorkbookModel, excelApiMinor = 12): Harness {
  const double = createExcelDouble(model, { excelApiMinor });
  const restore = double.install();
  return { double, api: createExcelWorkbook(), restore };
}

export const settingsAt = (asAt: string, extra: Partial<PlanSettings> = {}): PlanSettings => ({
  ...DEFAULT_PLAN_SETTINGS,
  asAt,
  ...extra,
});

export function summaryOf(
  plan: Plan,
  asAt: string,
  history: ReportRecord[],
  builtAt = BUILT_AT,
  source = "ImprovementPlan"
): Summary {
  const statuses = judgePlan(plan, { asAt, dueSoonDays: 30 });
  return summarise(plan, statuses, {
    asAt,
    builtAt,
    dueSoonDays: 30,
    planName: "Improvement Plan",
    source,
    previous: history.length ? history[history.length - 1] : null,
  });
}

/** Every cell value and formula of a sheet, for byte-for-byte comparison. */
export function sheetValues(model: WorkbookModel, name: string): string {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const entries = Object.entries(sheet.cells)
    .map(([k, c]) => [k, c.v ?? null, c.f ?? null, c.nf ?? null] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return JSON.stringify(entries);
}
