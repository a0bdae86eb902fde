/**
 * Where the plan stands: how many actions have each status, with the share of all
 * actions, then the same per area. Figures come straight from the engine's summary.
 */
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { PaneHeading, PaneSubheading, useVisuallyHiddenClass } from "./Headings";
import {
  STATUS_LABEL,
  STATUS_ORDER,
  formatLongDate,
  type GroupCounts,
  type Status,
  type Summary,
} from "../../plan";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  areas: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  area: { padding: `${tokens.spacingVerticalXS} 0` },
  areaName: { display: "block", fontWeight: tokens.fontWeightSemibold },
});

/** The statuses worth a row: every status some action has, and always the four a committee asks about. */
function statusesShown(summary: Summary): Status[] {
  const always: Status[] = ["overdue", "due_soon", "not_yet_due", "ongoing"];
  return STATUS_ORDER.filter((s) => always.includes(s) || summary.counts[s] > 0);
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** "5 overdue, 3 due soon, 1 ongoing": the non-zero statuses of one area or lead. */
export function groupLine(group: GroupCounts): string {
  const parts = STATUS_ORDER.filter((s) => group.counts[s] > 0).map(
    (s) => `${group.counts[s]} ${STATUS_LABEL[s].toLowerCase()}`
  );
  return parts.length > 0 ? parts.join(", ") : "no actions";
}

export function StatusCounts({ summary }: { summary: Summary }): React.ReactElement {
  const styles = useStyles();
  const hidden = useVisuallyHiddenClass();
  return (
    <section aria-labelledby="counts-heading">
      <PaneHeading id="counts-heading">
        Status of {summary.total} {summary.total === 1 ? "action" : "actions"}
      </PaneHeading>
      <table className={styles.table} data-testid="status-counts">
        <caption className={hidden}>Actions by status as at {formatLongDate(summary.asAt)}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              Status
            </th>
            <th scope="col" className={`${styles.cell} ${styles.number}`}>
              Actions
            </th>
            <th scope="col" className={`${styles.cell} ${styles.number}`}>
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {statusesShown(summary).map((s) => (
            <tr key={s} data-status={s}>
              <th scope="row" className={styles.cell}>
                {STATUS_LABEL[s]}
              </th>
              <td className={`${styles.cell} ${styles.number}`}>{summary.counts[s]}</td>
              <td className={`${styles.cell} ${styles.number}`}>{percent(summary.shares[s])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.byArea.length > 0 ? (
        <>
          <PaneSubheading>By area</PaneSubheading>
          <ul className={styles.areas} data-testid="area-counts">
            {summary.byArea.map((g) => (
              <li key={g.name} className={styles.area}>
                <Text className={styles.areaName}>
                  {g.name} ({g.total})
                </Text>
                <Text size={200}>{groupLine(g)}</Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
