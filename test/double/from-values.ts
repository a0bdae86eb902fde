/**
 * Builds a workbook model from plain values (browser-safe): the seed plan's
 * plan-values.json, or a generated plan, optionally as an Excel Table.
 */
import { boxAddress } from "./a1";
import { emptyWorkbook, newSheet, putValues, type WorkbookModel } from "./model";

export interface ValuesPlan {
  sheet: string;
  values: (string | number | boolean | null)[][];
}

export interface FromValuesOptions {
  /** Make the plan an Excel Table with this name. */
  table?: string;
}

export function modelFromValues(plan: ValuesPlan, options: FromValuesOptions = {}): WorkbookModel {
  const model = emptyWorkbook();
  const sheet = newSheet(model, plan.sheet);
  putValues(sheet, plan.values);
  if (options.table) {
    const width = Math.max(...plan.values.map((r) => r.length));
    model.tables.push({
      name: options.table,
      sheet: plan.sheet,
      address: boxAddress({ top: 1, left: 1, bottom: plan.values.length, right: width }),
      showHeaders: true,
    });
  }
  return model;
}
