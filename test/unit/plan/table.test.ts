/** Reading plan tables (spec sections 1 and 2), one rule per case. */
import fc from "fast-check";
import { readPlan, columnLetters } from "../../../src/plan/table";
import type { CellValue, Plan, ReadResult, ValuesOrigin } from "../../../src/plan/types";

const HEAD = ["No.", "Recommendation", "Area", "Action Required", "Timescale", "Lead"];

function read(values: CellValue[][], origin: ValuesOrigin = { sheet: "Plan" }): Plan {
  const result = readPlan(values, origin);
  if (!result.ok) throw new Error(`expected a plan: ${result.problem.message}`);
  return result.plan;
}

/** A plan with the usual six columns and the given data rows. */
function plan(rows: CellValue[][], head: CellValue[] = HEAD): Plan {
  return read([head, ...rows]);
}

const texts = (p: Plan): string[] => p.actions.map((a) => a.action);
const times = (p: Plan): string[] => p.actions.map((a) => a.timescale.text);

describe("multi-line action cells", () => {
  it.each([
    ["•", "•"],
    ["Word's Symbol bullet \\uf0b7", "\uf0b7"],
    ["-", "-"],
    ["*", "*"],
    ["·", "·"],
    ["▪", "▪"],
    ["◦", "◦"],
    ["●", "●"],
    ["–", "–"],
  ])("splits on the bullet %s", (_name, bullet) => {
    const p = plan([
      ["1", "Rec", "", `${bullet} Review policy\n${bullet}Train staff`, "June 2024\nJuly 2024", ""],
    ]);
    expect(texts(p)).toEqual(["Review policy", "Train staff"]);
    expect(times(p)).toEqual(["June 2024", "July 2024"]);
    expect(p.actions.map((a) => a.position)).toEqual([1, 2]);
    expect(p.actions.every((a) => a.needsReview === undefined)).toBe(true);
  });

  it.each([
    ["1. 2.", "1. Review policy\n2. Train staff"],
    ["1) 2)", "1) Review policy\n2) Train staff"],
    ["a) b)", "a) Review policy\nb) Train staff"],
    ["(a) (b)", "(a) Review policy\n(b) Train staff"],
    ["i) ii)", "i) Review policy\nii) Train staff"],
    ["(i) (ii)", "(i) Review policy\n(ii) Train staff"],
    ["A. B.", "A. Review policy\nB. Train staff"],
  ])("splits on the numbering %s", (_name, cell) => {
    const p = plan([["1", "Rec", "", cell, "June 2024\nJuly 2024", ""]]);
    expect(texts(p)).toEqual(["Review policy", "Train staff"]);
  });

  it("splits on line breaks when there are no bullets (\\n, \\r\\n and Word's \\v)", () => {
    const p = plan([
      [
        "1",
        "Rec",
        "",
        "Review policy\r\nTrain staff\u000bAudit files\n\n",
        "June 2024\nJuly 2024\nAugust 2024",
        "",
      ],
    ]);
    expect(texts(p)).toEqual(["Review policy", "Train staff", "Audit files"]);
    expect(times(p)).toEqual(["June 2024", "July 2024", "August 2024"]);
  });

  it("joins a wrapped line without a bullet onto the bulleted action above", () => {
    const p = plan([
      [
        "1",
        "Rec",
        "",
        "• Review the service infrastructure for delivering\nstructured interventions\n• Train staff",
        "March 2007\nJune 2007",
        "",
      ],
    ]);
    expect(texts(p)).toEqual([
      "Review the service infrastructure for delivering structured interventions",
      "Train staff",
    ]);
    expect(times(p)).toEqual(["March 2007", "June 2007"]);
  });

  it("does not take decimals, dates or abbreviations at the start of a line for numbering", () => {
    const p = plan([
      [
        "1",
        "Rec",
        "",
        "1.5 million to be saved\n31.03.25 report to board\ne.g. review the rota",
        "June 2024",
        "",
      ],
    ]);
    expect(texts(p)).toEqual([
      "1.5 million to be saved",
      "31.03.25 report to board",
      "e.g. review the rota",
    ]);
  });

  it("treats a line of bullets alone as blank", () => {
    const p = plan([["1", "Rec", "", "•\n• A\n•\n• B\n•", "•\nJune 2024\nJuly 2024\n•", ""]]);
    expect(texts(p)).toEqual(["A", "B"]);
    expect(times(p)).toEqual(["June 2024", "July 2024"]);
    expect(plan([["1", "Rec", "", "•", "•", ""]]).actions).toEqual([]);
  });

  it("strips bullets from timescale lines too", () => {
    const p = plan([["1", "Rec", "", "• A\n• B", "• June 2024\n• July 2024", ""]]);
    expect(times(p)).toEqual(["June 2024", "July 2024"]);
    expect(p.actions[1]!.timescale.due).toBe("2024-07-31");
  });
});

describe("pairing actions with timescales", () => {
  it("pairs the n-th timescale with the n-th action", () => {
    const p = plan([
      ["1", "Rec", "", "• A\n• B\n• C", "June 2006\nSeptember 2006\nDecember 2006", ""],
    ]);
    expect(p.actions.map((a) => [a.action, a.timescale.due])).toEqual([
      ["A", "2006-06-30"],
      ["B", "2006-09-30"],
      ["C", "2006-12-31"],
    ]);
  });

  it("applies one timescale to every action of the cell", () => {
    const p = plan([["1", "Rec", "", "• A\n• B\n• C", "December 2006", ""]]);
    expect(times(p)).toEqual(["December 2006", "December 2006", "December 2006"]);
    expect(p.actions.every((a) => a.needsReview === undefined)).toBe(true);
    // Actions with the same text share one timescale, frozen so that changing one cannot change another.
    expect(Object.isFrozen(p.actions[0]!.timescale)).toBe(true);
    expect(Object.isFrozen(p.actions[0]!.timescale.milestones)).toBe(true);
  });

  it("reads several timescale lines of a single action as one timescale, due the latest (spec 2)", () => {
    const p = plan([
      ["1", "Rec", "", "Deliver the new system", "Phase 1: June 2022\nPhase 2: March 2023", ""],
      ["2", "Rec", "", "Audit reports", "June 2006\nSeptember 2006", ""],
    ]);
    expect(p.actions).toHaveLength(2);
    for (const a of p.actions) expect(a.needsReview).toBeUndefined();
    expect(p.actions[0]!.timescale).toMatchObject({
      kind: "multiple",
      due: "2023-03-31",
      milestones: ["2022-06-30", "2023-03-31"],
    });
    expect(p.actions[1]!.timescale).toMatchObject({ kind: "multiple", due: "2006-09-30" });
    // Milestones are not a revision: nothing slipped.
    expect(p.actions[1]!.originalTimescale).toBeUndefined();
  });

  it("keeps the earlier of an original and a revised date as the original, so the slip shows", () => {
    const p = plan([
      ["1", "Rec", "", "Present the report", "13.09.2023\n08.11.2023", ""],
      ["2", "Rec", "", "Close the action", "13.09.2023 08.11.2023", ""],
    ]);
    for (const a of p.actions) {
      expect(a.needsReview).toBeUndefined();
      expect(a.timescale).toMatchObject({ kind: "date", due: "2023-11-08", text: "08.11.2023" });
      expect(a.originalTimescale).toMatchObject({ kind: "date", due: "2023-09-13" });
    }
  });

  it("flags every action when there are fewer timescales than actions, naming the cells", () => {
    const p = plan([
      ["0", "Rec", "", "• Fine", "June 2024", ""],
      ["1", "Rec", "", "• A\n• B\n• C", "June 2024\nJuly 2024", ""],
    ]);
    const flagged = p.actions.slice(1);
    expect(times(p).slice(1)).toEqual(["June 2024", "July 2024", ""]);
    expect(flagged[2]!.timescale.kind).toBe("tbc");
    for (const a of flagged) {
      expect(a.needsReview).toBe(
        "D3 lists 3 actions but E3 lists 2 timescales, so I paired them in order as far as they go. 1 action has no timescale."
      );
    }
    expect(p.actions[0]!.needsReview).toBeUndefined();
  });

  it("flags every action when there are more timescales than actions, naming the extra ones", () => {
    const p = plan([
      ["1", "Rec", "", "• A\n• B", "June 2024\nJuly 2024\nAugust 2024\nMay 2025", ""],
    ]);
    expect(times(p)).toEqual(["June 2024", "July 2024"]);
    for (const a of p.actions) {
      expect(a.needsReview).toBe(
        'D2 lists 2 actions but E2 lists 4 timescales, so I paired them in order as far as they go. Not paired with any action: "August 2024", "May 2025".'
      );
    }
  });

  it("keeps an interior blank timescale line when that makes the counts match", () => {
    const p = plan([["1", "Rec", "", "• A\n• B\n• C", "June 2024\n\nAugust 2024", ""]]);
    expect(times(p)).toEqual(["June 2024", "", "August 2024"]);
    expect(p.actions[1]!.timescale.kind).toBe("tbc");
    expect(p.actions.every((a) => a.needsReview === undefined)).toBe(true);
  });

  it("ignores a blank timescale line when the counts match without it", () => {
    const p = plan([["1", "Rec", "", "• A\n• B", "June 2024\n\nAugust 2024", ""]]);
    expect(times(p)).toEqual(["June 2024", "August 2024"]);
    expect(p.actions.every((a) => a.needsReview === undefined)).toBe(true);
  });

  it("gives actions with an empty timescale cell no date, without flagging them", () => {
    const p = plan([["1", "Rec", "", "• A\n• B", "", ""]]);
    expect(p.actions.map((a) => a.timescale.kind)).toEqual(["tbc", "tbc"]);
    expect(p.actions.every((a) => a.needsReview === undefined)).toBe(true);
  });

  it('keeps a timescale without action text as an action "" for review', () => {
    const p = plan([["1", "Rec", "", "", "June 2024", ""]]);
    expect(p.actions).toHaveLength(1);
    expect(p.actions[0]!.action).toBe("");
    expect(p.actions[0]!.timescale.due).toBe("2024-06-30");
    expect(p.actions[0]!.needsReview).toBe("E2 has a timescale but D2 has no action.");
  });
});

describe("continuation rows (a page break in the source)", () => {
  const rows: CellValue[][] = [
    [
      "7",
      "Throughcare procedures should be",
      "3. Supervision",
      "• Review procedures\n• Sample case records",
      "September 2006\nDecember 2006",
      "Head of Service",
    ],
    [
      "",
      "further developed.",
      "",
      "• Consider guidance\n• Roll out briefing",
      "December 2006\nMarch 2007",
      "",
    ],
    ["8", "Next", "4. Risk", "• Other", "June 2007", "Manager"],
  ];

  it("adds the actions of an empty-key row to the recommendation above and appends its text", () => {
    const p = plan(rows);
    expect(p.recommendations).toHaveLength(2);
    const rec = p.recommendations[0]!;
    expect(rec.key).toBe("7");
    expect(rec.text).toBe("Throughcare procedures should be further developed.");
    expect(rec.row).toBe(2);
    expect(rec.actions).toEqual([0, 1, 2, 3]);
    expect(p.actions.slice(0, 4).map((a) => [a.key, a.position, a.recommendation])).toEqual([
      ["7", 1, rec.text],
      ["7", 2, rec.text],
      ["7", 3, rec.text],
      ["7", 4, rec.text],
    ]);
  });

  it("inherits area and lead from the recommendation when the continuation row leaves them empty", () => {
    const p = plan(rows);
    expect(p.actions[2]!.area).toBe("3. Supervision");
    expect(p.actions[2]!.lead).toBe("Head of Service");
    expect(p.actions[4]!.area).toBe("4. Risk");
  });

  it("points each action at its own row's cells", () => {
    const p = plan(rows);
    expect(p.actions.map((a) => `${a.source.address}/${a.timescaleSource.address}`)).toEqual([
      "D2/E2",
      "D2/E2",
      "D3/E3",
      "D3/E3",
      "D4/E4",
    ]);
  });

  it("continues across a repeated header row and a blank row", () => {
    const p = plan([rows[0]!, HEAD, ["", "", "", "", "", ""], rows[1]!]);
    expect(p.recommendations).toHaveLength(1);
    expect(p.recommendations[0]!.actions).toHaveLength(4);
    expect(p.skipped).toEqual([
      { row: 3, reason: "repeated_header" },
      { row: 4, reason: "blank" },
    ]);
  });

  it('completes the last action above with an unbulleted fragment that has no timescale (the seed\'s "procedures")', () => {
    const p = plan([
      [
        "3",
        "Rec",
        "",
        "• Participate in seminar\n• Brief all employees of revised case recording",
        "June 2006\nJune 2006 and September 2006",
        "",
      ],
      HEAD,
      ["", "", "", "procedures", "", ""],
    ]);
    expect(texts(p)).toEqual([
      "Participate in seminar",
      "Brief all employees of revised case recording procedures",
    ]);
    expect(p.actions[1]!.source.address).toBe("D2");
    // The fragment's row was used, so it is neither an action nor a skipped row.
    expect(p.skipped).toEqual([{ row: 3, reason: "repeated_header" }]);
  });

  it("completes the last action above with unbulleted text above the first bullet of a continuation row", () => {
    const p = plan([
      ["3", "Rec", "", "• Brief all employees of revised", "June 2006", ""],
      ["", "", "", "case recording procedures\n• Audit the files", "September 2006", ""],
    ]);
    expect(texts(p)).toEqual([
      "Brief all employees of revised case recording procedures",
      "Audit the files",
    ]);
    expect(times(p)).toEqual(["June 2006", "September 2006"]);
  });

  it("keeps unbulleted text above the bullets as an action when it has a timescale of its own", () => {
    const p = plan([
      ["3", "Rec", "", "• Brief staff", "June 2006", ""],
      ["", "", "", "Write the policy\n• Audit the files", "August 2006\nSeptember 2006", ""],
    ]);
    expect(texts(p)).toEqual(["Brief staff", "Write the policy", "Audit the files"]);
    expect(times(p)).toEqual(["June 2006", "August 2006", "September 2006"]);
  });

  it("does not join a fragment onto a row that is not a continuation", () => {
    const p = plan([
      ["3", "Rec", "", "Brief staff", "June 2006", ""],
      ["4", "Next", "", "procedures", "", ""],
    ]);
    expect(texts(p)).toEqual(["Brief staff", "procedures"]);
  });

  it("lets rows repeating the same key share one recommendation", () => {
    const p = plan([
      ["1", "Improve reports", "", "Review formats", "June 2024", ""],
      ["1", "Improve reports", "", "Train staff", "July 2024", ""],
      ["2", "Other", "", "Audit", "May 2024", ""],
    ]);
    expect(p.recommendations.map((r) => [r.key, r.text, r.actions])).toEqual([
      ["1", "Improve reports", [0, 1]],
      ["2", "Other", [2]],
    ]);
    expect(p.actions[1]!.position).toBe(2);
  });
});

describe("one row per action", () => {
  it("treats every row as standing alone when there is no key column", () => {
    const p = read([
      ["Action", "Due Date", "Owner"],
      ["Review formats", "June 2024", "Ann"],
      ["Train staff", "July 2024", ""],
    ]);
    expect(p.recommendations).toHaveLength(2);
    expect(p.actions.map((a) => [a.key, a.position, a.lead])).toEqual([
      ["", 1, "Ann"],
      ["", 1, ""],
    ]);
  });

  it("treats every row as standing alone when every key cell is empty", () => {
    const p = read([
      ["Ref", "Action", "Due Date", "Owner"],
      ["", "Review formats", "June 2024", "Ann"],
      ["", "Train staff", "July 2024", ""],
    ]);
    expect(p.recommendations).toHaveLength(2);
    expect(p.actions[1]!.lead).toBe("");
    expect(p.actions.map((a) => a.position)).toEqual([1, 1]);
  });

  it("treats empty-key rows above the first keyed row as standing alone", () => {
    const p = plan([
      ["", "Loose", "", "A", "June 2024", ""],
      ["1", "Keyed", "", "B", "June 2024", ""],
    ]);
    expect(p.recommendations.map((r) => r.key)).toEqual(["", "1"]);
  });
});

describe("rows that are not actions", () => {
  it("skips and records repeated header rows, even reworded", () => {
    const p = plan([
      ["1", "Rec", "", "A", "June 2024", ""],
      ["Ref", "Recommendations", "Theme", "ACTIONS", "Target date", "Lead officer"],
    ]);
    expect(p.actions).toHaveLength(1);
    expect(p.skipped).toEqual([{ row: 3, reason: "repeated_header" }]);
  });

  it("skips and records blank rows, including short and null rows", () => {
    const p = plan([
      ["", "", ""],
      [],
      null as unknown as CellValue[],
      ["1", "Rec", "", "A", "June 2024", ""],
      ["  ", null, undefined],
    ]);
    expect(p.actions).toHaveLength(1);
    expect(p.skipped).toEqual([
      { row: 2, reason: "blank" },
      { row: 3, reason: "blank" },
      { row: 4, reason: "blank" },
      { row: 6, reason: "blank" },
    ]);
  });

  it("records a one-cell section heading and uses it as the area when the plan has no area column", () => {
    const p = read([
      ["No.", "Action", "Timescale"],
      ["Theme 1: Governance", "", ""],
      ["1", "A", "June 2024"],
      ["", "", ""],
      ["Theme 2: Leadership"],
      ["2", "B", "July 2024"],
    ]);
    expect(p.actions.map((a) => a.area)).toEqual(["Theme 1: Governance", "Theme 2: Leadership"]);
    expect(p.skipped.filter((s) => s.reason === "section_heading")).toEqual([
      { row: 2, reason: "section_heading", text: "Theme 1: Governance" },
      { row: 5, reason: "section_heading", text: "Theme 2: Leadership" },
    ]);
  });

  it("records a section heading but keeps the row's own area where the plan has an area column", () => {
    const p = plan([
      ["Theme 2: Leadership"],
      ["1", "Rec", "", "A", "June 2024", ""],
      ["2", "Rec", "Finance", "B", "June 2024", ""],
    ]);
    expect(p.actions.map((a) => a.area)).toEqual(["", "Finance"]);
    expect(p.skipped).toEqual([{ row: 2, reason: "section_heading", text: "Theme 2: Leadership" }]);
  });

  it("carries on the recommendation's text when a page break left only text in the Recommendation column", () => {
    const p = plan([
      [
        "10",
        "Standards to be improved. Where problems are identified there should be clear",
        "",
        "• A",
        "June 2024",
        "",
      ],
      ["", "strategies for actively managing them.", "", "", "", ""],
      ["", "", "", "• B", "July 2024", ""],
    ]);
    expect(p.recommendations).toHaveLength(1);
    expect(p.recommendations[0]!.text).toBe(
      "Standards to be improved. Where problems are identified there should be clear strategies for actively managing them."
    );
    expect(p.recommendations[0]!.actions).toEqual([0, 1]);
    expect(p.skipped).toEqual([]);
  });

  it("takes lone capitalised text after a finished recommendation as a section heading", () => {
    const p = plan([
      ["1", "Improve reports.", "", "• A", "June 2024", ""],
      ["", "Leadership and Governance", "", "", "", ""],
      ["2", "Next", "", "• B", "July 2024", ""],
    ]);
    expect(p.recommendations[0]!.text).toBe("Improve reports.");
    expect(p.skipped).toEqual([
      { row: 3, reason: "section_heading", text: "Leadership and Governance" },
    ]);
  });

  it("does not continue a recommendation across a section heading", () => {
    const p = plan([
      ["1", "Rec", "", "A", "June 2024", ""],
      ["Theme 2"],
      ["", "Loose", "", "B", "June 2024", ""],
    ]);
    expect(p.recommendations.map((r) => [r.key, r.text])).toEqual([
      ["1", "Rec"],
      ["", "Loose"],
    ]);
  });

  it("records a row with neither action nor timescale as no_action, keeping a keyed recommendation", () => {
    const p = read([
      ["No.", "Recommendation", "Action", "Timescale", "Comments"],
      ["1", "Rec without actions yet", "", "", ""],
      ["", "", "", "", "a stray note"],
    ]);
    expect(p.actions).toHaveLength(0);
    expect(p.recommendations.map((r) => [r.key, r.actions])).toEqual([["1", []]]);
    expect(p.skipped).toEqual([
      { row: 2, reason: "no_action" },
      { row: 3, reason: "no_action" },
    ]);
  });
});

describe("other columns", () => {
  const head = [
    "Ref",
    "Action",
    "Timescale",
    "Revised Timescale",
    "Status",
    "Progress Update",
    "Lead Officer",
    "Theme",
  ];

  it("replaces the timescale with a revised one and keeps the original", () => {
    const p = read([
      head,
      ["1", "• A\n• B", "June 2024\nJuly 2024", "\nDecember 2024", "", "", "", ""],
    ]);
    const [a, b] = p.actions;
    expect(a!.timescale.text).toBe("June 2024");
    expect(a!.originalTimescale).toBeUndefined();
    expect(a!.timescaleSource.address).toBe("C2");
    expect(b!.timescale.text).toBe("December 2024");
    expect(b!.timescale.due).toBe("2024-12-31");
    expect(b!.originalTimescale!.text).toBe("July 2024");
    expect(b!.timescaleSource.address).toBe("D2");
  });

  it("applies one revised timescale to all and reads a revised date serial", () => {
    const p = read([head, ["1", "• A\n• B", "June 2024", 45657, "", "", "", ""]]);
    expect(
      p.actions.map((a) => [a.timescale.kind, a.timescale.due, a.originalTimescale?.text])
    ).toEqual([
      ["date", "2024-12-31", "June 2024"],
      ["date", "2024-12-31", "June 2024"],
    ]);
  });

  it("flags a revised timescale cell that cannot be paired", () => {
    const p = read([
      head,
      ["1", "• A\n• B\n• C", "June 2024", "July 2024\nAugust 2024", "", "", "", ""],
    ]);
    expect(p.actions[0]!.needsReview).toBe(
      "B2 lists 3 actions but D2 lists 2 revised timescales, so I paired them in order as far as they go. 1 action has no revised timescale."
    );
  });

  it("pairs status lines like timescales, one line applying to all", () => {
    const p1 = read([head, ["1", "• A\n• B", "June 2024", "", "Complete\nAmber", "", "", ""]]);
    expect(p1.actions.map((a) => a.statusText)).toEqual(["Complete", "Amber"]);
    const p2 = read([head, ["1", "• A\n• B", "June 2024", "", "Green", "", "", ""]]);
    expect(p2.actions.map((a) => a.statusText)).toEqual(["Green", "Green"]);
  });

  it("notes a status cell that cannot be paired, without flagging the actions", () => {
    const p = read([head, ["1", "• A\n• B\n• C", "June 2024", "", "Complete\nAmber", "", "", ""]]);
    expect(p.actions.map((a) => a.statusText)).toEqual(["Complete", "Amber", ""]);
    expect(p.actions.every((a) => a.needsReview === undefined)).toBe(true);
    expect(p.notes).toEqual([
      "B2 lists 3 actions but E2 lists 2 statuses, so I paired them in order as far as they go. 1 action has no status.",
    ]);
  });

  it("shows a number in the status column as the percentage Excel shows", () => {
    const p = read([
      head,
      ["1", "A", "June 2024", "", 1, "", "", ""],
      ["2", "B", "June 2024", "", 0.5, "", "", ""],
    ]);
    expect(p.actions.map((a) => a.statusText)).toEqual(["100%", "50%"]);
  });

  it("gives every action of a row the row's comments, lead and area", () => {
    const p = read([
      head,
      [
        "1",
        "• A\n• B",
        "June 2024",
        "",
        "",
        "Met in May.\nPolicy drafted.",
        "J. Smith",
        "Governance",
      ],
    ]);
    for (const a of p.actions) {
      expect([a.comments, a.lead, a.area]).toEqual([
        "Met in May.\nPolicy drafted.",
        "J. Smith",
        "Governance",
      ]);
    }
  });
});

describe("awkward cells", () => {
  it("reads a date serial in the timescale column as that date", () => {
    const p = plan([["1", "Rec", "", "• A\n• B", 45473, ""]]);
    expect(p.actions.map((a) => [a.timescale.kind, a.timescale.due, a.timescale.text])).toEqual([
      ["date", "2024-06-30", "2024-06-30"],
      ["date", "2024-06-30", "2024-06-30"],
    ]);
  });

  it("writes numeric keys without a decimal point", () => {
    const p = plan([
      [1, "Rec", "", "A", "June 2024", ""],
      [2.3, "Rec", "", "B", "June 2024", ""],
      [1.1 + 2.2, "Rec", "", "C", "June 2024", ""],
    ]);
    expect(p.actions.map((a) => a.key)).toEqual(["1", "2.3", "3.3"]);
  });

  it("keeps a number where text was expected as its text", () => {
    const p = plan([["1", 42, "", 2024, "June 2024", true]]);
    expect(p.actions[0]!.action).toBe("2024");
    expect(p.actions[0]!.recommendation).toBe("42");
    expect(p.actions[0]!.lead).toBe("TRUE");
  });

  it("flags an error in the action cell, naming the cell", () => {
    const p = plan([["1", "Rec", "", "#REF!", "June 2024", ""]]);
    expect(p.actions).toHaveLength(1);
    expect(p.actions[0]!.action).toBe("");
    expect(p.actions[0]!.needsReview).toBe("D2 shows the error #REF! instead of an action.");
  });

  it("flags an error in the timescale cell and gives it no date", () => {
    const p = plan([["1", "Rec", "", "• A\n• B", "#N/A", ""]]);
    expect(p.actions.map((a) => [a.timescale.kind, a.timescale.due, a.timescale.text])).toEqual([
      ["unclear", null, "#N/A"],
      ["unclear", null, "#N/A"],
    ]);
    expect(p.actions[0]!.needsReview).toBe("E2 shows the error #N/A instead of a timescale.");
  });

  it("treats errors in other cells as empty", () => {
    const p = plan([["#VALUE!", "#NAME?", "#DIV/0!", "A", "June 2024", "#N/A"]]);
    expect(p.actions[0]!.recommendation).toBe("");
    expect(p.actions[0]!.area).toBe("");
    expect(p.actions[0]!.lead).toBe("");
    expect(p.actions[0]!.needsReview).toBeUndefined();
  });
});

describe("where the table sits", () => {
  it("finds the header below title rows and gives real worksheet addresses using the origin", () => {
    const values: CellValue[][] = [
      ["Justice Services Improvement Plan", "", ""],
      ["", "", ""],
      ["Ref", "Actions", "Target Date"],
      ["1", "• A\n• B", "June 2024\nJuly 2024"],
    ];
    const p = read(values, { sheet: "Plan 2024", row: 5, column: 3 });
    expect(p.headerRow).toBe(7);
    expect(p.columns).toEqual({ key: 3, action: 4, timescale: 5 });
    expect(p.actions[1]!.source).toEqual({ sheet: "Plan 2024", row: 8, column: 4, address: "D8" });
    expect(p.actions[1]!.timescaleSource).toEqual({
      sheet: "Plan 2024",
      row: 8,
      column: 5,
      address: "E8",
    });
  });

  it("names columns past Z as AA, AB ...", () => {
    const p = read(
      [
        ["Action", "Timescale"],
        ["A", "June 2024"],
      ],
      { sheet: "S", row: 1, column: 26 }
    );
    expect(p.actions[0]!.source.address).toBe("Z2");
    expect(p.actions[0]!.timescaleSource.address).toBe("AA2");
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });
});

describe("when there is no plan", () => {
  const problem = (values: CellValue[][], origin: ValuesOrigin = { sheet: "Sheet1" }) => {
    const r: ReadResult = readPlan(values, origin);
    if (r.ok) throw new Error("expected a problem");
    return r.problem;
  };

  it("explains a sheet without the columns it needs, naming what it found", () => {
    expect(
      problem([
        ["Name", "Budget"],
        ["Ann", 100],
      ])
    ).toEqual({
      code: "no_header",
      message:
        'No plan table on sheet \'Sheet1\': I could not tell which columns hold the actions and their timescales. Row 1 has: "Name", "Budget". Say which column holds each.',
      headersFound: ["Name", "Budget"],
      headerRow: 1,
      columns: [
        { column: 1, letter: "A", header: "Name" },
        { column: 2, letter: "B", header: "Budget" },
      ],
    });
  });

  it("says which column is missing, from the most header-like row", () => {
    const noTime = problem(
      [["Quarterly report"], ["Ref", "Actions", "Q1 2024/25", "Target"], ["1", "Do", "Green", 5]],
      {
        sheet: "Plan",
        row: 3,
      }
    );
    expect(noTime.code).toBe("no_timescale_column");
    expect(noTime.message).toBe(
      'No plan table on sheet \'Plan\': row 4 has the actions ("Actions") but no column I can tell holds their timescales. Row 4 has: "Ref", "Actions", "Q1 2024/25", "Target". Columns headed by a period or a target ("Q1 2024/25", "Target") hold ratings or measures, not deadlines. Say which column holds the timescales.'
    );
    expect(noTime.headersFound).toEqual(["Ref", "Actions", "Q1 2024/25", "Target"]);
    // What the officer's picker offers: every column of that row, and what was found there.
    expect(noTime.headerRow).toBe(4);
    expect(noTime.columns?.map((c) => c.letter)).toEqual(["A", "B", "C", "D"]);
    expect(noTime.found).toEqual({ key: 1, action: 2 });

    const noAction = problem([["Item", "Deadline", "Owner"]]);
    expect(noAction.code).toBe("no_action_column");
    expect(noAction.message).toBe(
      'No plan table on sheet \'Sheet1\': row 1 has the timescales ("Deadline") but no column I can tell holds the actions. Row 1 has: "Item", "Deadline", "Owner". Say which column holds the actions.'
    );
  });

  it.each<[string, CellValue[][]]>([
    ["no rows", []],
    ["blank rows", [["", ""], [null, undefined], ["   "]]],
  ])("says an empty sheet is empty (%s)", (_name, values) => {
    const p = problem(values);
    expect(p.code).toBe("empty");
    expect(p.message).toBe("Sheet 'Sheet1' is empty: there is no plan table on it.");
  });

  it("reads a table with only a header row as a plan with no actions", () => {
    const p = read([["No.", "Action", "Timescale"]]);
    expect(p.actions).toEqual([]);
    expect(p.recommendations).toEqual([]);
    expect(p.skipped).toEqual([]);
  });

  it("never throws on input that is not a table", () => {
    for (const bad of [
      null,
      undefined,
      "text",
      5,
      [null],
      [[{}]],
      [["Action", "Timescale"], "row"],
    ]) {
      expect(() => readPlan(bad as unknown as CellValue[][], { sheet: "S" })).not.toThrow();
    }
    for (const bad of [null, undefined, "text", 5, [null]]) {
      const r = readPlan(bad as unknown as CellValue[][], { sheet: "S" });
      expect(r.ok ? "ok" : r.problem.code).toBe("empty");
    }
    const odd = readPlan(
      [
        ["Action", "Timescale"],
        ["Do it", "June 2024"],
      ],
      null as unknown as ValuesOrigin
    );
    expect(odd.ok && odd.plan.actions[0]!.source).toEqual({
      sheet: "",
      row: 2,
      column: 1,
      address: "A2",
    });
  });
});

describe("line breaks", () => {
  const line = fc.oneof(
    fc.constantFrom(
      "• Review",
      "- Train staff",
      "1. Audit",
      "a) Report",
      "(ii) Consult",
      "June 2024",
      "-",
      "  ",
      "",
      "e.g. this",
      "•",
      "* ",
      "wrapped text"
    ),
    fc.string({ maxLength: 10 }).filter((s) => !/[\r\n\v\f\u2028\u2029\u0085]/.test(s))
  );
  it("reads a cell the same whether its lines end in \\n, \\r\\n or Word's \\v", () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.array(line, { minLength: 0, maxLength: 6 }),
        (acts, scales) => {
          const readWith = (br: string) => {
            const p = plan([["1", "Rec", "", acts.join(br), scales.join(br), ""]]);
            return p.actions.map((a) => [a.action, a.timescale.text, a.needsReview ?? ""]);
          };
          const lf = readWith("\n");
          expect(readWith("\r\n")).toEqual(lf);
          expect(readWith("\u000b")).toEqual(lf);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("property: any grid", () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "Action",
      "Timescale",
      "No.",
      "June 2024",
      "• A\n• B",
      "1. x\n2. y",
      "",
      "#REF!",
      "#N/A",
      "Theme 1"
    ),
    fc.integer({ min: -5, max: 60000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null)
  );
  const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 15 });

  it("never throws, and every action's cells lie inside the array", () => {
    fc.assert(
      fc.property(
        grid,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 30 }),
        (rows, row0, col0) => {
          // Half the grids get a real header row, so that the table rules run too.
          const values: CellValue[][] =
            rows.length % 2 === 0 ? [["No.", "Action", "Timescale", "Status"], ...rows] : rows;
          const result = readPlan(values, { sheet: "S", row: row0, column: col0 });
          if (!result.ok) {
            expect(typeof result.problem.message).toBe("string");
            return;
          }
          for (const a of result.plan.actions) {
            for (const ref of [a.source, a.timescaleSource]) {
              const r = ref.row - row0;
              const c = ref.column - col0;
              expect(r).toBeGreaterThanOrEqual(0);
              expect(r).toBeLessThan(values.length);
              expect(c).toBeGreaterThanOrEqual(0);
              // Inside the header row, which is as wide as the table's columns go.
              expect(c).toBeLessThan(values[result.plan.headerRow - row0]!.length);
              expect(ref.address).toBe(columnLetters(ref.column) + ref.row);
            }
          }
          expect(result.plan.actions.map((a) => a.index)).toEqual(
            result.plan.actions.map((_, i) => i)
          );
        }
      ),
      { numRuns: 400 }
    );
  });
});
