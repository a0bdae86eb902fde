/**
 * The task pane: which plan, the settings, where the plan stands as at a date, the lists
 * the officer works from, and the buttons that flag the plan or build the committee summary.
 * It owns no workbook code: everything goes through the WorkbookApi it is given.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { formatLongDate } from "../plan";
import type { WorkbookApi } from "../workbook/api";
import { usePlan, SYSTEM_CLOCK, type PaneClock } from "./use-plan";
import { PlanPicker } from "./components/PlanPicker";
import { NoPlanHelp } from "./components/NoPlanHelp";
import { SettingsForm } from "./components/SettingsForm";
import { StatusCounts } from "./components/StatusCounts";
import { DueSoonList, NoDateList, OverdueList } from "./components/ActionLists";
import { PlanActions } from "./components/PlanActions";

const useStyles = makeStyles({
  // Line the settings header up with the rest of the pane (Fluent indents it by default).
  flush: { paddingLeft: 0 },
  root: {
    boxSizing: "border-box",
    minHeight: "100vh",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  asAt: { color: tokens.colorNeutralForeground2 },
  notes: { margin: 0, paddingLeft: "20px" },
});

/** A message the officer can dismiss: an error in their words, or a notice that work is done. */
function DismissibleBar(props: {
  intent: "error" | "success";
  testId: string;
  title?: string;
  onDismiss: () => void;
  children: React.ReactNode;
}): React.ReactElement {
  return (
    <MessageBar intent={props.intent} layout="multiline" data-testid={props.testId}>
      <MessageBarBody>
        {props.title ? <MessageBarTitle>{props.title}</MessageBarTitle> : null}
        {props.children}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            aria-label="Dismiss"
            appearance="transparent"
            icon={<DismissRegular />}
            onClick={props.onDismiss}
          />
        }
      />
    </MessageBar>
  );
}

export interface AppProps {
  api: WorkbookApi;
  clock?: PaneClock;
}

export function App({ api, clock = SYSTEM_CLOCK }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [state, act] = usePlan(api, clock);
  const busy = state.busy !== null;
  const candidate = state.candidates.find((c) => c.id === state.candidateId);

  return (
    <main className={styles.root} aria-busy={busy}>
      <header>
        <h1 className={styles.title}>Plan Tracker</h1>
        {state.asAt ? (
          <Text className={styles.asAt} size={200} data-testid="as-at">
            As at {formatLongDate(state.asAt)}
          </Text>
        ) : null}
      </header>

      {state.error ? (
        <DismissibleBar
          intent="error"
          testId="error"
          title="Something went wrong"
          onDismiss={act.dismissError}
        >
          {state.error}
        </DismissibleBar>
      ) : null}
      {state.notice ? (
        <DismissibleBar intent="success" testId="notice" onDismiss={act.dismissNotice}>
          {state.notice}
        </DismissibleBar>
      ) : null}

      {state.starting ? (
        <Spinner size="small" label="Reading the workbook…" />
      ) : (
        <>
          <PlanPicker
            candidates={state.candidates}
            selectedId={state.candidateId}
            disabled={busy}
            onPick={(id) => void act.pickPlan(id)}
          />
          {state.candidates.length === 0 || state.problem ? (
            <NoPlanHelp
              problem={state.problem}
              where={candidate ? `${candidate.sheet} (${candidate.address})` : undefined}
            />
          ) : null}
          {state.plan && state.plan.notes.length > 0 ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <ul className={styles.notes}>
                  {state.plan.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}

          <Accordion collapsible defaultOpenItems={[]}>
            <AccordionItem value="settings">
              <AccordionHeader as="h2" button={{ className: styles.flush }}>
                Settings
              </AccordionHeader>
              <AccordionPanel>
                <SettingsForm
                  settings={state.settings}
                  today={clock.today()}
                  disabled={busy}
                  onApply={(s) => void act.applySettings(s)}
                />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>

          <PlanActions
            busy={state.busy}
            hasPlan={state.summary !== null}
            onFlag={() => void act.flagOverdue()}
            onClear={() => void act.clearFlags()}
            onBuild={() => void act.buildSummary()}
            onRefresh={() => void act.refresh()}
          />

          {state.summary ? (
            <>
              {state.summary.progress ? (
                <Text data-testid="progress">{state.summary.progress}</Text>
              ) : null}
              <StatusCounts summary={state.summary} />
              <OverdueList
                items={state.summary.overdue}
                onSelect={(ref) => void act.selectSource(ref)}
              />
              <DueSoonList
                items={state.summary.dueSoon}
                onSelect={(ref) => void act.selectSource(ref)}
              />
              <NoDateList
                items={state.summary.noDate}
                onSelect={(ref) => void act.selectSource(ref)}
              />
            </>
          ) : null}
        </>
      )}
    </main>
  );
}

export default App;
