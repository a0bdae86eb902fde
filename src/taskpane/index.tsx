/**
 * The task pane's entry point: wait for Office, then render the pane inside FluentProvider
 * with the theme that matches Office's own (light or dark). The page also hosts the custom
 * functions (shared runtime), which webpack injects as a separate chunk.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { createExcelWorkbook } from "../workbook/excel-workbook";
import { themeForOffice } from "./theme";

/** What the page shows outside Excel, instead of a blank pane or a string of errors. */
function OutsideExcel(): React.ReactElement {
  return (
    <main>
      <h1>Plan Tracker</h1>
      <p>
        Plan Tracker runs inside Excel. Open the plan workbook in Excel and choose Plan Tracker on
        the Home tab.
      </p>
    </main>
  );
}

function render(container: HTMLElement): void {
  const root = createRoot(container);
  if (typeof Office === "undefined") {
    // Opened in a plain browser tab with office.js blocked or unreachable.
    root.render(
      <FluentProvider theme={webLightTheme}>
        <OutsideExcel />
      </FluentProvider>
    );
    return;
  }
  void Office.onReady((info) => {
    const theme = themeForOffice(Office);
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    // Outside Office, office.js still calls back, with no host.
    const inExcel = info.host === Office.HostType.Excel;
    root.render(
      <FluentProvider theme={theme}>
        {inExcel ? <App api={createExcelWorkbook()} /> : <OutsideExcel />}
      </FluentProvider>
    );
  });
}

const container = document.getElementById("container");
if (container) render(container);
