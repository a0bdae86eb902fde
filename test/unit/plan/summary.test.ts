import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import {
  latestComment,
  sortByNumber,
  summarise,
  type SummaryOptions,
} from "../../../src/plan/summary";
import { readPlan } from "../../../src/plan/table";
import { judgePlan } from "../../../src/plan/status";
import { narrative, progressSentence } from "../../../src/plan/narrative";
import {
  STATUS_ORDER,
  type Action,
  type ActionStatus,
  type CellValue,
  type Plan,
  type Recommendation,
  type Status,
  type Timescale,
  type TimescaleKind,
} from "../../../src/plan/types";

// ---- Small factories: a plan and its statuses built by hand, one field at a time. ----

function ts(text: string, kind: TimescaleKind = "month", due: string | null = null): Timescale {
  return { text, kind, due, milestones: due ? [due] : [] };
}

type ActionSpec = Partial<Omit<Action, "index" | "source" | "timescaleSource">>;

function makePlan(specs: ActionSpec[], recommendations?: Recommendation[]): Plan {
  const actions: Action[] = specs.map((spec, index) => ({
    index,
    key: String(index + 1),
    position: 1,
    recommendation: `Recommendation ${index + 1}`,
    action: `Action ${index + 1}`,
    timescale: ts("June 2006", "month", "2006-06-30"),
    area: "Area A",
    lead: "Lead A",
    comments: "",
    statusText: "",
    ...spec,
    source: { sheet: "Plan", row: index + 2, column: 5, address: `E${index + 2}` },
    timescaleSource: { sheet: "Plan", row: index + 2, column: 6, address: `F${index + 2}` },
  }));
  return {
    sheet: "Plan",
    headerRow: 1,
    columns: { action: 5, timescale: 6 },
    headers: { action: "Action", timescale: "Timescale" },
    columnSources: { action: "header", timescale: "header" },
    headerCells: [],
    recommendations:
      recommendations ??
      actions.map((a) => ({
        key: a.key,
        text: a.recommendation,
        area: a.area,
        lead: a.lead,
        actions: [a.index],
        row: a.source.row,
      })),
    actions,
    skipped: [],
    notes: [],
  };
}

function st(index: number, status: Status, extra: Partial<ActionStatus> = {}): ActionStatus {
  return { index, status, daysOverdue: null, due: null, ...extra };
}

function overdue(index: number, days: number, due = "2006-06-30"): ActionStatus {
  return st(index, "overdue", { daysOverdue: days, due });
}

const OPTIONS: SummaryOptions = {
  asAt: "2006-12-28",
  builtAt: "2006-12-28T10:15:00Z",
  dueSoonDays: 30,
  planName: "Improvement Plan",
  source: "'Improvement Plan'!A1:G19",
};

function zeroCounts(): Record<Status, number> {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
}

describe("summarise: headline figures", () => {
  test("an empty plan has zero counts and zero shares, not NaN, and says it has no actions", () => {
    const summary = summarise(makePlan([]), [], OPTIONS);
    expect(summary.total).toBe(0);
    expect(summary.recommendations).toBe(0);
    expect(summary.counts).toEqual(zeroCounts());
    expect(summary.shares).toEqual(zeroCounts());
    expect(summary.byArea).toEqual([]);
    expect(summary.byLead).toEqual([]);
    expect([
      summary.overdue,
      summary.dueSoon,
      summary.noDate,
      summary.onHold,
      summary.slipped,
    ]).toEqual([[], [], [], [], []]);
    expect(summary.narrative).toBe("As at 28 December 2006, the plan has no actions.");
    expect(summary.progress).toBeNull();
  });

  test("counts every one of the eight statuses and gives each share of the whole", () => {
    const statuses: Status[] = [
      "overdue",
      "overdue",
      "due_soon",
      "not_yet_due",
      "ongoing",
      "on_hold",
      "no_date",
      "complete",
      "complete",
      "complete",
      "withdrawn",
    ];
    const plan = makePlan(statuses.map(() => ({})));
    const summary = summarise(
      plan,
      statuses.map((s, i) =>
        s === "overdue" ? overdue(i, 10) : st(i, s, s === "due_soon" ? { due: "2007-01-05" } : {})
      ),
      OPTIONS
    );
    expect(summary.total).toBe(11);
    expect(summary.counts).toEqual({
      overdue: 2,
      due_soon: 1,
      not_yet_due: 1,
      ongoing: 1,
      on_hold: 1,
      no_date: 1,
      complete: 3,
      withdrawn: 1,
    });
    expect(summary.shares.complete).toBeCloseTo(3 / 11, 12);
    expect(summary.shares.overdue).toBeCloseTo(2 / 11, 12);
    expect(STATUS_ORDER.reduce((sum, s) => sum + summary.shares[s], 0)).toBeCloseTo(1, 12);
  });

  test("passes the caller's settings through and counts recommendations, not actions", () => {
    const plan = makePlan(
      [{ key: "1" }, { key: "1" }, { key: "2" }],
      [
        { key: "1", text: "R1", area: "", lead: "", actions: [0, 1], row: 2 },
        { key: "2", text: "R2", area: "", lead: "", actions: [2], row: 3 },
      ]
    );
    const summary = summarise(plan, [st(0, "ongoing"), st(1, "ongoing"), st(2, "ongoing")], {
      ...OPTIONS,
      nextCommittee: "2007-03-14",
    });
    expect(summary).toMatchObject({
      planName: "Improvement Plan",
      source: "'Improvement Plan'!A1:G19",
      asAt: "2006-12-28",
      builtAt: "2006-12-28T10:15:00Z",
      dueSoonDays: 30,
      nextCommittee: "2007-03-14",
      total: 3,
      recommendations: 2,
      previous: null,
      progress: null,
    });
    expect(
      summarise(plan, [st(0, "ongoing"), st(1, "ongoing"), st(2, "ongoing")], OPTIONS).nextCommittee
    ).toBeNull();
  });
});

describe("summarise: by area and by lead", () => {
  test("groups in the order first seen in the plan, with per-status counts", () => {
    const plan = makePlan([
      { area: "3. Supervision", lead: "Head of Justice Services" },
      { area: "2. Social Enquiry", lead: "Service Manager" },
      { area: "3. Supervision", lead: "Head of Justice Services" },
      { area: "1. Assessment", lead: "Service Manager" },
    ]);
    const summary = summarise(
      plan,
      [overdue(0, 5), st(1, "due_soon", { due: "2007-01-02" }), st(2, "complete"), overdue(3, 1)],
      OPTIONS
    );
    expect(summary.byArea.map((g) => [g.name, g.total])).toEqual([
      ["3. Supervision", 2],
      ["2. Social Enquiry", 1],
      ["1. Assessment", 1],
    ]);
    expect(summary.byArea[0].counts).toEqual({ ...zeroCounts(), overdue: 1, complete: 1 });
    expect(summary.byLead.map((g) => [g.name, g.total, g.counts.overdue])).toEqual([
      ["Head of Justice Services", 2, 1],
      ["Service Manager", 2, 1],
    ]);
  });

  test('an empty or blank cell groups as "(none)", and a wrapped name groups with its one-line twin', () => {
    const plan = makePlan([
      { area: "", lead: "Head of\nJustice  Services" },
      { area: "Area B", lead: "Head of Justice Services " },
      { area: "  \n ", lead: "" },
    ]);
    const summary = summarise(
      plan,
      [st(0, "ongoing"), st(1, "ongoing"), st(2, "no_date")],
      OPTIONS
    );
    expect(summary.byArea.map((g) => [g.name, g.total])).toEqual([
      ["(none)", 2],
      ["Area B", 1],
    ]);
    expect(summary.byArea[0].counts.no_date).toBe(1);
    expect(summary.byLead.map((g) => [g.name, g.total])).toEqual([
      ["Head of Justice Services", 2],
      ["(none)", 1],
    ]);
  });
});

describe("summarise: the lists", () => {
  test("overdue: most overdue first, ties in plan order", () => {
    const plan = makePlan([{}, {}, {}, {}, {}, {}]);
    const summary = summarise(
      plan,
      [
        overdue(0, 89, "2006-09-30"),
        overdue(1, 181),
        st(2, "ongoing"),
        overdue(3, 242, "2006-04-30"),
        overdue(4, 181),
        overdue(5, 89, "2006-09-30"),
      ],
      OPTIONS
    );
    expect(summary.overdue.map((i) => [i.index, i.daysOverdue])).toEqual([
      [3, 242],
      [1, 181],
      [4, 181],
      [0, 89],
      [5, 89],
    ]);
  });

  test("due soon: soonest first, ties in plan order", () => {
    const plan = makePlan([{}, {}, {}, {}]);
    const summary = summarise(
      plan,
      [
        st(0, "due_soon", { due: "2006-12-31" }),
        st(1, "due_soon", { due: "2006-12-28" }),
        st(2, "due_soon", { due: "2007-01-15" }),
        st(3, "due_soon", { due: "2006-12-31" }),
      ],
      OPTIONS
    );
    expect(summary.dueSoon.map((i) => [i.index, i.due])).toEqual([
      [1, "2006-12-28"],
      [0, "2006-12-31"],
      [3, "2006-12-31"],
      [2, "2007-01-15"],
    ]);
  });

  test("no date: plan order, each with a reason from the status, the review note or the timescale", () => {
    const plan = makePlan([
      {
        timescale: { ...ts("Within 6 months", "relative"), reason: "A time from an unnamed start" },
      },
      { needsReview: "3 actions but 2 timescales" },
      {
        timescale: { ...ts("Dependent on funding", "unclear"), reason: "No date in the timescale" },
      },
      { timescale: ts("TBC", "tbc") },
    ]);
    const summary = summarise(
      plan,
      [
        st(0, "no_date"),
        st(1, "no_date"),
        st(2, "no_date", { reason: "Not a date: Dependent on funding" }),
        st(3, "no_date"),
      ],
      OPTIONS
    );
    expect(summary.noDate.map((i) => [i.index, i.reason])).toEqual([
      [0, "A time from an unnamed start"],
      [1, "3 actions but 2 timescales"],
      [2, "Not a date: Dependent on funding"],
      [3, "No due date could be read from the timescale."],
    ]);
  });

  test("on hold in plan order; complete, ongoing and not-yet-due actions are in no list", () => {
    const plan = makePlan([{}, {}, {}, {}, {}]);
    const summary = summarise(
      plan,
      [
        st(0, "on_hold"),
        st(1, "complete"),
        st(2, "ongoing"),
        st(3, "on_hold"),
        st(4, "not_yet_due", { due: "2007-06-30" }),
      ],
      OPTIONS
    );
    expect(summary.onHold.map((i) => i.index)).toEqual([0, 3]);
    expect(summary.onHold.every((i) => i.reason === undefined)).toBe(true);
    expect([summary.overdue, summary.dueSoon, summary.noDate, summary.slipped]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  test("slipped: flagged by the status, or worked out from the two timescales when the status does not say", () => {
    const plan = makePlan([
      {
        timescale: ts("March 2007", "month", "2007-03-31"),
        originalTimescale: ts("December 2006", "month", "2006-12-31"),
      },
      {
        timescale: ts("June 2006", "month", "2006-06-30"),
        originalTimescale: ts("September 2006", "month", "2006-09-30"),
      },
      {
        timescale: ts("September 2007", "month", "2007-09-30"),
        originalTimescale: ts("June 2007", "month", "2007-06-30"),
      },
      { timescale: ts("March 2007", "month", "2007-03-31") },
      { timescale: ts("TBC", "tbc"), originalTimescale: ts("June 2006", "month", "2006-06-30") },
    ]);
    const summary = summarise(
      plan,
      [
        st(0, "not_yet_due", { due: "2007-03-31" }),
        overdue(1, 181),
        st(2, "not_yet_due", { due: "2007-09-30", slipped: true }),
        st(3, "not_yet_due", { due: "2007-03-31", slipped: false }),
        st(4, "no_date"),
      ],
      OPTIONS
    );
    expect(summary.slipped.map((i) => [i.index, i.timescale, i.originalTimescale])).toEqual([
      [0, "March 2007", "December 2006"],
      [2, "September 2007", "June 2007"],
    ]);
    // A revised timescale that brought the date forward is shown with its original but has not slipped.
    expect(summary.overdue[0].originalTimescale).toBe("September 2006");
  });

  test("an item carries what the summary sheet shows and links back to its cells", () => {
    const plan = makePlan([
      {
        key: "12",
        recommendation: "Ensure that the joint planning forum plays a more pro-active part",
        action: "Joint Planning Forum is now replaced by Community Justice Authority",
        timescale: ts("April 2006", "month", "2006-04-30"),
        area: "6. Organisation and Management",
        lead: "Head of Justice Services",
        comments: "Joint Planning Forum meetings scheduled for 2006\r\nCJA now in place\r\n\r\n",
      },
    ]);
    const [item] = summarise(plan, [overdue(0, 242, "2006-04-30")], OPTIONS).overdue;
    expect(item).toEqual({
      index: 0,
      key: "12",
      recommendation: "Ensure that the joint planning forum plays a more pro-active part",
      action: "Joint Planning Forum is now replaced by Community Justice Authority",
      timescale: "April 2006",
      kind: "month",
      due: "2006-04-30",
      daysOverdue: 242,
      status: "overdue",
      lead: "Head of Justice Services",
      area: "6. Organisation and Management",
      latestComment: "CJA now in place",
      source: { sheet: "Plan", row: 2, column: 5, address: "E2" },
      timescaleSource: { sheet: "Plan", row: 2, column: 6, address: "F2" },
    });
  });
});

describe("latestComment", () => {
  test.each([
    ["", ""],
    ["   ", ""],
    ["One update", "One update"],
    ["First\nSecond", "Second"],
    ["First\r\nSecond  \r\n\r\n  ", "Second"],
    ["First\rSecond", "Second"],
    ["  Only line, indented  \n\n", "Only line, indented"],
  ])("%j -> %j", (comments, expected) => {
    expect(latestComment(comments)).toBe(expected);
  });
});

describe("sortByNumber: the sort behind the overdue and due-soon lists", () => {
  const stable = <T>(items: T[], keyOf: (item: T) => number): T[] =>
    items
      .map((item, i) => ({ item, i, key: Number.isFinite(keyOf(item)) ? keyOf(item) : Infinity }))
      .sort((a, b) => (a.key === b.key ? a.i - b.i : a.key < b.key ? -1 : 1))
      .map((e) => e.item);

  test("agrees with a plain stable sort on any whole-number keys, ties in the order given", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5000, max: 5000 }), { maxLength: 300 }), (keys) => {
        const items = keys.map((key, id) => ({ key, id }));
        expect(sortByNumber(items, (x) => x.key)).toEqual(stable(items, (x) => x.key));
      })
    );
  });

  test("missing keys go last in the order given; fractional keys still sort correctly", () => {
    const items = [
      { id: "a", key: NaN },
      { id: "b", key: 3 },
      { id: "c", key: Infinity },
      { id: "d", key: -2 },
      { id: "e", key: 3 },
    ];
    expect(sortByNumber(items, (x) => x.key).map((x) => x.id)).toEqual(["d", "b", "e", "a", "c"]);
    const fractions = [{ key: 1.5 }, { key: 0.25 }, { key: 1.5 }, { key: -1 }];
    expect(sortByNumber(fractions, (x) => x.key)).toEqual(stable(fractions, (x) => x.key));
    expect(sortByNumber([], (x: number) => x)).toEqual([]);
  });

  test("due soon with an undated item puts it last rather than failing", () => {
    const plan = makePlan([{}, {}, {}]);
    const summary = summarise(
      plan,
      [
        st(0, "due_soon", { due: null }),
        st(1, "due_soon", { due: "2007-01-20" }),
        st(2, "due_soon", { due: "2006-12-30" }),
      ],
      OPTIONS
    );
    expect(summary.dueSoon.map((i) => i.index)).toEqual([2, 1, 0]);
  });
});

describe("summarise: statuses that do not match the plan", () => {
  const plan = makePlan([{}, {}, {}]);

  test("statuses given out of order are matched to their actions by index", () => {
    const summary = summarise(plan, [overdue(2, 5), st(0, "complete"), overdue(1, 9)], OPTIONS);
    expect(summary.overdue.map((i) => [i.index, i.action, i.daysOverdue])).toEqual([
      [1, "Action 2", 9],
      [2, "Action 3", 5],
    ]);
    expect(summary.byArea[0].counts.complete).toBe(1);
  });

  test("a missing, repeated or stray status is refused with a plain message", () => {
    expect(() => summarise(plan, [st(0, "complete"), st(1, "complete")], OPTIONS)).toThrow(
      "The summary needs one status for each of the plan's 3 actions, but was given 2."
    );
    expect(() =>
      summarise(plan, [st(0, "complete"), st(1, "complete"), st(1, "complete")], OPTIONS)
    ).toThrow("Action 1 was given two statuses.");
    expect(() =>
      summarise(plan, [st(0, "complete"), st(1, "complete"), st(7, "complete")], OPTIONS)
    ).toThrow("A status refers to action 7, which the plan does not have.");
    expect(() =>
      summarise(plan, [st(0, "complete"), st(1, "done" as Status), st(2, "complete")], OPTIONS)
    ).toThrow('Action 1 has the status "done", which is not one the summary knows.');
  });
});

describe("summarise: narrative and progress", () => {
  test("the narrative is the one narrative() gives for the same figures", () => {
    const plan = makePlan([{ area: "A" }, { area: "B" }, { area: "A" }]);
    const summary = summarise(
      plan,
      [overdue(0, 30, "2006-11-28"), st(1, "complete"), overdue(2, 3, "2006-12-25")],
      OPTIONS
    );
    const { narrative: text, progress, ...rest } = summary;
    expect(text).toBe(narrative(rest));
    expect(progress).toBeNull();
    expect(text).toContain("2 (67%) are overdue");
  });

  test("with a previous report, progress compares it with this one", () => {
    const plan = makePlan([{}, {}, {}]);
    const previous = {
      asAt: "2006-06-28",
      builtAt: "2006-06-28T09:00:00Z",
      total: 3,
      counts: { ...zeroCounts(), overdue: 1, not_yet_due: 2 },
    };
    const summary = summarise(plan, [overdue(0, 5), overdue(1, 5), st(2, "complete")], {
      ...OPTIONS,
      previous,
    });
    expect(summary.previous).toBe(previous);
    expect(summary.progress).toBe(
      "Overdue actions are up from 1 to 2 since the report as at 28 June 2006; 1 action has been completed."
    );
    expect(summary.progress).toBe(
      progressSentence(previous, {
        asAt: OPTIONS.asAt,
        builtAt: OPTIONS.builtAt,
        total: 3,
        counts: summary.counts,
      })
    );
  });
});

// ---- End to end: the seed plan (spec section 6), read and judged by the engine, then summarised. ----

describe("the seed plan's committee summary as at 28 December 2006", () => {
  const dir = join(__dirname, "..", "..", "fixtures", "seed-plan");
  const input = JSON.parse(readFileSync(join(dir, "plan-values.json"), "utf8")) as {
    sheet: string;
    values: CellValue[][];
  };
  const expected = JSON.parse(readFileSync(join(dir, "expected-2006-12-28.json"), "utf8")) as {
    asAt: string;
    dueSoonDays: number;
    counts: Record<string, number>;
    actions: {
      key: string;
      action: string;
      status: string;
      daysOverdue: number | null;
      area: string;
      due: string | null;
    }[];
  };

  function seedPlan(): Plan {
    const result = readPlan(input.values, { sheet: input.sheet });
    if (!result.ok) throw new Error(result.problem.message);
    return result.plan;
  }
  function seedSummary(
    asAt: string,
    extra: Partial<SummaryOptions> = {}
  ): ReturnType<typeof summarise> {
    const plan = seedPlan();
    const nextCommittee = extra.nextCommittee ?? null;
    const statuses = judgePlan(plan, { asAt, dueSoonDays: 30, nextCommittee });
    return summarise(plan, statuses, { ...OPTIONS, asAt, ...extra });
  }

  const summary = seedSummary(expected.asAt);

  test("headline counts: 38 actions under 12 recommendations; 20 overdue, 13 due soon, 2 not yet due, 3 ongoing", () => {
    expect(summary.total).toBe(38);
    expect(summary.recommendations).toBe(12);
    expect(summary.counts).toEqual({ ...zeroCounts(), ...expected.counts });
    expect(summary.counts).toMatchObject({
      overdue: 20,
      due_soon: 13,
      not_yet_due: 2,
      ongoing: 3,
      complete: 0,
      no_date: 0,
    });
    expect(summary.shares.overdue).toBeCloseTo(20 / 38, 12);
  });

  test("overdue: 20 items, most overdue first, ties in plan order", () => {
    expect(summary.overdue).toHaveLength(20);
    expect(summary.overdue.slice(0, 4).map((i) => [i.key, i.action, i.daysOverdue])).toEqual([
      ["12", "Joint Planning Forum is now replaced by Community Justice Authority", 242],
      ["1", "Review SER Sampling formats", 181],
      ["1", "Audit of standard of reports to be undertaken", 181],
      [
        "3",
        "Participate in quality improvement seminar in June 2006 to undertake case evaluation exercise",
        181,
      ],
    ]);
    expect(summary.overdue[0]).toMatchObject({
      timescale: "April 2006",
      due: "2006-04-30",
      area: "6. Organisation and Management",
      lead: "Head of Justice Services",
      latestComment: "Joint Planning Forum meetings scheduled for 2006",
    });
    // The whole list, derived independently from the expected fixture: a stable sort by days overdue.
    const fromFixture = expected.actions
      .filter((a) => a.status === "overdue")
      .map((a, order) => ({ ...a, order }))
      .sort((a, b) => (b.daysOverdue as number) - (a.daysOverdue as number) || a.order - b.order)
      .map((a) => [a.key, a.action, a.daysOverdue]);
    expect(summary.overdue.map((i) => [i.key, i.action, i.daysOverdue])).toEqual(fromFixture);
  });

  test("due soon: 13 items, all due 31 December 2006, so in plan order; nothing undated, on hold or slipped", () => {
    expect(summary.dueSoon).toHaveLength(13);
    expect(new Set(summary.dueSoon.map((i) => i.due))).toEqual(new Set(["2006-12-31"]));
    const indexes = summary.dueSoon.map((i) => i.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(summary.dueSoon.map((i) => i.action)).toEqual(
      expected.actions.filter((a) => a.status === "due_soon").map((a) => a.action)
    );
    expect([summary.noDate, summary.onHold, summary.slipped]).toEqual([[], [], []]);
  });

  test("by area in plan order with the overdue per area; one lead for all", () => {
    const areas: [string, number, number][] = [];
    for (const a of expected.actions) {
      let row = areas.find((r) => r[0] === a.area);
      if (!row) areas.push((row = [a.area, 0, 0]));
      row[1]++;
      if (a.status === "overdue") row[2]++;
    }
    expect(summary.byArea.map((g) => [g.name, g.total, g.counts.overdue])).toEqual(areas);
    expect(summary.byLead.map((g) => [g.name, g.total])).toEqual([
      ["Head of Justice Services", 38],
    ]);
  });

  test("the narrative, read as an officer would", () => {
    // 20/38 = 52.6% -> 53%; 13/38 = 34.2% -> 34%; 2/38 = 5.3% -> 5%; 3/38 = 7.9% -> 8%.
    // Nothing complete. Longest overdue: recommendation 12's first action, due April 2006,
    // 30 April to 28 December 2006 = 242 days. Overdue by area: Social Enquiry 5 (3 under
    // recommendation 1, 2 under 2) and Community Service 5 tie; the other four areas have 2 or 3.
    expect(summary.narrative).toBe(
      "As at 28 December 2006, the plan has 38 actions: 20 (53%) are overdue, 13 (34%) are due within the next 30 days, " +
        "2 (5%) are not yet due and 3 (8%) are ongoing. No action has been reported complete. " +
        "The longest overdue is “Joint Planning Forum is now replaced by Community Justice Authority” under recommendation 12, " +
        "due April 2006 (242 days overdue). " +
        "Two areas share the most overdue actions (5 each): 2. Social Enquiry and Home Background Reports, and 5. Community Service."
    );
    expect(summary.progress).toBeNull();
  });

  test("with the next committee on 14 March 2007 the window is the committee date; March 2007 actions stay not yet due", () => {
    const withCommittee = seedSummary(expected.asAt, { nextCommittee: "2007-03-14" });
    expect(withCommittee.counts).toMatchObject({ overdue: 20, due_soon: 13, not_yet_due: 2 });
    expect(withCommittee.narrative).toContain(
      "20 (53%) are overdue, 13 (34%) are due by the next committee on 14 March 2007, 2 (5%) are not yet due"
    );
  });

  test("progress since the committee of 28 June 2006, when only the April 2006 action was overdue", () => {
    const june = seedSummary("2006-06-28");
    expect(june.counts.overdue).toBe(1);
    const previous = {
      asAt: june.asAt,
      builtAt: "2006-06-28T09:00:00Z",
      total: june.total,
      counts: june.counts,
    };
    const december = seedSummary(expected.asAt, { previous });
    expect(december.progress).toBe(
      "Overdue actions are up from 1 to 20 since the report as at 28 June 2006."
    );
  });
});
