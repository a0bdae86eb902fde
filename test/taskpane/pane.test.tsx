/** @jest-environment jsdom */
/**
 * The task pane against a fake workbook holding the seed plan (the same rows as
 * samples/improvement-plan.xlsx), read and judged by the real engine. Expected figures come
 * from the spec's worked example (test/fixtures/seed-plan/expected-2006-12-28.json), not from the engine.
 */
import "@testing-library/jest-dom";
import * as React from "react";
import {
  act,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { usePlan, type PaneClock } from "../../src/taskpane/use-plan";
import type { CellValue, Summary } from "../../src/plan";
import type { PlanCandidate, PlanSettings } from "../../src/workbook/api";
import { FakeWorkbook } from "./fake-workbook";
import { WorkbookError } from "../../src/workbook/requirements";
import seed from "../../samples/plan-values.json";
import expected from "../fixtures/seed-plan/expected-2006-12-28.json";

const CLOCK: PaneClock = { today: () => "2006-12-28", now: () => "2006-12-28T10:00:00.000Z" };

const SEED: PlanCandidate = {
  id: "sheet:Improvement Plan",
  sheet: "Improvement Plan",
  address: "A1:G19",
  label: "Improvement Plan (A1:G19)",
};

function seedValues(): CellValue[][] {
  return (seed.values as CellValue[][]).map((row) => [...row]);
}

function renderPane(workbook: FakeWorkbook, clock: PaneClock = CLOCK) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App api={workbook} clock={clock} />
    </FluentProvider>
  );
}

async function ready(): Promise<void> {
  await waitFor(() => expect(screen.queryByText("Reading the workbook…")).not.toBeInTheDocument());
  await waitFor(() =>
    expect(screen.getByRole("button", { name: /Build committee summary/ })).toBeEnabled()
  );
}

function countFor(status: string): string {
  const row = screen.getByTestId("status-counts").querySelector(`tr[data-status="${status}"]`);
  if (!row) throw new Error(`no row for ${status}`);
  return within(row as HTMLElement).getAllByRole("cell")[0].textContent ?? "";
}

function overdueItems(): HTMLElement[] {
  return within(screen.getByTestId("overdue-list")).getAllByRole("listitem");
}

const deferred = () => {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};

describe("the task pane on the seed plan as at 28 December 2006", () => {
  test("shows the counts of the worked example", async () => {
    renderPane(
      new FakeWorkbook([{ candidate: SEED, values: seedValues() }], { asAt: "2006-12-28" })
    );
    await ready();
    expect(screen.getByTestId("as-at")).toHaveTextContent("As at 28 December 2006");
    expect(countFor("overdue")).toBe(String(expected.counts.overdue));
    expect(countFor("due_soon")).toBe(String(expected.counts.due_soon));
    expect(countFor("not_yet_due")).toBe(String(expected.counts.not_yet_due));
    expect(countFor("ongoing")).toBe(String(expected.counts.ongoing));
    expect(screen.getByRole("heading", { name: "Status of 38 actions" })).toBeInTheDocument();
    // Per area: every area of the plan is listed with its own total.
    const areas = within(screen.getByTestId("area-counts")).getAllByRole("listitem");
    const areaTotals = new Map<string, number>();
    for (const a of expected.actions) areaTotals.set(a.area, (areaTotals.get(a.area) ?? 0) + 1);
    expect(areas).toHaveLength(areaTotals.size);
    for (const [name, total] of areaTotals) {
      expect(areas.some((li) => li.textContent?.startsWith(`${name} (${total})`))).toBe(true);
    }
  });

  test("lists the 20 overdue actions most overdue first, with timescale as written, due date and days", async () => {
    renderPane(
      new FakeWorkbook([{ candidate: SEED, values: seedValues() }], { asAt: "2006-12-28" })
    );
    await ready();
    const want = expected.actions
      .filter((a) => a.status === "overdue")
      .map((a, planOrder) => ({ ...a, planOrder }))
      .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.planOrder - b.planOrder);
    const items = overdueItems();
    expect(items).toHaveLength(20);
    items.forEach((li, i) => {
      expect(within(li).getByRole("button")).toHaveTextContent(want[i].action);
      expect(li).toHaveTextContent(`${want[i].timescale} · due`);
      expect(li).toHaveTextContent(`${want[i].daysOverdue} days overdue`);
    });
    expect(items[0]).toHaveTextContent(/due \d+ \w+ 2006/);
  });

  test("clicking an action selects its source cell in the plan", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    renderPane(workbook);
    await ready();
    const first = overdueItems()[0];
    fireEvent.click(within(first).getByRole("button"));
    await waitFor(() => expect(workbook.callsTo("selectCell")).toHaveLength(1));
    const [ref] = workbook.callsTo("selectCell")[0] as [
      { sheet: string; address: string; column: number },
    ];
    expect(ref.sheet).toBe("Improvement Plan");
    expect(ref.column).toBe(5); // the Action Required column
    const row = Number(ref.address.replace(/^[A-Z]+/, ""));
    expect(String(seed.values[row - 1][4])).toContain(
      within(first).getByRole("button").textContent ?? ""
    );
  });

  test("Flag overdue sends each overdue timescale cell once, and Clear flags clears them", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    renderPane(workbook);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: /Flag overdue in plan/ }));
    await waitFor(() =>
      expect(screen.getByTestId("notice")).toHaveTextContent(/Flagged \d+ overdue timescale cells/)
    );
    const [candidateId, cells] = workbook.callsTo("flagOverdue")[0] as [
      string,
      { address: string; column: number }[],
    ];
    expect(candidateId).toBe(SEED.id);
    const wantRows = new Set(
      expected.actions.filter((a) => a.status === "overdue").map((a) => a.sourceRow)
    );
    expect(new Set(cells.map((c) => Number(c.address.replace(/^[A-Z]+/, ""))))).toEqual(wantRows);
    expect(cells.every((c) => c.column === 6)).toBe(true); // the Timescale column
    expect(new Set(cells.map((c) => c.address)).size).toBe(cells.length);

    fireEvent.click(screen.getByRole("button", { name: /Clear flags/ }));
    await waitFor(() =>
      expect(screen.getByTestId("notice")).toHaveTextContent(`Cleared ${cells.length} flags`)
    );
    expect(workbook.flagged).toEqual([]);
  });

  test("Build committee summary shows progress, sends the summary, then reports the change on a rebuild", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    renderPane(workbook);
    await ready();
    const gate = deferred();
    workbook.gates.buildSummary = gate.promise;
    fireEvent.click(screen.getByRole("button", { name: /Build committee summary/ }));
    await waitFor(() =>
      expect(screen.getByText("Building the committee summary…")).toBeInTheDocument()
    );
    expect(screen.getByRole("button", { name: /Build committee summary/ })).toBeDisabled();
    expect(screen.getByRole("button", { name: /Flag overdue in plan/ })).toBeDisabled();
    await act(async () => gate.open());
    await waitFor(() =>
      expect(screen.getByTestId("notice")).toHaveTextContent(
        'Committee summary written to the sheet "Committee Summary".'
      )
    );
    const [summary, settings] = workbook.callsTo("buildSummary")[0] as [Summary, PlanSettings];
    expect(summary.asAt).toBe("2006-12-28");
    expect(summary.builtAt).toBe("2006-12-28T10:00:00.000Z");
    expect(summary.counts.overdue).toBe(20);
    expect(summary.overdue).toHaveLength(20);
    expect(summary.previous).toBeNull();
    expect(settings.summarySheetName).toBe("Committee Summary");

    delete workbook.gates.buildSummary;
    fireEvent.click(screen.getByRole("button", { name: /Build committee summary/ }));
    await waitFor(() => expect(workbook.callsTo("buildSummary")).toHaveLength(2));
    const [second] = workbook.callsTo("buildSummary")[1] as [Summary];
    expect(second.previous?.asAt).toBe("2006-12-28");
    expect(workbook.history).toHaveLength(2);
  });

  test("a new as-at date is saved in the workbook and the plan is judged again", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    renderPane(workbook);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.change(screen.getByLabelText(/^As at/), { target: { value: "2007-01-28" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply settings" }));
    await waitFor(() =>
      expect(screen.getByTestId("as-at")).toHaveTextContent("As at 28 January 2007")
    );
    expect(workbook.settings.asAt).toBe("2007-01-28");
    expect(screen.getByTestId("notice")).toHaveTextContent("Settings saved in this workbook.");
    // "Review SER Sampling formats", due 30 June 2006, is 212 days overdue on 28 January 2007.
    const review = overdueItems().find((li) =>
      li.textContent?.includes("Review SER Sampling formats")
    );
    expect(review).toHaveTextContent("212 days overdue");
    // Everything due by 31 December 2006 is now overdue as well.
    expect(Number(countFor("overdue"))).toBeGreaterThan(20);
  });

  test("a bad due-soon window gets a message, and nothing is saved", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    renderPane(workbook);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.change(screen.getByLabelText(/^Days/), { target: { value: "-3" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply settings" }));
    expect(
      await screen.findByText("Enter a whole number of days from 0 to 366.")
    ).toBeInTheDocument();
    expect(workbook.callsTo("saveSettings")).toHaveLength(0);
  });

  test("the next committee's date can set the due-soon window", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    renderPane(workbook);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.click(screen.getByRole("radio", { name: "Due by the next committee" }));
    fireEvent.change(screen.getByLabelText(/^Next committee/), { target: { value: "2007-03-31" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply settings" }));
    await waitFor(() => expect(workbook.settings.nextCommittee).toBe("2007-03-31"));
    // The two March 2007 actions were "not yet due" with 30 days; by a 31 March committee they are due soon.
    await waitFor(() =>
      expect(countFor("due_soon")).toBe(
        String(expected.counts.due_soon + expected.counts.not_yet_due)
      )
    );
  });
});

describe("when the workbook holds no plan, or a table that is not one", () => {
  test("no plan: says which headers it looked for and how to fix it", async () => {
    renderPane(new FakeWorkbook([]));
    expect(await screen.findByText("No plan found in this workbook")).toBeInTheDocument();
    expect(
      screen.getByText(/Action column, for example: Action, Action Required/)
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Timescale column, for example: Timescale, Target Date/)
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Build committee summary/ })).toBeDisabled();
  });

  test("a table without a timescale column: the engine's message and the headers it saw", async () => {
    const values: CellValue[][] = [
      ["Ref", "Action", "Owner"],
      ["1", "Do the thing", "Jo"],
    ];
    const candidate: PlanCandidate = {
      id: "sheet:Sheet1",
      sheet: "Sheet1",
      address: "A1:C2",
      label: "Sheet1 (A1:C2)",
    };
    renderPane(new FakeWorkbook([{ candidate, values }]));
    expect(await screen.findByText("This table does not look like a plan")).toBeInTheDocument();
    expect(screen.getByText(/Headers found: Ref, Action, Owner/)).toBeInTheDocument();
  });
});

describe("several plans, errors and hostile text", () => {
  test("the picker reads the plan chosen and saves the choice", async () => {
    const other: PlanCandidate = {
      id: "table:Second",
      sheet: "Other",
      table: "Second",
      address: "A1:G19",
      label: "Other (table Second)",
    };
    const values = seedValues();
    values[1][4] = "• Only this action"; // row 2 of the second plan: one action
    values[1][5] = "June 2006";
    const workbook = new FakeWorkbook(
      [
        { candidate: SEED, values: seedValues() },
        { candidate: other, values },
      ],
      { asAt: "2006-12-28" }
    );
    renderPane(workbook);
    await ready();
    fireEvent.change(screen.getByLabelText(/Plan to read/), { target: { value: "table:Second" } });
    await waitFor(() => expect(workbook.settings.planId).toBe("table:Second"));
    await waitFor(() =>
      expect(screen.getByRole("heading", { name: "Status of 34 actions" })).toBeInTheDocument()
    );
    expect(workbook.callsTo("loadPlan").at(-1)?.[0]).toBe("table:Second");
  });

  test("a protected sheet gives a message in the officer's words", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    workbook.failures.buildSummary = Object.assign(
      new Error("The cell or chart you're trying to change is on a protected sheet."),
      {
        code: "AccessDenied",
      }
    );
    renderPane(workbook);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: /Build committee summary/ }));
    const error = await screen.findByTestId("error");
    expect(error).toHaveTextContent("Could not build the committee summary");
    expect(error).toHaveTextContent("Unprotect");
    fireEvent.click(within(error).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("error")).not.toBeInTheDocument();
  });

  test("the workbook module's own message reaches the officer word for word", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    const words =
      "The workbook's structure is protected, so Plan Tracker cannot add the committee summary sheet. Nothing was changed.";
    workbook.failures.buildSummary = new WorkbookError("structure_protected", words);
    renderPane(workbook);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: /Build committee summary/ }));
    expect(await screen.findByTestId("error")).toHaveTextContent(
      `Could not build the committee summary. ${words}`
    );
  });

  test("an API this Excel lacks is named as such", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    workbook.failures.flagOverdue = Object.assign(new Error("ApiNotFound"), {
      code: "ApiNotFound",
    });
    renderPane(workbook);
    await ready();
    fireEvent.click(screen.getByRole("button", { name: /Flag overdue in plan/ }));
    expect(await screen.findByTestId("error")).toHaveTextContent(
      "This version of Excel lacks a feature"
    );
  });

  test("plan text that looks like HTML is shown as text", async () => {
    const values = seedValues();
    values[1][4] = "<img src=x onerror=alert(1)>";
    values[1][5] = "June 2006";
    renderPane(new FakeWorkbook([{ candidate: SEED, values }], { asAt: "2006-12-28" }));
    await ready();
    expect(
      screen.getByRole("button", { name: "<img src=x onerror=alert(1)>" })
    ).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
  });
});

describe("work runs one piece at a time", () => {
  test("settings applied while a read is still in flight are not undone when that read lands", async () => {
    const workbook = new FakeWorkbook([{ candidate: SEED, values: seedValues() }], {
      asAt: "2006-12-28",
    });
    const { result } = renderHook(() => usePlan(workbook, CLOCK));
    await waitFor(() => expect(result.current[0].summary).not.toBeNull());
    // A refresh starts and is held open inside loadPlan; before it lands, new settings are applied
    // (two calls in one tick, before any re-render could disable the controls).
    const gate = deferred();
    workbook.gates.loadPlan = gate.promise;
    let both!: Promise<unknown>;
    act(() => {
      both = Promise.all([
        result.current[1].refresh(),
        result.current[1].applySettings({ ...workbook.settings, asAt: "2007-01-28" }),
      ]);
    });
    await waitFor(() => expect(workbook.callsTo("loadPlan")).toHaveLength(2));
    expect(workbook.callsTo("saveSettings")).toHaveLength(0); // waiting its turn
    delete workbook.gates.loadPlan;
    await act(async () => {
      gate.open();
      await both;
    });
    expect(result.current[0].asAt).toBe("2007-01-28");
    expect(workbook.settings.asAt).toBe("2007-01-28");
  });
});
