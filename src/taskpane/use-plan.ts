/**
 * The task pane's state and what the officer can do with it. Everything that touches the
 * workbook goes through the WorkbookApi it is given; everything that judges the plan goes
 * through the engine in src/plan. The components only render this state and call these
 * functions, so they can be tested with a fake workbook.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  judgePlan,
  summarise,
  todayLocal,
  type CellRef,
  type IsoDate,
  type Plan,
  type PlanProblem,
  type ReportRecord,
  type Summary,
} from "../plan";
import {
  DEFAULT_PLAN_SETTINGS,
  type LoadedPlan,
  type PlanCandidate,
  type PlanSettings,
  type WorkbookApi,
} from "../workbook/api";
import { planName, planSource } from "../report/source";

/** The pane's clock, injectable so tests need not depend on today's date. */
export interface PaneClock {
  /** Today's date where the officer is. */
  today(): IsoDate;
  /** Now, as an ISO 8601 timestamp (for "built at"). */
  now(): string;
}

export const SYSTEM_CLOCK: PaneClock = {
  today: () => todayLocal(),
  now: () => new Date().toISOString(),
};

export interface PaneState {
  /** True until the first read of the workbook has finished. */
  starting: boolean;
  settings: PlanSettings;
  /** The date the plan is judged at: the saved as-at date, or today. */
  asAt: IsoDate;
  candidates: PlanCandidate[];
  /** The plan being shown (its PlanCandidate id), or null when the workbook holds none. */
  candidateId: string | null;
  /** Why the chosen table could not be read as a plan. */
  problem: PlanProblem | null;
  plan: Plan | null;
  summary: Summary | null;
  /** What is running now, in the officer's words ("Building the committee summary"), or null. */
  busy: string | null;
  /** The last thing that went wrong, in the officer's words. */
  error: string | null;
  /** The last thing that went right ("Flagged 20 overdue timescales."). */
  notice: string | null;
}

export interface PaneActions {
  /** Read the workbook again (after the officer edits the plan). */
  refresh(): Promise<void>;
  pickPlan(candidateId: string): Promise<void>;
  applySettings(settings: PlanSettings): Promise<void>;
  flagOverdue(): Promise<void>;
  clearFlags(): Promise<void>;
  buildSummary(): Promise<void>;
  selectSource(ref: CellRef): Promise<void>;
  dismissError(): void;
  dismissNotice(): void;
}

const INITIAL: PaneState = {
  starting: true,
  settings: DEFAULT_PLAN_SETTINGS,
  asAt: "",
  candidates: [],
  candidateId: null,
  problem: null,
  plan: null,
  summary: null,
  busy: null,
  error: null,
  notice: null,
};

/** The as-at date the settings give: the saved date, or today. */
export function effectiveAsAt(settings: PlanSettings, clock: PaneClock): IsoDate {
  return settings.asAt ?? clock.today();
}

/**
 * Judge a plan and summarise it as at the settings' date. The one place the pane calls the
 * engine, so the pane shows exactly the figures the committee summary and the CLI give.
 */
export function judgeAndSummarise(
  plan: Plan,
  candidate: PlanCandidate,
  settings: PlanSettings,
  clock: PaneClock,
  previous: ReportRecord | null
): Summary {
  const statusSettings = {
    asAt: effectiveAsAt(settings, clock),
    dueSoonDays: settings.dueSoonDays,
    nextCommittee: settings.nextCommittee,
  };
  const statuses = judgePlan(plan, statusSettings);
  return summarise(plan, statuses, {
    ...statusSettings,
    planName: planName(candidate),
    source: planSource(candidate),
    builtAt: clock.now(),
    previous,
  });
}

/** Error codes Office.js gives (OfficeExtension.Error.code) that the officer can act on. */
const OFFICE_ERROR_WORDS: Record<string, string> = {
  AccessDenied:
    "Excel would not let Plan Tracker change the workbook. If a sheet is protected, unprotect it (Review > Unprotect Sheet) and try again.",
  InvalidOperationInCellEditMode:
    "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.",
  ApiNotFound:
    "This version of Excel lacks a feature Plan Tracker needs for this. Update Excel, or use Excel on the web.",
  RequestPayloadSizeLimitExceeded:
    "The plan is too large for Excel to send in one go. Please tell whoever looks after Plan Tracker.",
  ItemNotFound:
    "Something Plan Tracker expected in the workbook has gone (perhaps a sheet was deleted or renamed). Refresh the pane and try again.",
  GeneralException:
    "Excel could not finish the request. Try again; if it keeps happening, save and reopen the workbook.",
};

/**
 * Turn whatever went wrong into a sentence for the officer: what we were doing, and what
 * to do about it. Errors from the workbook module already carry the officer's words.
 */
export function officerMessage(err: unknown, doing: string): string {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; name?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  const message =
    typeof e.message === "string" ? e.message.trim() : typeof err === "string" ? err : "";
  // The workbook module's own errors are already written for the officer: keep every word.
  if (e.name === "WorkbookError" && message) return `Could not ${doing}. ${message}`;
  if (/protect/i.test(message)) {
    return `Could not ${doing}: a sheet Plan Tracker needs to change is protected. Unprotect it (Review > Unprotect Sheet) and try again.`;
  }
  if (code && OFFICE_ERROR_WORDS[code]) return `Could not ${doing}. ${OFFICE_ERROR_WORDS[code]}`;
  if (message) return `Could not ${doing}: ${message}`;
  return `Could not ${doing}. Try again; if it keeps happening, save and reopen the workbook.`;
}

/** The timescale cells of the overdue actions, each once (several actions may share a cell). */
export function overdueTimescaleCells(summary: Summary): CellRef[] {
  const seen = new Set<string>();
  const cells: CellRef[] = [];
  for (const item of summary.overdue) {
    const ref = item.timescaleSource;
    const id = `${ref.sheet}!${ref.address}`;
    if (!seen.has(id)) {
      seen.add(id);
      cells.push(ref);
    }
  }
  return cells;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function usePlan(
  api: WorkbookApi,
  clock: PaneClock = SYSTEM_CLOCK
): [PaneState, PaneActions] {
  const [state, setState] = useState<PaneState>(INITIAL);
  // The latest state, for actions that run after awaits (React state in closures goes stale).
  const current = useRef(state);
  current.current = state;
  const loaded = useRef<LoadedPlan | null>(null);

  const patch = useCallback((p: Partial<PaneState>) => {
    setState((s) => {
      const next = { ...s, ...p };
      current.current = next;
      return next;
    });
  }, []);

  /**
   * Pieces of work run one after another, never side by side: a click on Apply while the
   * first read is still in flight must not have that read land afterwards and put back the
   * settings it started with.
   */
  const queue = useRef<Promise<void>>(Promise.resolve());

  /** Run one piece of work with the progress indicator on and errors caught in the officer's words. */
  const run = useCallback(
    (label: string, doing: string, work: () => Promise<Partial<PaneState> | void>) => {
      const next = queue.current.then(async () => {
        patch({ busy: label, error: null, notice: null });
        try {
          const result = await work();
          patch({ ...(result ?? {}), busy: null, starting: false });
        } catch (err) {
          patch({ busy: null, starting: false, error: officerMessage(err, doing) });
        }
      });
      queue.current = next;
      return next;
    },
    [patch]
  );

  /** Read the chosen plan (or the first found) and judge it. */
  const readPlan = useCallback(
    async (settings: PlanSettings, candidates: PlanCandidate[]): Promise<Partial<PaneState>> => {
      const asAt = effectiveAsAt(settings, clock);
      const candidate = candidates.find((c) => c.id === settings.planId) ?? candidates[0];
      if (!candidate) {
        loaded.current = null;
        return {
          settings,
          asAt,
          candidates,
          candidateId: null,
          problem: null,
          plan: null,
          summary: null,
        };
      }
      const { result } = await api.loadPlan(candidate.id, settings);
      loaded.current = { candidate, result };
      if (!result.ok) {
        return {
          settings,
          asAt,
          candidates,
          candidateId: candidate.id,
          problem: result.problem,
          plan: null,
          summary: null,
        };
      }
      const summary = judgeAndSummarise(result.plan, candidate, settings, clock, null);
      return {
        settings,
        asAt,
        candidates,
        candidateId: candidate.id,
        problem: null,
        plan: result.plan,
        summary,
      };
    },
    [api, clock]
  );

  const refresh = useCallback(
    () =>
      run("Reading the plan", "read the workbook", async () => {
        const settings = await api.loadSettings();
        const candidates = await api.listPlans();
        return readPlan(settings, candidates);
      }),
    [api, run, readPlan]
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const pickPlan = useCallback(
    (candidateId: string) =>
      run("Reading the plan", "read that plan", async () => {
        const settings = { ...current.current.settings, planId: candidateId };
        await api.saveSettings(settings);
        return readPlan(settings, current.current.candidates);
      }),
    [api, run, readPlan]
  );

  const applySettings = useCallback(
    (settings: PlanSettings) =>
      run("Saving the settings", "save the settings", async () => {
        const before = current.current.settings;
        await api.saveSettings(settings);
        const rereadNeeded =
          before.financialYearStartMonth !== settings.financialYearStartMonth ||
          before.dateOrder !== settings.dateOrder ||
          before.planId !== settings.planId ||
          !loaded.current;
        const notice = "Settings saved in this workbook.";
        if (rereadNeeded)
          return { ...(await readPlan(settings, current.current.candidates)), notice };
        // Only the as-at date or the due-soon window changed: judge the plan already read again.
        const { candidate, result } = loaded.current!;
        const asAt = effectiveAsAt(settings, clock);
        if (!result.ok) return { settings, asAt, notice };
        return {
          settings,
          asAt,
          notice,
          summary: judgeAndSummarise(result.plan, candidate, settings, clock, null),
        };
      }),
    [api, clock, run, readPlan]
  );

  const flagOverdue = useCallback(
    () =>
      run("Flagging overdue timescales", "flag the overdue timescales", async () => {
        const { summary, candidateId } = current.current;
        if (!summary || !candidateId)
          throw new Error("there is no plan to flag. Pick a plan first.");
        const outcome = await api.flagOverdue(candidateId, overdueTimescaleCells(summary));
        return {
          notice:
            outcome.flagged === 0
              ? "Nothing is overdue, so no timescale was flagged."
              : `Flagged ${plural(outcome.flagged, "overdue timescale cell", "overdue timescale cells")} in the plan. Clear flags puts your own formatting back.`,
        };
      }),
    [api, run]
  );

  const clearFlags = useCallback(
    () =>
      run("Clearing flags", "clear the flags", async () => {
        const outcome = await api.clearFlags();
        return {
          notice:
            outcome.cleared === 0
              ? "There were no flags to clear."
              : `Cleared ${plural(outcome.cleared, "flag", "flags")}; those cells have your own formatting again.`,
        };
      }),
    [api, run]
  );

  const buildSummary = useCallback(
    () =>
      run("Building the committee summary", "build the committee summary", async () => {
        const { settings } = current.current;
        if (!loaded.current || !loaded.current.result.ok) {
          throw new Error("there is no plan to summarise. Pick a plan first.");
        }
        const { candidate, result } = loaded.current;
        const history = await api.loadHistory();
        const previous = history.length > 0 ? history[history.length - 1] : null;
        const summary = judgeAndSummarise(result.plan, candidate, settings, clock, previous);
        const outcome = await api.buildSummary(summary, settings);
        const where = `the sheet "${outcome.sheetName}"`;
        return {
          summary,
          notice: outcome.renamed
            ? `Committee summary written to ${where}. A sheet of yours was already called "${settings.summarySheetName}", so it was left as it was.`
            : `Committee summary written to ${where}.`,
        };
      }),
    [api, clock, run]
  );

  const selectSource = useCallback(
    async (ref: CellRef) => {
      try {
        await api.selectCell(ref);
      } catch (err) {
        patch({
          error: officerMessage(err, `go to cell ${ref.address} on the sheet "${ref.sheet}"`),
        });
      }
    },
    [api, patch]
  );

  const dismissError = useCallback(() => patch({ error: null }), [patch]);
  const dismissNotice = useCallback(() => patch({ notice: null }), [patch]);

  const actions = useMemo<PaneActions>(
    () => ({
      refresh,
      pickPlan,
      applySettings,
      flagOverdue,
      clearFlags,
      buildSummary,
      selectSource,
      dismissError,
      dismissNotice,
    }),
    [
      refresh,
      pickPlan,
      applySettings,
      flagOverdue,
      clearFlags,
      buildSummary,
      selectSource,
      dismissError,
      dismissNotice,
    ]
  );
  return [state, actions];
}
