/**
 * Reading a plan table: a 2-D array of cell values (as Range.values gives them)
 * in, recommendations and actions out, every action traceable to its cells.
 * The rules are the spec's sections 1 and 2; each is marked where it is applied.
 * Never throws: bad input becomes a PlanProblem, a needsReview reason or a note.
 */
import { columnLetters } from "./a1";
import { DEFAULT_READ_SETTINGS } from "./types";
import type {
  Action,
  CellRef,
  CellValue,
  ColumnRole,
  HeaderCell,
  Plan,
  PlanProblem,
  NumberFormats,
  ReadOptions,
  ReadResult,
  ReadSettings,
  Recommendation,
  SkippedRow,
  Timescale,
  ValuesOrigin,
} from "./types";
import { classifyHeader, headerWords, isPeriodOrTargetHeader } from "./headers";
import {
  findColumns,
  resolveChoices,
  ROLE_NAME,
  type ColumnsFound,
  type ResolvedChoices,
} from "./columns";
import {
  cellError,
  cellText,
  isBlank,
  splitItems,
  splitTimescaleLines,
  type CellLineSets,
} from "./lines";
import { parseTimescale } from "./timescale";
import { statusTextOfNumber, timescaleOfNumber } from "./typed-cells";
import { trailingTimescale } from "./evidence";

// Also exported here, where the fuzz and table tests look for it.
export { columnLetters };

const HEADER_SCAN_ROWS = 100;
const MAX_HEADERS_LISTED = 12;
const HAS_DIGIT_RE = /\d/;

/** A key as written: numbers without ".0" (1 -> "1"). */
function keyText(value: CellValue): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    // Floating noise from a pasted "2.3" (2.2999999999999998) is not part of the key.
    return String(Number.isInteger(value) ? value : Number(value.toPrecision(12)));
  }
  return cellText(value).trim();
}

function problemResult(
  code: PlanProblem["code"],
  message: string,
  headersFound: string[],
  extra: Pick<PlanProblem, "headerRow" | "columns" | "found"> = {}
): ReadResult {
  const problem: PlanProblem = { code, message, headersFound };
  if (extra.headerRow !== undefined) problem.headerRow = extra.headerRow;
  if (extra.columns && extra.columns.length > 0) problem.columns = extra.columns;
  if (extra.found && Object.keys(extra.found).length > 0) problem.found = extra.found;
  return { ok: false, problem };
}

/**
 * Reads the plan in `values`. `origin` says where values[0][0] sits in the
 * workbook so that each action's source is a real address.
 */
export function readPlan(
  values: CellValue[][],
  origin: ValuesOrigin,
  settings?: Partial<ReadSettings>,
  options: ReadOptions = {}
): ReadResult {
  const sheet = origin && typeof origin.sheet === "string" ? origin.sheet : "";
  try {
    return new PlanReader(values, origin, settings, options).read();
  } catch (e) {
    // A safety net, not a path: the reader is written not to throw. If it ever does,
    // the officer still gets a message rather than a broken pane.
    const detail = e instanceof Error ? e.message : String(e);
    return problemResult(
      "no_header",
      `I could not read the plan on sheet '${sheet}' (${detail}). Please report this with a copy of the sheet.`,
      []
    );
  }
}

interface RecBuild {
  rec: Recommendation;
  /** True when the recommendation's first row had a key (so empty-key rows below continue it). */
  keyed: boolean;
}

/** What pairing one list cell with a row's actions gave. */
interface Paired {
  values: string[];
  /** Set when the counts did not match: the reason, in the officer's words. */
  problem?: string;
}

class PlanReader {
  private readonly rows: CellValue[][];
  private readonly sheet: string;
  private readonly row0: number;
  private readonly col0: number;
  private readonly settings: ReadSettings;
  private readonly formats: NumberFormats | undefined;
  private readonly choices: ResolvedChoices;
  private readonly headerRowFirst: boolean;
  /** The action cells also hold their timescales ("Adopt the policy – July 2016"). */
  private timescaleInAction = false;
  private readonly cache = new Map<string, Timescale>();
  /** Typed cells by format and value: a plan repeats "Dec-06" as often as it repeats text. */
  private readonly numberCache = new Map<string, Timescale>();
  private readonly redatings = new Map<string, { original: Timescale; latest: Timescale } | null>();
  private readonly letters: string[] = [];

  private columns: Partial<Record<ColumnRole, number>> = {};
  private actions: Action[] = [];
  private recommendations: Recommendation[] = [];
  private skipped: SkippedRow[] = [];
  private notes: string[] = [];

  constructor(
    values: CellValue[][],
    origin: ValuesOrigin,
    settings: Partial<ReadSettings> | undefined,
    options: ReadOptions
  ) {
    this.rows = Array.isArray(values) ? values : [];
    this.sheet = origin && typeof origin.sheet === "string" ? origin.sheet : "";
    this.row0 =
      origin && Number.isInteger(origin.row) && (origin.row as number) >= 1
        ? (origin.row as number)
        : 1;
    this.col0 =
      origin && Number.isInteger(origin.column) && (origin.column as number) >= 1
        ? (origin.column as number)
        : 1;
    this.settings = { ...DEFAULT_READ_SETTINGS, ...(settings ?? {}) };
    this.formats = Array.isArray(options.numberFormats) ? options.numberFormats : undefined;
    this.choices = resolveChoices(options.columns, this.col0);
    this.headerRowFirst = options.headerRowFirst === true;
  }

  /** The number format of values[r][c]: undefined when it was not read. */
  private format(r: number, c: number): string | undefined {
    const row = this.formats?.[r];
    if (!row) return undefined;
    const f = row[c];
    return typeof f === "string" ? f : undefined;
  }

  read(): ReadResult {
    const rows = this.rows;
    if (!rows.some((r) => Array.isArray(r) && r.some((v) => !isBlank(v)))) {
      return problemResult(
        "empty",
        `Sheet '${this.sheet}' is empty: there is no plan table on it.`,
        []
      );
    }
    const search = findColumns(rows, {
      maxScan: HEADER_SCAN_ROWS,
      formats: this.formats,
      settings: this.settings,
      choices: this.choices,
      headerRowFirst: this.headerRowFirst,
    });
    const header = search.found;
    if (header === null) return this.explainMissingHeader(search.closest, search.missing ?? []);

    this.columns = header.columns;
    this.timescaleInAction = header.timescaleInAction;
    this.notes.push(...header.notes);
    this.readRows(header.row);

    // Continuation rows append to a recommendation's text after its first actions were
    // made, so every action takes the final text here.
    for (const rec of this.recommendations) {
      for (const i of rec.actions) this.actions[i]!.recommendation = rec.text;
    }

    const columns: Partial<Record<ColumnRole, number>> = {};
    for (const role of Object.keys(header.columns) as ColumnRole[]) {
      columns[role] = this.col0 + header.columns[role]!;
    }
    const plan: Plan = {
      sheet: this.sheet,
      headerRow: this.row0 + header.row,
      columns,
      headers: header.headers,
      columnSources: header.how,
      headerCells: this.headerCells(header.row),
      recommendations: this.recommendations,
      actions: this.actions,
      skipped: this.skipped,
      notes: this.notes,
    };
    return { ok: true, plan };
  }

  /** The columns of a header row, for the officer's picker: column, letter, header text. */
  private headerCells(r: number): HeaderCell[] {
    const cells = Array.isArray(this.rows[r]) ? this.rows[r]! : [];
    const out: HeaderCell[] = [];
    for (let c = 0; c < cells.length; c++) {
      const ref = this.ref(r, c);
      out.push({
        column: ref.column,
        letter: columnLetters(ref.column),
        header: cellText(cells[c]).trim(),
      });
    }
    return out;
  }

  /**
   * The message for a table whose columns could not be told: what was found, on which row,
   * and what is missing, so that the officer can say which column is which. Never a request
   * to rename the plan's headers.
   */
  private explainMissingHeader(
    closest: ColumnsFound | null,
    missing: { role: ColumnRole; header: string }[]
  ): ReadResult {
    const rows = this.rows;
    let r = closest?.row ?? -1;
    if (r < 0) {
      for (let k = 0; k < Math.min(rows.length, HEADER_SCAN_ROWS) && r < 0; k++)
        if (Array.isArray(rows[k]) && rows[k]!.some((v) => !isBlank(v))) r = k;
    }
    const cells = r >= 0 && Array.isArray(rows[r]) ? rows[r]! : [];
    const headersFound = cells.filter((v) => !isBlank(v)).map((v) => cellText(v).trim());
    const rowNo = this.row0 + Math.max(0, r);
    const listed = headersFound
      .slice(0, MAX_HEADERS_LISTED)
      .map((h) => `"${h.replace(/\s+/g, " ")}"`)
      .join(", ");
    const more =
      headersFound.length > MAX_HEADERS_LISTED
        ? ` and ${headersFound.length - MAX_HEADERS_LISTED} more`
        : "";
    const periods = cells.filter(
      (v): v is string =>
        typeof v === "string" && v.length <= 80 && isPeriodOrTargetHeader(headerWords(v))
    );
    const periodNote =
      periods.length > 0
        ? ` Columns headed by a period or a target (${periods
            .slice(0, 4)
            .map((p) => `"${p.trim()}"`)
            .join(", ")}) hold ratings or measures, not deadlines.`
        : "";
    const has =
      (headersFound.length > 0 ? ` Row ${rowNo} has: ${listed}${more}.` : "") + periodNote;
    const extra = {
      headerRow: r >= 0 ? rowNo : undefined,
      columns: r >= 0 ? this.headerCells(r) : [],
      found: closest ? this.wsColumns(closest.columns) : {},
    };
    const prefix = `No plan table on sheet '${this.sheet}':`;
    if (missing.length > 0) {
      const names = missing.map(
        (m) => `"${m.header}" (chosen for the ${ROLE_NAME[m.role].toLowerCase()}s)`
      );
      return problemResult(
        "chosen_column_missing",
        `${prefix} it has no column headed ${names.join(" or ")}.${has}`,
        headersFound,
        extra
      );
    }
    const action = closest?.headers.action;
    const timescale = closest?.headers.timescale;
    if (action !== undefined) {
      return problemResult(
        "no_timescale_column",
        `${prefix} row ${rowNo} has the actions ("${action}") but no column I can tell holds their timescales.${has} Say which column holds the timescales.`,
        headersFound,
        extra
      );
    }
    if (timescale !== undefined) {
      return problemResult(
        "no_action_column",
        `${prefix} row ${rowNo} has the timescales ("${timescale}") but no column I can tell holds the actions.${has} Say which column holds the actions.`,
        headersFound,
        extra
      );
    }
    return problemResult(
      "no_header",
      `${prefix} I could not tell which columns hold the actions and their timescales.${has} Say which column holds each.`,
      headersFound,
      extra
    );
  }

  private wsColumns(
    cols: Partial<Record<ColumnRole, number>>
  ): Partial<Record<ColumnRole, number>> {
    const out: Partial<Record<ColumnRole, number>> = {};
    for (const role of Object.keys(cols) as ColumnRole[]) out[role] = this.col0 + cols[role]!;
    return out;
  }

  private ref(rowIndex: number, colIndex: number): CellRef {
    const row = this.row0 + rowIndex;
    const column = this.col0 + colIndex;
    let letters = this.letters[column];
    if (letters === undefined) {
      letters = columnLetters(column);
      this.letters[column] = letters;
    }
    return { sheet: this.sheet, row, column, address: letters + row };
  }

  private addr(rowIndex: number, role: ColumnRole): string {
    const c = this.columns[role];
    return c === undefined ? "" : this.ref(rowIndex, c).address;
  }

  /**
   * A timescale, parsed once per distinct text for the whole read. Actions with the
   * same text share one frozen Timescale: plans repeat "December 2006" hundreds of
   * times, and one object instead of hundreds keeps a 100,000-action read fast.
   */
  private timescale(text: string): Timescale {
    let ts = this.cache.get(text);
    if (ts === undefined) {
      ts = frozenTimescale(parseTimescale(text, this.settings));
      this.cache.set(text, ts);
    }
    return ts;
  }

  private timescaleOfNumber(n: number, format: string | undefined): Timescale {
    const key = format === undefined ? String(n) : `${n}|${format}`;
    let ts = this.numberCache.get(key);
    if (ts === undefined) {
      ts = frozenTimescale(timescaleOfNumber(n, format, this.settings));
      this.numberCache.set(key, ts);
    }
    return ts;
  }

  /** An action written with its date at the end, split in two; without a date, the timescale is "". */
  private splitDated(item: string): { action: string; timescale: string } {
    const m = trailingTimescale(item);
    if (m !== null && this.timescale(m.timescale).due !== null) return m;
    return { action: item, timescale: "" };
  }

  /** A status cell as text; a number is read with its format ("100%", a date as shown). */
  private statusText(value: CellValue, format: string | undefined): string {
    if (typeof value === "number") return statusTextOfNumber(value, format, this.settings);
    return cellError(value) !== null ? "" : cellText(value);
  }

  /**
   * A timescale written as an original date and then its revision (spec 2: "13.09.2023
   * 08.11.2023", one line each or on one line): exact days and nothing else. The latest is
   * due; the earliest is kept as the original so that the slip shows. Months and labelled
   * phases ("June 2006" / "September 2006") stay one timescale of kind multiple.
   */
  private redating(ts: Timescale): { original: Timescale; latest: Timescale } | null {
    const hit = this.redatings.get(ts.text);
    if (hit !== undefined) return hit;
    let found: { original: Timescale; latest: Timescale } | null = null;
    const parts = ts.text
      .split(/[\s,;]+/)
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (parts.length >= 2 && parts.every((p) => /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(p))) {
      const read = parts.map((p) => this.timescale(p));
      if (read.every((t) => t.kind === "date" && t.due !== null)) {
        const byDue = [...read].sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
        const latest = byDue[byDue.length - 1]!;
        const original = read[0]!;
        if (original.due !== latest.due) found = { original, latest };
      }
    }
    this.redatings.set(ts.text, found);
    return found;
  }

  /** True for a header row repeated inside the table (a page break in a pasted report). */
  private isRepeatedHeader(cells: CellValue[], headerCells: CellValue[]): boolean {
    const a = this.columns.action!;
    const t = this.columns.timescale!;
    const av = cells[a];
    const tv = cells[t];
    if (typeof av !== "string" || typeof tv !== "string") return false;
    if (av.length > 80 || tv.length > 80) return false;
    const same = (v: string, h: CellValue): boolean =>
      typeof h === "string" && v.trim().toLowerCase() === h.trim().toLowerCase();
    if (same(tv, headerCells[t]) && same(av, headerCells[a])) return true;
    // A reworded header has no digits in its Timescale cell; nearly every timescale has
    // one. This keeps the word-by-word check below off almost every data row.
    if (HAS_DIGIT_RE.test(tv)) return false;
    return classifyHeader(tv) === "timescale" && classifyHeader(av) === "action";
  }

  /** Key mode: a key column with at least one key filled in. Otherwise each row stands alone. */
  private hasKeys(firstData: number, headerCells: CellValue[]): boolean {
    const k = this.columns.key;
    if (k === undefined) return false;
    for (let r = firstData; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (!Array.isArray(cells) || isBlank(cells[k])) continue;
      if (this.isRepeatedHeader(cells, headerCells)) continue;
      // A heading typed in the key column is not a key.
      let others = 0;
      for (let c = 0; c < cells.length && others === 0; c++)
        if (c !== k && !isBlank(cells[c])) others++;
      if (others > 0) return true;
    }
    return false;
  }

  private readRows(headerIndex: number): void {
    const rows = this.rows;
    const cols = this.columns;
    const headerCells = rows[headerIndex]!;
    const keyMode = this.hasKeys(headerIndex + 1, headerCells);
    // A heading sits where a title would (a merged cell lands in its first column), never
    // in a column whose lone text means something else: a fragment of an action, a note.
    const guarded = new Set<number>(
      [
        cols.action,
        cols.timescale,
        cols.revisedTimescale,
        cols.status,
        cols.comments,
        cols.lead,
      ].filter((c): c is number => c !== undefined)
    );

    let current: RecBuild | null = null;
    let sectionArea = "";

    for (let r = headerIndex + 1; r < rows.length; r++) {
      const raw = rows[r];
      const cells: CellValue[] = Array.isArray(raw) ? raw : [];
      const wsRow = this.row0 + r;

      // One pass: how many cells hold something, and which one if only one does.
      let filled = 0;
      let only = -1;
      for (let c = 0; c < cells.length; c++) {
        if (!isBlank(cells[c])) {
          filled++;
          only = c;
          if (filled > 1) break;
        }
      }
      if (filled === 0) {
        // Blank rows do not end a recommendation: page breaks leave them too.
        this.skipped.push({ row: wsRow, reason: "blank" });
        continue;
      }
      if (this.isRepeatedHeader(cells, headerCells)) {
        this.skipped.push({ row: wsRow, reason: "repeated_header" });
        continue;
      }
      if (filled === 1 && !guarded.has(only)) {
        const v = cells[only];
        if (
          typeof v === "string" &&
          cellError(v) === null &&
          /[A-Za-z]{2}/.test(v) &&
          !(
            keyMode &&
            only === cols.recommendation &&
            current?.keyed &&
            continuesText(current.rec.text, v)
          )
        ) {
          const text = v.trim().replace(/\s+/g, " ");
          this.skipped.push({ row: wsRow, reason: "section_heading", text });
          if (cols.area === undefined) sectionArea = text;
          current = null;
          continue;
        }
      }
      current = this.readRow(r, cells, keyMode, current, sectionArea);
    }
  }

  private text(cells: CellValue[], role: ColumnRole): string {
    const c = this.columns[role];
    if (c === undefined) return "";
    const v = cells[c];
    return cellError(v) !== null ? "" : cellText(v).trim();
  }

  /** Reads one data row; returns the recommendation that rows below may continue. */
  private readRow(
    r: number,
    cells: CellValue[],
    keyMode: boolean,
    current: RecBuild | null,
    sectionArea: string
  ): RecBuild | null {
    const cols = this.columns;
    const wsRow = this.row0 + r;
    const key = cols.key === undefined ? "" : keyText(cells[cols.key]);
    let recText = this.text(cells, "recommendation");
    if (recText.indexOf("\n") >= 0) recText = recText.replace(/\s*\n\s*/g, " ");
    const area = this.text(cells, "area");
    const lead = this.text(cells, "lead");

    // Spec 2: an empty key directly under a keyed recommendation continues it (a page break).
    const continues = keyMode && key === "" && current !== null && current.keyed;
    // Consecutive rows repeating a key (one row per action) belong to one recommendation.
    const sameKey = keyMode && key !== "" && current !== null && current.rec.key === key;

    let build: RecBuild | null;
    if (continues || sameKey) {
      build = current!;
      const rec = build.rec;
      if (recText !== "" && recText !== rec.text)
        rec.text = rec.text === "" ? recText : rec.text + " " + recText;
    } else {
      build = {
        rec: { key, text: recText, area: area || sectionArea, lead, actions: [], row: wsRow },
        keyed: keyMode && key !== "",
      };
    }
    const rec = build.rec;
    const rowArea = area || rec.area || sectionArea;
    const rowLead = lead || rec.lead;

    // -1: the row only completed the action above it (used, so not listed as skipped).
    const made = this.readActions(r, cells, build, continues, rowArea, rowLead);
    // A continuation row that only carries on the recommendation's text was used too.
    const usedText = continues && recText !== "";
    if (made === 0 && !usedText) this.skipped.push({ row: wsRow, reason: "no_action" });

    const isNew = build !== current;
    if (isNew && (rec.actions.length > 0 || key !== "" || recText !== ""))
      this.recommendations.push(rec);
    if (isNew && rec.actions.length === 0 && key === "" && recText === "") {
      // Nothing here starts a recommendation (e.g. a stray comment): rows below do not continue it.
      return current;
    }
    return build;
  }

  /**
   * Splits the row's Action cell into actions and pairs them with its other list cells.
   * Returns how many actions it added, or -1 when the row only completed the action above.
   */
  private readActions(
    r: number,
    cells: CellValue[],
    build: RecBuild,
    continues: boolean,
    area: string,
    lead: string
  ): number {
    const cols = this.columns;
    const rec = build.rec;
    const actionCol = cols.action!;
    const tsCol = cols.timescale!;
    const source = this.ref(r, actionCol);
    const tsSource = this.ref(r, tsCol);
    const actionAddr = source.address;
    const tsAddr = tsSource.address;
    const reviews: string[] = [];

    // --- The actions -----------------------------------------------------------------
    const actionValue = cells[actionCol];
    const actionErr = cellError(actionValue);
    let items: string[];
    let bulleted = false;
    let leadFragment = "";
    if (actionErr !== null) {
      items = [""];
      reviews.push(`${actionAddr} shows the error ${actionErr} instead of an action.`);
    } else {
      const split = splitItems(cellText(actionValue));
      items = split.items;
      bulleted = split.bulleted;
      leadFragment = split.lead;
    }

    // --- The timescales (a number is a date serial: one date for the whole cell) --------
    const tsValue = cells[tsCol];
    const tsErr = cellError(tsValue);
    let tsLines: CellLineSets;
    let tsNumber: number | null = null;
    let tsFormat: string | undefined;
    if (this.timescaleInAction) {
      // "Adopt the policy – July 2016": each action carries its own date at its end.
      const split = items.map((item) => this.splitDated(item));
      items = split.map((x) => x.action);
      const dates = split.map((x) => x.timescale);
      tsLines = { lines: dates, withBlanks: dates };
    } else if (tsErr !== null) {
      tsLines = { lines: [tsErr], withBlanks: [tsErr] };
      reviews.push(`${tsAddr} shows the error ${tsErr} instead of a timescale.`);
    } else if (typeof tsValue === "number" && Number.isFinite(tsValue)) {
      tsNumber = tsValue;
      tsFormat = this.format(r, tsCol);
      tsLines = { lines: [String(tsValue)], withBlanks: [String(tsValue)] };
    } else {
      tsLines = splitTimescaleLines(cellText(tsValue));
    }

    // Spec 2: unbulleted text at the top of a continuation row, with no timescale of its
    // own, completes the last action above it (the seed's "procedures").
    const last =
      rec.actions.length > 0 ? this.actions[rec.actions[rec.actions.length - 1]!] : undefined;
    if (bulleted && leadFragment !== "") {
      const fragmentHasNoTimescale = tsLines.lines.length <= items.length;
      if (continues && last !== undefined && fragmentHasNoTimescale) {
        last.action = joinFragment(last.action, leadFragment);
      } else {
        items.unshift(leadFragment);
      }
    } else if (
      !bulleted &&
      continues &&
      last !== undefined &&
      items.length === 1 &&
      tsLines.lines.length === 0
    ) {
      last.action = joinFragment(last.action, items[0]!);
      return -1;
    }

    // A timescale with no action text: keep it as an action "" for the officer to fix.
    if (items.length === 0) {
      if (tsLines.lines.length === 0) return 0;
      items = [""];
      reviews.push(`${tsAddr} has a timescale but ${actionAddr} has no action.`);
    }

    const n = items.length;
    const ts = pairLines(n, tsLines, actionAddr, tsAddr, "timescale", "timescales");
    if (ts.problem !== undefined) reviews.push(ts.problem);

    let revised: Paired | null = null;
    // A date serial in the revised cell, kept apart from the text lines (a marker inside the
    // text could be mistaken for real text that starts the same way, such as a pasted NUL).
    let revisedSerial: number | null = null;
    let revisedFormat: string | undefined;
    let revAddr = "";
    if (cols.revisedTimescale !== undefined) {
      revAddr = this.addr(r, "revisedTimescale");
      const rv = cells[cols.revisedTimescale];
      const rvErr = cellError(rv);
      if (rvErr !== null) {
        reviews.push(`${revAddr} shows the error ${rvErr} instead of a revised timescale.`);
      } else if (typeof rv === "number" && Number.isFinite(rv)) {
        revisedSerial = rv;
        revisedFormat = this.format(r, cols.revisedTimescale);
        revised = { values: new Array<string>(n).fill(String(rv)) };
      } else {
        revised = pairLines(
          n,
          splitTimescaleLines(cellText(rv)),
          actionAddr,
          revAddr,
          "revised timescale",
          "revised timescales"
        );
        if (revised.problem !== undefined) reviews.push(revised.problem);
      }
    }

    let statuses: string[] | null = null;
    if (cols.status !== undefined) {
      const stAddr = this.addr(r, "status");
      const sv = cells[cols.status];
      const st = pairLines(
        n,
        splitTimescaleLines(this.statusText(sv, this.format(r, cols.status))),
        actionAddr,
        stAddr,
        "status",
        "statuses"
      );
      // A status the reader cannot pair is shown, not guessed: the note keeps it visible.
      if (st.problem !== undefined) this.notes.push(st.problem);
      statuses = st.values;
    }

    const comments = this.text(cells, "comments");
    const needsReview = reviews.length > 0 ? reviews.join(" ") : undefined;
    const revSource =
      cols.revisedTimescale !== undefined ? this.ref(r, cols.revisedTimescale) : tsSource;

    for (let i = 0; i < n; i++) {
      const tsText = ts.values[i]!;
      let timescale: Timescale;
      if (tsErr !== null) {
        timescale = {
          text: tsErr,
          kind: "unclear",
          due: null,
          milestones: [],
          reason: `${tsAddr} shows the error ${tsErr}.`,
        };
      } else if (tsNumber !== null) {
        timescale = this.timescaleOfNumber(tsNumber, tsFormat);
      } else {
        timescale = this.timescale(tsText);
      }
      let originalTimescale: Timescale | undefined;
      let timescaleSource = tsSource;
      const rvText = revised?.values[i];
      if (rvText !== undefined && rvText !== "") {
        originalTimescale = timescale;
        timescale =
          revisedSerial !== null
            ? this.timescaleOfNumber(revisedSerial, revisedFormat)
            : this.timescale(rvText);
        timescaleSource = revSource;
      }
      // "13.09.2023" then "08.11.2023" in one cell: re-dated in place, the slip kept in view.
      const redated = timescale.kind === "multiple" ? this.redating(timescale) : null;
      if (redated !== null) {
        originalTimescale ??= redated.original;
        timescale = redated.latest;
      }
      const action: Action = {
        index: this.actions.length,
        key: rec.key,
        position: rec.actions.length + 1,
        recommendation: "",
        action: items[i]!,
        timescale,
        area,
        lead,
        comments,
        statusText: statuses !== null ? statuses[i]! : "",
        source,
        timescaleSource,
      };
      if (originalTimescale !== undefined) action.originalTimescale = originalTimescale;
      if (needsReview !== undefined) action.needsReview = needsReview;
      rec.actions.push(action.index);
      this.actions.push(action);
    }
    return n;
  }
}

/**
 * True when lone text in the Recommendation column carries on the recommendation
 * above (a page break mid-sentence) rather than heading a new section: the text
 * above stops without a full stop, or this text starts in lower case.
 */
function continuesText(above: string, text: string): boolean {
  const t = text.trim();
  const first = t.charCodeAt(0);
  if (first >= 97 && first <= 122) return true;
  const a = above.trimEnd();
  return a !== "" && !/[.!?:;)]$/.test(a);
}

function joinFragment(action: string, fragment: string): string {
  return action === "" ? fragment : action + " " + fragment;
}

/** A copy of a parsed timescale that nobody can change (it is shared between actions). */
function frozenTimescale(ts: Timescale): Timescale {
  const copy: Timescale = { ...ts, milestones: Object.freeze(ts.milestones.slice()) as string[] };
  if (ts.recurrence !== undefined) copy.recurrence = Object.freeze({ ...ts.recurrence });
  return Object.freeze(copy);
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Pairs the lines of a list cell with n actions, in order (spec 2): equal counts pair
 * one to one; one line applies to all; interior blank lines count only if that makes the
 * counts match. Any other mismatch pairs as far as it goes and says why, naming both cells
 * and every line left over, so nothing is lost. One action with several lines is not a
 * mismatch: the lines are one timescale ("Phase 1: June 2022" / "Phase 2: March 2023").
 */
function pairLines(
  n: number,
  sets: CellLineSets,
  actionAddr: string,
  cellAddr: string,
  one: string,
  many: string
): Paired {
  const lines = sets.lines;
  const L = lines.length;
  if (L === 0) return { values: new Array<string>(n).fill("") };
  if (L === n) return { values: lines };
  // Spec 2: one action with several lines: one timescale (or status), read as if joined.
  if (n === 1) return { values: [lines.join("\n")] };
  // Before "one line for all": a blank first line pairs the second line with the second action.
  if (sets.withBlanks.length === n) return { values: sets.withBlanks };
  if (L === 1) return { values: new Array<string>(n).fill(lines[0]!) };
  const values: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) values[i] = i < L ? lines[i]! : "";
  let problem = `${actionAddr} lists ${plural(n, "action", "actions")} but ${cellAddr} lists ${plural(L, one, many)}, so I paired them in order as far as they go.`;
  if (L > n) {
    const extra = lines
      .slice(n)
      .map((x) => `"${x}"`)
      .join(", ");
    problem += ` Not paired with any action: ${extra}.`;
  } else {
    problem += ` ${plural(n - L, "action has", "actions have")} no ${one}.`;
  }
  return { values, problem };
}
