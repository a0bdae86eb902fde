/** Finding a plan's columns by what their headers mean (spec section 1). */
import { classifyHeader } from "../../../src/plan/headers";
import { findHeaderRow } from "../../../src/plan/columns";
import type { CellValue, ColumnRole } from "../../../src/plan/types";

const cases: Array<[ColumnRole | null, string[]]> = [
  [
    "key",
    [
      "No.",
      "No",
      "Ref",
      "Ref.",
      "Rec No",
      "Recommendation No",
      "Action No",
      "Action Ref",
      "#",
      "ID",
      "Ref No.",
      "REC. NO.",
      "S.No",
      "Serial No",
    ],
  ],
  [
    "recommendation",
    [
      "Recommendation",
      "Recommendations",
      "Finding",
      "Issue",
      "Improvement Area",
      "Objective",
      "Area for improvement",
      "Areas for development",
      "Audit findings",
    ],
  ],
  [
    "area",
    ["Area of Evaluation", "Theme", "Area", "Category", "Priority", "Section", "Workstream"],
  ],
  [
    "comments",
    [
      "Comments",
      "Progress",
      "Progress Update",
      "Update",
      "Position",
      "Current Position",
      "Management Response",
      "Progress to date",
      "Actions taken",
      "Notes",
    ],
  ],
  [
    "action",
    [
      "Action Required",
      "Action",
      "Actions",
      "Agreed Action",
      "Action(s) to be taken",
      "Improvement Action",
      "What we will do",
      "Planned actions",
      "Tasks",
    ],
  ],
  [
    "timescale",
    [
      "Timescale",
      "Timescales",
      "Target Date",
      "Due Date",
      "Deadline",
      "Completion Date",
      "Date for Completion",
      "By When",
      "Implementation Date",
      "Target Completion",
      "Due By",
      "When",
      "Target date for completion",
      "Time scale",
      "Timeframe",
      "Timing",
      "Target quarter",
      "Estimated completion date",
      "Original target date",
    ],
  ],
  [
    "revisedTimescale",
    [
      "Revised Timescale",
      "Revised Date",
      "Revised Target Date",
      "New Target Date",
      "Revised deadline",
    ],
  ],
  [
    "lead",
    [
      "Lead Area of Service",
      "Lead",
      "Lead Officer",
      "Lead Officer(s)",
      "Responsible Officer",
      "Owner",
      "Responsibility",
      "Action Owner",
      "Action By",
      "Who",
      "By whom",
      "Portfolio Holder",
    ],
  ],
  [
    "status",
    [
      "Status",
      "RAG",
      "RAG Status",
      "RAG rating",
      "Progress Status",
      "% Complete",
      "BRAG",
      "Percent complete",
    ],
  ],
  [
    null,
    [
      "Q1 2024/25",
      "Q3",
      "Quarter 2 2023-24",
      "2023/24",
      "2024",
      "FY 2022/23",
      "June 2024",
      "Jun-24",
      "Target",
      "Performance Target",
      "Target 2024/25",
      "Targets",
      "Performance target for the year",
      "Date raised",
      "Start date",
      "Date completed",
      "Actual completion date",
      "Date of next review",
      "Budget",
      "Name",
      "Risk rating",
      "Expected outcome",
      "",
      "   ",
    ],
  ],
];

describe("classifyHeader", () => {
  for (const [role, headers] of cases) {
    it.each(headers)(`reads %j as ${role ?? "no role"}`, (h) => {
      expect(classifyHeader(h)).toBe(role);
    });
  }

  it.each([
    ["ACTION REQUIRED", "action"],
    ["  action   required  ", "action"],
    ["Action-Required:", "action"],
    ["time-scale(s)", "timescale"],
    ["TARGET\nDATE", "timescale"],
    ["lead officer/s", "lead"],
    ["No:", "key"],
    ["rag_status", "status"],
  ] as const)("ignores case and punctuation in %j", (h, role) => {
    expect(classifyHeader(h)).toBe(role);
  });

  it.each([
    ["Action Owner", "lead"],
    ["Action By", "lead"],
    ["Action No", "key"],
    ["Action Ref", "key"],
    ["Action Status", "status"],
    ["Progress Status", "status"],
    ["Progress", "comments"],
    ["Progress Update", "comments"],
    ["Revised Target Date", "revisedTimescale"],
    ["New Target Date", "revisedTimescale"],
    ["Target Date", "timescale"],
    ["Improvement Area", "recommendation"],
    ["Area", "area"],
    ["Area of Evaluation", "area"],
    ["Lead Area of Service", "lead"],
  ] as const)("resolves the overlap in %j by specificity (%s)", (h, role) => {
    expect(classifyHeader(h)).toBe(role);
  });

  it.each<CellValue>([2024, 45444, true, false, null, undefined])(
    "gives no role to the non-text header %j",
    (v) => {
      expect(classifyHeader(v)).toBeNull();
    }
  );

  it("treats long text as data, not a header", () => {
    expect(
      classifyHeader(
        "Review the date on which the action plan is due to be presented to the committee"
      )
    ).toBeNull();
  });
});

describe("findHeaderRow", () => {
  it("finds the seed's header row with every column", () => {
    const values = [
      [
        "No.",
        "Recommendation",
        "Area of Evaluation",
        "Comments",
        "Action Required",
        "Timescale",
        "Lead Area of Service",
      ],
    ];
    expect(findHeaderRow(values)).toEqual({
      row: 0,
      columns: {
        key: 0,
        recommendation: 1,
        area: 2,
        comments: 3,
        action: 4,
        timescale: 5,
        lead: 6,
      },
      headers: {
        key: "No.",
        recommendation: "Recommendation",
        area: "Area of Evaluation",
        comments: "Comments",
        action: "Action Required",
        timescale: "Timescale",
        lead: "Lead Area of Service",
      },
      notes: [],
    });
  });

  it("passes over title rows above the table", () => {
    const values: CellValue[][] = [
      ["Improvement Action Plan 2024/25", "", ""],
      ["Prepared for the Audit Committee", "", ""],
      ["", "", ""],
      ["Ref", "Agreed Action", "Due By"],
      ["1", "Do it", "June 2024"],
    ];
    const found = findHeaderRow(values)!;
    expect(found.row).toBe(3);
    expect(found.columns).toEqual({ key: 0, action: 1, timescale: 2 });
  });

  it("needs both an action and a timescale column", () => {
    expect(findHeaderRow([["Ref", "Action", "Lead"]])).toBeNull();
    expect(findHeaderRow([["Ref", "Timescale", "Lead"]])).toBeNull();
    expect(findHeaderRow([])).toBeNull();
  });

  it("only scans maxScan rows", () => {
    const values: CellValue[][] = [["title"], ["x"], ["Action", "Timescale"]];
    expect(findHeaderRow(values, 2)).toBeNull();
    expect(findHeaderRow(values, 3)!.row).toBe(2);
  });

  it("keeps the first of several columns claiming one role, and says so", () => {
    const found = findHeaderRow([["Action", "Timescale", "Target Date", "Due Date"]])!;
    expect(found.columns.timescale).toBe(1);
    expect(found.headers.timescale).toBe("Timescale");
    expect(found.notes).toEqual([
      '3 columns look like the Timescale column ("Timescale", "Target Date", "Due Date"); I used the first, "Timescale".',
    ]);
  });

  it("does not take a period or target column as the timescale, and notes it", () => {
    const found = findHeaderRow([["Action", "Q1 2024/25", "Target", "Deadline", "2023/24"]])!;
    expect(found.columns).toEqual({ action: 0, timescale: 3 });
    expect(found.notes).toEqual([
      'I did not read the columns headed "Q1 2024/25", "Target", "2023/24": a period or a performance target is not a timescale.',
    ]);
  });

  it("copes with ragged and odd rows", () => {
    const values = [
      null,
      undefined,
      ["#REF!", 7],
      ["Actions", true, "Timescales"],
    ] as unknown as CellValue[][];
    const found = findHeaderRow(values)!;
    expect(found.row).toBe(3);
    expect(found.columns).toEqual({ action: 0, timescale: 2 });
  });
});
