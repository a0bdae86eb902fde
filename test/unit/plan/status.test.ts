/** Status as at a date (spec section 4), one rule per case, on timescales parsed by the real parser. */
import { readStatusCell } from "../../../src/plan/status-words";
import {
  countStatuses,
  emptyCounts,
  judgeAction,
  judgePlan,
  judgeTimescale,
} from "../../../src/plan/status";
import { parseTimescale } from "../../../src/plan/timescale";
import { readPlan } from "../../../src/plan/table";
import { addDays, toExcelSerial } from "../../../src/plan/calendar";
import { STATUS_ORDER } from "../../../src/plan/types";
import type { Action, CellValue, Plan, StatusSettings } from "../../../src/plan/types";

const AS_AT = "2024-06-10";
const settings: StatusSettings = { asAt: AS_AT, dueSoonDays: 30, nextCommittee: null };
const judge = (
  text: CellValue,
  status: CellValue = "",
  s: StatusSettings = settings,
  review?: string
) => judgeTimescale(parseTimescale(text), status, s, review);

describe("readStatusCell", () => {
  it.each([
    "Complete",
    "COMPLETED",
    "Completed March 2006",
    "Done",
    "Achieved",
    "Closed",
    "Implemented",
    "Fully implemented",
    "Blue",
    "Blue - complete",
    "Complete (Blue)",
    "100%",
    "100 % complete",
    "Status: Complete",
  ])("reads %j as complete", (v) => {
    expect(readStatusCell(v)).toBe("complete");
  });

  it("reads the number 1 (100% in a % column) as complete", () => {
    expect(readStatusCell(1)).toBe("complete");
    expect(readStatusCell(100)).toBe("complete");
  });

  it.each([
    "Superseded",
    "Withdrawn",
    "No longer required",
    "Closed - superseded by action 4.2",
    "withdrawn by committee",
  ])("reads %j as withdrawn", (v) => {
    expect(readStatusCell(v)).toBe("withdrawn");
  });

  it.each([
    "Deferred",
    "On hold",
    "On-hold",
    "Paused",
    "Deferred to 2025/26",
    "Action paused pending review",
  ])("reads %j as on hold", (v) => {
    expect(readStatusCell(v)).toBe("on_hold");
  });

  it.each<CellValue>([
    "Red",
    "Amber",
    "Green",
    "G",
    "On track",
    "In progress",
    "50%",
    "99.5%",
    "0%",
    0.5,
    0,
    2,
    "Not complete",
    "Incomplete",
    "Partially implemented",
    "Not yet implemented",
    "Completed by June 2016",
    "Complete by March",
    "",
    "   ",
    null,
    undefined,
    true,
    "#N/A",
  ])("leaves %j to the timescale (informative only)", (v) => {
    expect(readStatusCell(v)).toBeNull();
  });
});

describe("judgeTimescale: complete and withdrawn (4.1)", () => {
  it("is complete when the status cell says so, even past the due date", () => {
    expect(judge("March 2024", "Completed")).toEqual({
      status: "complete",
      daysOverdue: null,
      due: "2024-03-31",
    });
    expect(judge("March 2024", "100%").status).toBe("complete");
    expect(judge("March 2024", 1).status).toBe("complete");
    expect(judge("March 2024", "Blue").status).toBe("complete");
  });

  it("is complete when the timescale is of kind complete", () => {
    expect(judge("Complete").status).toBe("complete");
    expect(judge("Completed March 2006").status).toBe("complete");
  });

  it("is withdrawn when the status cell says so, never overdue", () => {
    expect(judge("March 2024", "Superseded")).toEqual({
      status: "withdrawn",
      daysOverdue: null,
      due: "2024-03-31",
    });
    expect(judge("March 2024", "No longer required").status).toBe("withdrawn");
  });

  it("is withdrawn when the timescale cell itself says so", () => {
    expect(judge("Superseded").status).toBe("withdrawn");
    expect(judge("Withdrawn").status).toBe("withdrawn");
  });

  it("takes RAG colours and part percentages as information only", () => {
    expect(judge("March 2024", "Green")).toEqual({
      status: "overdue",
      daysOverdue: 71,
      due: "2024-03-31",
    });
    expect(judge("March 2024", "Red").status).toBe("overdue");
    expect(judge("March 2024", "75%").status).toBe("overdue");
    expect(judge("December 2024", "Amber").status).toBe("not_yet_due");
  });
});

describe("judgeTimescale: ongoing and on hold (4.3)", () => {
  it("is ongoing for ongoing timescales, with no due date", () => {
    expect(judge("Ongoing")).toEqual({ status: "ongoing", daysOverdue: null, due: null });
  });

  it("is ongoing for recurring timescales and gives the next occurrence", () => {
    const r = judge("30 September (annually)");
    expect(r.status).toBe("ongoing");
    expect(r.nextOccurrence).toBe("2024-09-30");
    expect(r.due).toBe("2024-09-30");
    expect(r.daysOverdue).toBeNull();
    const may = judge("May annually");
    expect(may.status).toBe("ongoing");
    expect(may.nextOccurrence).toBe("2025-05-31");
  });

  it("judges milestone_then_ongoing by its milestone until the milestone passes, then ongoing", () => {
    expect(judge("June 2024/ongoing", "", { ...settings, asAt: "2024-05-15" }).status).toBe(
      "not_yet_due"
    );
    expect(judge("June 2024/ongoing", "", { ...settings, asAt: "2024-06-10" }).status).toBe(
      "due_soon"
    );
    // On the milestone's own date it is still due (due soon), not yet ongoing.
    expect(judge("June 2024/ongoing", "", { ...settings, asAt: "2024-06-30" }).status).toBe(
      "due_soon"
    );
    expect(judge("June 2024/ongoing", "", { ...settings, asAt: "2024-07-01" })).toEqual({
      status: "ongoing",
      daysOverdue: null,
      due: "2024-06-30",
    });
  });

  it("is ongoing for ongoing_until up to and on its end date, and overdue after it", () => {
    expect(judge("Ongoing until March 2024", "", { ...settings, asAt: "2023-01-01" }).status).toBe(
      "ongoing"
    );
    expect(judge("Ongoing until March 2024", "", { ...settings, asAt: "2024-03-31" }).status).toBe(
      "ongoing"
    );
    expect(judge("Ongoing until March 2024", "", { ...settings, asAt: "2024-04-10" })).toEqual({
      status: "overdue",
      daysOverdue: 10,
      due: "2024-03-31",
    });
  });

  it("is on hold for an on-hold timescale or status cell, never overdue", () => {
    expect(judge("Deferred").status).toBe("on_hold");
    expect(judge("On hold")).toEqual({ status: "on_hold", daysOverdue: null, due: null });
    expect(judge("January 2024", "Paused")).toEqual({
      status: "on_hold",
      daysOverdue: null,
      due: "2024-01-31",
    });
  });
});

describe("judgeTimescale: no date (4.4)", () => {
  it.each([
    ["Within 6 months", "relative"],
    ["TBC", "tbc"],
    ["", "tbc"],
    ["June", "needs_year"],
    ["Dependent on funding", "unclear"],
  ])("has no date for %j (%s), with the timescale's reason", (text, kind) => {
    const ts = parseTimescale(text);
    expect(ts.kind).toBe(kind);
    const r = judgeTimescale(ts, "", settings);
    expect(r).toEqual({ status: "no_date", daysOverdue: null, due: null, reason: ts.reason });
    expect(typeof r.reason).toBe("string");
    expect(r.reason!.length).toBeGreaterThan(0);
  });

  it("has no date when the action needs review, whatever its timescale says", () => {
    const reason = "E12 lists 3 actions but F12 lists 2 timescales.";
    expect(judge("March 2024", "", settings, reason)).toEqual({
      status: "no_date",
      daysOverdue: null,
      due: null,
      reason,
    });
  });

  it("still shows a review-flagged action as complete when its status cell says so", () => {
    expect(judge("March 2024", "Complete", settings, "odd row").status).toBe("complete");
  });
});

describe("judgeTimescale: overdue, due soon, not yet due (4.5-4.7)", () => {
  it("is overdue when due before the as-at date, counting the days", () => {
    expect(judge("31/05/2024")).toEqual({ status: "overdue", daysOverdue: 10, due: "2024-05-31" });
    expect(judge("June 2006", "", { ...settings, asAt: "2006-12-28" })).toEqual({
      status: "overdue",
      daysOverdue: 181,
      due: "2006-06-30",
    });
  });

  it("counts whole days across the clocks changing", () => {
    expect(judge("30/03/2024", "", { ...settings, asAt: "2024-04-02" }).daysOverdue).toBe(3);
    expect(judge("26/10/2024", "", { ...settings, asAt: "2024-10-28" }).daysOverdue).toBe(2);
  });

  it("is due soon, not overdue, on the as-at date itself", () => {
    expect(judge("10/06/2024")).toEqual({
      status: "due_soon",
      daysOverdue: null,
      due: "2024-06-10",
    });
    expect(judge("09/06/2024").status).toBe("overdue");
  });

  it("is due soon up to and including the last day of the window, then not yet due", () => {
    const last = addDays(AS_AT, 30);
    expect(judgeTimescale(parseTimescale(toExcelSerial(last)), "", settings).status).toBe(
      "due_soon"
    );
    expect(
      judgeTimescale(parseTimescale(toExcelSerial(addDays(last, 1))), "", settings).status
    ).toBe("not_yet_due");
    expect(judge("11/07/2024", "", { ...settings, dueSoonDays: 0 }).status).toBe("not_yet_due");
    expect(judge("10/06/2024", "", { ...settings, dueSoonDays: 0 }).status).toBe("due_soon");
  });

  it("uses the next committee date as the window when one is set", () => {
    const s = { ...settings, nextCommittee: "2024-09-15" };
    expect(judge("September 2024", "", s).status).toBe("not_yet_due");
    expect(judge("15/09/2024", "", s).status).toBe("due_soon");
    expect(judge("August 2024", "", s).status).toBe("due_soon");
    // A committee date already past still leaves the as-at date itself due soon.
    expect(judge("10/06/2024", "", { ...settings, nextCommittee: "2024-06-01" }).status).toBe(
      "due_soon"
    );
    expect(judge("11/06/2024", "", { ...settings, nextCommittee: "2024-06-01" }).status).toBe(
      "not_yet_due"
    );
  });

  it("judges a multiple timescale by its latest date and a range by its end", () => {
    expect(judge("June 2024 and September 2024").due).toBe("2024-09-30");
    expect(judge("April 2024 - June 2024").status).toBe("due_soon");
  });
});

function readOk(values: CellValue[][]): Plan {
  const r = readPlan(values, { sheet: "Plan" });
  if (!r.ok) throw new Error(r.problem.message);
  return r.plan;
}

describe("judgeAction and judgePlan", () => {
  const plan = readOk([
    ["Ref", "Action", "Timescale", "Revised Date", "Status"],
    ["1", "Slipped", "March 2024", "September 2024", ""],
    ["2", "Brought forward", "December 2024", "May 2024", ""],
    ["3", "Not revised", "May 2024", "", "Amber"],
    ["4", "Done", "May 2024", "", "Complete"],
    ["5", "• Paired badly\n• Twice\n• Thrice", "May 2024\nJune 2024", "", ""],
  ]);
  const statuses = judgePlan(plan, settings);

  it("judges the revised timescale and marks a later revised date as slipped", () => {
    expect(statuses[0]).toEqual({
      index: 0,
      status: "not_yet_due",
      daysOverdue: null,
      due: "2024-09-30",
      slipped: true,
    });
    expect(statuses[1]).toEqual({
      index: 1,
      status: "overdue",
      daysOverdue: 10,
      due: "2024-05-31",
      slipped: false,
    });
    expect(statuses[2]).toEqual({
      index: 2,
      status: "overdue",
      daysOverdue: 10,
      due: "2024-05-31",
    });
    expect(statuses[3]!.status).toBe("complete");
  });

  it("gives needs-review actions no date with the reader's reason", () => {
    for (const s of statuses.slice(4)) {
      expect(s.status).toBe("no_date");
      expect(s.reason).toBe(plan.actions[s.index]!.needsReview);
      expect(s.reason).toMatch(/^B6 lists 3 actions but C6 lists 2 timescales/);
    }
  });

  it("judges one action on its own the same as in the plan", () => {
    plan.actions.forEach((a: Action, i) => expect(judgeAction(a, settings)).toEqual(statuses[i]));
  });

  it("counts every status, zero included, in STATUS_ORDER's keys", () => {
    const counts = countStatuses(statuses);
    expect(Object.keys(counts).sort()).toEqual([...STATUS_ORDER].sort());
    expect(counts).toEqual({
      overdue: 2,
      due_soon: 0,
      not_yet_due: 1,
      ongoing: 0,
      on_hold: 0,
      no_date: 3,
      complete: 1,
      withdrawn: 0,
    });
    expect(emptyCounts()).toEqual({
      overdue: 0,
      due_soon: 0,
      not_yet_due: 0,
      ongoing: 0,
      on_hold: 0,
      no_date: 0,
      complete: 0,
      withdrawn: 0,
    });
    // A fresh object each time: counting into one cannot change another.
    expect(emptyCounts()).not.toBe(emptyCounts());
  });
});
