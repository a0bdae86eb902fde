/**
 * Failures the fuzz suite found, kept as plain unit tests so they stay fixed whatever the
 * fuzz seed. Each names the property that found it.
 */
import { cell } from "../functions/setup";
import { daysOverdue, due, setToday, status } from "../../src/functions/functions";
import { readPlan } from "../../src/plan/table";

beforeEach(() => setToday(() => "2006-12-28"));
afterEach(() => setToday(null));

describe("custom functions given a range that is not a rectangle (fuzz: DUE, DAYSOVERDUE)", () => {
  // Excel always passes at least one cell; a formula engine or script may pass none. The
  // answer was [[]], which no host can spill. An empty range now reads as one empty cell.
  test("an empty range answers as an empty cell does", async () => {
    for (const empty of [[[]], []] as unknown[][][]) {
      expect(await cell(() => due(empty))).toEqual(await cell(() => due([[""]])));
      expect(await cell(() => daysOverdue(empty, undefined, "2006-12-28"))).toEqual(
        await cell(() => daysOverdue([[""]], undefined, "2006-12-28"))
      );
      expect(await cell(() => status(empty, undefined, "2006-12-28"))).toEqual([["No date"]]);
    }
  });

  test("short rows are read as padded with empty cells, so the answer is a rectangle", async () => {
    const answer = (await cell(() =>
      status([["June 2006", "March 2007"], ["Ongoing"]])
    )) as unknown[][];
    expect(answer).toEqual([
      ["Overdue", "Not yet due"],
      ["Ongoing", "No date"],
    ]);
  });
});

describe("a revised timescale whose text starts with a control character (fuzz: odd-headers)", () => {
  // The reader marked a date serial in the revised column with a leading NUL inside the text,
  // so pasted text starting with NUL was read as the serial "NaN". Found with FUZZ_SEED=1913782105.
  test("is read as the text it is, and points at its cell", () => {
    const result = readPlan(
      [
        ["Action", "Revised Timescale", "Timescale"],
        ["Review the policy", "\u0000\u0001\u0007", "June 2006"],
        ["Train the staff", 39082, "June 2006"],
      ],
      { sheet: "Plan" }
    );
    if (!result.ok) throw new Error(result.problem.message);
    const [pasted, serial] = result.plan.actions;
    expect(pasted.timescale.text).toBe("\u0000\u0001\u0007");
    expect(pasted.timescale.text).not.toBe("NaN");
    expect(pasted.timescale.due).toBeNull();
    expect(pasted.timescaleSource.address).toBe("B2");
    // A real date serial in the revised column is still a date.
    expect(serial.timescale).toMatchObject({ kind: "date", due: "2006-12-31" });
    expect(serial.timescaleSource.address).toBe("B3");
  });
});
