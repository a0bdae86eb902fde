/**
 * Figures for the benchmark (`npm run bench`) and the budget tests: a generated plan of N
 * recommendation rows (four actions each, in multi-line cells like the sample's), read and
 * summarised through the real workbook module against the double, counting syncs and
 * measuring every request and response.
 *
 * The generated plan is a plausible council plan part-way through: as at 2025-06-30 about one
 * action in eight is overdue, a few are due soon, most are not yet due or ongoing, so the
 * committee summary lists a few thousand actions for a 5,000-row plan.
 */
import { createExcelDouble, type DoubleStats } from "./index";
import { modelFromValues } from "./from-values";
import { createExcelWorkbook } from "../../src/workbook/excel-workbook";
import { DEFAULT_PLAN_SETTINGS } from "../../src/workbook/api";
import { MONTH_NAMES, judgePlan, summarise } from "../../src/plan";

export const BENCH_AS_AT = "2025-06-30";

const AREAS = [
  "Assessment and Care Management",
  "Safeguarding",
  "Workforce",
  "Performance Management",
  "Partnership Working",
  "Finance",
  "Housing Support",
  "Community Justice",
];
const LEADS = [
  "Head of Justice Services",
  "Service Manager (Adults)",
  "Team Leader, Criminal Justice",
  "Chief Social Work Officer",
  "Principal Officer (Quality)",
  "Finance Manager",
];
const MONTHS = MONTH_NAMES;
const VERBS = [
  "Review",
  "Introduce",
  "Audit",
  "Train staff in",
  "Report to committee on",
  "Agree a protocol for",
  "Publish guidance on",
  "Monitor",
];
const THINGS = [
  "case recording standards",
  "risk assessment practice",
  "supervision arrangements",
  "the quality of reports",
  "joint working with health",
  "waiting times for assessment",
  "the use of outcome measures",
  "complaints handling",
];

/** Deterministic pseudo-random numbers, so every run reads the same plan. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Timescales mostly after the as-at date; about one in eight before it. */
function timescale(r: () => number): string {
  const x = r();
  if (x < 0.06) return "Ongoing";
  if (x < 0.09) return `${MONTHS[Math.floor(r() * 12)]} 2025/ongoing`;
  if (x < 0.215) return `${MONTHS[Math.floor(r() * 5)]} 2025`; // January-May 2025: overdue at 30 June
  if (x < 0.26) return "14/07/2025"; // due soon (within 30 days)
  const year = 2025 + Math.floor(r() * 2);
  const month = year === 2025 ? 8 + Math.floor(r() * 5) : 1 + Math.floor(r() * 12);
  return `${MONTHS[month - 1]} ${year}`;
}

export function generatePlanValues(rows: number, seed = 2006): (string | number)[][] {
  const r = rng(seed);
  const values: (string | number)[][] = [
    [
      "No.",
      "Recommendation",
      "Area of Evaluation",
      "Comments",
      "Action Required",
      "Timescale",
      "Lead Area of Service",
    ],
  ];
  for (let i = 1; i <= rows; i++) {
    const actions: string[] = [];
    const times: string[] = [];
    for (let j = 0; j < 4; j++) {
      actions.push(
        `• ${VERBS[Math.floor(r() * VERBS.length)]} ${THINGS[Math.floor(r() * THINGS.length)]} (${i}.${j + 1})`
      );
      times.push(timescale(r));
    }
    values.push([
      String(i),
      `Improve ${THINGS[Math.floor(r() * THINGS.length)]} so that every service user receives a consistent service (${i})`,
      AREAS[i % AREAS.length],
      `Progress reported to the ${MONTHS[i % 12]} meeting; further update due.`,
      actions.join("\n"),
      times.join("\n"),
      LEADS[i % LEADS.length],
    ]);
  }
  return values;
}

export interface BenchFigures {
  rows: number;
  actions: number;
  listed: number;
  /** Syncs spent on loadPlan + loadHistory + buildSummary (the officer's "build" click). */
  syncs: number;
  readSyncs: number;
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  counts: Record<string, number>;
}

/** Lists, reads and summarises a generated plan of `rows` recommendation rows; returns the figures. */
export async function measureSummaryFlow(rows: number): Promise<BenchFigures> {
  const model = modelFromValues(
    { sheet: "Improvement Plan", values: generatePlanValues(rows) },
    { table: "ImprovementPlan" }
  );
  const double = createExcelDouble(model);
  const restore = double.install();
  try {
    const api = createExcelWorkbook();
    const [candidate] = await api.listPlans();
    double.resetStats();
    const settings = { ...DEFAULT_PLAN_SETTINGS, asAt: BENCH_AS_AT };
    const { result } = await api.loadPlan(candidate.id, settings);
    if (!result.ok) throw new Error(result.problem.message);
    const history = await api.loadHistory();
    const read: DoubleStats = { ...double.stats, requests: double.stats.requests.slice() };
    const plan = result.plan;
    const statuses = judgePlan(plan, { asAt: BENCH_AS_AT, dueSoonDays: 30 });
    const summary = summarise(plan, statuses, {
      asAt: BENCH_AS_AT,
      builtAt: "2025-06-30T09:00:00.000Z",
      dueSoonDays: 30,
      planName: "Generated plan",
      source: candidate.table ?? candidate.sheet,
      previous: history[history.length - 1] ?? null,
    });
    await api.buildSummary(summary, settings);
    return {
      rows,
      actions: plan.actions.length,
      listed:
        summary.overdue.length +
        summary.dueSoon.length +
        summary.noDate.length +
        summary.onHold.length +
        summary.slipped.length,
      syncs: double.stats.syncs,
      readSyncs: read.syncs,
      writeSyncs: double.stats.syncs - read.syncs,
      maxRequestBytes: double.stats.maxRequestBytes,
      maxResponseBytes: double.stats.maxResponseBytes,
      counts: { ...summary.counts },
    };
  } finally {
    restore();
  }
}
