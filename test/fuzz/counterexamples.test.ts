/**
 * Failures the fuzz suite found, kept as plain unit tests so they stay fixed whatever the
 * fuzz seed. Each names the property that found it.
 */
import { cell } from "../functions/setup";
import { daysOverdue, due, setToday, status } from "../../src/functions/functions";

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
