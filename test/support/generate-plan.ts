/**
 * Deterministic generated plans for scale tests and benchmarks: an officer's layout
 * (one row per recommendation, multi-line Action and Timescale cells, a repeated header
 * row now and then, as in a pasted report) at any size. Same seed, same plan.
 */
import { MONTH_NAMES, type CellValue } from "../../src/plan";

export const HEADER = [
  "No.",
  "Recommendation",
  "Area of Evaluation",
  "Comments",
  "Action Required",
  "Timescale",
  "Lead Area of Service",
];

const MONTHS = MONTH_NAMES;
const AREAS = [
  "2. Social Enquiry Reports",
  "3. Supervision",
  "4. High Risk Offenders",
  "5. Community Service",
  "6. Organisation and Management",
];
const LEADS = [
  "Head of Justice Services",
  "Service Manager",
  "Team Leader (North)",
  "Team Leader (South)",
];

/** A small, fast, seeded generator (mulberry32), so runs are repeatable without a dependency. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A timescale in one of the forms real plans use, in years from `firstYear` over `years` years. */
export function timescaleText(rand: () => number, firstYear = 2004, years = 7): string {
  const m = MONTHS[Math.floor(rand() * 12)];
  const y = firstYear + Math.floor(rand() * years);
  const r = rand();
  if (r < 0.55) return `${m} ${y}`;
  if (r < 0.65) return `${m} ${y}/ongoing`;
  if (r < 0.72) return `${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/${y}`;
  if (r < 0.78)
    return `Q${1 + Math.floor(rand() * 4)} ${y}/${String((y + 1) % 100).padStart(2, "0")}`;
  if (r < 0.84) return `${m} ${y} and ${MONTHS[Math.floor(rand() * 12)]} ${y + 1}`;
  if (r < 0.88) return `Ongoing ${y}/${String((y + 1) % 100).padStart(2, "0")}`;
  if (r < 0.92) return "Ongoing";
  if (r < 0.95) return "TBC";
  return `End of ${m} ${y}`;
}

export interface GeneratedPlan {
  values: CellValue[][];
  recommendations: number;
  actions: number;
}

/**
 * `rows` recommendation rows of `actionsPerRow` actions each, with a repeated header
 * row every `headerEvery` rows (0: never).
 */
export function generatePlan(
  rows: number,
  actionsPerRow = 5,
  seed = 1,
  headerEvery = 40
): GeneratedPlan {
  const rand = seededRandom(seed);
  const values: CellValue[][] = [HEADER.slice()];
  for (let r = 1; r <= rows; r++) {
    if (headerEvery > 0 && r % headerEvery === 0) values.push(HEADER.slice());
    const actions: string[] = [];
    const scales: string[] = [];
    for (let a = 1; a <= actionsPerRow; a++) {
      actions.push(`• Action ${r}.${a}: review and report on item ${Math.floor(rand() * 1e6)}`);
      scales.push(timescaleText(rand));
    }
    values.push([
      String(r),
      `Recommendation ${r}: improve the service in respect of finding ${r}`,
      AREAS[r % AREAS.length],
      `Update ${r}: work is in hand\nLatest: reported to the working group`,
      actions.join("\n"),
      scales.join("\n"),
      LEADS[r % LEADS.length],
    ]);
  }
  return { values, recommendations: rows, actions: rows * actionsPerRow };
}

/** `count` distinct timescale strings of the forms above (distinct: no credit for caching). */
export function distinctTimescales(count: number, seed = 7): string[] {
  const rand = seededRandom(seed);
  const seen = new Set<string>();
  const out: string[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    let text = timescaleText(rand, 1950, 100);
    if (seen.has(text)) text = `${text} (action ${out.length})`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}
