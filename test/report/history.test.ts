/** The report history table both writers share (src/report/history.ts). */
import {
  HISTORY_HEADER,
  historyRows,
  historySheetValues,
  markedSummarySheet,
  parseHistory,
} from "../../src/report";
import { toExcelSerial, type ReportRecord } from "../../src/plan";

const counts = (overdue: number, dueSoon: number): ReportRecord["counts"] => ({
  overdue,
  due_soon: dueSoon,
  not_yet_due: 2,
  ongoing: 3,
  on_hold: 0,
  no_date: 1,
  complete: 4,
  withdrawn: 0,
});
const records: ReportRecord[] = [
  { asAt: "2006-09-30", builtAt: "2006-10-01T09:00:00.000Z", total: 40, counts: counts(25, 5) },
  { asAt: "2006-12-28", builtAt: "2026-11-22T19:35:00.000Z", total: 43, counts: counts(20, 13) },
];

test("the history sheet's values read back to the same records and the same marked summary sheet", () => {
  const values = historySheetValues("Committee Summary", records);
  expect(values[0].slice(0, 2)).toEqual(["Summary sheet", "Committee Summary"]);
  expect(values[2]).toEqual(HISTORY_HEADER);
  expect(values.every((row) => row.length === HISTORY_HEADER.length)).toBe(true);
  expect(parseHistory(values)).toEqual(records);
  expect(markedSummarySheet(values)).toBe("Committee Summary");
});

test("a row per record in the header's order", () => {
  expect(HISTORY_HEADER.slice(0, 4)).toEqual(["As at", "Built at", "Total", "Overdue"]);
  expect(historyRows(records)[1]).toEqual([
    "2006-12-28",
    "2026-11-22T19:35:00.000Z",
    43,
    20,
    13,
    2,
    3,
    0,
    1,
    4,
    0,
  ]);
});

test("dates Excel turned into serials, reordered columns and stray rows still read", () => {
  const values = [
    ["Summary sheet", "My Summary"],
    [],
    ["As at", "Overdue", "Total", "Built at", "Due soon"],
    [toExcelSerial("2006-12-28"), 20, 38, "2026-11-22T19:35:00.000Z", "13"],
    ["a note an officer typed", "", "", "", ""],
  ];
  const [r] = parseHistory(values);
  expect(parseHistory(values)).toHaveLength(1);
  expect(r.asAt).toBe("2006-12-28");
  expect(r.counts.overdue).toBe(20);
  expect(r.counts.due_soon).toBe(13);
  expect(r.counts.complete).toBe(0);
  expect(r.total).toBe(38);
  expect(markedSummarySheet(values)).toBe("My Summary");
});

test("no history: no records and no marked sheet", () => {
  expect(parseHistory([])).toEqual([]);
  expect(markedSummarySheet([["Something else", "Committee Summary"]])).toBeNull();
  expect(markedSummarySheet([])).toBeNull();
});
