/**
 * `plan parse`: timescale texts in on stdin, one per line; one JSON object per
 * line out, in the same order. Other tools check the engine through this, so the
 * shape is fixed: {"text","kind","due","milestones","reason"?}.
 *
 * It streams: lines are answered as they arrive and written in large chunks, so
 * 100,000 lines cost little more than the parsing itself.
 */
import { DEFAULT_READ_SETTINGS, parseTimescale, type ReadSettings, type Timescale } from "../plan";
import { parseArgs, readSettingsFrom } from "./args";
import { EXIT_OK, UsageError, type CliIo } from "./errors";

export const PARSE_USAGE = `Usage: plan parse [--fy-start MONTH] [--date-order DMY|MDY]

Reads timescales ("June 2006", "Q3 2024/25", "December 2006/ongoing"), one per line,
from standard input and writes one JSON object per line, in the same order:
  {"text": ..., "kind": ..., "due": "YYYY-MM-DD" or null, "milestones": [...], "reason": ...}
An empty line is an empty timescale and gets its own answer; "reason" appears only
when there is no due date and the rules say why.

Options:
  --fy-start MONTH       month the financial year starts, 1-12 or a name (default: April)
  --date-order DMY|MDY   day/month order for dates such as 05/09/12 (default: DMY, UK)
  -h, --help             show this help
`;

const OPTIONS = { "fy-start": "value", "date-order": "value" } as const;

/**
 * One line's answer, keys in the documented order. Built by hand rather than with
 * JSON.stringify on an object: kinds and ISO dates need no escaping, and this is
 * the only per-line cost besides the parse itself.
 */
export function parseLine(text: string, settings: ReadSettings): string {
  let t: Timescale;
  try {
    t = parseTimescale(text, settings);
  } catch (error) {
    // One bad line must not lose the answers for the lines after it: callers pair
    // answers with inputs by position.
    const why = error instanceof Error ? error.message : String(error);
    t = {
      text,
      kind: "unclear",
      due: null,
      milestones: [],
      reason: `Plan Tracker failed on this text: ${why}`,
    };
  }
  const due = t.due === null ? "null" : `"${t.due}"`;
  const milestones = t.milestones.length === 0 ? "[]" : `["${t.milestones.join('","')}"]`;
  const reason = t.reason === undefined ? "" : `,"reason":${JSON.stringify(t.reason)}`;
  return `{"text":${JSON.stringify(text)},"kind":"${t.kind}","due":${due},"milestones":${milestones}${reason}}`;
}

export async function runParse(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, OPTIONS, "parse");
  if (args.help) {
    io.stdout.write(PARSE_USAGE);
    return EXIT_OK;
  }
  if (args.positionals.length > 0) {
    throw new UsageError(
      `'plan parse' reads standard input and takes no file ('${args.positionals[0]}'); try: plan parse < timescales.txt`
    );
  }
  const settings: ReadSettings = { ...DEFAULT_READ_SETTINGS, ...readSettingsFrom(args) };

  let pending = "";
  let out = "";
  let first = true;
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    const ok = io.stdout.write(out);
    out = "";
    if (!ok) await new Promise<void>((resolve) => io.stdout.once("drain", () => resolve()));
  };
  const answer = (line: string): void => {
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    out += parseLine(text, settings) + "\n";
  };

  io.stdin.setEncoding("utf8");
  for await (const piece of io.stdin) {
    let chunk = typeof piece === "string" ? piece : (piece as Buffer).toString("utf8");
    if (first) {
      // A byte-order mark from a Windows editor is not part of the first timescale.
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = chunk.length === 0;
    }
    let start = 0;
    let nl = chunk.indexOf("\n");
    while (nl >= 0) {
      answer(pending + chunk.slice(start, nl));
      pending = "";
      start = nl + 1;
      nl = chunk.indexOf("\n", start);
    }
    pending += chunk.slice(start);
    // Answer what has arrived before waiting for more: a caller that writes one line
    // and waits for its answer gets it, and a large input is still written in pieces
    // as big as the pieces it was read in.
    await flush();
  }
  // A last line without a newline is still a line; a final newline adds none.
  if (pending.length > 0) answer(pending);
  await flush();
  return EXIT_OK;
}
