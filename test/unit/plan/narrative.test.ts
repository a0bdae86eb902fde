import { formatCount, formatShare, narrative, progressSentence } from "../../../src/plan/narrative";
import {
  STATUS_ORDER,
  type GroupCounts,
  type ReportRecord,
  type Status,
  type StatusCounts,
  type Summary,
  type SummaryItem,
  type TimescaleKind,
} from "../../../src/plan/types";

// ---- Factories: a summary's figures written by hand, so each sentence is checked against known counts. ----

type Core = Omit<Summary, "narrative" | "progress">;

function counts(partial: Partial<StatusCounts> = {}): StatusCounts {
  const all = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;
  return { ...all, ...partial };
}

function core(partial: Partial<Core> & { counts: StatusCounts }): Core {
  const total = STATUS_ORDER.reduce((sum, s) => sum + partial.counts[s], 0);
  return {
    planName: "Improvement Plan",
    source: "'Improvement Plan'!A1:G19",
    asAt: "2006-12-28",
    builtAt: "2006-12-28T10:15:00Z",
    dueSoonDays: 30,
    nextCommittee: null,
    total,
    recommendations: 1,
    shares: counts(),
    byArea: [],
    byLead: [],
    overdue: [],
    dueSoon: [],
    noDate: [],
    onHold: [],
    slipped: [],
    previous: null,
    ...partial,
  };
}

let nextIndex = 0;
function item(
  partial: Partial<SummaryItem> & { due: string; daysOverdue: number | null }
): SummaryItem {
  const index = nextIndex++;
  return {
    index,
    key: "1",
    recommendation: "A recommendation",
    action: `Action ${index}`,
    timescale: "June 2006",
    kind: "month" as TimescaleKind,
    status: "overdue" as Status,
    lead: "Head of Justice Services",
    area: "Area",
    latestComment: "",
    source: { sheet: "Plan", row: 2, column: 5, address: "E2" },
    timescaleSource: { sheet: "Plan", row: 2, column: 6, address: "F2" },
    ...partial,
  };
}

function late(days: number, due: string, partial: Partial<SummaryItem> = {}): SummaryItem {
  return item({ ...partial, due, daysOverdue: days });
}

function area(name: string, partial: Partial<StatusCounts>): GroupCounts {
  const c = counts(partial);
  return { name, total: STATUS_ORDER.reduce((sum, s) => sum + c[s], 0), counts: c };
}

function record(asAt: string, partial: Partial<StatusCounts>, total?: number): ReportRecord {
  const c = counts(partial);
  return {
    asAt,
    builtAt: `${asAt}T09:00:00Z`,
    total: total ?? STATUS_ORDER.reduce((s, k) => s + c[k], 0),
    counts: c,
  };
}

describe("formatShare: whole percentages that read sensibly", () => {
  test.each([
    [20, 38, "53%"],
    [13, 38, "34%"],
    [2, 38, "5%"],
    [3, 38, "8%"],
    [1, 8, "13%"], // 12.5% rounds half up
    [3, 8, "38%"], // 37.5%
    [1, 200, "1%"], // 0.5%
    [1, 201, "less than 1%"], // 0.498%: not "0%" for an action that exists
    [0, 10, "0%"],
    [199, 200, "more than 99%"], // 99.5% would round to 100%, but one is not
    [10, 10, "100%"],
    [1, 3, "33%"],
    [2, 3, "67%"],
    [0, 0, "0%"],
  ])("%i of %i is %s", (n, total, expected) => {
    expect(formatShare(n, total)).toBe(expected);
  });
});

test("formatCount separates thousands", () => {
  expect([0, 7, 999, 1000, 38000, 100000, 1234567].map(formatCount)).toEqual([
    "0",
    "7",
    "999",
    "1,000",
    "38,000",
    "100,000",
    "1,234,567",
  ]);
});

describe("narrative: the headline sentence", () => {
  test("an empty plan says it has no actions and nothing else", () => {
    expect(narrative(core({ counts: counts() }))).toBe(
      "As at 28 December 2006, the plan has no actions."
    );
  });

  test("lists only the statuses that have actions, in the usual order, with their shares", () => {
    const text = narrative(core({ counts: counts({ ongoing: 3, overdue: 4, not_yet_due: 1 }) }));
    expect(text.split(". ")[0]).toBe(
      "As at 28 December 2006, the plan has 8 actions: 4 (50%) are overdue, 1 (13%) is not yet due and 3 (38%) are ongoing"
    );
    expect(text).not.toMatch(/due soon|due within|on hold|withdrawn|no firm date|0 \(/);
  });

  test("two categories join with 'and', singular and plural each right", () => {
    const text = narrative(core({ counts: counts({ due_soon: 1, complete: 2 }), dueSoon: [] }));
    expect(text).toBe(
      "As at 28 December 2006, the plan has 3 actions: 1 (33%) is due within the next 30 days and 2 (67%) are complete."
    );
  });

  test("every status has its own words", () => {
    const text = narrative(
      core({
        counts: counts({
          due_soon: 2,
          not_yet_due: 2,
          ongoing: 2,
          on_hold: 1,
          no_date: 1,
          complete: 1,
          withdrawn: 1,
        }),
      })
    );
    expect(text).toBe(
      "As at 28 December 2006, the plan has 10 actions: 2 (20%) are due within the next 30 days, 2 (20%) are not yet due, " +
        "2 (20%) are ongoing, 1 (10%) is on hold, 1 (10%) has no firm date or needs review, 1 (10%) is complete " +
        "and 1 (10%) has been withdrawn."
    );
    const plural = narrative(
      core({ counts: counts({ on_hold: 2, no_date: 2, withdrawn: 2, complete: 2 }) })
    );
    expect(plural).toBe(
      "As at 28 December 2006, the plan has 8 actions: 2 (25%) are on hold, 2 (25%) have no firm date or need review, " +
        "2 (25%) are complete and 2 (25%) have been withdrawn."
    );
  });

  test("a plan whose actions share one status says so in one clause", () => {
    expect(narrative(core({ counts: counts({ complete: 5 }) }))).toBe(
      "As at 28 December 2006, all 5 actions in the plan are complete."
    );
    expect(narrative(core({ counts: counts({ ongoing: 12 }) }))).toBe(
      "As at 28 December 2006, all 12 actions in the plan are ongoing. No action has been reported complete."
    );
    expect(narrative(core({ counts: counts({ withdrawn: 1 }) }))).toBe(
      "As at 28 December 2006, the plan has 1 action, which has been withdrawn. No action has been reported complete."
    );
  });

  test("the due-soon window reads as days, or as the next committee when one is set", () => {
    const c = counts({ due_soon: 2, not_yet_due: 1 });
    const first = (s: Core): string => narrative(s).split(" and ")[0];
    expect(first(core({ counts: c }))).toContain("2 (67%) are due within the next 30 days");
    expect(first(core({ counts: c, dueSoonDays: 7 }))).toContain("are due within the next 7 days");
    expect(first(core({ counts: c, dueSoonDays: 1 }))).toContain("are due within the next day");
    expect(first(core({ counts: c, dueSoonDays: 0 }))).toContain("are due on 28 December 2006");
    expect(first(core({ counts: c, nextCommittee: "2007-03-14" }))).toContain(
      "2 (67%) are due by the next committee on 14 March 2007"
    );
    expect(
      narrative(core({ counts: counts({ due_soon: 1, overdue: 1 }), nextCommittee: "2007-03-14" }))
    ).toContain("1 (50%) is due by the next committee on 14 March 2007");
  });

  test("large plans get thousands separators and shares that never read 0% or 100% wrongly", () => {
    const text = narrative(core({ counts: counts({ not_yet_due: 99_999, on_hold: 1 }) }));
    expect(text).toBe(
      "As at 28 December 2006, the plan has 100,000 actions: 99,999 (more than 99%) are not yet due " +
        "and 1 (less than 1%) is on hold. No action has been reported complete."
    );
  });
});

describe("narrative: completion", () => {
  test("says when nothing is complete, and stays quiet when something is", () => {
    expect(narrative(core({ counts: counts({ not_yet_due: 2, ongoing: 1 }) }))).toContain(
      "No action has been reported complete."
    );
    expect(narrative(core({ counts: counts({ not_yet_due: 2, complete: 1 }) }))).not.toContain(
      "No action"
    );
  });
});

describe("narrative: the longest overdue", () => {
  test("one action longest overdue is quoted with its recommendation, month and days", () => {
    const list = [
      late(242, "2006-04-30", {
        key: "12",
        action: "Joint Planning Forum is now replaced by Community Justice Authority",
      }),
      late(181, "2006-06-30"),
    ];
    const text = narrative(core({ counts: counts({ overdue: 2, ongoing: 1 }), overdue: list }));
    expect(text).toContain(
      "The longest overdue is “Joint Planning Forum is now replaced by Community Justice Authority” under recommendation 12, " +
        "due April 2006 (242 days overdue)."
    );
  });

  test("a single overdue action is 'the overdue action', and one day is 'day'", () => {
    const text = narrative(
      core({
        counts: counts({ overdue: 1, due_soon: 1 }),
        overdue: [late(1, "2006-12-27", { kind: "date", key: "3", action: "Report to board" })],
      })
    );
    expect(text).toBe(
      "As at 28 December 2006, the plan has 2 actions: 1 (50%) is overdue and 1 (50%) is due within the next 30 days. " +
        "No action has been reported complete. " +
        "The overdue action is “Report to board” under recommendation 3, due 27 December 2006 (1 day overdue)."
    );
  });

  test("a named day reads in full even when it is a month end; a quarter ending mid-month reads as a day", () => {
    const dated = narrative(
      core({
        counts: counts({ overdue: 1 }),
        overdue: [late(88, "2006-09-30", { kind: "date", key: "" })],
      })
    );
    expect(dated).toContain("due 30 September 2006 (88 days overdue)");
    const midMonth = narrative(
      core({
        counts: counts({ overdue: 1 }),
        overdue: [late(13, "2006-12-15", { kind: "multiple" })],
      })
    );
    expect(midMonth).toContain("due 15 December 2006 (13 days overdue)");
    const quarter = narrative(
      core({
        counts: counts({ overdue: 1 }),
        overdue: [late(89, "2006-09-30", { kind: "quarter" })],
      })
    );
    expect(quarter).toContain("due September 2006 (89 days overdue)");
  });

  test("without a key the action stands alone; with a key but no recommendation it is a reference", () => {
    const noKey = narrative(
      core({
        counts: counts({ overdue: 1 }),
        overdue: [late(5, "2006-12-23", { kind: "date", key: "", action: "Fix the roof" })],
      })
    );
    expect(noKey).toContain("The overdue action is “Fix the roof”, due 23 December 2006");
    const noRec = narrative(
      core({
        counts: counts({ overdue: 1 }),
        overdue: [
          late(5, "2006-12-23", {
            kind: "date",
            key: "A7",
            recommendation: " ",
            action: "Fix the roof",
          }),
        ],
      })
    );
    expect(noRec).toContain("The overdue action is “Fix the roof” (ref. A7), due 23 December 2006");
  });

  test("a long action is cut at a word with an ellipsis; white space inside is tidied", () => {
    const long =
      "Review the service infrastructure for delivering structured interventions so that offenders can better access the right resource at the right time";
    const text = narrative(
      core({
        counts: counts({ overdue: 1 }),
        overdue: [late(5, "2006-11-30", { action: long, key: "5" })],
      })
    );
    expect(text).toContain(
      "“Review the service infrastructure for delivering structured interventions so that…” under recommendation 5"
    );
    const wrapped = narrative(
      core({
        counts: counts({ overdue: 1 }),
        overdue: [late(5, "2006-11-30", { action: "Review\n  SER   formats", key: "1" })],
      })
    );
    expect(wrapped).toContain("“Review SER formats”");
  });

  test("several sharing the longest wait are counted, not one picked at random", () => {
    const list = [
      late(181, "2006-06-30"),
      late(181, "2006-06-30"),
      late(181, "2006-06-30"),
      late(89, "2006-09-30"),
    ];
    const text = narrative(core({ counts: counts({ overdue: 4 }), overdue: list }));
    expect(text).toContain("The longest overdue are 3 actions due June 2006 (181 days overdue).");
  });

  test("when every overdue action shares the longest wait, it says all of them", () => {
    const list = [late(89, "2006-09-30"), late(89, "2006-09-30")];
    const text = narrative(core({ counts: counts({ overdue: 2, complete: 1 }), overdue: list }));
    expect(text).toBe(
      "As at 28 December 2006, the plan has 3 actions: 2 (67%) are overdue and 1 (33%) is complete. " +
        "All 2 overdue actions were due September 2006 (89 days overdue)."
    );
  });
});

describe("narrative: where the overdue actions sit", () => {
  const overdueList = (n: number): SummaryItem[] =>
    Array.from({ length: n }, (_, i) => late(100 - i, "2006-09-19", { kind: "date" }));
  const sentenceAbout = (byArea: GroupCounts[], overdue: number): string => {
    const text = narrative(
      core({ counts: counts({ overdue, ongoing: 1 }), overdue: overdueList(overdue), byArea })
    );
    const sentences = text.split(/(?<=\.) /);
    return sentences.length > 3 ? sentences.slice(3).join(" ") : "";
  };

  test("a true majority in one area is 'most of'", () => {
    expect(
      sentenceAbout(
        [
          area("3. Supervision", { overdue: 3, ongoing: 1 }),
          area("5. Community Service", { overdue: 2 }),
        ],
        5
      )
    ).toBe("Most of the overdue actions fall under 3. Supervision (3 of 5).");
  });

  test("all in one area of several", () => {
    expect(sentenceAbout([area("A", { overdue: 4 }), area("B", { ongoing: 1 })], 4)).toBe(
      "All the overdue actions fall under A."
    );
  });

  test("the largest share short of a majority is 'the area with the most'", () => {
    expect(
      sentenceAbout(
        [
          area("A", { overdue: 2 }),
          area("B", { overdue: 1, ongoing: 1 }),
          area("C", { overdue: 1 }),
        ],
        4
      )
    ).toBe("The area with the most overdue actions is A (2).");
  });

  test("tied areas are named together", () => {
    expect(
      sentenceAbout(
        [
          area("A", { overdue: 1 }),
          area("B", { overdue: 2 }),
          area("C", { overdue: 2, ongoing: 1 }),
        ],
        5
      )
    ).toBe("Two areas share the most overdue actions (2 each): B, and C.");
    expect(
      sentenceAbout(
        [
          area("Housing and Repairs", { overdue: 2 }),
          area("Audit", { overdue: 1 }),
          area("Care and Support", { overdue: 2 }),
          area("Finance", { overdue: 2, ongoing: 1 }),
        ],
        7
      )
    ).toBe(
      "Three areas share the most overdue actions (2 each): Housing and Repairs, Care and Support, and Finance."
    );
  });

  test("an even spread is said to be even", () => {
    expect(
      sentenceAbout(
        [area("A", { overdue: 2 }), area("B", { overdue: 2, ongoing: 1 }), area("C", {})],
        4
      )
    ).toBe("The overdue actions are spread evenly across 2 areas (2 each).");
  });

  test("more than three tied leaders, or a blank area among them, or one area only: nothing said", () => {
    const many = ["A", "B", "C", "D"].map((n) => area(n, { overdue: 2 }));
    expect(sentenceAbout([...many, area("E", { overdue: 1, ongoing: 1 })], 9)).toBe("");
    expect(
      sentenceAbout([area("(none)", { overdue: 3 }), area("B", { overdue: 1, ongoing: 1 })], 4)
    ).toBe("");
    expect(sentenceAbout([area("Only area", { overdue: 4, ongoing: 1 })], 4)).toBe("");
  });
});

describe("narrative: slipped timescales", () => {
  test("singular and plural", () => {
    const one = narrative(
      core({
        counts: counts({ not_yet_due: 2, complete: 1 }),
        slipped: [item({ due: "2007-03-31", daysOverdue: null })],
      })
    );
    expect(one).toBe(
      "As at 28 December 2006, the plan has 3 actions: 2 (67%) are not yet due and 1 (33%) is complete. " +
        "1 action has had its timescale revised to a later date."
    );
    const two = narrative(
      core({
        counts: counts({ not_yet_due: 2, complete: 1 }),
        slipped: [
          item({ due: "2007-03-31", daysOverdue: null }),
          item({ due: "2007-06-30", daysOverdue: null }),
        ],
      })
    );
    expect(two).toContain("2 actions have had their timescales revised to a later date.");
  });
});

describe("progressSentence", () => {
  const june = (p: Partial<StatusCounts>, total?: number): ReportRecord =>
    record("2006-12-28", p, total);
  const later = (p: Partial<StatusCounts>, total?: number): ReportRecord =>
    record("2007-06-28", p, total);

  test("down, with completions since", () => {
    expect(
      progressSentence(
        june({ overdue: 20, due_soon: 13, not_yet_due: 2, ongoing: 3 }),
        later({ overdue: 12, due_soon: 9, not_yet_due: 9, ongoing: 3, complete: 5 })
      )
    ).toBe(
      "Overdue actions are down from 20 to 12 since the report as at 28 December 2006; 5 actions have been completed."
    );
  });

  test("up, unchanged, and down to none", () => {
    expect(progressSentence(june({ overdue: 2, not_yet_due: 5 }), later({ overdue: 7 }))).toBe(
      "Overdue actions are up from 2 to 7 since the report as at 28 December 2006."
    );
    expect(
      progressSentence(june({ overdue: 4, not_yet_due: 3 }), later({ overdue: 4, due_soon: 3 }))
    ).toBe("Overdue actions are unchanged at 4 since the report as at 28 December 2006.");
    expect(
      progressSentence(june({ overdue: 4, not_yet_due: 3 }), later({ not_yet_due: 3, complete: 4 }))
    ).toBe(
      "Overdue actions are down from 4 to none since the report as at 28 December 2006; 4 actions have been completed."
    );
    expect(progressSentence(june({ not_yet_due: 3 }), later({ due_soon: 3 }))).toBe(
      "As in the report as at 28 December 2006, no action is overdue."
    );
  });

  test("completions counted as 'more' when some were complete before; fewer complete is reported too", () => {
    expect(
      progressSentence(june({ overdue: 1, complete: 2 }), later({ overdue: 0, complete: 3 }))
    ).toBe(
      "Overdue actions are down from 1 to none since the report as at 28 December 2006; 1 more action has been completed."
    );
    expect(
      progressSentence(
        june({ overdue: 1, complete: 2, ongoing: 4 }),
        later({ overdue: 1, complete: 6 })
      )
    ).toBe(
      "Overdue actions are unchanged at 1 since the report as at 28 December 2006; 4 more actions have been completed."
    );
    expect(
      progressSentence(june({ overdue: 1, complete: 3 }), later({ overdue: 2, complete: 2 }))
    ).toBe(
      "Overdue actions are up from 1 to 2 since the report as at 28 December 2006; actions recorded as complete are down from 3 to 2."
    );
  });

  test("no-date changes and a change in the plan's size are noted, joined in one list", () => {
    expect(
      progressSentence(
        june({ overdue: 3, no_date: 2 }),
        later({ overdue: 2, no_date: 0, complete: 3 })
      )
    ).toBe(
      "Overdue actions are down from 3 to 2 since the report as at 28 December 2006; 3 actions have been completed " +
        "and every action now has a firm date."
    );
    expect(
      progressSentence(
        june({ overdue: 3, no_date: 1 }),
        later({ overdue: 3, no_date: 4, complete: 1 })
      )
    ).toBe(
      "Overdue actions are unchanged at 3 since the report as at 28 December 2006; 1 action has been completed, " +
        "actions with no firm date are up from 1 to 4 and the plan now has 8 actions, up from 4."
    );
    expect(
      progressSentence(june({ overdue: 3, ongoing: 2 }), later({ overdue: 3, ongoing: 1 }))
    ).toBe(
      "Overdue actions are unchanged at 3 since the report as at 28 December 2006; the plan now has 4 actions, down from 5."
    );
  });

  test("an older record without every status still compares on what it has", () => {
    const old = {
      asAt: "2006-12-28",
      builtAt: "x",
      total: 4,
      counts: { overdue: 4 } as unknown as StatusCounts,
    };
    expect(progressSentence(old, later({ overdue: 1, complete: 3 }))).toBe(
      "Overdue actions are down from 4 to 1 since the report as at 28 December 2006; 3 actions have been completed."
    );
  });

  test("null when nothing is comparable", () => {
    // The same date (a rebuild) or a later one is not an earlier report.
    expect(progressSentence(later({ overdue: 2 }), later({ overdue: 1 }))).toBeNull();
    expect(progressSentence(later({ overdue: 2 }), june({ overdue: 1 }))).toBeNull();
    // An unreadable record.
    expect(
      progressSentence({ ...june({ overdue: 2 }), asAt: "28/12/2006" }, later({ overdue: 1 }))
    ).toBeNull();
    expect(
      progressSentence(
        { asAt: "2006-12-28", builtAt: "", total: 3 } as unknown as ReportRecord,
        later({ overdue: 1 })
      )
    ).toBeNull();
    // Two empty plans.
    expect(progressSentence(june({}), later({}))).toBeNull();
  });
});

describe("narrative: house style", () => {
  test("no exclamation marks, no American spellings, and every sentence ends with a full stop", () => {
    const texts = [
      narrative(core({ counts: counts() })),
      narrative(
        core({
          counts: counts({ overdue: 3, due_soon: 2, on_hold: 1, no_date: 1, withdrawn: 1 }),
          overdue: [
            late(40, "2006-11-18", { kind: "date" }),
            late(10, "2006-12-18", { kind: "date" }),
            late(2, "2006-12-26", { kind: "date" }),
          ],
          byArea: [
            area("A", { overdue: 2, due_soon: 2 }),
            area("B", { overdue: 1, on_hold: 1, no_date: 1, withdrawn: 1 }),
          ],
          slipped: [item({ due: "2007-03-31", daysOverdue: null })],
        })
      ),
      progressSentence(june({ overdue: 2 }), later({ overdue: 1, complete: 1 })) as string,
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/!|\b(?:organiz|prioritiz|summariz|color|center)\w*/i);
      expect(text).toMatch(/\.$/);
      expect(text).not.toMatch(/\s{2}|\.\./);
    }
    function june(p: Partial<StatusCounts>): ReportRecord {
      return record("2006-12-28", p);
    }
    function later(p: Partial<StatusCounts>): ReportRecord {
      return record("2007-06-28", p);
    }
  });
});
