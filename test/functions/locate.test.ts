/**
 * The shared plan locator against a fake Excel request context that behaves like
 * Office.js where it matters here: a property read before `load` + `sync` throws,
 * `getUsedRangeOrNullObject` gives a null object for an empty sheet, and every
 * sync is counted. The fake has no way to write, so a write would fail the test.
 */
import * as fs from "fs";
import * as path from "path";
import {
  findPlanCandidates,
  pickPlan,
  pickPlans,
  topLeft,
  type LocatedCandidate,
} from "../../src/workbook/locate";

type Values = (string | number | boolean)[][];

class FakeContext {
  syncs = 0;
  private pending: Array<() => void> = [];
  readonly workbook: { tables: unknown; worksheets: unknown };

  constructor(
    sheets: Array<{
      name: string;
      used?: { address: string; values: Values };
      tables?: Array<{ name: string; address: string; values: Values }>;
    }>
  ) {
    const ctx = this;
    // An object whose listed properties can be read only after load() and sync().
    const loadable = <T extends object>(
      props: Record<string, unknown>,
      extra: T
    ): T & { load: (p: string) => void } => {
      let loaded = false;
      const obj = {
        ...extra,
        load() {
          ctx.pending.push(() => (loaded = true));
        },
      };
      for (const [key, value] of Object.entries(props)) {
        Object.defineProperty(obj, key, {
          get() {
            if (!loaded) throw new Error(`PropertyNotLoaded: ${key}`);
            return value;
          },
        });
      }
      return obj as T & { load: (p: string) => void };
    };
    const tableItems = sheets.flatMap((sheet) =>
      (sheet.tables ?? []).map((t) => ({
        name: t.name,
        worksheet: { name: sheet.name },
        getRange: () => loadable({ address: `'${sheet.name}'!${t.address}`, values: t.values }, {}),
      }))
    );
    const sheetItems = sheets.map((sheet) => ({
      name: sheet.name,
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        if (valuesOnly !== true) throw new Error("expected valuesOnly = true");
        return sheet.used
          ? loadable(
              {
                address: `'${sheet.name}'!${sheet.used.address}`,
                values: sheet.used.values,
                isNullObject: false,
              },
              {}
            )
          : loadable({ isNullObject: true }, {});
      },
    }));
    this.workbook = {
      tables: loadable({ items: tableItems }, {}),
      worksheets: loadable({ items: sheetItems }, {}),
    };
  }

  async sync(): Promise<void> {
    this.syncs++;
    for (const done of this.pending.splice(0)) done();
  }
}

const planValues: Values = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "seed-plan", "plan-values.json"), "utf8")
).values;

describe("findPlanCandidates", () => {
  it("reads tables first, then sheets without a table, in two syncs", async () => {
    const ctx = new FakeContext([
      {
        name: "Cover",
        used: {
          address: "B2:C3",
          values: [
            ["Improvement plan", ""],
            ["Council", "2006"],
          ],
        },
      },
      {
        name: "Improvement Plan",
        used: { address: "A1:G19", values: planValues },
        tables: [{ name: "ImprovementPlan", address: "A1:G19", values: planValues }],
      },
      { name: "Empty" },
    ]);
    const found = await findPlanCandidates(ctx as unknown as Excel.RequestContext);
    expect(ctx.syncs).toBe(2);
    expect(found.map((c) => c.id)).toEqual(["table:ImprovementPlan", "sheet:Cover"]);
    expect(found[0]).toEqual({
      id: "table:ImprovementPlan",
      sheet: "Improvement Plan",
      table: "ImprovementPlan",
      address: "A1:G19",
      values: planValues,
      origin: { sheet: "Improvement Plan", row: 1, column: 1 },
    });
    expect(found[1].origin).toEqual({ sheet: "Cover", row: 2, column: 2 });
  });

  it("syncs once for a workbook with nothing in it", async () => {
    const ctx = new FakeContext([]);
    expect(await findPlanCandidates(ctx as unknown as Excel.RequestContext)).toEqual([]);
    expect(ctx.syncs).toBe(1);
  });

  it("still takes two syncs for many sheets and tables", async () => {
    const sheets = Array.from({ length: 30 }, (_, i) => ({
      name: `S${i}`,
      used: {
        address: "A1:B2",
        values: [
          ["a", "b"],
          ["c", "d"],
        ] as Values,
      },
      tables:
        i % 3 === 0
          ? [
              {
                name: `T${i}`,
                address: "A1:B2",
                values: [
                  ["a", "b"],
                  ["c", "d"],
                ] as Values,
              },
            ]
          : [],
    }));
    const ctx = new FakeContext(sheets);
    const found = await findPlanCandidates(ctx as unknown as Excel.RequestContext);
    expect(ctx.syncs).toBe(2);
    expect(found).toHaveLength(30);
  });
});

describe("pickPlan", () => {
  const candidate = (id: string, values: Values): LocatedCandidate => ({
    id,
    sheet: id,
    address: "A1",
    values,
    origin: { sheet: id, row: 1, column: 1 },
  });
  const notes = candidate("sheet:Notes", [
    ["Name", "Team"],
    ["Ann", "Finance"],
  ]);
  const plan = candidate("table:Plan", planValues);
  const other = candidate("sheet:Old plan", [
    ["Action", "Due date"],
    ["Do it", "June 2006"],
  ]);

  it("keeps only candidates with an action and a timescale column", () => {
    expect(pickPlans([notes, plan, other]).map((c) => c.id)).toEqual([
      "table:Plan",
      "sheet:Old plan",
    ]);
  });

  it("takes the preferred plan when it still looks like one, else the first plan", () => {
    expect(pickPlan([notes, plan, other])?.id).toBe("table:Plan");
    expect(pickPlan([notes, plan, other], "sheet:Old plan")?.id).toBe("sheet:Old plan");
    expect(pickPlan([notes, plan, other], "sheet:Notes")?.id).toBe("table:Plan");
    expect(pickPlan([notes])).toBeNull();
    expect(pickPlan([])).toBeNull();
  });
});

describe("topLeft", () => {
  it("reads the top-left cell of an address, with or without sheet and $", () => {
    expect(topLeft("'Improvement Plan'!B3:H40")).toEqual({ row: 3, column: 2 });
    expect(topLeft("Sheet1!$AA$10")).toEqual({ row: 10, column: 27 });
    expect(topLeft("XFD1048576")).toEqual({ row: 1048576, column: 16384 });
  });
});
