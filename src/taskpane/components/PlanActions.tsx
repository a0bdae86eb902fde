/**
 * The three things the pane does to the workbook, and the progress indicator while one runs.
 * Buttons are disabled while work runs, so a second click cannot start a second write.
 */
import * as React from "react";
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import {
  DocumentTableRegular,
  FlagRegular,
  FlagOffRegular,
  ArrowClockwiseRegular,
} from "@fluentui/react-icons";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  progress: { marginTop: tokens.spacingVerticalS, justifyContent: "flex-start" },
});

export interface PlanActionsProps {
  /** What is running, or null. */
  busy: string | null;
  /** False when there is no plan to act on (the buttons that need one are disabled). */
  hasPlan: boolean;
  onFlag(): void;
  onClear(): void;
  onBuild(): void;
  onRefresh(): void;
}

export function PlanActions(props: PlanActionsProps): React.ReactElement {
  const styles = useStyles();
  const { busy, hasPlan } = props;
  const idle = busy === null;
  return (
    <div>
      <div className={styles.bar} role="group" aria-label="Plan actions">
        <Button
          appearance="primary"
          icon={<DocumentTableRegular />}
          disabled={!idle || !hasPlan}
          onClick={props.onBuild}
        >
          Build committee summary
        </Button>
        <Button icon={<FlagRegular />} disabled={!idle || !hasPlan} onClick={props.onFlag}>
          Flag overdue in plan
        </Button>
        <Button icon={<FlagOffRegular />} disabled={!idle} onClick={props.onClear}>
          Clear flags
        </Button>
        <Button icon={<ArrowClockwiseRegular />} disabled={!idle} onClick={props.onRefresh}>
          Refresh
        </Button>
      </div>
      <div aria-live="polite">
        {busy !== null ? (
          <Spinner
            className={styles.progress}
            size="tiny"
            labelPosition="after"
            label={`${busy}…`}
          />
        ) : null}
      </div>
    </div>
  );
}
