/**
 * The Excel test double: `createExcelDouble(model)` gives `Excel`, `Office` and
 * `OfficeExtension` objects to install as globals in place of Office.js, over a plain-data
 * WorkbookModel, plus the counts the budget tests assert (syncs, request and response sizes).
 *
 * Browser-safe: no Node APIs, no exceljs (see from-xlsx.ts for loading a real .xlsx in Node).
 */
import {
  DoubleContext,
  DoubleError,
  DoubleOptions,
  DoubleStats,
  PAYLOAD_LIMIT_BYTES,
} from "./excel-double";
import type { WorkbookModel } from "./model";

export * from "./model";
export { DoubleError, PAYLOAD_LIMIT_BYTES, CELL_READ_LIMIT } from "./excel-double";
export type { DoubleStats, DoubleOptions, RequestRecord } from "./excel-double";

export interface ExcelDouble {
  Excel: unknown;
  Office: unknown;
  OfficeExtension: unknown;
  model: WorkbookModel;
  stats: DoubleStats & { settingsSaves: number };
  /** Sets globalThis.Excel/Office/OfficeExtension; returns a function that restores the old ones. */
  install(): () => void;
  /** Zeroes the counters (between the steps of a test). */
  resetStats(): void;
  /** Cuts off a coming sync part-way: after `skip` good syncs, the next applies only `afterCommands` commands and fails. */
  failSync(afterCommands: number, skip?: number): void;
}

export function createExcelDouble(model: WorkbookModel, options: DoubleOptions = {}): ExcelDouble {
  const opts: Required<DoubleOptions> = {
    excelApiMinor: options.excelApiMinor ?? 12,
    payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT_BYTES,
    fault: options.fault ?? null,
  };
  const stats: DoubleStats & { settingsSaves: number } = {
    syncs: 0,
    runs: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    requests: [],
    settingsSaves: 0,
  };

  class RequestContext extends DoubleContext {
    constructor() {
      super(model, stats, opts);
    }
  }

  type Batch<T> = (context: DoubleContext) => Promise<T>;
  async function run<T>(a: Batch<T> | unknown, b?: Batch<T>): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as Batch<T>;
    stats.runs++;
    const context = new RequestContext();
    const result = await batch(context);
    // Excel.run sends whatever is still queued when the batch finishes.
    if (context.pending > 0) await context.sync();
    return result;
  }

  const Excel = {
    run,
    RequestContext,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      propertyNotLoaded: "PropertyNotLoaded",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: { columnStacked: "ColumnStacked", line: "Line", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  };

  // Office.context.document.settings: an in-memory copy loaded with the document,
  // written back to the file only by saveAsync (as the docs describe).
  let live: Record<string, unknown> = JSON.parse(JSON.stringify(model.settings));
  const settings = {
    get(name: string): unknown {
      return name in live ? JSON.parse(JSON.stringify(live[name])) : null;
    },
    set(name: string, value: unknown): void {
      live[name] = JSON.parse(JSON.stringify(value));
    },
    remove(name: string): void {
      delete live[name];
    },
    saveAsync(a?: unknown, b?: unknown): void {
      const cb = (typeof a === "function" ? a : b) as ((r: unknown) => void) | undefined;
      setTimeout(() => {
        model.settings = JSON.parse(JSON.stringify(live));
        stats.settingsSaves++;
        cb?.({ status: "succeeded", value: undefined, error: null });
      }, 0);
    },
    refreshAsync(cb?: (r: unknown) => void): void {
      setTimeout(() => {
        live = JSON.parse(JSON.stringify(model.settings));
        cb?.({ status: "succeeded", value: settings, error: null });
      }, 0);
    },
  };

  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      document: { settings },
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name !== "ExcelApi") return false;
          const minor = Number(String(version ?? "1.1").split(".")[1] ?? "0");
          return minor <= opts.excelApiMinor;
        },
      },
      officeTheme: {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
      },
    },
  };

  const OfficeExtension = { Error: DoubleError };

  return {
    Excel,
    Office,
    OfficeExtension,
    model,
    stats,
    install() {
      const g = globalThis as Record<string, unknown>;
      const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
      g.Excel = Excel;
      g.Office = Office;
      g.OfficeExtension = OfficeExtension;
      return () => {
        g.Excel = saved.Excel;
        g.Office = saved.Office;
        g.OfficeExtension = saved.OfficeExtension;
      };
    },
    resetStats() {
      stats.syncs = 0;
      stats.runs = 0;
      stats.maxRequestBytes = 0;
      stats.maxResponseBytes = 0;
      stats.requests = [];
      stats.settingsSaves = 0;
    },
    failSync(afterCommands: number, skip = 0) {
      opts.fault = { skip, afterCommands };
    },
  };
}
