/**
 * The settings the plan is judged by, saved in the workbook (WorkbookApi.saveSettings), so
 * everyone who opens the file sees the same figures. The officer edits a draft and applies it
 * once, so typing a number does not re-judge the plan at every keystroke.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { MONTH_NAMES, parseIsoDate, type DateOrder, type IsoDate } from "../../plan";
import type { PlanSettings } from "../../workbook/api";

const MONTHS = MONTH_NAMES;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  fieldset: { border: "none", margin: 0, padding: 0 },
});

export interface SettingsFormProps {
  settings: PlanSettings;
  /** What an empty as-at date means (today), shown in the field. */
  today: IsoDate;
  disabled?: boolean;
  onApply(settings: PlanSettings): void;
}

interface Draft {
  asAt: string;
  mode: "days" | "committee";
  days: string;
  committee: string;
  fyStart: string;
  dateOrder: DateOrder;
}

function toDraft(s: PlanSettings, today: IsoDate): Draft {
  return {
    asAt: s.asAt ?? today,
    mode: s.nextCommittee ? "committee" : "days",
    days: String(s.dueSoonDays),
    committee: s.nextCommittee ?? "",
    fyStart: String(s.financialYearStartMonth),
    dateOrder: s.dateOrder,
  };
}

interface Problems {
  asAt?: string;
  days?: string;
  committee?: string;
}

function check(d: Draft): Problems {
  const p: Problems = {};
  if (d.asAt !== "" && !parseIsoDate(d.asAt))
    p.asAt = "Enter a real date, or leave it empty for today.";
  if (d.mode === "days") {
    const n = Number(d.days);
    if (d.days.trim() === "" || !Number.isInteger(n) || n < 0 || n > 366) {
      p.days = "Enter a whole number of days from 0 to 366.";
    }
  } else if (!parseIsoDate(d.committee)) {
    p.committee = "Enter the date of the next committee.";
  }
  return p;
}

export function SettingsForm({
  settings,
  today,
  disabled,
  onApply,
}: SettingsFormProps): React.ReactElement {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<Draft>(() => toDraft(settings, today));
  const [showProblems, setShowProblems] = React.useState(false);
  // A fresh read of the workbook (another plan, a refresh) resets the draft. Not on mount:
  // effects run after paint, so a reset then could undo what the officer has already typed.
  const basis = React.useRef({ settings, today });
  React.useEffect(() => {
    if (basis.current.settings === settings && basis.current.today === today) return;
    basis.current = { settings, today };
    setDraft(toDraft(settings, today));
    setShowProblems(false);
  }, [settings, today]);

  const problems = check(draft);
  const shown = showProblems ? problems : {};
  const set = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));

  const submit = (ev: React.FormEvent) => {
    ev.preventDefault();
    if (Object.keys(problems).length > 0) {
      setShowProblems(true);
      return;
    }
    onApply({
      ...settings,
      asAt: draft.asAt === "" ? null : parseIsoDate(draft.asAt),
      dueSoonDays: draft.mode === "days" ? Number(draft.days) : settings.dueSoonDays,
      nextCommittee: draft.mode === "committee" ? parseIsoDate(draft.committee) : null,
      financialYearStartMonth: Number(draft.fyStart),
      dateOrder: draft.dateOrder,
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Settings" noValidate>
      <Field
        label="As at"
        hint="The date the plan is judged at. Empty means today."
        validationMessage={shown.asAt}
        validationState={shown.asAt ? "error" : "none"}
      >
        <Input
          type="date"
          value={draft.asAt}
          onChange={(_, data) => set({ asAt: data.value })}
          disabled={disabled}
        />
      </Field>
      <fieldset className={styles.fieldset}>
        <Field label="Due soon means">
          <RadioGroup
            value={draft.mode}
            onChange={(_, data) => set({ mode: data.value === "committee" ? "committee" : "days" })}
            disabled={disabled}
          >
            <Radio value="days" label="Due within a number of days" />
            <Radio value="committee" label="Due by the next committee" />
          </RadioGroup>
        </Field>
      </fieldset>
      {draft.mode === "days" ? (
        <Field
          label="Days"
          validationMessage={shown.days}
          validationState={shown.days ? "error" : "none"}
        >
          <Input
            type="number"
            min={0}
            max={366}
            value={draft.days}
            onChange={(_, data) => set({ days: data.value })}
            disabled={disabled}
          />
        </Field>
      ) : (
        <Field
          label="Next committee"
          validationMessage={shown.committee}
          validationState={shown.committee ? "error" : "none"}
        >
          <Input
            type="date"
            value={draft.committee}
            onChange={(_, data) => set({ committee: data.value })}
            disabled={disabled}
          />
        </Field>
      )}
      <div className={styles.row}>
        <Field label="Financial year starts" className={styles.grow}>
          <Select
            value={draft.fyStart}
            onChange={(_, data) => set({ fyStart: data.value })}
            disabled={disabled}
          >
            {MONTHS.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Dates like 05/09/12" className={styles.grow}>
          <Select
            value={draft.dateOrder}
            onChange={(_, data) => set({ dateOrder: data.value === "MDY" ? "MDY" : "DMY" })}
            disabled={disabled}
          >
            <option value="DMY">Day first (5 September)</option>
            <option value="MDY">Month first (9 May)</option>
          </Select>
        </Field>
      </div>
      <div>
        <Button type="submit" appearance="secondary" disabled={disabled}>
          Apply settings
        </Button>
      </div>
    </form>
  );
}
