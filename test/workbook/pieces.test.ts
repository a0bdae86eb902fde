/** The workbook module's smaller parts: writer helpers, settings, block reads, selection, a plan that grew. */
import {
  addressLists,
  needsQuote,
  rectangles,
  safeValue,
  rectAddress,
} from "../../src/workbook/summary-writer";
import { normaliseSettings, SETTINGS_KEY } from "../../src/workbook/settings-store";
import { readValuesInBlocks } from "../../src/workbook/blocks";
import { DEFAULT_PLAN_SETTINGS } from "../../src/workbook/api";
import { createExcelDouble, emptyWorkbook, newSheet, putValues, cellKey } from "../double";
import { harness, sample, settingsAt, AS_AT } from "./support";

describe("summary writer helpers", () => {
  test("strings Excel would not keep as text get the apostrophe escape, unless the cell is Text", () => {
    for (const t of [
      "=SUM(A1)",
      "+44",
      "-ve",
      "@home",
      "'quoted",
      "123",
      "1,000",
      "2006-06-30",
      "30/06/2006",
      "TRUE",
      "#N/A",
      "12%",
    ]) {
      expect({ t, quote: needsQuote(t) }).toEqual({ t, quote: true });
      expect(safeValue(t, "General")).toBe(`'${t}`);
      expect(safeValue(t, "@")).toBe(t);
    }
    for (const t of ["June 2006", "Review SER sampling", "Q3 2024/25", ""])
      expect({ t, quote: needsQuote(t) }).toEqual({ t, quote: false });
    expect(safeValue(null, undefined)).toBe("");
    expect(safeValue(42, undefined)).toBe(42);
  });

  test("cells of one style become few rectangles and short address lists", () => {
    const cells = [];
    for (let row = 10; row <= 30; row++)
      for (const column of [1, 2, 7, 8]) cells.push({ row, column });
    const rects = rectangles(cells);
    expect(rects.map(rectAddress)).toEqual(["A10:B30", "G10:H30"]);
    expect(
      rectangles([
        { row: 1, column: 1 },
        { row: 3, column: 1 },
      ]).map(rectAddress)
    ).toEqual(["A1", "A3"]);
    const many = Array.from({ length: 500 }, (_, i) => ({
      top: i * 2 + 1,
      left: 1,
      bottom: i * 2 + 1,
      right: 3,
    }));
    const lists = addressLists(many, 200);
    expect(lists.every((l) => l.length <= 200)).toBe(true);
    expect(lists.join(",").split(",")).toHaveLength(500);
  });
});

describe("settings", () => {
  test("stored settings are checked; anything odd falls back to the default", () => {
    expect(normaliseSettings(undefined)).toEqual(DEFAULT_PLAN_SETTINGS);
    expect(
      normaliseSettings({
        asAt: "2006-12-28",
        dueSoonDays: 14,
        dateOrder: "MDY",
        financialYearStartMonth: 1,
        summarySheetName: "Report",
        planId: "table:X",
      })
    ).toEqual({
      ...DEFAULT_PLAN_SETTINGS,
      asAt: "2006-12-28",
      dueSoonDays: 14,
      dateOrder: "MDY",
      financialYearStartMonth: 1,
      summarySheetName: "Report",
      planId: "table:X",
    });
    expect(
      normaliseSettings({
        asAt: "2006-02-30",
        dueSoonDays: -1,
        financialYearStartMonth: 13,
        summarySheetName: "a/b",
        dateOrder: "YMD",
      })
    ).toEqual(DEFAULT_PLAN_SETTINGS);
  });

  test("saved in the workbook through document settings, read back by a fresh pane", async () => {
    const h = harness(await sample());
    try {
      const s = settingsAt(AS_AT, { dueSoonDays: 21, nextCommittee: "2007-01-25" });
      await h.api.saveSettings(s);
      expect(h.double.model.settings[SETTINGS_KEY]).toEqual(s);
      expect(h.double.stats.syncs).toBe(0);
      h.restore();
      const fresh = harness(h.double.model);
      expect(await fresh.api.loadSettings()).toEqual(s);
      fresh.restore();
    } finally {
      h.restore();
    }
  });
});

describe("block reads", () => {
  test("a first block too big for one request is retried in smaller blocks, each under 5 MB", async () => {
    const model = emptyWorkbook();
    const sheet = newSheet(model, "Plan");
    putValues(
      sheet,
      Array.from({ length: 5_000 }, (_, i) => [`${i} `.padEnd(1_500, "z")])
    );
    const d = createExcelDouble(model);
    const restore = d.install();
    try {
      const values = await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Plan");
        const read = await readValuesInBlocks(context, ws, {
          rowIndex: 0,
          columnIndex: 0,
          rowCount: 5_000,
          columnCount: 1,
        });
        return read.values;
      });
      expect(values).toHaveLength(5_000);
      expect(values[4_999][0]).toMatch(/^4999 /);
      expect(d.stats.requests[0].responseBytes).toBeGreaterThan(5 * 1024 * 1024); // the first attempt was refused
      expect(d.stats.syncs).toBeGreaterThan(3);
      expect(d.stats.requests.slice(1).every((r) => r.responseBytes < 5 * 1024 * 1024)).toBe(true);
    } finally {
      restore();
    }
  });
});

describe("the pane's other requests", () => {
  test("clicking an action selects its source cell in the plan", async () => {
    const h = harness(await sample());
    try {
      await h.api.selectCell({ sheet: "Improvement Plan", row: 5, column: 5, address: "E5" });
      expect(h.double.model.selection).toBe("'Improvement Plan'!E5");
      expect(h.double.stats.syncs).toBe(1);
    } finally {
      h.restore();
    }
  });

  test("rows the officer added after the plan was listed are read too", async () => {
    const h = harness(await sample());
    try {
      const [c] = await h.api.listPlans();
      const model = h.double.model;
      putValues(
        model.sheets[0],
        [
          [
            "13",
            "A new recommendation",
            "Area",
            "",
            "Review the new process",
            "January 2007",
            "Head of Justice Services",
          ],
        ],
        20,
        1
      );
      model.tables[0].address = "A1:G20";
      const { candidate, result } = await h.api.loadPlan(c.id, settingsAt(AS_AT));
      expect(candidate.address).toBe("A1:G20");
      expect(
        result.ok && result.plan.actions.some((a) => a.action === "Review the new process")
      ).toBe(true);
      expect(model.sheets[0].cells[cellKey(20, 5)].v).toBe("Review the new process");
    } finally {
      h.restore();
    }
  });

  test("no plan in the workbook: listPlans finds none, and a stale plan id gets a clear message", async () => {
    const model = emptyWorkbook();
    putValues(newSheet(model, "Notes"), [["Just some notes"]]);
    const h = harness(model);
    try {
      expect(await h.api.listPlans()).toEqual([]);
      await expect(h.api.loadPlan("table:Gone", DEFAULT_PLAN_SETTINGS)).rejects.toThrow(
        /can no longer find the plan/
      );
    } finally {
      h.restore();
    }
  });
});

describe("a workbook that changed under the pane", () => {
  test("a plan sheet renamed since it was listed: the pane looks again and says the plan has gone", async () => {
    const h = harness(await sample());
    try {
      const [c] = await h.api.listPlans();
      h.double.model.tables = [];
      h.double.model.sheets[0].name = "Renamed plan";
      await expect(h.api.loadPlan(c.id, settingsAt(AS_AT))).rejects.toThrow(
        /can no longer find the plan/
      );
      const again = await h.api.listPlans();
      expect(again.map((p) => p.id)).toEqual(["sheet:Renamed plan"]);
    } finally {
      h.restore();
    }
  });
});
