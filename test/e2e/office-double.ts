/**
 * Stands in for office.js in the browser tests: the test server serves this bundle at the
 * URL where taskpane.html loads Office.js, so it runs before the pane's own scripts. It
 * installs the Excel test double over the workbook model the test put in
 * `window.__PLAN_MODEL__` (via page.addInitScript), with the Office theme it asked for.
 *
 * The page also hosts the custom functions (shared runtime); a small CustomFunctions stand-in
 * records the functions the bundle associates, so the test can see that chunk loaded too.
 */
import { createExcelDouble, type DoubleOptions, type WorkbookModel } from "../double";

interface TestWindow {
  __PLAN_MODEL__?: WorkbookModel;
  __OFFICE_THEME__?: "light" | "dark";
  /** E.g. an older Excel: { excelApiMinor: 3 }. */
  __DOUBLE_OPTIONS__?: DoubleOptions;
  __double?: ReturnType<typeof createExcelDouble>;
  __associated?: string[];
  CustomFunctions?: unknown;
}

const w = window as unknown as TestWindow;
if (!w.__PLAN_MODEL__)
  throw new Error("office-double: the test did not provide window.__PLAN_MODEL__");

const double = createExcelDouble(w.__PLAN_MODEL__, w.__DOUBLE_OPTIONS__ ?? {});
double.install();
w.__double = double;

if (w.__OFFICE_THEME__ === "dark") {
  // The colours Office uses for its dark ("Black") theme.
  const office = double.Office as { context: { officeTheme: Record<string, string> } };
  office.context.officeTheme = {
    bodyBackgroundColor: "#1F1F1F",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#292929",
    controlForegroundColor: "#FFFFFF",
  };
}

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

w.__associated = [];
w.CustomFunctions = {
  associate(id: string | Record<string, unknown>) {
    if (typeof id === "string") w.__associated!.push(id);
    else w.__associated!.push(...Object.keys(id));
  },
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};
