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

function render(container: HTMLElement): void {
  const root = createRoot(container);
  if (typeof Office === "undefined") {
    // Opened in a plain browser tab, or office.js failed to load: say so rather than show a blank page.
    root.render(
      <FluentProvider theme={webLightTheme}>
        <main>
          <h1>Plan Tracker</h1>
          <p>Plan Tracker runs inside Excel. Open the workbook in Excel and choose Plan Tracker on the Home tab.</p>
        </main>
      </FluentProvider>,
    );
    return;
  }
  void Office.onReady(() => {
    const theme = themeForOffice(Office);
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    root.render(
      <FluentProvider theme={theme}>
        <App api={createExcelWorkbook()} />
      </FluentProvider>,
    );
  });
}

const container = document.getElementById("container");
if (container) render(container);
