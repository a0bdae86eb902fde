/**
 * Browser entry for the Playwright tests: bundle this file into the test page in place of
 * office.js, then call `installExcelDouble(model)` (a model built in Node with from-xlsx.ts and
 * passed in as JSON) before the pane starts. The double and its model stay reachable as
 * `window.excelDouble`, so a test can read the workbook the pane wrote and the sync counts.
 */
import {
  createExcelDouble,
  type DoubleOptions,
  type ExcelDouble,
  type WorkbookModel,
} from "./index";

export function installExcelDouble(model: WorkbookModel, options: DoubleOptions = {}): ExcelDouble {
  const double = createExcelDouble(model, options);
  double.install();
  (globalThis as Record<string, unknown>).excelDouble = double;
  return double;
}

(globalThis as Record<string, unknown>).installExcelDouble = installExcelDouble;
