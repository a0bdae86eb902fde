/**
 * What the officer sees when no plan is found, or the chosen table is not one: what the
 * pane looked for, what it saw, and how to fix it. Never a guess at the columns.
 */
import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import type { PlanProblem } from "../../plan";

/** Header examples from the product's rules (spec section 1), shown as a guide, not a closed list. */
export const ACTION_HEADERS = [
  "Action",
  "Action Required",
  "Actions",
  "Agreed Action",
  "Improvement Action",
];
export const TIMESCALE_HEADERS = [
  "Timescale",
  "Target Date",
  "Due Date",
  "Deadline",
  "Completion Date",
  "By When",
];
export const OPTIONAL_HEADERS = [
  "No.",
  "Recommendation",
  "Area",
  "Comments",
  "Lead",
  "Status",
  "Revised Timescale",
];

const useStyles = makeStyles({
  list: { margin: "4px 0", paddingLeft: "20px" },
});

export interface NoPlanHelpProps {
  /** Set when a table was found but could not be read as a plan. */
  problem: PlanProblem | null;
  /** Where that table was, e.g. "Improvement Plan (A1:G19)". */
  where?: string;
}

export function NoPlanHelp({ problem, where }: NoPlanHelpProps): React.ReactElement {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {problem ? "This table does not look like a plan" : "No plan found in this workbook"}
        </MessageBarTitle>
        {problem ? (
          <Text as="p" block>
            {where ? `${where}: ` : ""}
            {problem.message}
          </Text>
        ) : (
          <Text as="p" block>
            Plan Tracker looks for a table (or a sheet) with a header row naming at least an action
            column and a timescale column.
          </Text>
        )}
        {problem && problem.headersFound.length > 0 ? (
          <Text as="p" block>
            Headers found: {problem.headersFound.filter((h) => h !== "").join(", ")}
          </Text>
        ) : null}
        <Text as="p" block>
          Headers looked for:
        </Text>
        <ul className={styles.list}>
          <li>Action column, for example: {ACTION_HEADERS.join(", ")}</li>
          <li>Timescale column, for example: {TIMESCALE_HEADERS.join(", ")}</li>
          <li>Optional: {OPTIONAL_HEADERS.join(", ")}</li>
        </ul>
        <Text as="p" block>
          To fix it, give the plan&apos;s first row headers like these (or format the plan as a
          table with Home &gt; Format as Table), then choose Refresh.
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
