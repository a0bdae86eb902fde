import { harness, sample, settingsAt, AS_AT, summaryOf, type Harness } from "./support";
import { countStatuses, judgePlan } from "../../src/plan";

describe("listPlans and loadPlan on the sample workbook", () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness(await sample());
  });
  afterEach(() => h.restore());

  test("finds the plan table and reads it in one sync", async () => {
    const plans = await h.api.listPlans();
    expect(plans).toEqual([
      {
        id: "table:ImprovementPlan",
        sheet: "Improvement Plan",
        table: "ImprovementPlan",
        address: "A1:G19",
        label: "Improvement Plan (table ImprovementPlan)",
      },
    ]);
    expect(h.double.stats.syncs).toBe(2);
    h.double.resetStats();

    const loaded = await h.api.loadPlan(plans[0].id, settingsAt(AS_AT));
    expect(h.double.stats.syncs).toBe(1);
    expect(loaded.result.ok).toBe(true);
    if (!loaded.result.ok) return;
    const plan = loaded.result.plan;
    expect(plan.recommendations).toHaveLength(12);
    const counts = countStatuses(judgePlan(plan, { asAt: AS_AT, dueSoonDays: 30 }));
    expect([counts.overdue, counts.due_soon, counts.not_yet_due, counts.ongoing]).toEqual([
      20, 13, 2, 3,
    ]);
    // Sources are real cells of the sheet.
    expect(plan.actions[0].source).toMatchObject({
      sheet: "Improvement Plan",
      column: 5,
      row: 2,
      address: "E2",
    });

    h.double.resetStats();
    expect(await h.api.loadHistory()).toEqual([]);
    expect(h.double.stats.syncs).toBe(0);
    expect(summaryOf(plan, AS_AT, []).counts.overdue).toBe(20);
  });

  test("a plain sheet without a table is found by its header row", async () => {
    const model = await sample();
    model.tables = [];
    h.restore();
    h = harness(model);
    const plans = await h.api.listPlans();
    expect(plans.map((p) => p.id)).toEqual(["sheet:Improvement Plan"]);
    const loaded = await h.api.loadPlan("sheet:Improvement Plan", settingsAt(AS_AT));
    expect(loaded.result.ok).toBe(true);
  });

  test("an Excel older than ExcelApi 1.7 gets a clear message", async () => {
    h.restore();
    h = harness(await sample(), 6);
    await expect(h.api.listPlans()).rejects.toThrow(/too old for Plan Tracker/);
  });
});
