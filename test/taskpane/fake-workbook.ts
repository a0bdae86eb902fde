/**
 * A fake WorkbookApi for component tests: plans held as 2-D arrays of cell values, read by
 * the real engine (readPlan), with every call recorded. It stands in for src/workbook so the
 * pane's behaviour can be tested without Excel or the Office.js double.
 */
import {
  readPlan,
  type CellRef,
  type CellValue,
  type ReportRecord,
  type Summary,
} from "../../src/plan";
import {
  DEFAULT_PLAN_SETTINGS,
  type BuildOutcome,
  type FlagOutcome,
  type LoadedPlan,
  type PlanCandidate,
  type PlanSettings,
  type WorkbookApi,
} from "../../src/workbook/api";

export interface FakePlan {
  candidate: PlanCandidate;
  values: CellValue[][];
}

export interface Call {
  method: keyof WorkbookApi;
  args: unknown[];
}

export class FakeWorkbook implements WorkbookApi {
  readonly calls: Call[] = [];
  settings: PlanSettings;
  history: ReportRecord[] = [];
  flagged: CellRef[] = [];
  /** A method listed here rejects with the error given, as Excel would. */
  failures: Partial<Record<keyof WorkbookApi, unknown>> = {};
  /** A method listed here waits for the promise before answering (to see the progress indicator). */
  gates: Partial<Record<keyof WorkbookApi, Promise<void>>> = {};

  constructor(
    readonly plans: FakePlan[],
    settings: Partial<PlanSettings> = {}
  ) {
    this.settings = { ...DEFAULT_PLAN_SETTINGS, ...settings };
  }

  callsTo(method: keyof WorkbookApi): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async enter(method: keyof WorkbookApi, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    const gate = this.gates[method];
    if (gate) await gate;
    if (method in this.failures) throw this.failures[method];
  }

  async listPlans(): Promise<PlanCandidate[]> {
    await this.enter("listPlans", []);
    return this.plans.map((p) => p.candidate);
  }

  async loadPlan(candidateId: string, settings: PlanSettings): Promise<LoadedPlan> {
    await this.enter("loadPlan", [candidateId, settings]);
    const found = this.plans.find((p) => p.candidate.id === candidateId);
    if (!found) throw new Error(`no plan ${candidateId}`);
    const result = readPlan(
      found.values,
      { sheet: found.candidate.sheet, row: 1, column: 1 },
      {
        financialYearStartMonth: settings.financialYearStartMonth,
        dateOrder: settings.dateOrder,
      }
    );
    return { candidate: found.candidate, result };
  }

  async loadSettings(): Promise<PlanSettings> {
    await this.enter("loadSettings", []);
    return { ...this.settings };
  }

  async saveSettings(settings: PlanSettings): Promise<void> {
    await this.enter("saveSettings", [settings]);
    this.settings = { ...settings };
  }

  async flagOverdue(candidateId: string, timescaleCells: CellRef[]): Promise<FlagOutcome> {
    await this.enter("flagOverdue", [candidateId, timescaleCells]);
    const cleared = this.flagged.length;
    this.flagged = [...timescaleCells];
    return { flagged: timescaleCells.length, cleared };
  }

  async clearFlags(): Promise<FlagOutcome> {
    await this.enter("clearFlags", []);
    const cleared = this.flagged.length;
    this.flagged = [];
    return { flagged: 0, cleared };
  }

  async buildSummary(summary: Summary, settings: PlanSettings): Promise<BuildOutcome> {
    await this.enter("buildSummary", [summary, settings]);
    const record: ReportRecord = {
      asAt: summary.asAt,
      builtAt: summary.builtAt,
      total: summary.total,
      counts: summary.counts,
    };
    this.history.push(record);
    return { sheetName: settings.summarySheetName, renamed: false, record };
  }

  async loadHistory(): Promise<ReportRecord[]> {
    await this.enter("loadHistory", []);
    return [...this.history];
  }

  async selectCell(ref: CellRef): Promise<void> {
    await this.enter("selectCell", [ref]);
  }
}
