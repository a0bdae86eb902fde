/**
 * The task pane's Office.js writer and the command line's file writer render one layout, so
 * the committee sees the same sheet either way. This builds the sample's summary both ways
 * (the pane through the double, `plan summary` into a real .xlsx read back with exceljs) and
 * compares the sheets cell by cell: values and number formats.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PassThrough } from "stream";
import { runSummary } from "../../src/cli/summary";
import { modelFromXlsx } from "../double/from-xlsx";
import type { SheetModel } from "../double";
import { AS_AT, SAMPLE, harness, sample, settingsAt, summaryOf } from "./support";

type Seen = {
  v: unknown;
  nf: string;
  fill: string | null;
  fc: string | null;
  b: boolean;
  i: boolean;
};

/** Each cell with a value: the value, number format, fill, font colour, bold and italic. */
function cellsOf(sheet: SheetModel): Map<string, Seen> {
  const out = new Map<string, Seen>();
  for (const [k, c] of Object.entries(sheet.cells)) {
    if (c.v === undefined) continue;
    out.set(k, {
      v: c.v,
      nf: c.nf ?? "General",
      fill: c.fill ?? null,
      fc: c.fc ?? null,
      b: !!c.b,
      i: !!c.i,
    });
  }
  return out;
}

test("the pane's summary sheet and the command line's hold the same cells, formats and styles", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-writers-"));
  const out = path.join(dir, "summary.xlsx");
  const sink = () => new PassThrough();
  const io = { stdin: new PassThrough(), stdout: sink(), stderr: sink(), isTTY: false };
  expect(await runSummary([SAMPLE, "--as-at", AS_AT, "--out", out], io)).toBe(0);
  const fromCli = await modelFromXlsx(out);
  const cliSheet = fromCli.sheets.find((s) => s.name === "Committee Summary")!;

  const h = harness(await sample());
  try {
    const [candidate] = await h.api.listPlans();
    const { result } = await h.api.loadPlan(candidate.id, settingsAt(AS_AT));
    if (!result.ok) throw new Error(result.problem.message);
    const cliBuilt = fromCli.sheets.find((s) => s.name === "PlanTrackerHistory")!.cells["4:2"]
      .v as string;
    // Where the plan was read ("Plan" row): each caller words it; take the file's so the rest can be compared.
    const cliSource = cliSheet.cells["3:3"].v as string;
    await h.api.buildSummary(
      summaryOf(result.plan, AS_AT, [], cliBuilt, cliSource),
      settingsAt(AS_AT)
    );
    const paneSheet = h.double.model.sheets.find((s) => s.name === "Committee Summary")!;

    const pane = cellsOf(paneSheet);
    const cli = cellsOf(cliSheet);
    const differences: string[] = [];
    for (const key of new Set([...pane.keys(), ...cli.keys()])) {
      const a = pane.get(key);
      const b = cli.get(key);
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      // The file writer cannot draw charts; it leaves a note where the pane draws them.
      if (!a && typeof b?.v === "string" && b.v.startsWith("The chart ")) continue;
      differences.push(`${key}: pane ${JSON.stringify(a)} / file ${JSON.stringify(b)}`);
    }
    expect(differences).toEqual([]);
    expect(pane.size).toBeGreaterThan(200);
    // Not a vacuous match: styled cells came through both writers.
    expect([...cli.values()].filter((c) => c.fill === "#D9E1F2" && c.b).length).toBeGreaterThan(10);
    expect([...cli.values()].some((c) => c.v === 20 && c.fc === "#C00000" && c.b)).toBe(true);
    expect(paneSheet.merges.slice().sort()).toEqual(cliSheet.merges.slice().sort());
  } finally {
    h.restore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a summary built by `plan summary` is the pane's own: the pane replaces it and continues its history", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-history-"));
  const out = path.join(dir, "summary.xlsx");
  const io = {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    isTTY: false,
  };
  expect(await runSummary([SAMPLE, "--as-at", AS_AT, "--out", out], io)).toBe(0);
  const h = harness(await modelFromXlsx(out));
  try {
    const plans = await h.api.listPlans();
    expect(plans.map((p) => p.id)).toEqual(["table:ImprovementPlan"]); // neither the summary nor the history is a plan
    const { result } = await h.api.loadPlan(plans[0].id, settingsAt("2007-01-31"));
    if (!result.ok) throw new Error(result.problem.message);
    const history = await h.api.loadHistory();
    expect(history.map((r) => [r.asAt, r.counts.overdue])).toEqual([[AS_AT, 20]]);
    const summary = summaryOf(result.plan, "2007-01-31", history);
    expect(summary.progress).toMatch(/from 20 to \d+ since the report as at 28 December 2006/);
    const outcome = await h.api.buildSummary(summary, settingsAt("2007-01-31"));
    expect(outcome).toMatchObject({ sheetName: "Committee Summary", renamed: false });
    expect(
      h.double.model.sheets.map((s) => s.name).filter((n) => n.startsWith("Committee"))
    ).toEqual(["Committee Summary"]);
    expect((await h.api.loadHistory()).map((r) => r.asAt)).toEqual([AS_AT, "2007-01-31"]);
  } finally {
    h.restore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
