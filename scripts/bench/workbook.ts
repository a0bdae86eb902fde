/**
 * The task pane's "Build committee summary" against the Excel API test double: how many
 * context.sync() calls it spends and the largest request and response, for generated plans
 * of 5,000 and 25,000 recommendation rows (Excel on the web refuses anything over 5 MB).
 */
import { measureSummaryFlow } from "../../test/double/bench-support";
import type { Row } from "./measure";

const MB = 1024 * 1024;

export async function workbookBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [5_000, 25_000]) {
    const f = await measureSummaryFlow(n);
    const largest = Math.max(f.maxRequestBytes, f.maxResponseBytes);
    rows.push({
      what: `pane: build summary, ${n.toLocaleString("en-GB")} rows (${f.actions.toLocaleString("en-GB")} actions, ${f.listed.toLocaleString("en-GB")} listed)`,
      figure: `${f.syncs} syncs (${f.readSyncs} read + ${f.writeSyncs} write); largest request ${(f.maxRequestBytes / MB).toFixed(1)} MB, response ${(f.maxResponseBytes / MB).toFixed(1)} MB`,
      goal: n === 5_000 ? "≤ 3 syncs, ≤ 5 MB" : "≤ 5 MB a request",
      pass: (n !== 5_000 || f.syncs <= 3) && largest <= 5 * MB,
    });
  }
  return rows;
}
