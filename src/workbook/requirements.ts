/**
 * Which Excel API this Excel offers, and the officer-worded error every workbook flow throws.
 *
 * Plan Tracker needs ExcelApi 1.7 (Excel 2019, Microsoft 365, Excel on the web): hyperlinks,
 * getRangeByIndexes and freeze panes arrived there. Newer sets are used only when present:
 * 1.9 (getRanges, RangeFill.pattern) makes formatting cheaper and restores "no fill" exactly;
 * 1.6 suspends recalculation during a big write. Each is checked with
 * Office.context.requirements.isSetSupported, never assumed.
 */

export type WorkbookErrorCode =
  "protected" | "structure_protected" | "no_plan" | "old_excel" | "too_big" | "excel_error";

/** An error whose message is written for the officer (shown in the pane's MessageBar). */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    /** Excel's own error code, when the error came from Excel (e.g. "ItemNotFound"). */
    readonly excelCode?: string
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** True when this Excel supports ExcelApi 1.<minor>. */
export function supportsExcelApi(minor: number): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`);
  } catch {
    return false;
  }
}

export const REQUIRED_MINOR = 7;

export function requireExcelApi(minor: number = REQUIRED_MINOR): void {
  if (!supportsExcelApi(minor)) {
    throw new WorkbookError(
      "old_excel",
      `This version of Excel is too old for Plan Tracker: it needs Excel 2019, Microsoft 365 or Excel on the web (Excel API 1.${minor}). Please update Excel and try again.`
    );
  }
}

/** What this Excel lets us do, decided once per flow. */
export interface Capabilities {
  /** Worksheet.getRanges and RangeAreas formatting (1.9). */
  rangeAreas: boolean;
  /** RangeFill.pattern (1.9): tells "no fill" from a white fill. */
  fillPattern: boolean;
  /** Application.suspendApiCalculationUntilNextSync (1.6). */
  suspendCalculation: boolean;
  /** Workbook.protection (1.7). */
  workbookProtection: boolean;
}

export function capabilities(): Capabilities {
  return {
    rangeAreas: supportsExcelApi(9),
    fillPattern: supportsExcelApi(9),
    suspendCalculation: supportsExcelApi(6),
    workbookProtection: supportsExcelApi(7),
  };
}

/** Turns an error from Excel into one the officer can act on; WorkbookErrors pass through. */
export function explain(error: unknown, doing: string): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = (error as { code?: string })?.code ?? "";
  const detail = (error as { message?: string })?.message ?? String(error);
  if (code === "AccessDenied") {
    return new WorkbookError(
      "protected",
      `Excel would not let Plan Tracker ${doing}: the sheet or workbook is protected. Unprotect it (Review > Unprotect Sheet) and try again.`
    );
  }
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return new WorkbookError(
      "too_big",
      `The plan is too large for Excel to ${doing} in one go. Please tell the Plan Tracker team (details: ${detail}).`
    );
  }
  return new WorkbookError("excel_error", `Excel could not ${doing}: ${detail}`, code || undefined);
}
