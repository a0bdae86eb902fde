/**
 * A faithful fake of the part of the Excel JavaScript API that Plan Tracker uses, over an
 * in-memory WorkbookModel. It keeps the rules Microsoft's documentation gives, because the
 * code under test must survive real Excel, not a friendly mock:
 *
 * - Objects are proxies. Reading a property before `load()` and `context.sync()` throws
 *   PropertyNotLoaded; setting a property or calling a method only queues a command.
 * - Commands run, in order, at `context.sync()`; loaded values arrive only when the sync
 *   succeeds. A failing command rejects the sync; commands before it stay applied.
 * - `*OrNullObject` proxies learn `isNullObject` at sync.
 * - Each sync is one request: its size (JSON of the queued commands) and its response's size
 *   (JSON of the loaded values) are measured; over 5 MB the sync fails with
 *   RequestPayloadSizeLimitExceeded or ResponsePayloadSizeLimitExceeded (office.js's codes),
 *   as Excel on the web does.
 * - Text written through `values` is read the way Excel reads typed input: "=..." (and "+",
 *   "-", "@" followed by text) becomes a formula, numeric text a number, ISO dates a date,
 *   unless the cell's number format is Text ("@") or the text starts with an apostrophe.
 *   (Range.values reference: "If the returned value starts with a plus ("+"), minus ("-"), or
 *   equal sign ("="), Excel interprets this value as a formula"; ISO dates are stored as dates.)
 * - APIs above the configured ExcelApi version are missing, as on an older Excel.
 *
 * No Node APIs and no exceljs here: the pane-UI tests bundle this file into a browser page.
 */
import {
  Box,
  boxAddress,
  columnLetters,
  MAX_COLUMNS,
  MAX_ROWS,
  parseBox,
  quoteSheet,
  splitSheet,
} from "./a1";
import {
  cellKey,
  CellModel,
  ChartModel,
  findSheet,
  newSheet,
  SheetModel,
  TableModel,
  WorkbookModel,
} from "./model";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;

export interface RequestRecord {
  requestBytes: number;
  responseBytes: number;
  commands: number;
}

export interface DoubleStats {
  syncs: number;
  runs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  requests: RequestRecord[];
}

export interface DoubleOptions {
  /** Highest ExcelApi minor version supported, e.g. 12 for ExcelApi 1.12. Default 12. */
  excelApiMinor?: number;
  /** Byte limit per request and per response. Default 5 MB. */
  payloadLimit?: number;
  /** A sync to cut off part-way (set through ExcelDouble.failSync); null: none. */
  fault?: Fault | null;
}

/**
 * For tests of interrupted runs: after `skip` good syncs, the next one applies only its
 * first `afterCommands` commands and fails, as a dropped connection or a closed pane
 * would leave it. One-shot.
 */
export interface Fault {
  skip: number;
  afterCommands: number;
}

/** The error shape of OfficeExtension.Error: code, message, debugInfo. */
export class DoubleError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

type Op = {
  /** What goes over the wire: used only to measure the request. */
  wire: { p: string; m: string; a?: unknown };
  apply: () => void;
};

type CellValue = string | number | boolean;

// ---------------------------------------------------------------------------------------
// Request context
// ---------------------------------------------------------------------------------------

export class DoubleContext {
  readonly workbook: WorkbookProxy;
  private ops: Op[] = [];
  /** Loaded values gathered during a sync, delivered only if it succeeds. */
  private deliveries: (() => void)[] = [];
  private responseParts: unknown[] = [];

  constructor(
    readonly model: WorkbookModel,
    readonly stats: DoubleStats,
    readonly opts: Required<DoubleOptions>
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues one command. */
  queue(path: string, method: string, args: unknown, apply: () => void): void {
    this.ops.push({ wire: { p: path, m: method, a: args }, apply });
  }

  /** Called while applying a load: records the response and when to hand it to the proxy. */
  respond(part: unknown, deliver: () => void): void {
    this.responseParts.push(part);
    this.deliveries.push(deliver);
  }

  requires(minor: number, api: string): void {
    if (this.opts.excelApiMinor < minor) {
      // On an Excel without the requirement set the method simply does not exist.
      throw new TypeError(`${api} is not a function (needs ExcelApi 1.${minor})`);
    }
  }

  get pending(): number {
    return this.ops.length;
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.deliveries = [];
    this.responseParts = [];
    this.stats.syncs++;
    const requestBytes = byteLength(JSON.stringify(ops.map((o) => o.wire)));
    const record: RequestRecord = { requestBytes, responseBytes: 0, commands: ops.length };
    this.stats.requests.push(record);
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, requestBytes);
    // Excel runs the batch asynchronously: yield so nothing can rely on synchronous effects.
    await Promise.resolve();
    if (requestBytes > this.opts.payloadLimit) {
      throw new DoubleError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`
      );
    }
    let limit = ops.length;
    const fault = this.opts.fault;
    if (fault && fault.skip-- <= 0) {
      this.opts.fault = null;
      limit = Math.min(fault.afterCommands, ops.length);
    }
    for (const op of ops.slice(0, limit)) {
      try {
        op.apply();
      } catch (e) {
        if (e instanceof DoubleError) throw e;
        throw new DoubleError("GeneralException", (e as Error).message, op.wire.p);
      }
    }
    if (limit < ops.length) {
      throw new DoubleError(
        "GeneralException",
        `The request was cut off after ${limit} of ${ops.length} commands (fault injected by the test).`
      );
    }
    const responseBytes = byteLength(JSON.stringify(this.responseParts));
    record.responseBytes = responseBytes;
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, responseBytes);
    if (responseBytes > this.opts.payloadLimit) {
      throw new DoubleError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`
      );
    }
    for (const d of this.deliveries) d();
  }

  // Helpers used by proxies --------------------------------------------------------------

  sheetByName(name: string): SheetModel {
    const s = findSheet(this.model, name);
    if (!s)
      throw new DoubleError(
        "ItemNotFound",
        `The requested resource doesn't exist (worksheet ${name}).`
      );
    return s;
  }

  sheetById(id: string): SheetModel {
    const s = this.model.sheets.find((x) => x.id === id);
    if (!s) throw new DoubleError("ItemNotFound", "The requested worksheet doesn't exist.");
    return s;
  }
}

function byteLength(s: string): number {
  // UTF-8 length without TextEncoder/Buffer, so the double runs anywhere.
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---------------------------------------------------------------------------------------
// Proxy base
// ---------------------------------------------------------------------------------------

type LoadSpec = string | string[] | { select?: string } | undefined;

function propsOf(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => propsOf(s));
  return propsOf(spec.select);
}

abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  private nullable = false;
  private isNull: boolean | undefined;

  constructor(
    readonly context: DoubleContext,
    protected path: string
  ) {}

  /** Scalar properties this object can load, with how to read them from the model. */
  protected abstract scalars(): Record<string, () => unknown>;

  /** Navigation properties (sub-objects) for "a/b" load paths. */
  protected nav(_name: string): Proxy | undefined {
    return undefined;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new DoubleError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(name) as T;
  }

  protected queueSet(name: string, value: unknown, apply: () => void): void {
    this.context.queue(this.path, `set:${name}`, value, () => {
      this.checkNotNull();
      apply();
    });
  }

  protected queueCall(method: string, args: unknown, apply: () => void): void {
    this.context.queue(this.path, method, args, () => {
      this.checkNotNull();
      apply();
    });
  }

  markNullable(exists: () => boolean): this {
    this.nullable = true;
    this.context.queue(this.path, "exists", undefined, () => {
      const isNull = !exists();
      this.context.respond(isNull, () => (this.isNull = isNull));
      this.isNull = isNull;
    });
    return this;
  }

  private checkNotNull(): void {
    if (this.nullable && this.isNull) {
      throw new DoubleError("ItemNotFound", `The requested resource doesn't exist (${this.path}).`);
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.isNull === undefined)
      throw new DoubleError(
        "PropertyNotLoaded",
        "isNullObject is not available before context.sync()."
      );
    return this.isNull;
  }

  load(spec?: LoadSpec): this {
    const props = propsOf(spec);
    const scalars = this.scalars();
    const own = props.length ? props.filter((p) => !p.includes("/")) : Object.keys(scalars);
    for (const p of props.filter((x) => x.includes("/"))) {
      const [head, ...rest] = p.split("/");
      const sub = this.nav(head);
      if (!sub) throw new DoubleError("InvalidArgument", `Cannot load '${p}' on ${this.path}.`);
      sub.load(rest.join("/"));
    }
    for (const p of own) {
      if (!(p in scalars) && !this.nav(p)) {
        throw new DoubleError(
          "InvalidArgument",
          `The property '${p}' does not exist on ${this.path}.`
        );
      }
    }
    this.context.queue(this.path, "load", own, () => {
      if (this.nullable && this.isNull) {
        return; // a null object loads nothing
      }
      const got: Record<string, unknown> = {};
      for (const p of own) {
        const sub = this.nav(p);
        if (sub) {
          sub.load();
          continue;
        }
        got[p] = scalars[p]();
      }
      this.context.respond(got, () => {
        for (const [k, v] of Object.entries(got)) this.loaded.set(k, v);
      });
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded.entries());
  }
}

// ---------------------------------------------------------------------------------------
// Workbook, worksheets
// ---------------------------------------------------------------------------------------

export class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: ApplicationProxy;
  readonly protection: WorkbookProtectionProxy;

  constructor(ctx: DoubleContext) {
    super(ctx, "workbook");
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, "workbook.tables", null);
    this.names = new NamedItemCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx);
  }
  protected scalars() {
    return { name: () => "Workbook" };
  }
  getSelectedRange(): RangeProxy {
    const ctx = this.context;
    return new RangeProxy(ctx, "workbook.getSelectedRange()", () => {
      const sel = ctx.model.selection ?? `${quoteSheet(ctx.model.activeSheet ?? "")}!A1`;
      const { sheet, local } = splitSheet(sel);
      return { sheet: ctx.sheetByName(sheet ?? ""), box: parseBox(local) };
    });
  }
}

class WorkbookProtectionProxy extends Proxy {
  constructor(ctx: DoubleContext) {
    super(ctx, "workbook.protection");
  }
  protected scalars() {
    this.context.requires(7, "workbook.protection");
    return { protected: () => this.context.model.structureProtected };
  }
  get protected(): boolean {
    return this.prop("protected");
  }
}

class ApplicationProxy extends Proxy {
  constructor(ctx: DoubleContext) {
    super(ctx, "application");
  }
  protected scalars() {
    return { calculationMode: () => "Automatic" };
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.requires(6, "suspendApiCalculationUntilNextSync");
    this.queueCall("suspendApiCalculationUntilNextSync", undefined, () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.requires(9, "suspendScreenUpdatingUntilNextSync");
    this.queueCall("suspendScreenUpdatingUntilNextSync", undefined, () => undefined);
  }
}

class WorksheetCollectionProxy extends Proxy {
  private itemProxies: WorksheetProxy[] | undefined;
  constructor(ctx: DoubleContext) {
    super(ctx, "workbook.worksheets");
  }
  protected scalars() {
    return {};
  }
  get items(): WorksheetProxy[] {
    if (!this.itemProxies)
      throw new DoubleError("PropertyNotLoaded", "worksheets.items is not loaded.");
    return this.itemProxies;
  }
  override load(spec?: LoadSpec): this {
    // "items/name,items/visibility" or "name,visibility" both load item properties.
    const props = propsOf(spec).map((p) => p.replace(/^items\//, ""));
    this.context.queue(this.path, "load", props, () => {
      const sheets = this.context.model.sheets.map((s) => s.id);
      const proxies = sheets.map((id, i) => {
        const p = new WorksheetProxy(this.context, `worksheets[${i}]`, () =>
          this.context.sheetById(id)
        );
        return p;
      });
      // Queue nothing: read the item properties now, as the host would in this batch.
      const got = proxies.map((p) => p.readNow(props));
      this.context.respond(got, () => {
        proxies.forEach((p, i) => p.accept(got[i]));
        this.itemProxies = proxies;
      });
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `worksheets.getItem(${JSON.stringify(name)})`, () =>
      this.context.sheetByName(name)
    );
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const p = new WorksheetProxy(
      this.context,
      `worksheets.getItemOrNullObject(${JSON.stringify(name)})`,
      () => this.context.sheetByName(name)
    );
    return p.markNullable(() => !!findSheet(this.context.model, name));
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, "worksheets.getActiveWorksheet()", () =>
      this.context.sheetByName(this.context.model.activeSheet ?? "")
    );
  }
  add(name?: string): WorksheetProxy {
    const ctx = this.context;
    let id: string | undefined;
    const proxy = new WorksheetProxy(ctx, `worksheets.add(${JSON.stringify(name)})`, () => {
      if (!id) throw new DoubleError("InvalidOperation", "The worksheet has not been added yet.");
      return ctx.sheetById(id);
    });
    ctx.queue(this.path, "add", name, () => {
      if (ctx.model.structureProtected) {
        throw new DoubleError(
          "AccessDenied",
          "The workbook's structure is protected: sheets cannot be added."
        );
      }
      const finalName = name ?? `Sheet${ctx.model.sheets.length + 1}`;
      if (findSheet(ctx.model, finalName)) {
        throw new DoubleError(
          "ItemAlreadyExists",
          `A worksheet named ${finalName} already exists.`
        );
      }
      if (finalName.length > 31 || /[\\/?*[\]:]/.test(finalName)) {
        throw new DoubleError("InvalidArgument", `${finalName} is not a valid worksheet name.`);
      }
      id = newSheet(ctx.model, finalName).id;
    });
    return proxy;
  }
}

export class WorksheetProxy extends Proxy {
  readonly protection: WorksheetProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: FreezePanesProxy;

  constructor(
    ctx: DoubleContext,
    path: string,
    readonly resolve: () => SheetModel
  ) {
    super(ctx, path);
    this.protection = new WorksheetProtectionProxy(ctx, `${path}.protection`, resolve);
    this.tables = new TableCollectionProxy(ctx, `${path}.tables`, resolve);
    this.charts = new ChartCollectionProxy(ctx, `${path}.charts`, resolve);
    this.freezePanes = new FreezePanesProxy(ctx, `${path}.freezePanes`, resolve);
  }
  protected scalars() {
    return {
      name: () => this.resolve().name,
      id: () => this.resolve().id,
      visibility: () => this.resolve().visibility,
      position: () => this.context.model.sheets.indexOf(this.resolve()),
    };
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "protection" ? this.protection : undefined;
  }
  /** Used by collection loads: read properties inside the batch. */
  readNow(props: string[]): Record<string, unknown> {
    const s = this.scalars() as Record<string, () => unknown>;
    const out: Record<string, unknown> = {};
    for (const p of props.length ? props : Object.keys(s)) {
      if (p === "protection/protected") out[p] = this.resolve().protected;
      else if (p in s) out[p] = s[p]();
      else
        throw new DoubleError(
          "InvalidArgument",
          `The property '${p}' does not exist on a worksheet.`
        );
    }
    return out;
  }
  accept(got: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(got)) {
      if (k === "protection/protected") this.protection.accept(v as boolean);
      else this.loaded.set(k, v);
    }
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queueSet("name", v, () => {
      const s = this.resolve();
      const old = s.name;
      if (findSheet(this.context.model, v) && v.toLowerCase() !== old.toLowerCase()) {
        throw new DoubleError("ItemAlreadyExists", `A worksheet named ${v} already exists.`);
      }
      s.name = v;
      for (const t of this.context.model.tables) if (t.sheet === old) t.sheet = v;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get position(): number {
    return this.prop("position");
  }
  set position(v: number) {
    this.queueSet("position", v, () => {
      const m = this.context.model;
      const s = this.resolve();
      const rest = m.sheets.filter((x) => x !== s);
      rest.splice(Math.max(0, Math.min(v, rest.length)), 0, s);
      m.sheets = rest;
    });
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  set visibility(v: string) {
    this.queueSet("visibility", v, () => {
      const s = this.resolve();
      if (
        v !== "Visible" &&
        this.context.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
      ) {
        throw new DoubleError(
          "InvalidOperation",
          "A workbook must keep at least one visible sheet."
        );
      }
      s.visibility = v as SheetModel["visibility"];
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this.path}.getRange(${JSON.stringify(address ?? "")})`,
      () => ({
        sheet: this.resolve(),
        box: address
          ? parseBox(splitSheet(address).local)
          : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS },
      })
    );
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    this.context.requires(7, "getRangeByIndexes");
    return new RangeProxy(
      this.context,
      `${this.path}.getRangeByIndexes(${row},${column},${rows},${columns})`,
      () => ({
        sheet: this.resolve(),
        box: { top: row + 1, left: column + 1, bottom: row + rows, right: column + columns },
      })
    );
  }
  getRanges(address: string): RangeAreasProxy {
    this.context.requires(9, "getRanges");
    return new RangeAreasProxy(
      this.context,
      `${this.path}.getRanges(${JSON.stringify(address)})`,
      () =>
        address
          .split(/[,;]/)
          .map((a) => ({ sheet: this.resolve(), box: parseBox(splitSheet(a.trim()).local) }))
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getUsedRange(${!!valuesOnly})`, () => {
      const box = usedBox(this.resolve(), !!valuesOnly);
      return { sheet: this.resolve(), box: box ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const p = new RangeProxy(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${!!valuesOnly})`,
      () => {
        const box = usedBox(this.resolve(), !!valuesOnly);
        if (!box) throw new DoubleError("ItemNotFound", "The sheet is empty.");
        return { sheet: this.resolve(), box };
      }
    );
    return p.markNullable(() => !!usedBox(this.resolve(), !!valuesOnly));
  }
  activate(): void {
    this.queueCall("activate", undefined, () => {
      this.context.model.activeSheet = this.resolve().name;
    });
  }
  delete(): void {
    this.queueCall("delete", undefined, () => {
      const m = this.context.model;
      if (m.structureProtected)
        throw new DoubleError("AccessDenied", "The workbook's structure is protected.");
      const s = this.resolve();
      if (m.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new DoubleError(
          "InvalidOperation",
          "A workbook must keep at least one visible sheet."
        );
      }
      m.sheets = m.sheets.filter((x) => x !== s);
      m.tables = m.tables.filter((t) => t.sheet !== s.name);
      // Names that pointed at the sheet become #REF!, as in Excel.
      for (const n of m.names)
        if (splitSheet(n.formula.replace(/^=/, "")).sheet === s.name) n.formula = "=#REF!";
      if (m.activeSheet === s.name) m.activeSheet = m.sheets[0]?.name ?? null;
    });
  }
}

function usedBox(sheet: SheetModel, valuesOnly: boolean): Box | null {
  let box: Box | null = null;
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const hasValue = (cell.v !== undefined && cell.v !== "") || cell.f !== undefined;
    if (valuesOnly ? !hasValue : Object.keys(cell).length === 0) continue;
    const [r, c] = key.split(":").map(Number);
    if (!box) box = { top: r, left: c, bottom: r, right: c };
    else {
      box.top = Math.min(box.top, r);
      box.left = Math.min(box.left, c);
      box.bottom = Math.max(box.bottom, r);
      box.right = Math.max(box.right, c);
    }
  }
  return box;
}

class WorksheetProtectionProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    path: string,
    private resolve: () => SheetModel
  ) {
    super(ctx, path);
  }
  protected scalars() {
    this.context.requires(2, "worksheet.protection");
    return { protected: () => this.resolve().protected };
  }
  accept(v: boolean): void {
    this.loaded.set("protected", v);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
}

class FreezePanesProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    path: string,
    private resolve: () => SheetModel
  ) {
    super(ctx, path);
  }
  protected scalars() {
    return {};
  }
  freezeRows(count: number): void {
    this.context.requires(7, "freezePanes.freezeRows");
    this.queueCall("freezeRows", count, () => {
      this.resolve().frozenRows = count;
    });
  }
}

// ---------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------

interface Area {
  sheet: SheetModel;
  box: Box;
}

function assertWritable(area: Area): void {
  if (area.sheet.protected) {
    throw new DoubleError(
      "AccessDenied",
      "The cell or chart that you are trying to change is protected and therefore read-only."
    );
  }
}

function forEachCell(area: Area, fn: (row: number, column: number) => void): void {
  for (let r = area.box.top; r <= area.box.bottom; r++) {
    for (let c = area.box.left; c <= area.box.right; c++) fn(r, c);
  }
}

function cellAt(area: Area, row: number, column: number, create: boolean): CellModel | undefined {
  const key = cellKey(row, column);
  let cell = area.sheet.cells[key];
  if (!cell && create) {
    cell = {};
    area.sheet.cells[key] = cell;
  }
  return cell;
}

function cellCount(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

/** Reading a property of a whole range: one value if every cell agrees, else null (Excel's rule). */
function uniform<T>(area: Area, read: (cell: CellModel | undefined) => T): T | null {
  let first = true;
  let value: T | null = null;
  // Only the cells that exist can differ from the default; count the rest once.
  const total = cellCount(area.box);
  let seen = 0;
  for (const [key, cell] of Object.entries(area.sheet.cells)) {
    const [r, c] = key.split(":").map(Number);
    if (r < area.box.top || r > area.box.bottom || c < area.box.left || c > area.box.right)
      continue;
    seen++;
    const v = read(cell);
    if (first) {
      value = v;
      first = false;
    } else if (v !== value) return null;
  }
  if (seen < total) {
    const v = read(undefined);
    if (first) return v;
    if (v !== value) return null;
  }
  return value;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function serialOf(y: number, m: number, d: number): number {
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days <= 60 ? days - 1 : days;
}

/** How Excel stores a string assigned through Range.values into a cell with this number format. */
function coerce(cell: CellModel, s: string): void {
  delete cell.f;
  delete cell.quotePrefix;
  if (cell.nf === "@") {
    cell.v = s;
    return;
  }
  if (s.startsWith("'")) {
    cell.v = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (s.length > 1 && s.startsWith("=")) {
    cell.f = s;
    cell.v = "#NAME?";
    return;
  }
  if (NUMERIC.test(s.trim())) {
    cell.v = Number(s.trim());
    return;
  }
  if (s.length > 1 && /^[+\-@]/.test(s)) {
    // Typed "+x", "-x" or "@x" is entered as a formula (and usually shows #NAME?).
    cell.f = s.startsWith("=") ? s : `=${s}`;
    cell.v = "#NAME?";
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.v = s.toLowerCase() === "true";
    return;
  }
  const iso = ISO_DATE.exec(s);
  if (iso) {
    cell.v = serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!cell.nf || cell.nf === "General") cell.nf = "yyyy-mm-dd";
    return;
  }
  cell.v = s;
}

function writeValue(cell: CellModel, v: unknown): void {
  if (typeof v === "string") {
    if (v === "") {
      delete cell.v;
      delete cell.f;
      delete cell.quotePrefix;
    } else coerce(cell, v);
  } else if (typeof v === "number" || typeof v === "boolean") {
    delete cell.f;
    delete cell.quotePrefix;
    cell.v = v;
  } else {
    throw new DoubleError("InvalidArgument", `Cannot write a value of type ${typeof v}.`);
  }
}

/** A 2-D array must match the range exactly; a 1x1 array is applied to every cell. */
function grid(area: Area, values: unknown, what: string): (r: number, c: number) => unknown {
  const rows = area.box.bottom - area.box.top + 1;
  const cols = area.box.right - area.box.left + 1;
  if (!Array.isArray(values)) return () => values;
  const a = values as unknown[][];
  if (a.length === 1 && Array.isArray(a[0]) && a[0].length === 1) return () => a[0][0];
  if (a.length !== rows || a.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new DoubleError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`
    );
  }
  return (r, c) => a[r - area.box.top][c - area.box.left];
}

export class RangeProxy extends Proxy {
  readonly format: RangeFormatProxy;
  constructor(
    ctx: DoubleContext,
    path: string,
    readonly resolve: () => Area
  ) {
    super(ctx, path);
    this.format = new RangeFormatProxy(ctx, `${path}.format`, () => [resolve()]);
  }
  protected scalars() {
    const a = () => this.resolve();
    const cells = (fn: (cell: CellModel | undefined) => unknown) => () => {
      const area = a();
      if (cellCount(area.box) > CELL_READ_LIMIT) return null; // too many cells: Excel gives null
      const out: unknown[][] = [];
      for (let r = area.box.top; r <= area.box.bottom; r++) {
        const line: unknown[] = [];
        for (let c = area.box.left; c <= area.box.right; c++)
          line.push(fn(area.sheet.cells[cellKey(r, c)]));
        out.push(line);
      }
      return out;
    };
    return {
      address: () => `${quoteSheet(a().sheet.name)}!${boxAddress(a().box)}`,
      rowIndex: () => a().box.top - 1,
      columnIndex: () => a().box.left - 1,
      rowCount: () => a().box.bottom - a().box.top + 1,
      columnCount: () => a().box.right - a().box.left + 1,
      cellCount: () => cellCount(a().box),
      values: cells((cell) => (cell?.v === undefined ? "" : cell.v)),
      formulas: cells((cell) => cell?.f ?? (cell?.v === undefined ? "" : cell.v)),
      numberFormat: cells((cell) => cell?.nf ?? "General"),
      text: cells((cell) => (cell?.v === undefined ? "" : String(cell.v))),
      valueTypes: cells((cell) =>
        cell?.v === undefined
          ? "Empty"
          : typeof cell.v === "number"
            ? "Double"
            : typeof cell.v === "boolean"
              ? "Boolean"
              : "String"
      ),
      hyperlink: () => {
        const area = a();
        const cell = area.sheet.cells[cellKey(area.box.top, area.box.left)];
        return cell?.link ? { ...cell.link } : undefined;
      },
    };
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "format" ? this.format : name === "worksheet" ? this.worksheet : undefined;
  }
  get address(): string {
    return this.prop("address");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get cellCount(): number {
    return this.prop("cellCount");
  }
  get values(): CellValue[][] {
    return this.prop("values");
  }
  set values(v: CellValue[][]) {
    this.queueSet("values", v, () => {
      const area = this.resolve();
      assertWritable(area);
      const at = grid(area, v, "values");
      forEachCell(area, (r, c) => {
        const x = at(r, c);
        if (x === null || x === undefined) return; // null leaves the cell as it is
        writeValue(cellAt(area, r, c, true)!, x);
      });
    });
  }
  get formulas(): CellValue[][] {
    return this.prop("formulas");
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.queueSet("numberFormat", v, () => {
      const area = this.resolve();
      assertWritable(area);
      const at = grid(area, v, "numberFormat");
      forEachCell(area, (r, c) => {
        const x = at(r, c);
        if (x === null || x === undefined) return;
        const cell = cellAt(area, r, c, true)!;
        if (x === "General") delete cell.nf;
        else cell.nf = String(x);
      });
    });
  }
  get hyperlink(): {
    documentReference?: string;
    address?: string;
    screenTip?: string;
    textToDisplay?: string;
  } {
    return this.prop("hyperlink");
  }
  set hyperlink(v: {
    documentReference?: string;
    address?: string;
    screenTip?: string;
    textToDisplay?: string;
  }) {
    this.context.requires(7, "Range.hyperlink");
    this.queueSet("hyperlink", v, () => {
      const area = this.resolve();
      assertWritable(area);
      forEachCell(area, (r, c) => {
        const cell = cellAt(area, r, c, true)!;
        cell.link = {
          ...(v.documentReference ? { documentReference: v.documentReference } : {}),
          ...(v.address ? { address: v.address } : {}),
          ...(v.screenTip ? { screenTip: v.screenTip } : {}),
        };
        // Excel writes textToDisplay into the cell as its value.
        if (v.textToDisplay !== undefined) writeValue(cell, v.textToDisplay);
      });
    });
  }
  private ws: WorksheetProxy | undefined;
  get worksheet(): WorksheetProxy {
    this.ws ??= new WorksheetProxy(
      this.context,
      `${this.path}.worksheet`,
      () => this.resolve().sheet
    );
    return this.ws;
  }
  private derived(name: string, fn: (area: Area) => Box): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.${name}`, () => {
      const area = this.resolve();
      return { sheet: area.sheet, box: fn(area) };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derived(`getCell(${row},${column})`, ({ box }) => ({
      top: box.top + row,
      left: box.left + column,
      bottom: box.top + row,
      right: box.left + column,
    }));
  }
  getRow(index: number): RangeProxy {
    return this.derived(`getRow(${index})`, ({ box }) => ({
      ...box,
      top: box.top + index,
      bottom: box.top + index,
    }));
  }
  getColumn(index: number): RangeProxy {
    return this.derived(`getColumn(${index})`, ({ box }) => ({
      ...box,
      left: box.left + index,
      right: box.left + index,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this.context.requires(7, "getResizedRange");
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, ({ box }) => ({
      ...box,
      bottom: box.bottom + deltaRows,
      right: box.right + deltaColumns,
    }));
  }
  getOffsetRange(rows: number, columns: number): RangeProxy {
    return this.derived(`getOffsetRange(${rows},${columns})`, ({ box }) => ({
      top: box.top + rows,
      bottom: box.bottom + rows,
      left: box.left + columns,
      right: box.right + columns,
    }));
  }
  select(): void {
    this.queueCall("select", undefined, () => {
      const area = this.resolve();
      if (area.sheet.visibility !== "Visible")
        throw new DoubleError("InvalidOperation", "Cannot select a range on a hidden sheet.");
      this.context.model.activeSheet = area.sheet.name;
      this.context.model.selection = `${quoteSheet(area.sheet.name)}!${boxAddress(area.box)}`;
    });
  }
  merge(across?: boolean): void {
    this.queueCall("merge", across ?? false, () => {
      const area = this.resolve();
      assertWritable(area);
      area.sheet.merges.push(boxAddress(area.box));
    });
  }
  unmerge(): void {
    this.queueCall("unmerge", undefined, () => {
      const area = this.resolve();
      assertWritable(area);
      area.sheet.merges = area.sheet.merges.filter((m) => !overlaps(parseBox(m), area.box));
    });
  }
  clear(applyTo?: string): void {
    this.queueCall("clear", applyTo ?? "All", () => {
      const area = this.resolve();
      assertWritable(area);
      const what = applyTo ?? "All";
      for (const key of Object.keys(area.sheet.cells)) {
        const [r, c] = key.split(":").map(Number);
        if (r < area.box.top || r > area.box.bottom || c < area.box.left || c > area.box.right)
          continue;
        const cell = area.sheet.cells[key];
        if (what === "All") delete area.sheet.cells[key];
        else if (what === "Contents") {
          delete cell.v;
          delete cell.f;
          delete cell.link;
        } else if (what === "Formats") {
          for (const k of [
            "nf",
            "fill",
            "fc",
            "b",
            "i",
            "u",
            "size",
            "wrap",
            "h",
            "va",
            "borderBottom",
          ] as const)
            delete cell[k];
        }
      }
      if (what === "All" || what === "Formats") {
        area.sheet.merges = area.sheet.merges.filter((m) => !overlaps(parseBox(m), area.box));
      }
    });
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Several areas of one sheet (ExcelApi 1.9): formats apply to all of them. */
export class RangeAreasProxy extends Proxy {
  readonly format: RangeFormatProxy;
  constructor(
    ctx: DoubleContext,
    path: string,
    readonly resolve: () => Area[]
  ) {
    super(ctx, path);
    this.format = new RangeFormatProxy(ctx, `${path}.format`, resolve);
  }
  protected scalars() {
    return {
      address: () =>
        this.resolve()
          .map((a) => `${quoteSheet(a.sheet.name)}!${boxAddress(a.box)}`)
          .join(","),
      areaCount: () => this.resolve().length,
    };
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "format" ? this.format : undefined;
  }
  get address(): string {
    return this.prop("address");
  }
  get areaCount(): number {
    return this.prop("areaCount");
  }
}

type FormatField = "fill" | "fc" | "b" | "i" | "u" | "size" | "wrap" | "h" | "va" | "borderBottom";

class FormatPartProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    path: string,
    protected areas: () => Area[],
    private fields: Record<string, { field: FormatField; empty: unknown; minor?: number }>
  ) {
    super(ctx, path);
  }
  protected scalars() {
    const out: Record<string, () => unknown> = {};
    for (const [name, spec] of Object.entries(this.fields)) {
      out[name] = () => {
        let value: unknown = undefined;
        let first = true;
        for (const area of this.areas()) {
          const v = uniform(area, (cell) => (cell?.[spec.field] ?? spec.empty) as unknown);
          if (v === null) return null;
          if (first) {
            value = v;
            first = false;
          } else if (v !== value) return null;
        }
        return value;
      };
    }
    return out;
  }
  protected read(name: string): unknown {
    return this.prop(name);
  }
  protected write(name: string, value: unknown): void {
    const spec = this.fields[name];
    if (spec.minor) this.context.requires(spec.minor, name);
    this.queueSet(name, value, () => {
      for (const area of this.areas()) {
        assertWritable(area);
        forEachCell(area, (r, c) => {
          const cell = cellAt(area, r, c, true)!;
          // A white fill is a fill (RangeFill.pattern says "Solid"); only clear() removes one.
          // Automatic and black font colour are one here: Office.js cannot tell them apart.
          const isDefault = spec.field === "fill" ? false : value === spec.empty;
          if (isDefault || value === null) delete cell[spec.field];
          else (cell as Record<string, unknown>)[spec.field] = value;
        });
      }
    });
  }
}

class RangeFillProxy extends FormatPartProxy {
  constructor(ctx: DoubleContext, path: string, areas: () => Area[]) {
    // A cell without a fill reads as white, as in Excel; `pattern` (1.9) tells "None" apart.
    super(ctx, path, areas, { color: { field: "fill", empty: "#FFFFFF" } });
  }
  protected override scalars() {
    const base = super.scalars();
    return {
      ...base,
      pattern: () => {
        this.context.requires(9, "RangeFill.pattern");
        let value: string | null | undefined = undefined;
        for (const area of this.areas()) {
          const v = uniform(area, (cell) => (cell?.fill ? "Solid" : "None"));
          if (v === null || (value !== undefined && v !== value)) return null;
          value = v;
        }
        return value;
      },
    };
  }
  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    this.write("color", normaliseColour(v));
  }
  get pattern(): string {
    return this.read("pattern") as string;
  }
  clear(): void {
    this.queueCall("clear", undefined, () => {
      for (const area of this.areas()) {
        assertWritable(area);
        forEachCell(area, (r, c) => {
          const cell = cellAt(area, r, c, false);
          if (cell) delete cell.fill;
        });
      }
    });
  }
}

function normaliseColour(v: string): string {
  const s = String(v).trim();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  const named: Record<string, string> = {
    white: "#FFFFFF",
    black: "#000000",
    red: "#FF0000",
    yellow: "#FFFF00",
  };
  if (named[s.toLowerCase()]) return named[s.toLowerCase()];
  throw new DoubleError("InvalidArgument", `${v} is not a colour.`);
}

class RangeFontProxy extends FormatPartProxy {
  constructor(ctx: DoubleContext, path: string, areas: () => Area[]) {
    super(ctx, path, areas, {
      color: { field: "fc", empty: "#000000" },
      bold: { field: "b", empty: false },
      italic: { field: "i", empty: false },
      underline: { field: "u", empty: "None" },
      size: { field: "size", empty: 11 },
    });
  }
  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    this.write("color", normaliseColour(v));
  }
  get bold(): boolean {
    return this.read("bold") as boolean;
  }
  set bold(v: boolean) {
    this.write("bold", v);
  }
  get italic(): boolean {
    return this.read("italic") as boolean;
  }
  set italic(v: boolean) {
    this.write("italic", v);
  }
  get underline(): string {
    return this.read("underline") as string;
  }
  set underline(v: string) {
    this.write("underline", v);
  }
  get size(): number {
    return this.read("size") as number;
  }
  set size(v: number) {
    this.write("size", v);
  }
}

class BordersProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    path: string,
    private areas: () => Area[]
  ) {
    super(ctx, path);
  }
  protected scalars() {
    return {};
  }
  getItem(index: string): BorderProxy {
    return new BorderProxy(this.context, `${this.path}.getItem(${index})`, this.areas, index);
  }
}

class BorderProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    path: string,
    private areas: () => Area[],
    private index: string
  ) {
    super(ctx, path);
  }
  protected scalars() {
    return {};
  }
  set style(v: string) {
    this.queueSet("style", v, () => {
      if (this.index !== "EdgeBottom") return; // the only border the summary uses
      for (const area of this.areas()) {
        assertWritable(area);
        for (let c = area.box.left; c <= area.box.right; c++) {
          const cell = cellAt(area, area.box.bottom, c, true)!;
          if (v === "None") delete cell.borderBottom;
          else cell.borderBottom = true;
        }
      }
    });
  }
}

class RangeFormatProxy extends FormatPartProxy {
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly borders: BordersProxy;
  constructor(ctx: DoubleContext, path: string, areas: () => Area[]) {
    super(ctx, path, areas, {
      wrapText: { field: "wrap", empty: false },
      horizontalAlignment: { field: "h", empty: "General" },
      verticalAlignment: { field: "va", empty: "Bottom" },
    });
    this.fill = new RangeFillProxy(ctx, `${path}.fill`, areas);
    this.font = new RangeFontProxy(ctx, `${path}.font`, areas);
    this.borders = new BordersProxy(ctx, `${path}.borders`, areas);
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
  get wrapText(): boolean {
    return this.read("wrapText") as boolean;
  }
  set wrapText(v: boolean) {
    this.write("wrapText", v);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment") as string;
  }
  set horizontalAlignment(v: string) {
    this.write("horizontalAlignment", v);
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment") as string;
  }
  set verticalAlignment(v: string) {
    this.write("verticalAlignment", v);
  }
  set columnWidth(points: number) {
    this.queueSet("columnWidth", points, () => {
      for (const area of this.areas()) {
        assertWritable(area);
        for (let c = area.box.left; c <= area.box.right; c++)
          area.sheet.columnWidths[String(c)] = points;
      }
    });
  }
  set rowHeight(points: number) {
    this.queueSet("rowHeight", points, () => {
      for (const area of this.areas()) {
        assertWritable(area);
        for (let r = area.box.top; r <= area.box.bottom; r++)
          area.sheet.rowHeights[String(r)] = points;
      }
    });
  }
  set useStandardHeight(v: boolean) {
    this.queueSet("useStandardHeight", v, () => {
      if (!v) return;
      for (const area of this.areas()) {
        assertWritable(area);
        for (const r of Object.keys(area.sheet.rowHeights)) {
          if (Number(r) >= area.box.top && Number(r) <= area.box.bottom)
            delete area.sheet.rowHeights[r];
        }
      }
    });
  }
  autofitRows(): void {
    this.queueCall("autofitRows", undefined, () => undefined);
  }
}

// ---------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------

class TableCollectionProxy extends Proxy {
  private itemProxies: TableProxy[] | undefined;
  constructor(
    ctx: DoubleContext,
    path: string,
    private sheet: (() => SheetModel) | null
  ) {
    super(ctx, path);
  }
  protected scalars() {
    return { count: () => this.list().length };
  }
  private list(): TableModel[] {
    const all = this.context.model.tables;
    if (!this.sheet) return all;
    const name = this.sheet().name;
    return all.filter((t) => t.sheet === name);
  }
  get count(): number {
    return this.prop("count");
  }
  get items(): TableProxy[] {
    if (!this.itemProxies)
      throw new DoubleError("PropertyNotLoaded", "tables.items is not loaded.");
    return this.itemProxies;
  }
  override load(spec?: LoadSpec): this {
    const props = propsOf(spec).map((p) => p.replace(/^items\//, ""));
    this.context.queue(this.path, "load", props, () => {
      const tables = this.list();
      const proxies = tables.map(
        (t) =>
          new TableProxy(this.context, `tables.getItem(${JSON.stringify(t.name)})`, () =>
            tableByName(this.context, t.name)
          )
      );
      const got = proxies.map((p) => p.readNow(props));
      this.context.respond(got, () => {
        proxies.forEach((p, i) => p.accept(got[i]));
        this.itemProxies = proxies;
      });
    });
    return this;
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, `${this.path}.getItem(${JSON.stringify(name)})`, () =>
      tableByName(this.context, name)
    );
  }
  getItemOrNullObject(name: string): TableProxy {
    const p = new TableProxy(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => tableByName(this.context, name)
    );
    return p.markNullable(() =>
      this.context.model.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())
    );
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let name: string | undefined;
    const ctx = this.context;
    const proxy = new TableProxy(ctx, `${this.path}.add()`, () => {
      if (!name) throw new DoubleError("InvalidOperation", "The table has not been added yet.");
      return tableByName(ctx, name);
    });
    ctx.queue(
      this.path,
      "add",
      [typeof address === "string" ? address : "(range)", hasHeaders],
      () => {
        let area: Area;
        if (typeof address === "string") {
          const { sheet, local } = splitSheet(address);
          area = { sheet: sheet ? ctx.sheetByName(sheet) : this.sheet!(), box: parseBox(local) };
        } else area = address.resolve();
        assertWritable(area);
        for (const t of ctx.model.tables) {
          if (t.sheet === area.sheet.name && overlaps(parseBox(t.address), area.box)) {
            throw new DoubleError("InvalidOperation", "A table can't overlap another table.");
          }
        }
        let n = ctx.model.tables.length + 1;
        while (ctx.model.tables.some((t) => t.name === `Table${n}`)) n++;
        name = `Table${n}`;
        ctx.model.tables.push({
          name,
          sheet: area.sheet.name,
          address: boxAddress(area.box),
          showHeaders: hasHeaders,
        });
      }
    );
    return proxy;
  }
}

function tableByName(ctx: DoubleContext, name: string): TableModel {
  const t = ctx.model.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!t) throw new DoubleError("ItemNotFound", `The table ${name} doesn't exist.`);
  return t;
}

export class TableProxy extends Proxy {
  readonly rows: TableRowCollectionProxy;
  constructor(
    ctx: DoubleContext,
    path: string,
    readonly resolve: () => TableModel
  ) {
    super(ctx, path);
    this.rows = new TableRowCollectionProxy(ctx, `${path}.rows`, resolve);
  }
  protected scalars() {
    return {
      name: () => this.resolve().name,
      showHeaders: () => this.resolve().showHeaders,
    };
  }
  readNow(props: string[]): Record<string, unknown> {
    const s = this.scalars() as Record<string, () => unknown>;
    const out: Record<string, unknown> = {};
    for (const p of props.length ? props : Object.keys(s)) {
      if (p === "worksheet/name") out[p] = this.resolve().sheet;
      else if (p in s) out[p] = s[p]();
      else
        throw new DoubleError("InvalidArgument", `The property '${p}' does not exist on a table.`);
    }
    return out;
  }
  accept(got: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(got)) {
      if (k === "worksheet/name") this.worksheet.accept({ name: v });
      else this.loaded.set(k, v);
    }
  }
  protected override nav(name: string): Proxy | undefined {
    return name === "worksheet" ? this.worksheet : undefined;
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queueSet("name", v, () => {
      if (this.context.model.tables.some((t) => t.name.toLowerCase() === v.toLowerCase())) {
        throw new DoubleError("ItemAlreadyExists", `A table named ${v} already exists.`);
      }
      this.resolve().name = v;
    });
  }
  private ws: WorksheetProxy | undefined;
  get worksheet(): WorksheetProxy {
    this.ws ??= new WorksheetProxy(this.context, `${this.path}.worksheet`, () =>
      this.context.sheetByName(this.resolve().sheet)
    );
    return this.ws;
  }
  private area(which: "all" | "body" | "header"): Area {
    const t = this.resolve();
    const box = parseBox(t.address);
    if (which === "body") box.top += t.showHeaders ? 1 : 0;
    if (which === "header") box.bottom = box.top;
    return { sheet: this.context.sheetByName(t.sheet), box };
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange()`, () => this.area("all"));
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getDataBodyRange()`, () => this.area("body"));
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getHeaderRowRange()`, () =>
      this.area("header")
    );
  }
  delete(): void {
    this.queueCall("delete", undefined, () => {
      const t = this.resolve();
      this.context.model.tables = this.context.model.tables.filter((x) => x !== t);
    });
  }
}

class TableRowCollectionProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    path: string,
    private table: () => TableModel
  ) {
    super(ctx, path);
  }
  protected scalars() {
    return {
      count: () => {
        const t = this.table();
        const b = parseBox(t.address);
        return b.bottom - b.top + 1 - (t.showHeaders ? 1 : 0);
      },
    };
  }
  get count(): number {
    return this.prop("count");
  }
  /** Appends rows at the end (index null/undefined), as one command. */
  add(index: number | null | undefined, values: CellValue[][]): void {
    this.queueCall("add", [index ?? null, values], () => {
      const t = this.table();
      const sheet = this.context.sheetByName(t.sheet);
      const box = parseBox(t.address);
      if (index !== null && index !== undefined)
        throw new DoubleError("NotImplemented", "The double appends rows only.");
      const area: Area = {
        sheet,
        box: {
          top: box.bottom + 1,
          bottom: box.bottom + values.length,
          left: box.left,
          right: box.right,
        },
      };
      assertWritable(area);
      const at = grid(area, values, "rows.add");
      forEachCell(area, (r, c) => {
        const x = at(r, c);
        if (x !== null && x !== undefined) writeValue(cellAt(area, r, c, true)!, x);
      });
      t.address = boxAddress({ ...box, bottom: area.box.bottom });
    });
  }
}

// ---------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------

class ChartCollectionProxy extends Proxy {
  private itemProxies: ChartProxy[] | undefined;
  constructor(
    ctx: DoubleContext,
    path: string,
    private sheet: () => SheetModel
  ) {
    super(ctx, path);
  }
  protected scalars() {
    return { count: () => this.sheet().charts.length };
  }
  get count(): number {
    return this.prop("count");
  }
  get items(): ChartProxy[] {
    if (!this.itemProxies)
      throw new DoubleError("PropertyNotLoaded", "charts.items is not loaded.");
    return this.itemProxies;
  }
  override load(spec?: LoadSpec): this {
    const props = propsOf(spec).map((p) => p.replace(/^items\//, ""));
    this.context.queue(this.path, "load", props, () => {
      const charts = this.sheet().charts;
      const proxies = charts.map((c) => {
        const chart = c;
        return new ChartProxy(
          this.context,
          `${this.path}.getItem(${JSON.stringify(c.name)})`,
          () => {
            if (!this.sheet().charts.includes(chart))
              throw new DoubleError("ItemNotFound", "The chart doesn't exist.");
            return { sheet: this.sheet(), chart };
          }
        );
      });
      const got = charts.map((c) => ({ name: c.name, chartType: c.type }));
      this.context.respond(got, () => {
        proxies.forEach((p, i) => p.accept(got[i], props));
        this.itemProxies = proxies;
      });
    });
    return this;
  }
  getItemOrNullObject(name: string): ChartProxy {
    const p = new ChartProxy(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => {
        const chart = this.sheet().charts.find((c) => c.name === name);
        if (!chart) throw new DoubleError("ItemNotFound", `The chart ${name} doesn't exist.`);
        return { sheet: this.sheet(), chart };
      }
    );
    return p.markNullable(() => this.sheet().charts.some((c) => c.name === name));
  }
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    let chart: ChartModel | undefined;
    const sheetOf = () => this.sheet();
    const proxy = new ChartProxy(this.context, `${this.path}.add()`, () => {
      if (!chart) throw new DoubleError("InvalidOperation", "The chart has not been added yet.");
      return { sheet: sheetOf(), chart };
    });
    this.context.queue(this.path, "add", [type, seriesBy ?? "Auto"], () => {
      const sheet = this.sheet();
      if (sheet.protected) throw new DoubleError("AccessDenied", "The sheet is protected.");
      const area = source.resolve();
      chart = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: `${quoteSheet(area.sheet.name)}!${boxAddress(area.box)}`,
        seriesBy: seriesBy ?? "Auto",
        title: "",
      };
      sheet.charts.push(chart);
    });
    return proxy;
  }
}

class ChartProxy extends Proxy {
  readonly title: ChartTitleProxy;
  constructor(
    ctx: DoubleContext,
    path: string,
    private resolve: () => { sheet: SheetModel; chart: ChartModel }
  ) {
    super(ctx, path);
    this.title = new ChartTitleProxy(ctx, `${path}.title`, () => resolve().chart);
  }
  protected scalars() {
    return {
      name: () => this.resolve().chart.name,
      chartType: () => this.resolve().chart.type,
      width: () => this.resolve().chart.width ?? 360,
      height: () => this.resolve().chart.height ?? 216,
    };
  }
  accept(got: Record<string, unknown>, props: string[]): void {
    for (const [k, v] of Object.entries(got))
      if (!props.length || props.includes(k)) this.loaded.set(k, v);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queueSet("name", v, () => (this.resolve().chart.name = v));
  }
  set width(v: number) {
    this.queueSet("width", v, () => (this.resolve().chart.width = v));
  }
  set height(v: number) {
    this.queueSet("height", v, () => (this.resolve().chart.height = v));
  }
  setPosition(start: string, end?: string): void {
    this.queueCall("setPosition", [start, end], () => {
      const c = this.resolve().chart;
      c.from = splitSheet(start).local;
      if (end) c.to = splitSheet(end).local;
    });
  }
  delete(): void {
    this.queueCall("delete", undefined, () => {
      const { sheet, chart } = this.resolve();
      if (sheet.protected) throw new DoubleError("AccessDenied", "The sheet is protected.");
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

class ChartTitleProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    path: string,
    private chart: () => ChartModel
  ) {
    super(ctx, path);
  }
  protected scalars() {
    return { text: () => this.chart().title };
  }
  get text(): string {
    return this.prop("text");
  }
  set text(v: string) {
    this.queueSet("text", v, () => (this.chart().title = v));
  }
}

// ---------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------

class NamedItemCollectionProxy extends Proxy {
  constructor(ctx: DoubleContext) {
    super(ctx, "workbook.names");
  }
  protected scalars() {
    return {};
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    const find = () =>
      this.context.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    const p = new NamedItemProxy(
      this.context,
      `names.getItemOrNullObject(${JSON.stringify(name)})`,
      () => {
        const n = find();
        if (!n) throw new DoubleError("ItemNotFound", `The name ${name} doesn't exist.`);
        return n;
      }
    );
    return p.markNullable(() => !!find());
  }
  add(name: string, reference: string | RangeProxy, comment?: string): NamedItemProxy {
    this.context.requires(4, "names.add");
    const proxy = new NamedItemProxy(this.context, `names.add(${JSON.stringify(name)})`, () => {
      const n = this.context.model.names.find((x) => x.name === name);
      if (!n) throw new DoubleError("ItemNotFound", "The name has not been added.");
      return n;
    });
    this.context.queue(
      this.path,
      "add",
      [name, typeof reference === "string" ? reference : "(range)", comment ?? ""],
      () => {
        if (this.context.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
          throw new DoubleError("ItemAlreadyExists", `The name ${name} already exists.`);
        }
        let formula: string;
        if (typeof reference === "string")
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        else {
          const a = reference.resolve();
          formula = `=${quoteSheet(a.sheet.name)}!${absolute(a.box)}`;
        }
        this.context.model.names.push({ name, formula, visible: true, comment: comment ?? "" });
      }
    );
    return proxy;
  }
}

function absolute(box: Box): string {
  const tl = `$${columnLetters(box.left)}$${box.top}`;
  if (box.top === box.bottom && box.left === box.right) return tl;
  return `${tl}:$${columnLetters(box.right)}$${box.bottom}`;
}

class NamedItemProxy extends Proxy {
  constructor(
    ctx: DoubleContext,
    path: string,
    private resolve: () => { name: string; formula: string; visible: boolean; comment: string }
  ) {
    super(ctx, path);
  }
  protected scalars() {
    return {
      name: () => this.resolve().name,
      // For a name that refers to a range, `value` is the range's address.
      value: () => this.resolve().formula.replace(/^=/, ""),
      formula: () => this.resolve().formula,
      type: () => (this.resolve().formula === "=#REF!" ? "Error" : "Range"),
      visible: () => this.resolve().visible,
      comment: () => this.resolve().comment,
    };
  }
  get name(): string {
    return this.prop("name");
  }
  get value(): string {
    return this.prop("value");
  }
  get formula(): string {
    return this.prop("formula");
  }
  get type(): string {
    return this.prop("type");
  }
  get visible(): boolean {
    return this.prop("visible");
  }
  set visible(v: boolean) {
    this.queueSet("visible", v, () => (this.resolve().visible = v));
  }
  set formula(v: string) {
    this.queueSet("formula", v, () => (this.resolve().formula = v.startsWith("=") ? v : `=${v}`));
  }
  delete(): void {
    this.queueCall("delete", undefined, () => {
      const n = this.resolve();
      this.context.model.names = this.context.model.names.filter((x) => x !== n);
    });
  }
}
