/**
 * The committee summary layout (src/report/layout.ts), from the real engine's summary of the
 * seed plan as at 2006-12-28: every section of spec section 5 is present, text stays text,
 * links point at the cells the actions came from, shares are fractions with a percent format.
 */
import {
  COLUMN_WIDTHS,
  DATE_FORMAT,
  PERCENT_FORMAT,
  STYLES,
  TEXT_FORMAT,
  buildSummaryLayout,
  trendPoints,
  type LayoutCell,
  type SheetLayout,
} from "../../src/report";
import { fromExcelSerial, type ReportRecord } from "../../src/plan";
import { SEED_SHEET, SEED_VALUES, seedPlan, seedSummary } from "./seed";

function at(layout: SheetLayout, row: number, column: number): LayoutCell | undefined {
  return layout.cells.find((c) => c.row === row && c.column === column);
}

function rowOf(layout: SheetLayout, text: string, column = 1): number {
  const cell = layout.cells.find(
    (c) => c.column === column && typeof c.value === "string" && c.value.startsWith(text)
  );
  if (!cell) throw new Error(`no cell in column ${column} starting "${text}"`);
  return cell.row;
}

/** The rows of a list, from the line under its table header until the first empty row. */
function listRows(layout: SheetLayout, title: string): LayoutCell[][] {
  const header = rowOf(layout, title) + 1;
  const rows: LayoutCell[][] = [];
  for (let r = header + 1; ; r++) {
    const cells = layout.cells.filter((c) => c.row === r);
    if (cells.length === 0) break;
    rows.push(cells.sort((a, b) => a.column - b.column));
  }
  return rows;
}

const summary = seedSummary();
const layout = buildSummaryLayout(summary, [], { planSheet: SEED_SHEET });

describe("summary layout of the seed plan as at 28 December 2006", () => {
  test("title, as-at date, source, build time and the due-soon rule head the sheet", () => {
    expect(layout.name).toBe("Committee Summary");
    expect(at(layout, 1, 1)?.value).toBe("Improvement Plan: committee summary");
    expect(layout.merges).toContain("A1:H1");
    const asAt = at(layout, rowOf(layout, "As at", 2), 3)!;
    expect(typeof asAt.value).toBe("number");
    expect(fromExcelSerial(asAt.value as number)).toBe("2006-12-28");
    expect(asAt.numberFormat).toMatch(/d mmmm yyyy/);
    const plan = at(layout, rowOf(layout, "Plan", 2), 3)!;
    expect(plan.value).toBe("'Improvement Plan'!A1:G19");
    expect(plan.link).toEqual({ sheet: "Improvement Plan", address: "A1" });
    expect(at(layout, rowOf(layout, "Built", 2), 3)?.value).toBe("22 November 2026 at 19:35 UTC");
    expect(at(layout, rowOf(layout, "Due soon means", 2), 3)?.value).toBe(
      "Due within 30 days of the as-at date"
    );
  });

  test("headline counts for every status with its share of all actions", () => {
    const header = rowOf(layout, "Status", 2);
    const expected: [string, number][] = [
      ["Overdue", 20],
      ["Due soon", 13],
      ["Not yet due", 2],
      ["Ongoing", 3],
      ["On hold", 0],
      ["No date", 0],
      ["Complete", 0],
      ["Withdrawn", 0],
      ["Total", 38],
    ];
    expected.forEach(([label, count], i) => {
      const r = header + 1 + i;
      expect(at(layout, r, 2)?.value).toBe(label);
      expect(at(layout, r, 3)?.value).toBe(count);
      const share = at(layout, r, 4)!;
      expect(share.value).toBeCloseTo(count / 38, 10);
      expect(share.numberFormat).toBe(PERCENT_FORMAT);
    });
  });

  test("by area and by lead tables show each group's counts and total", () => {
    for (const [title, groups] of [
      ["By area", summary.byArea],
      ["By lead", summary.byLead],
    ] as const) {
      const header = rowOf(layout, title) + 1;
      expect(at(layout, header, 2)?.value).toBe(title === "By area" ? "Area" : "Lead");
      const headers = layout.cells
        .filter((c) => c.row === header && c.column > 2)
        .map((c) => c.value);
      expect(headers).toEqual(["Overdue", "Due soon", "Not yet due", "Ongoing", "Total"]);
      groups.forEach((g, i) => {
        const r = header + 1 + i;
        expect(at(layout, r, 2)?.value).toBe(g.name);
        expect(at(layout, r, 3)?.value).toBe(g.counts.overdue);
        expect(at(layout, r, 7)?.value).toBe(g.total);
      });
    }
    expect(summary.byArea.length).toBeGreaterThan(1);
  });

  test("the overdue list holds the 20 overdue actions, most overdue first, each linked to its source cells", () => {
    const rows = listRows(layout, "Overdue actions (20)");
    expect(rows).toHaveLength(20);
    const days = rows.map((r) => r.find((c) => c.column === 6)!.value as number);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(days[0]).toBe(summary.overdue[0].daysOverdue);
    rows.forEach((cells, i) => {
      const item = summary.overdue[i];
      const byCol = (c: number): LayoutCell => cells.find((x) => x.column === c)!;
      expect(byCol(1).value).toBe(item.key);
      expect(byCol(2).value).toBe(item.recommendation);
      expect(byCol(3).value).toBe(item.action);
      expect(byCol(3).link).toEqual({ sheet: "Improvement Plan", address: item.source.address });
      expect(byCol(4).value).toBe(item.timescale);
      expect(byCol(4).link).toEqual({
        sheet: "Improvement Plan",
        address: item.timescaleSource.address,
      });
      expect(fromExcelSerial(byCol(5).value as number)).toBe(item.due);
      expect(byCol(5).numberFormat).toBe(DATE_FORMAT);
      expect(byCol(7).value).toBe(item.lead);
      expect(byCol(8).value).toBe(item.latestComment);
    });
    // "Review SER Sampling formats", June 2006: the timescale cell is F2 of the plan sheet.
    const first = rows.find((cells) =>
      cells.some((c) => c.value === "Review SER Sampling formats")
    )!;
    expect(first.find((c) => c.column === 4)!.link).toEqual({
      sheet: "Improvement Plan",
      address: "F2",
    });
    expect(first.find((c) => c.column === 3)!.link).toEqual({
      sheet: "Improvement Plan",
      address: "E2",
    });
  });

  test("the due-soon list holds the 13 actions due soon, soonest first, with days to go", () => {
    const rows = listRows(layout, "Actions due soon (13)");
    expect(rows).toHaveLength(13);
    const toGo = rows.map((r) => r.find((c) => c.column === 6)!.value as number);
    expect(toGo).toEqual([...toGo].sort((a, b) => a - b));
    expect(toGo[0]).toBe(3); // December 2006 is due on the 31st, three days after the 28th
  });

  test("the no-date list says None. when every action has a date", () => {
    const r = rowOf(layout, "Actions with no date or needing review (0)");
    expect(at(layout, r + 1, 1)?.value).toBe("None.");
  });

  test("the narrative is one merged, wrapped paragraph with its row made tall enough", () => {
    const r = rowOf(layout, "Summary for the committee report") + 1;
    const cell = at(layout, r, 1)!;
    expect(cell.value).toBe(summary.narrative);
    expect(cell.value).toMatch(/38 actions: 20 \(53%\) are overdue, 13 \(34%\)/);
    expect(layout.merges).toContain(`A${r}:H${r}`);
    expect(STYLES[cell.style!].wrap).toBe(true);
    expect(layout.rowHeights[r]).toBeGreaterThanOrEqual(30);
  });

  test("the status-by-area chart reads the by-area table; no trend without an earlier report", () => {
    expect(layout.charts).toHaveLength(1);
    const chart = layout.charts[0];
    expect(chart.type).toBe("columnStacked");
    const header = rowOf(layout, "By area") + 1;
    expect(chart.dataAddress).toBe(`B${header}:F${header + summary.byArea.length}`);
    expect(
      layout.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Trend"))
    ).toBe(false);
  });

  test("every string is marked as text and every row and column of the sheet is within the layout", () => {
    for (const c of layout.cells) {
      if (typeof c.value === "string") expect(c.numberFormat).toBe(TEXT_FORMAT);
      expect(c.column).toBeGreaterThanOrEqual(1);
      expect(c.column).toBeLessThanOrEqual(COLUMN_WIDTHS.length);
    }
    const keys = new Set(layout.cells.map((c) => `${c.row}:${c.column}`));
    expect(keys.size).toBe(layout.cells.length); // no cell written twice
  });
});

describe("summary layout: text, history and trend", () => {
  test("action text starting with =, +, - or @ is kept as text, never turned into anything else", () => {
    const values = SEED_VALUES.map((row) => row.slice());
    values[1][4] =
      "• =SUM(A1:A9)\n• +44 1234 567890\n• -5 budget line\n• @mention the board\n• Further training";
    const s = seedSummary({ values });
    const l = buildSummaryLayout(s, []);
    const texts = ["=SUM(A1:A9)", "+44 1234 567890", "-5 budget line", "@mention the board"];
    for (const t of texts) {
      const cell = l.cells.find((c) => c.value === t);
      expect(cell).toBeDefined();
      expect(cell!.numberFormat).toBe(TEXT_FORMAT);
    }
  });

  test("with an earlier report: progress sentence, trend block of both reports and a line chart", () => {
    const previous: ReportRecord = {
      asAt: "2006-09-30",
      builtAt: "2006-10-01T09:00:00.000Z",
      total: 38,
      counts: {
        overdue: 25,
        due_soon: 5,
        not_yet_due: 5,
        ongoing: 3,
        on_hold: 0,
        no_date: 0,
        complete: 0,
        withdrawn: 0,
      },
    };
    const s = seedSummary({ previous });
    expect(s.progress).toBeTruthy();
    const l = buildSummaryLayout(s, [previous]);
    const progressRow = rowOf(l, "Progress since the last report") + 1;
    expect(at(l, progressRow, 1)?.value).toBe(s.progress);
    const trendHeader = rowOf(l, "Trend") + 1;
    expect(fromExcelSerial(at(l, trendHeader + 1, 2)!.value as number)).toBe("2006-09-30");
    expect(at(l, trendHeader + 1, 3)?.value).toBe(25);
    expect(fromExcelSerial(at(l, trendHeader + 2, 2)!.value as number)).toBe("2006-12-28");
    expect(at(l, trendHeader + 2, 3)?.value).toBe(20);
    const line = l.charts.find((c) => c.type === "line")!;
    expect(line.dataAddress).toBe(`B${trendHeader}:H${trendHeader + 2}`);
  });

  test("the trend does not count this report twice when the history already holds it", () => {
    const current: ReportRecord = {
      asAt: summary.asAt,
      builtAt: summary.builtAt,
      total: summary.total,
      counts: summary.counts,
    };
    expect(trendPoints(summary, [current])).toHaveLength(1);
    expect(trendPoints(summary, [])).toHaveLength(1);
  });

  test("actions with no date are listed with their reason, in a merged Reason column", () => {
    const values = SEED_VALUES.map((row) => row.slice());
    values[7][5] = "TBC"; // recommendation 4's timescale cell (two actions)
    const s = seedSummary({ values });
    expect(s.noDate.length).toBeGreaterThanOrEqual(1);
    const l = buildSummaryLayout(s, []);
    const rows = listRows(l, `Actions with no date or needing review (${s.noDate.length})`);
    expect(rows).toHaveLength(s.noDate.length);
    rows.forEach((cells, i) => {
      const reason = cells.find((c) => c.column === 5)!;
      expect(reason.value).toBe(s.noDate[i].reason ?? "");
      expect(String(reason.value)).not.toBe("");
      expect(l.merges).toContain(`E${reason.row}:F${reason.row}`);
      expect(cells.find((c) => c.column === 4)!.value).toBe("TBC");
    });
  });

  test("a plan with no actions still lays out every section, with None. for the lists", () => {
    const plan = seedPlan([SEED_VALUES[0]]);
    expect(plan.actions).toHaveLength(0);
    const s = seedSummary({ values: [SEED_VALUES[0]] });
    const l = buildSummaryLayout(s, [], { sheetName: "Summary" });
    expect(l.name).toBe("Summary");
    expect(l.cells.filter((c) => c.value === "None.").length).toBeGreaterThanOrEqual(3);
    expect(l.charts).toHaveLength(0);
  });
});
