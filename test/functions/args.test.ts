/**
 * Argument coercion at the edges Excel produces: serials around the 1900 quirk,
 * numbers typed as text, error values in their several shapes, ragged ranges,
 * and timescale cells with bullets.
 */
import {
  asPlanValues,
  errorText,
  isOmitted,
  readAsOf,
  readDueSoonDays,
  readStatusWord,
} from "../../src/functions/args";
import { PlanProblem } from "../../src/functions/errors";
import { timescaleLines } from "../../src/functions/lines";

const today = () => "2030-01-01";
const problem = (fn: () => unknown): PlanProblem => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PlanProblem) return error;
    throw error;
  }
  throw new Error("expected a problem");
};

describe("readAsOf", () => {
  it("reads serials on both sides of Excel's 29 February 1900, and refuses serial 60", () => {
    expect(readAsOf(59, today)).toBe("1900-02-28");
    expect(readAsOf(61, today)).toBe("1900-03-01");
    expect(problem(() => readAsOf(60, today)).message).toContain("not a date Excel knows");
    expect(problem(() => readAsOf(-5, today)).code).toBe("invalidValue");
  });

  it("reads date texts in UK order and refuses a month or a range", () => {
    expect(readAsOf("05/09/2012", today)).toBe("2012-09-05");
    expect(readAsOf(" 2006-12-28 ", today)).toBe("2006-12-28");
    expect(problem(() => readAsOf("June 2006", today)).message).toContain("not a single day");
    expect(problem(() => readAsOf("31/02/2006", today)).code).toBe("invalidValue");
  });

  it("uses today for an omitted argument or an empty cell", () => {
    for (const omitted of [null, undefined, "", "  "])
      expect(readAsOf(omitted, today)).toBe("2030-01-01");
  });
});

describe("readDueSoonDays and readStatusWord", () => {
  it("accepts a whole number of days, also typed as text", () => {
    expect(readDueSoonDays(null)).toBe(30);
    expect(readDueSoonDays(14)).toBe(14);
    expect(readDueSoonDays(" 7 ")).toBe(7);
    expect(problem(() => readDueSoonDays(true)).message).toContain("whole number of days");
  });

  it("reads status words however they are written", () => {
    expect(readStatusWord("Due Soon")).toBe("due_soon");
    expect(readStatusWord("not_yet_due")).toBe("not_yet_due");
    expect(readStatusWord("ON-HOLD")).toBe("on_hold");
    expect(readStatusWord(undefined)).toBeNull();
    expect(problem(() => readStatusWord(3)).message).toContain("the number 3 is not a status");
  });
});

describe("errorText and asPlanValues", () => {
  it("recognises errors from the runtime, Excel's error type, a formula engine and Office.js text", () => {
    expect(errorText({ code: "#REF!" })).toBe("#REF!");
    expect(errorText({ type: "Error", basicValue: "#DIV/0!" })).toBe("#DIV/0!");
    expect(errorText({ value: "#N/A" })).toBe("#N/A");
    expect(errorText("#name?")).toBe("#NAME?");
    expect(errorText("#1 priority")).toBeNull();
    expect(errorText("June 2006")).toBeNull();
    expect(errorText(38898)).toBeNull();
  });

  it('pads ragged rows, turns empties into "" and errors into their text', () => {
    expect(
      asPlanValues([
        ["Action", "Timescale", "Lead"],
        ["Do it", { code: "#REF!" }],
        [null, undefined, true],
      ])
    ).toEqual([
      ["Action", "Timescale", "Lead"],
      ["Do it", "#REF!", ""],
      ["", "", true],
    ]);
    expect(isOmitted([[""]])).toBe(false);
  });
});

describe("timescaleLines", () => {
  it("splits one timescale per line and drops bullets, but keeps a lone dash", () => {
    expect(timescaleLines("• June 2006\r\n- September 2006\n\n 1. March 2007")).toEqual([
      "June 2006",
      "September 2006",
      "March 2007",
    ]);
    expect(timescaleLines("-")).toEqual(["-"]);
    expect(timescaleLines("  ")).toEqual([""]);
    expect(timescaleLines(38898)).toEqual([38898]);
    expect(timescaleLines("2006/07")).toEqual(["2006/07"]);
  });
});
