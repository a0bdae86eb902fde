/**
 * The lists the officer works from: overdue actions (most overdue first) and actions with
 * no usable date (each with its reason). Clicking an action selects its cell in the plan.
 * Plan text is rendered as text by React, never as HTML.
 */
import * as React from "react";
import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { PaneHeading } from "./Headings";
import { formatLongDate, type CellRef, type SummaryItem } from "../../plan";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  item: {
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  action: { textAlign: "left", overflowWrap: "anywhere" },
  detail: { display: "block", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface ActionListProps {
  items: SummaryItem[];
  onSelect(ref: CellRef): void;
}

const days = (n: number): string => `${n} ${n === 1 ? "day" : "days"}`;

/** "Rec 1 · June 2006 · due 30 June 2006": where an action comes from and when it was due. */
function keyPart(item: SummaryItem): string {
  return item.key ? `Rec ${item.key} · ` : "";
}

function ActionLink({
  item,
  onSelect,
}: {
  item: SummaryItem;
  onSelect(ref: CellRef): void;
}): React.ReactElement {
  const styles = useStyles();
  return (
    <Link
      as="button"
      className={styles.action}
      onClick={() => onSelect(item.source)}
      title={`Go to ${item.source.sheet}!${item.source.address}`}
    >
      {item.action || "(no action text)"}
    </Link>
  );
}

export function OverdueList({ items, onSelect }: ActionListProps): React.ReactElement {
  const styles = useStyles();
  return (
    <section aria-labelledby="overdue-heading">
      <PaneHeading id="overdue-heading">Overdue ({items.length})</PaneHeading>
      {items.length === 0 ? (
        <p className={styles.empty}>Nothing is overdue.</p>
      ) : (
        <ol className={styles.list} data-testid="overdue-list">
          {items.map((item) => (
            <li key={item.index} className={styles.item}>
              <ActionLink item={item} onSelect={onSelect} />
              <Caption1 className={styles.detail}>
                {keyPart(item)}
                {item.timescale}
                {item.due ? ` · due ${formatLongDate(item.due)}` : ""}
                {item.daysOverdue !== null ? ` · ${days(item.daysOverdue)} overdue` : ""}
              </Caption1>
              {item.lead ? <Caption1 className={styles.detail}>Lead: {item.lead}</Caption1> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function DueSoonList({ items, onSelect }: ActionListProps): React.ReactElement | null {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="due-soon-heading">
      <PaneHeading id="due-soon-heading">Due soon ({items.length})</PaneHeading>
      <ol className={styles.list} data-testid="due-soon-list">
        {items.map((item) => (
          <li key={item.index} className={styles.item}>
            <ActionLink item={item} onSelect={onSelect} />
            <Caption1 className={styles.detail}>
              {keyPart(item)}
              {item.timescale}
              {item.due ? ` · due ${formatLongDate(item.due)}` : ""}
            </Caption1>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function NoDateList({ items, onSelect }: ActionListProps): React.ReactElement {
  const styles = useStyles();
  return (
    <section aria-labelledby="no-date-heading">
      <PaneHeading id="no-date-heading">No date ({items.length})</PaneHeading>
      {items.length === 0 ? (
        <p className={styles.empty}>Every action has a date Plan Tracker can read.</p>
      ) : (
        <ul className={styles.list} data-testid="no-date-list">
          {items.map((item) => (
            <li key={item.index} className={styles.item}>
              <ActionLink item={item} onSelect={onSelect} />
              <Caption1 className={styles.detail}>
                {keyPart(item)}
                {item.timescale ? `“${item.timescale}”` : "(no timescale)"}
              </Caption1>
              <Caption1 className={styles.detail}>
                {item.reason ?? "Needs a date the plan can be judged by."}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
