/**
 * Node only: loads a real .xlsx with exceljs into the double's plain-data model, so the
 * workbook module is tested against the sample workbook itself (values, formulas with their
 * cached results, number formats, fills, fonts, links, tables, names, hidden and protected sheets).
 */
import ExcelJS from "exceljs";
import { boxAddress, parseBox } from "./a1";
import { cellKey, emptyWorkbook, newSheet, type CellModel, type WorkbookModel } from "./model";

const MS_PER_DAY = 86_400_000;

/** exceljs gives a date cell as a JS Date at UTC midnight of (serial - 25569) days. */
function serialOfDate(d: Date): number {
  return d.getTime() / MS_PER_DAY + 25_569;
}

function argb(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const v = c?.argb;
  if (!v || v.length < 6) return undefined;
  return `#${v.slice(-6).toUpperCase()}`;
}

function plainValue(v: ExcelJS.CellValue): string | number | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialOfDate(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && "hyperlink" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    if ("result" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r instanceof Date) return serialOfDate(r);
      if (r && typeof r === "object" && "error" in r) return String(r.error);
      return r === undefined || r === null ? undefined : (r as string | number | boolean);
    }
  }
  return String(v);
}

export async function modelFromXlsx(file: string): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const model = emptyWorkbook();
  wb.eachSheet((ws) => {
    const sheet = newSheet(model, ws.name);
    sheet.visibility =
      ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    sheet.protected = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection
      ?.sheet;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const m: CellModel = {};
        // exceljs repeats a merged area's value in every cell of it; Excel keeps it in the top-left only.
        const slave = cell.isMerged && cell.master !== cell;
        const v = slave ? undefined : plainValue(cell.value);
        if (v !== undefined && v !== "") m.v = v;
        const formula = (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
        if (formula) m.f = `=${formula}`;
        if (cell.numFmt && cell.numFmt !== "General") m.nf = cell.numFmt;
        else if (cell.value instanceof Date) m.nf = "d mmm yyyy";
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === "pattern" && fill.pattern === "solid") {
          const colour = argb(fill.fgColor);
          if (colour) m.fill = colour;
        }
        const fc = argb(cell.font?.color);
        if (fc && fc !== "#000000") m.fc = fc;
        if (cell.font?.bold) m.b = true;
        if (cell.font?.italic) m.i = true;
        if (cell.alignment?.wrapText) m.wrap = true;
        const link = (cell.value as ExcelJS.CellHyperlinkValue | null)?.hyperlink;
        if (link)
          m.link = link.startsWith("#") ? { documentReference: link.slice(1) } : { address: link };
        if (Object.keys(m).length > 0) sheet.cells[cellKey(r, c)] = m;
      });
    });
    for (const t of ws.getTables()) {
      const table = (
        t as unknown as {
          table: { name: string; tableRef?: string; ref?: string; headerRow?: boolean };
        }
      ).table;
      const ref = table.tableRef ?? table.ref ?? "";
      model.tables.push({
        name: table.name,
        sheet: ws.name,
        address: boxAddress(parseBox(ref)),
        showHeaders: table.headerRow !== false,
      });
    }
    const merges = (ws as unknown as { model: { merges?: string[] } }).model.merges ?? [];
    sheet.merges = merges.slice();
  });
  for (const n of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
    .model) {
    model.names.push({
      name: n.name,
      formula: `=${n.ranges[0] ?? "#REF!"}`,
      visible: true,
      comment: "",
    });
  }
  model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
  return model;
}
