/**
 * The PLAN functions called as Excel calls them: ranges as 2-D arrays, omitted
 * optional arguments as null or undefined, errors as inputs. The expected answers
 * come from the worked example (expected-2006-12-28.json), not from the code.
 */
import { cell, CustomFunctionsError } from "./setup";
import * as fs from "fs";
import * as path from "path";
import {
  count,
  daysOverdue,
  due,
  overdue,
  setToday,
  status,
  summary,
} from "../../src/functions/functions";
import {
  readWorkbookSettings,
  setCandidateReader,
  setSettingsReader,
} from "../../src/functions/workbook-plan";
import { STATUS_LABEL, STATUS_ORDER, toExcelSerial, type Status } from "../../src/plan";

const fixtures = path.join(__dirname, "..", "fixtures", "seed-plan");
const planValues: (string | number)[][] = JSON.parse(
  fs.readFileSync(path.join(fixtures, "plan-values.json"), "utf8")
).values;
interface ExpectedAction {
  key: string;
  action: string;
  timescale: string;
  due: string | null;
  status: Status;
  daysOverdue: number | null;
  area: string;
  lead: string;
  sourceRow: number;
}
const expected: { counts: Record<string, number>; actions: ExpectedAction[] } = JSON.parse(
  fs.readFileSync(path.join(fixtures, "expected-2006-12-28.json"), "utf8")
);

const AS_AT_SERIAL = 39079; // DATE(2006,12,28)
// Excel passes an omitted optional argument as null; the TypeScript signatures say "optional".
const OMITTED = null as unknown as undefined;
const timescaleColumn = planValues.map((row) => [row[5]]);

beforeEach(() => setToday(() => "2006-12-28"));
afterEach(() => {
  setToday(null);
  setCandidateReader(null);
  setSettingsReader(null);
});

describe("PLAN.OVERDUE", () => {
  it("lists the 20 overdue actions of the seed plan, most overdue first, under a header row", async () => {
    const rows = (await overdue(planValues, AS_AT_SERIAL)) as unknown[][];
    const want = expected.actions
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => a.status === "overdue")
      .sort((x, y) => (y.a.daysOverdue ?? 0) - (x.a.daysOverdue ?? 0) || x.i - y.i)
      .map(({ a }) => [a.key, a.action, a.timescale, toExcelSerial(a.due!), a.daysOverdue, a.lead]);
    expect(rows[0]).toEqual(["Key", "Action", "Timescale", "Due", "Days overdue", "Lead"]);
    expect(rows.slice(1)).toEqual(want);
    expect(rows).toHaveLength(21);
    // The most overdue: recommendation 12's "April 2006", due 30 April 2006, 242 days before the as-at date.
    expect(rows[1].slice(2, 5)).toEqual(["April 2006", 38837, 242]);
  });

  it("takes the as-at date as a serial, an ISO text, a UK date or a long date alike", async () => {
    const bySerial = await overdue(planValues, AS_AT_SERIAL);
    for (const asOf of ["2006-12-28", "28/12/2006", "28 December 2006", AS_AT_SERIAL + 0.75]) {
      expect(await overdue(planValues, asOf)).toEqual(bySerial);
    }
  });

  it("uses today when the as-at date is left out (null, undefined or an empty cell)", async () => {
    const asAtToday = await overdue(planValues, AS_AT_SERIAL);
    expect(await overdue(planValues, null)).toEqual(asAtToday);
    expect(await overdue(planValues, undefined)).toEqual(asAtToday);
    expect(await overdue(planValues)).toEqual(asAtToday);
    expect(await overdue(planValues, "")).toEqual(asAtToday);
  });

  it("answers in one cell, not with an error, when nothing is overdue", async () => {
    expect(await overdue(planValues, "1 January 2006")).toEqual([
      ["No overdue actions as at 1 January 2006"],
    ]);
  });

  it("explains a bad as-at date with #VALUE!", async () => {
    const shown = await cell(() => overdue(planValues, "next week"));
    expect(shown).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining('as-at date "next week"'),
    });
    expect(await cell(() => overdue(planValues, "December 2006"))).toMatchObject({
      code: "#VALUE!",
    });
    expect(await cell(() => overdue(planValues, true))).toMatchObject({ code: "#VALUE!" });
    expect(await cell(() => overdue(planValues, { code: "#REF!" }))).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("#REF!"),
    });
  });

  it("says why a range is not a plan, naming the headers it found", async () => {
    const notAPlan = [
      ["Name", "Team"],
      ["Ann", "Finance"],
    ];
    const shown = (await cell(() => overdue(notAPlan, AS_AT_SERIAL))) as {
      code: string;
      message: string;
    };
    expect(shown.code).toBe("#VALUE!");
    expect(shown.message).toContain("not a plan table");
    expect(shown.message).toContain("Name, Team");
  });
});

describe("PLAN.COUNT", () => {
  it("counts the seed plan's actions by status as at 28 December 2006", async () => {
    expect(await count("Overdue", planValues, AS_AT_SERIAL)).toBe(20);
    expect(await count("due soon", planValues, AS_AT_SERIAL)).toBe(13);
    expect(await count("NOT YET DUE", planValues, AS_AT_SERIAL)).toBe(2);
    expect(await count("Ongoing", planValues, AS_AT_SERIAL)).toBe(3);
    expect(await count("Complete", planValues, AS_AT_SERIAL)).toBe(0);
    for (const s of STATUS_ORDER) {
      expect(await count(STATUS_LABEL[s], planValues, AS_AT_SERIAL)).toBe(expected.counts[s] ?? 0);
    }
  });

  it("counts every action when the status is left out", async () => {
    expect(await count(OMITTED, planValues, AS_AT_SERIAL)).toBe(38);
    expect(await count(undefined, planValues, AS_AT_SERIAL)).toBe(38);
  });

  it("lists the status words when given one it does not know", async () => {
    const shown = (await cell(() => count("Late", planValues, AS_AT_SERIAL))) as {
      code: string;
      message: string;
    };
    expect(shown.code).toBe("#VALUE!");
    expect(shown.message).toContain('"Late" is not a status');
    expect(shown.message).toContain("Overdue, Due soon, Not yet due");
  });

  it("refuses a single value as the plan", async () => {
    const shown = (await cell(() =>
      count("Overdue", "A1:G19" as unknown as unknown[][], AS_AT_SERIAL)
    )) as {
      code: string;
      message: string;
    };
    expect(shown).toMatchObject({ code: "#VALUE!" });
    expect(shown.message).toContain("must be a range");
  });
});

describe("PLAN.STATUS", () => {
  const URGENCY = STATUS_ORDER;
  const mostUrgentOfRow = (row: number): string => {
    const statuses = expected.actions.filter((a) => a.sourceRow === row).map((a) => a.status);
    if (statuses.length === 0) return "No date"; // a header or an empty timescale cell
    return STATUS_LABEL[statuses.sort((x, y) => URGENCY.indexOf(x) - URGENCY.indexOf(y))[0]];
  };

  it("spills a same-shaped column of status words, each cell its most urgent line", () => {
    const words = status(timescaleColumn, OMITTED, AS_AT_SERIAL, OMITTED);
    expect(words).toHaveLength(planValues.length);
    expect(words).toEqual(planValues.map((_, i) => [mostUrgentOfRow(i + 1)]));
    // Row 18: "October 2006 / September 2006/ ongoing / December 2006/ ongoing": October is overdue.
    expect(words[17]).toEqual(["Overdue"]);
    // Row 15: "December 2006" alone is due soon.
    expect(words[14]).toEqual(["Due soon"]);
  });

  it("judges a single cell, with every status word of the spec", () => {
    expect(status([["June 2006"]], OMITTED, AS_AT_SERIAL)).toEqual([["Overdue"]]);
    expect(status([["December 2006"]], OMITTED, AS_AT_SERIAL)).toEqual([["Due soon"]]);
    expect(status([["March 2007"]], OMITTED, AS_AT_SERIAL)).toEqual([["Not yet due"]]);
    expect(status([["Ongoing"]], OMITTED, AS_AT_SERIAL)).toEqual([["Ongoing"]]);
    expect(status([["Deferred"]], OMITTED, AS_AT_SERIAL)).toEqual([["On hold"]]);
    expect(status([["June 2006"]], [["Complete"]], AS_AT_SERIAL)).toEqual([["Complete"]]);
    expect(status([["June 2006"]], [["Withdrawn"]], AS_AT_SERIAL)).toEqual([["Withdrawn"]]);
    expect(status([["TBC"]], OMITTED, AS_AT_SERIAL)).toEqual([["No date"]]);
    expect(status([[""]], OMITTED, AS_AT_SERIAL)).toEqual([["No date"]]);
  });

  it("reads a date cell (a serial) as a date, and a due date on the as-at day as due soon", () => {
    expect(status([[AS_AT_SERIAL]], OMITTED, AS_AT_SERIAL)).toEqual([["Due soon"]]);
    expect(status([[AS_AT_SERIAL - 1]], OMITTED, AS_AT_SERIAL)).toEqual([["Overdue"]]);
  });

  it("applies the due-soon window", () => {
    expect(status([["31 January 2007"]], OMITTED, AS_AT_SERIAL)).toEqual([["Not yet due"]]);
    expect(status([["31 January 2007"]], OMITTED, AS_AT_SERIAL, 34)).toEqual([["Due soon"]]);
    expect(status([["31 December 2006"]], OMITTED, AS_AT_SERIAL, 0)).toEqual([["Not yet due"]]);
  });

  it("takes one status for all, or a status range of the same shape", () => {
    const ts = [["June 2006"], ["June 2006"]];
    expect(status(ts, [["Complete"]], AS_AT_SERIAL)).toEqual([["Complete"], ["Complete"]]);
    expect(status(ts, [["Complete"], [""]], AS_AT_SERIAL)).toEqual([["Complete"], ["Overdue"]]);
  });

  it("explains a status range of another shape", async () => {
    const shown = (await cell(() =>
      status([["June 2006"], ["June 2006"]], [["a"], ["b"], ["c"]], AS_AT_SERIAL)
    )) as {
      code: string;
      message: string;
    };
    expect(shown.code).toBe("#VALUE!");
    expect(shown.message).toContain("3 by 1 but the timescale range is 2 by 1");
  });

  it("puts an error only in the cell that held one", () => {
    const words = status([["June 2006"], [{ code: "#REF!" }], ["#N/A"]], OMITTED, AS_AT_SERIAL);
    expect(words[0]).toEqual(["Overdue"]);
    expect(words[1][0]).toBeInstanceOf(CustomFunctionsError);
    expect(words[1][0]).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("#REF!"),
    });
    expect(words[2][0]).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("#N/A"),
    });
  });

  it("explains a bad due-soon window", async () => {
    for (const bad of ["soon", -1, 2.5]) {
      expect(await cell(() => status([["June 2006"]], OMITTED, AS_AT_SERIAL, bad))).toMatchObject({
        code: "#VALUE!",
        message: expect.stringContaining("due-soon window"),
      });
    }
  });
});

describe("PLAN.DUE", () => {
  it("gives the due date as an Excel serial, the latest of a multi-line cell", () => {
    expect(due([["June 2006"]])).toEqual([[38898]]);
    expect(due([["Q3 2024/25"]])).toEqual([[toExcelSerial("2024-12-31")]]);
    expect(due([["June 2006\nSeptember 2006"]])).toEqual([[toExcelSerial("2006-09-30")]]);
    expect(due(timescaleColumn)[1]).toEqual([toExcelSerial("2006-12-31")]);
  });

  it("gives #N/A with the reason when there is no due date", () => {
    const [[ongoing]] = due([["Ongoing"]]);
    expect(ongoing).toMatchObject({
      code: "#N/A",
      message: expect.stringContaining('"Ongoing" has no due date'),
    });
    const [[noYear]] = due([["June"]]);
    expect(noYear).toMatchObject({ code: "#N/A", message: expect.stringContaining('"June"') });
    const [[empty]] = due([[""]]);
    expect(empty).toMatchObject({
      code: "#N/A",
      message: expect.stringContaining("An empty timescale"),
    });
  });
});

describe("PLAN.DAYSOVERDUE", () => {
  it("gives days past the due date, 0 when not overdue, the most overdue line of a cell", () => {
    expect(daysOverdue([["June 2006"]], OMITTED, AS_AT_SERIAL)).toEqual([[181]]);
    expect(daysOverdue([["December 2006"]], OMITTED, AS_AT_SERIAL)).toEqual([[0]]);
    expect(daysOverdue([["June 2006"]], [["Complete"]], AS_AT_SERIAL)).toEqual([[0]]);
    expect(daysOverdue([[planValues[1][5]]], OMITTED, AS_AT_SERIAL)).toEqual([[181]]);
  });

  it("gives #N/A with the reason for an action with no date", () => {
    const [[tbc]] = daysOverdue([["TBC"]], OMITTED, AS_AT_SERIAL);
    expect(tbc).toMatchObject({ code: "#N/A" });
    expect((tbc as CustomFunctionsError).message).toBeTruthy();
  });
});

describe("PLAN.SUMMARY", () => {
  it("counts by area and status, with a total row equal to the plan's counts", async () => {
    const table = (await summary(planValues, AS_AT_SERIAL)) as (string | number)[][];
    expect(table[0]).toEqual(["Area", ...STATUS_ORDER.map((s) => STATUS_LABEL[s]), "Total"]);
    const areas = [...new Set(expected.actions.map((a) => a.area))];
    expect(table.slice(1, -1).map((r) => r[0])).toEqual(areas);
    for (const row of table.slice(1, -1)) {
      const mine = expected.actions.filter((a) => a.area === row[0]);
      expect(row.slice(1)).toEqual([
        ...STATUS_ORDER.map((s) => mine.filter((a) => a.status === s).length),
        mine.length,
      ]);
    }
    expect(table[table.length - 1]).toEqual([
      "Total",
      ...STATUS_ORDER.map((s) => expected.counts[s] ?? 0),
      38,
    ]);
  });
});

describe("without a plan argument (the workbook's plan, read in the shared runtime)", () => {
  const candidate = {
    id: "table:ImprovementPlan",
    sheet: "Improvement Plan",
    table: "ImprovementPlan",
    address: "A1:G19",
    values: planValues,
    origin: { sheet: "Improvement Plan", row: 1, column: 1 },
  };

  it("reads the plan table the workbook holds", async () => {
    const notes = {
      id: "sheet:Notes",
      sheet: "Notes",
      address: "A1:B2",
      values: [
        ["Note", "By"],
        ["x", "y"],
      ],
      origin: { sheet: "Notes", row: 1, column: 1 },
    };
    setCandidateReader(async () => [notes, candidate]);
    expect(await count("Overdue", OMITTED, AS_AT_SERIAL)).toBe(20);
    expect(await count()).toBe(38);
    expect(((await overdue()) as unknown[][]).length).toBe(21);
    expect(await summary(OMITTED, AS_AT_SERIAL)).toEqual(await summary(planValues, AS_AT_SERIAL));
  });

  it("reads the plan the officer picked in the task pane, with the pane's due-soon window", async () => {
    const other = {
      id: "sheet:Old plan",
      sheet: "Old plan",
      address: "A1:B3",
      values: [
        ["Action", "Due date"],
        ["Write the policy", "June 2006"],
        ["Train staff", "TBC"],
      ],
      origin: { sheet: "Old plan", row: 1, column: 1 },
    };
    setCandidateReader(async () => [candidate, other]);
    setSettingsReader(() => readWorkbookSettings({ planId: "sheet:Old plan" }));
    expect(await count(OMITTED, OMITTED, AS_AT_SERIAL)).toBe(2);
    expect(await count("Overdue", OMITTED, AS_AT_SERIAL)).toBe(1);
    // A plan id that no longer exists falls back to the first plan found.
    setSettingsReader(() => readWorkbookSettings({ planId: "table:Gone" }));
    expect(await count(OMITTED, OMITTED, AS_AT_SERIAL)).toBe(38);
    // The pane's window of 2 days: only what is due by 30 December 2006 is "due soon" (none is).
    setSettingsReader(() => readWorkbookSettings({ dueSoonDays: 2 }));
    const dueBy30Dec = expected.actions.filter(
      (a) => a.status === "due_soon" && a.due! <= "2006-12-30"
    ).length;
    expect(await count("Due soon", OMITTED, AS_AT_SERIAL)).toBe(dueBy30Dec);
    setSettingsReader(() =>
      readWorkbookSettings({ dueSoonDays: "lots", dateOrder: "XYZ", planId: 7 })
    );
    expect(await count("Due soon", OMITTED, AS_AT_SERIAL)).toBe(13);
  });

  it("gives #N/A, saying what to do, when the workbook has no plan", async () => {
    setCandidateReader(async () => []);
    const shown = (await cell(() => overdue())) as { code: string; message: string };
    expect(shown.code).toBe("#N/A");
    expect(shown.message).toContain("No plan table found");
    expect(shown.message).toContain("=PLAN.OVERDUE(A1:G40)");
  });

  it("outside Excel, explains that the workbook cannot be read rather than failing", async () => {
    const shown = (await cell(() => count("Overdue"))) as { code: string; message: string };
    expect(shown.code).toBe("#N/A");
    expect(shown.message).toContain("cannot read the workbook");
  });

  it("never lets an unexpected failure escape as a bare exception", async () => {
    setCandidateReader(async () => {
      throw new Error("RichApi.Error: The request payload size has exceeded the limit.");
    });
    const shown = (await cell(() => count("Overdue"))) as { code: string; message: string };
    expect(shown.code).toBe("#VALUE!");
    expect(shown.message).toContain("payload size");
  });
});
