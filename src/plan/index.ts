/**
 * The plan engine: a 2-D array of cell values in, a plan, its actions, their
 * timescales and statuses, and the committee summary out. No Office, no React,
 * no DOM: it runs unchanged in the custom-functions runtime, the task pane and Node.
 */
export * from "./types";
export * from "./calendar";
export { a1, columnLetters } from "./a1";
export { parseTimescale, nextOccurrence } from "./timescale";
export { classifyHeader } from "./headers";
export { findHeaderRow, findColumns, formatColumns, resolveChoices, ROLE_NAME } from "./columns";
export { formatInfo, formatDate } from "./number-format";
export { readPlan } from "./table";
export { splitTimescaleLines } from "./lines";
export { readStatusCell } from "./status-words";
export { judgeAction, judgePlan, judgeTimescale, countStatuses, emptyCounts } from "./status";
export { summarise } from "./summary";
export { narrative, progressSentence } from "./narrative";
