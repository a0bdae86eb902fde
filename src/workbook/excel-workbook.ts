/**
 * The task pane's one door to the workbook: every Excel.run and context.sync of the pane is
 * here (and in the helpers this file calls). Components receive the WorkbookApi it returns.
 *
 * Round trips, because each is a visible wait for the officer (and Excel on the web caps each
 * request and response at 5 MB):
 * - listPlans: 2 syncs (what tables and sheets exist; then each one's address and first rows,
 *   never a whole plan, so a huge plan cannot overflow a request).
 * - loadPlan: 1 sync for a plan that fits in one request (the plan's values, the sheet list and
 *   the report history all travel together); a bigger plan adds one sync per further block.
 * - loadHistory: no sync after listPlans or loadPlan (they read it on the way); else 2.
 * - buildSummary: 2 syncs (what is there and what is protected; then the whole write) unless
 *   the summary is too big for one request, when the write is split.
 * - flagOverdue, clearFlags: 2 syncs each (the cells' formats and protection; then the write).
 */
import { readPlan, type CellRef, type CellValue, type ReportRecord, type Summary } from "../plan";
import { buildSummaryLayout, DEFAULT_SUMMARY_SHEET } from "../report/layout";
import type {
  BuildOutcome,
  FlagOutcome,
  LoadedPlan,
  PlanCandidate,
  PlanSettings,
  WorkbookApi,
} from "./api";
import { readValuesInBlocks, type GridBox } from "./blocks";
import { clearAllFlags, flagCells } from "./flags";
import {
  EMPTY_HISTORY,
  HISTORY_SHEET,
  historyFromRange,
  queueHistoryRead,
  queueHistoryWrite,
  type HistoryState,
} from "./history-store";
import { gridBox, listPlanCandidates, probeFormatColumns, stripSheet } from "./locate";
import { capabilities, explain, requireExcelApi, WorkbookError } from "./requirements";
import {
  loadSettings as readSettings,
  saveSettings as writeSettings,
  validSheetName,
} from "./settings-store";
import { RequestBudget, writeLayout } from "./summary-writer";

/** A1 box ("B3:H40") to 0-based indexes. */
function boxOf(address: string): GridBox {
  const box = gridBox(address);
  if (!box) {
    throw new WorkbookError(
      "excel_error",
      `Plan Tracker could not understand the address "${address}".`
    );
  }
  return box;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

interface SheetInfo {
  name: string;
  position: number;
  protected: boolean;
}

/** What the last read learned, so the next flow can skip a round trip. */
interface Cache {
  candidates: Map<string, PlanCandidate>;
  /** Each candidate's first rows, as listed: they say which columns need their formats. */
  heads: Map<string, CellValue[][]>;
  sheetNames: string[] | null;
  history: HistoryState | null;
  lastPlanSheet: string | null;
}

export function createExcelWorkbook(): WorkbookApi {
  const cache: Cache = {
    candidates: new Map(),
    heads: new Map(),
    sheetNames: null,
    history: null,
    lastPlanSheet: null,
  };
  const historyKnown = () =>
    cache.sheetNames !== null && cache.sheetNames.some((n) => sameName(n, HISTORY_SHEET));

  async function run<T>(
    doing: string,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> {
    requireExcelApi();
    try {
      return await Excel.run(batch);
    } catch (e) {
      throw explain(e, doing);
    }
  }

  async function listPlans(): Promise<PlanCandidate[]> {
    return run("look for the plan", async (context) => {
      let history: Excel.Range | null = null;
      // The report history travels with the second request of the search.
      const { sheetNames, plans } = await listPlanCandidates(context, (names) => {
        history = names.some((n) => sameName(n, HISTORY_SHEET)) ? queueHistoryRead(context) : null;
      });
      cache.sheetNames = sheetNames;
      const h = history as Excel.Range | null;
      cache.history = h ? historyFromRange(h) : EMPTY_HISTORY;
      const found: PlanCandidate[] = plans.map(({ head: _head, ...p }) => ({
        ...p,
        label: p.table ? `${p.sheet} (table ${p.table})` : `${p.sheet} (${p.address})`,
      }));
      cache.candidates = new Map(found.map((c) => [c.id, c]));
      cache.heads = new Map(plans.map((p) => [p.id, p.head ?? []]));
      return found;
    });
  }

  async function loadPlan(candidateId: string, settings: PlanSettings): Promise<LoadedPlan> {
    try {
      return await readCandidate(candidateId, settings);
    } catch (e) {
      if (!(e instanceof WorkbookError) || e.excelCode !== "ItemNotFound") throw e;
      // A sheet or table went away since we last looked: look again, once.
      cache.candidates.clear();
      cache.sheetNames = null;
      cache.history = null;
      return readCandidate(candidateId, settings);
    }
  }

  async function readCandidate(candidateId: string, settings: PlanSettings): Promise<LoadedPlan> {
    if (!cache.candidates.has(candidateId)) await listPlans();
    const candidate = cache.candidates.get(candidateId);
    if (!candidate) {
      throw new WorkbookError(
        "no_plan",
        `Plan Tracker can no longer find the plan it was reading (${candidateId.replace(/^\w+:/, "")}). Choose the plan again.`
      );
    }
    return run("read the plan", async (context) => {
      const sheet = context.workbook.worksheets.getItem(candidate.sheet);
      const current = candidate.table
        ? context.workbook.tables.getItem(candidate.table).getRange()
        : sheet.getUsedRange(true);
      const sheets = context.workbook.worksheets;
      let history: Excel.Range | null = null;
      const box = boxOf(candidate.address);
      const reading = {
        columns: settings.columns[candidate.id],
        settings: {
          financialYearStartMonth: settings.financialYearStartMonth,
          dateOrder: settings.dateOrder,
        },
      };
      const fcols = probeFormatColumns(
        { ...candidate, head: cache.heads.get(candidate.id) },
        box,
        reading
      );
      // The plan's values (with the formats of the columns that need them), its current
      // extent, the sheet list and the history: one request.
      let read = await readValuesInBlocks(
        context,
        sheet,
        box,
        () => {
          current.load("address");
          sheets.load("items/name");
          history = historyKnown() ? queueHistoryRead(context) : null;
        },
        fcols
      );
      let values = read.values;
      let formats = read.formats;
      const now = boxOf(current.address);
      if (
        now.rowIndex === box.rowIndex &&
        now.columnIndex === box.columnIndex &&
        now.columnCount === box.columnCount
      ) {
        if (now.rowCount > box.rowCount) {
          // Rows added since the plan was listed: read just those.
          read = await readValuesInBlocks(
            context,
            sheet,
            {
              ...box,
              rowIndex: box.rowIndex + box.rowCount,
              rowCount: now.rowCount - box.rowCount,
            },
            undefined,
            fcols
          );
          values = values.concat(read.values);
          formats = formats.concat(read.formats);
        } else {
          values = values.slice(0, now.rowCount);
          formats = formats.slice(0, now.rowCount);
        }
      } else {
        read = await readValuesInBlocks(context, sheet, now, undefined, fcols);
        values = read.values;
        formats = read.formats;
      }
      const address = stripSheet(current.address);
      const fresh: PlanCandidate = {
        ...candidate,
        address,
        label: candidate.table ? candidate.label : `${candidate.sheet} (${address})`,
      };
      cache.candidates.set(fresh.id, fresh);
      cache.sheetNames = sheets.items.map((s) => s.name);
      const h = history as Excel.Range | null;
      cache.history = h ? historyFromRange(h) : historyKnown() ? null : EMPTY_HISTORY;
      cache.lastPlanSheet = candidate.sheet;
      const result = readPlan(
        values,
        { sheet: candidate.sheet, row: now.rowIndex + 1, column: now.columnIndex + 1 },
        reading.settings,
        {
          numberFormats: formats,
          columns: reading.columns,
          headerRowFirst: candidate.table !== undefined,
        }
      );
      return { candidate: fresh, result };
    });
  }

  async function loadHistory(): Promise<ReportRecord[]> {
    if (cache.history) return cache.history.records.slice();
    return run("read the report history", async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      cache.sheetNames = sheets.items.map((s) => s.name);
      if (!historyKnown()) {
        cache.history = EMPTY_HISTORY;
        return [];
      }
      const range = queueHistoryRead(context);
      await context.sync();
      cache.history = historyFromRange(range);
      return cache.history.records.slice();
    });
  }

  async function buildSummary(summary: Summary, settings: PlanSettings): Promise<BuildOutcome> {
    const caps = capabilities();
    const wanted = validSheetName(settings.summarySheetName)
      ? settings.summarySheetName
      : DEFAULT_SUMMARY_SHEET;
    return run("build the committee summary", async (context) => {
      // 1. What is there: sheets, their protection, the history (which marks our own sheet)
      //    and, when the last read told us which sheet is ours, its charts (to replace them).
      const sheets = context.workbook.worksheets;
      const queueLook = (withHistory: boolean, ownGuess: string | null) => {
        sheets.load("items/name,items/position,items/protection/protected");
        const structure = caps.workbookProtection ? context.workbook.protection : null;
        structure?.load("protected");
        const charts = ownGuess ? sheets.getItem(ownGuess).charts : null;
        charts?.load("items/name");
        return {
          structure,
          history: withHistory ? queueHistoryRead(context) : null,
          charts,
          chartsOf: ownGuess,
        };
      };
      const guess = cache.history?.summarySheet ?? null;
      const ownGuess = guess && cache.sheetNames?.some((n) => sameName(n, guess)) ? guess : null;
      let look = queueLook(historyKnown(), ownGuess);
      try {
        await context.sync();
      } catch (e) {
        if ((e as { code?: string }).code !== "ItemNotFound") throw e;
        look = queueLook(false, null); // a sheet went away since we last looked
        await context.sync();
      }
      const infos: SheetInfo[] = sheets.items.map((s) => ({
        name: s.name,
        position: s.position,
        protected: s.protection.protected,
      }));
      const historyInfo = infos.find((s) => sameName(s.name, HISTORY_SHEET));
      let historyRange = look.history;
      if (historyInfo && !historyRange) {
        historyRange = queueHistoryRead(context);
        await context.sync();
      }
      const history = historyInfo && historyRange ? historyFromRange(historyRange) : EMPTY_HISTORY;

      if (look.structure?.protected) {
        throw new WorkbookError(
          "structure_protected",
          "The workbook's structure is protected, so Plan Tracker cannot add the committee summary sheet. Nothing was changed. Unprotect the workbook (Review > Protect Workbook) and try again."
        );
      }
      if (historyInfo?.protected) {
        throw new WorkbookError(
          "protected",
          `Plan Tracker's history sheet '${HISTORY_SHEET}' is protected, so the report cannot be recorded. Nothing was changed. Unprotect that sheet and try again.`
        );
      }

      // 2. Where the summary goes: our own sheet is replaced; an officer's sheet is never touched.
      const own = history.summarySheet
        ? infos.find((s) => sameName(s.name, history.summarySheet!))
        : undefined;
      const taken = (name: string) => infos.some((s) => sameName(s.name, name));
      let target = wanted;
      let replace: SheetInfo | undefined;
      let renamed = false;
      const existing = infos.find((s) => sameName(s.name, wanted));
      if (existing && own && existing === own) replace = own;
      else if (existing) {
        renamed = true;
        if (own && own.name.toLowerCase().startsWith(`${wanted.toLowerCase()} (`)) {
          replace = own;
          target = own.name;
        } else {
          for (let n = 2; ; n++) {
            const suffix = ` (${n})`;
            const candidate = wanted.slice(0, 31 - suffix.length) + suffix;
            if (!taken(candidate)) {
              target = candidate;
              break;
            }
          }
        }
      }
      if (replace?.protected) {
        throw new WorkbookError(
          "protected",
          `The sheet '${replace.name}' is protected, so Plan Tracker cannot rebuild the committee summary there. Nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.`
        );
      }

      const layout = buildSummaryLayout(summary, history.records, {
        sheetName: target,
        planSheet: cache.lastPlanSheet ?? undefined,
      });
      const record: ReportRecord = {
        asAt: summary.asAt,
        builtAt: summary.builtAt,
        total: summary.total,
        counts: { ...summary.counts },
      };

      let oldCharts: Excel.Chart[] = [];
      if (replace) {
        if (look.charts && look.chartsOf && sameName(look.chartsOf, replace.name))
          oldCharts = look.charts.items;
        else {
          const charts = sheets.getItem(replace.name).charts;
          charts.load("items/name");
          await context.sync();
          oldCharts = charts.items;
        }
      }

      // 3. The write: one request unless the summary is too big for one.
      const budget = new RequestBudget(context);
      if (caps.suspendCalculation)
        context.workbook.application.suspendApiCalculationUntilNextSync();
      let ws: Excel.Worksheet;
      if (replace) {
        // Cleared in place, not deleted and added again, so links and formulas elsewhere that
        // point at the summary sheet keep working.
        ws = sheets.getItem(replace.name);
        for (const chart of oldCharts) chart.delete();
        const all = ws.getRange();
        all.unmerge();
        all.clear("All" as Excel.ClearApplyTo);
        all.format.useStandardHeight = true;
      } else {
        // Marked as ours before it exists, so that a run cut off part-way (a dropped
        // connection, a closed pane) leaves a sheet the next build replaces, not a stray
        // "Committee Summary" it would have to treat as the officer's and write beside.
        queueHistoryWrite(context, !!historyInfo, target, history.records);
        ws = sheets.add(target);
      }
      await writeLayout(ws, layout, { caps, budget });
      ws.activate();
      // The report is recorded last: the history holds only builds that finished. The history
      // sheet exists by now (it was there, or the mark above added it).
      queueHistoryWrite(context, true, target, [...history.records, record]);
      await budget.flush();

      cache.history = { records: [...history.records, record], summarySheet: target };
      cache.sheetNames = [
        ...infos.map((s) => s.name),
        ...(replace ? [] : [target]),
        ...(historyInfo ? [] : [HISTORY_SHEET]),
      ];
      return { sheetName: target, renamed, record };
    });
  }

  async function flagOverdue(
    _candidateId: string,
    timescaleCells: CellRef[]
  ): Promise<FlagOutcome> {
    const caps = capabilities();
    return run("flag the overdue timescales", (context) =>
      flagCells(context, timescaleCells, caps)
    );
  }

  async function clearFlags(): Promise<FlagOutcome> {
    const caps = capabilities();
    return run("clear the flags", (context) => clearAllFlags(context, caps));
  }

  async function selectCell(ref: CellRef): Promise<void> {
    return run("go to that cell", async (context) => {
      const ws = context.workbook.worksheets.getItem(ref.sheet);
      ws.activate();
      ws.getRange(ref.address).select();
      await context.sync();
    });
  }

  return {
    listPlans,
    loadPlan,
    loadSettings: async () => readSettings(),
    saveSettings: (s) => writeSettings(s),
    flagOverdue,
    clearFlags,
    buildSummary,
    loadHistory,
    selectCell,
  };
}
