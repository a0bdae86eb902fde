/**
 * Which plan the pane reads. A workbook may hold several (two councils' plans, last year's
 * and this year's), so the officer picks one; with a single plan it is just named.
 */
import * as React from "react";
import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PlanCandidate } from "../../workbook/api";

const useStyles = makeStyles({
  reading: { display: "block", color: tokens.colorNeutralForeground2 },
});

export interface PlanPickerProps {
  candidates: PlanCandidate[];
  selectedId: string | null;
  disabled?: boolean;
  onPick(candidateId: string): void;
}

export function PlanPicker({
  candidates,
  selectedId,
  disabled,
  onPick,
}: PlanPickerProps): React.ReactElement | null {
  const styles = useStyles();
  if (candidates.length === 0) return null;
  if (candidates.length === 1) {
    return (
      <Text className={styles.reading} size={200}>
        Reading: <strong>{candidates[0].label}</strong>
      </Text>
    );
  }
  return (
    <Field label="Plan to read" hint={`${candidates.length} plans found in this workbook`}>
      <Select
        value={selectedId ?? candidates[0].id}
        disabled={disabled}
        onChange={(_, data) => onPick(data.value)}
      >
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
