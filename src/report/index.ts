/**
 * The committee summary as a sheet: the layout both writers render (Office.js in the task
 * pane, exceljs on the command line) and the report history they share.
 */
export * from "./layout-types";
export * from "./layout";
export * from "./history";
export * from "./source";
export * from "./stored-settings";
