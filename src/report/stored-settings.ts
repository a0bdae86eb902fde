/**
 * What the add-in keeps in the workbook's own settings (Office.context.document.settings, saved
 * into the file), in the one shape every surface reads: the pane writes it, the custom functions
 * and the command line read it. Only the parts the command line also needs are here: the key,
 * the read settings, and the officer's choice of columns for each plan.
 */
import { type ColumnChoice, type ColumnChoices, type ColumnRole, type ReadSettings } from "../plan";

/** The setting's name in the workbook. */
export const SETTINGS_KEY = "planTracker.settings";

const ROLES: readonly ColumnRole[] = [
  "key",
  "recommendation",
  "area",
  "comments",
  "action",
  "timescale",
  "revisedTimescale",
  "lead",
  "status",
];

/** The id of a plan in the settings: "table:<name>" for an Excel Table, "sheet:<name>" otherwise. */
export function planId(where: { sheet: string; table?: string }): string {
  return where.table ? `table:${where.table}` : `sheet:${where.sheet}`;
}

function choiceOf(v: unknown): ColumnChoice | null | undefined {
  if (v === null) return null;
  if (!v || typeof v !== "object") return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.header === "string" && o.header.trim() !== "") return { header: o.header };
  if (
    typeof o.column === "number" &&
    Number.isInteger(o.column) &&
    o.column >= 1 &&
    o.column <= 16_384
  )
    return { column: o.column };
  return undefined;
}

/** Whatever was stored as one plan's choices, made valid (unknown roles and bad entries dropped). */
export function normaliseColumnChoices(stored: unknown): ColumnChoices {
  const out: ColumnChoices = {};
  if (!stored || typeof stored !== "object") return out;
  const s = stored as Record<string, unknown>;
  for (const role of ROLES) {
    if (!Object.prototype.hasOwnProperty.call(s, role)) continue;
    const c = choiceOf(s[role]);
    if (c !== undefined) out[role] = c;
  }
  return out;
}

/** Every plan's choices, by plan id. */
export function normaliseColumnsByPlan(stored: unknown): Record<string, ColumnChoices> {
  const out: Record<string, ColumnChoices> = {};
  if (!stored || typeof stored !== "object") return out;
  for (const [id, choices] of Object.entries(stored as Record<string, unknown>)) {
    if (!/^(table|sheet):./.test(id)) continue;
    const c = normaliseColumnChoices(choices);
    if (Object.keys(c).length > 0) out[id] = c;
  }
  return out;
}

/** The read settings and the column choices the workbook holds (defaults where absent). */
export function storedReading(stored: unknown): {
  read: Partial<ReadSettings>;
  columns: Record<string, ColumnChoices>;
} {
  const s = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const read: Partial<ReadSettings> = {};
  const fy = s.financialYearStartMonth;
  if (typeof fy === "number" && Number.isInteger(fy) && fy >= 1 && fy <= 12)
    read.financialYearStartMonth = fy;
  if (s.dateOrder === "DMY" || s.dateOrder === "MDY") read.dateOrder = s.dateOrder;
  return { read, columns: normaliseColumnsByPlan(s.columns) };
}
