/**
 * `plan parse`: one JSON answer per input line, in order, as other tools rely on.
 * Run as a child process over the development corpus.
 */
import * as fs from "fs";
import * as path from "path";
import { parseTimescale } from "../../src/plan";
import { spawn } from "child_process";
import { BIN, ROOT, ensureCliBuilt, runPlan } from "./build";

interface Answer {
  text: string;
  kind: string;
  due: string | null;
  milestones: string[];
  reason?: string;
}

const corpus = fs
  .readFileSync(path.join(ROOT, "test", "fixtures", "corpus", "timescales-dev.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Answer);

function answers(stdout: string): Answer[] {
  expect(stdout.endsWith("\n") || stdout === "").toBe(true);
  return stdout === ""
    ? []
    : stdout
        .slice(0, -1)
        .split("\n")
        .map((line) => JSON.parse(line) as Answer);
}

/** What the engine itself says, in the documented key order. */
function engine(text: string, settings = {}): Answer {
  const t = parseTimescale(text, settings);
  return {
    text,
    kind: t.kind,
    due: t.due,
    milestones: t.milestones,
    ...(t.reason !== undefined ? { reason: t.reason } : {}),
  };
}

beforeAll(() => ensureCliBuilt());

describe("plan parse", () => {
  test("answers every corpus line, in order, the empty line included", () => {
    const texts = corpus.map((c) => c.text);
    expect(texts).toContain("");
    const run = runPlan(["parse"], { input: texts.join("\n") + "\n" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const got = answers(run.stdout);
    expect(got.map((a) => a.text)).toEqual(texts);
    got.forEach((answer, i) => expect(answer).toEqual(engine(texts[i])));
    // The seed plan's own timescales come out as the corpus labels them.
    const june = got[texts.indexOf("June 2006")];
    expect(june).toEqual({
      text: "June 2006",
      kind: "month",
      due: "2006-06-30",
      milestones: ["2006-06-30"],
    });
  });

  test("keys come in the documented order and reason only when the engine gives one", () => {
    const run = runPlan(["parse"], { input: "December 2006/ongoing\nDependent on funding\n" });
    const [first, second] = run.stdout.trim().split("\n");
    expect(first).toBe(
      '{"text":"December 2006/ongoing","kind":"milestone_then_ongoing","due":"2006-12-31","milestones":["2006-12-31"]}'
    );
    const unclear = JSON.parse(second) as Answer;
    expect(Object.keys(unclear)).toEqual(["text", "kind", "due", "milestones", "reason"]);
    expect(unclear.due).toBeNull();
    expect(unclear.reason).toEqual(expect.any(String));
  });

  test("lines end with \\n or \\r\\n; a final newline adds no line; a missing one loses none", () => {
    const texts = (stdout: string): string[] => answers(stdout).map((a) => a.text);
    expect(texts(runPlan(["parse"], { input: "June 2006\r\n\r\nQ3 2024/25\r\n" }).stdout)).toEqual([
      "June 2006",
      "",
      "Q3 2024/25",
    ]);
    expect(texts(runPlan(["parse"], { input: "June 2006\nQ3 2024/25" }).stdout)).toEqual([
      "June 2006",
      "Q3 2024/25",
    ]);
    expect(texts(runPlan(["parse"], { input: "\n" }).stdout)).toEqual([""]);
    expect(texts(runPlan(["parse"], { input: "\n\n" }).stdout)).toEqual(["", ""]);
    expect(runPlan(["parse"], { input: "" }).stdout).toBe("");
    expect(texts(runPlan(["parse"], { input: "\uFEFFJune 2006\n" }).stdout)).toEqual(["June 2006"]);
  });

  test("text is kept as written, quotes, tabs and non-ASCII included", () => {
    const input = ["March '07", 'He said "soon"', "Q1\t2024/25", "Été 2025 – ongoing"];
    const got = answers(runPlan(["parse"], { input: input.join("\n") }).stdout);
    expect(got.map((a) => a.text)).toEqual(input);
  });

  test("--fy-start and --date-order reach the engine", () => {
    const input = "Q1 2024/25\n05/09/12\n";
    const uk = answers(runPlan(["parse"], { input }).stdout);
    expect(uk[0].due).toBe("2024-06-30");
    expect(uk[1].due).toBe("2012-09-05");
    const us = answers(
      runPlan(["parse", "--fy-start", "July", "--date-order", "MDY"], { input }).stdout
    );
    expect(us[0]).toEqual(engine("Q1 2024/25", { financialYearStartMonth: 7 }));
    expect(us[0].due).not.toBe("2024-06-30");
    expect(us[1].due).toBe("2012-05-09");
    const byNumber = answers(
      runPlan(["parse", "--fy-start=7", "--date-order=mdy"], { input }).stdout
    );
    expect(byNumber).toEqual(us);
  });

  test("a large input comes back complete and in order", () => {
    const texts = corpus.map((c) => c.text);
    const lines: string[] = [];
    for (let i = 0; lines.length < 20_000; i++) lines.push(texts[i % texts.length]);
    const got = answers(runPlan(["parse"], { input: lines.join("\n") + "\n" }).stdout);
    expect(got).toHaveLength(lines.length);
    expect(got.map((a) => a.text)).toEqual(lines);
  });

  test("answers each line as it arrives, before the input ends", async () => {
    // A caller may keep plan parse open and ask one line at a time; if answers waited
    // for the end of the input this test would never see its first answer.
    const child = spawn(process.execPath, [BIN, "parse"], { cwd: ROOT });
    const lines: string[] = [];
    let buffered = "";
    const nextLine = (): Promise<string> =>
      new Promise((resolve, reject) => {
        const take = (): boolean => {
          const nl = buffered.indexOf("\n");
          if (nl < 0) return false;
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          resolve(line);
          return true;
        };
        if (take()) return;
        const onData = (chunk: Buffer): void => {
          buffered += chunk.toString("utf8");
          if (take()) child.stdout.off("data", onData);
        };
        child.stdout.on("data", onData);
        child.once("exit", (code) => reject(new Error(`plan parse ended early (${code})`)));
      });
    child.stdin.write("June 2006\n");
    lines.push(await nextLine());
    child.stdin.write("Q3 2024/25\n");
    lines.push(await nextLine());
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(code).toBe(0);
    expect(lines.map((l) => JSON.parse(l).due)).toEqual(["2006-06-30", "2024-12-31"]);
  });

  test("--help prints the usage", () => {
    const run = runPlan(["parse", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: plan parse/);
    expect(run.stdout).toContain("--fy-start");
  });
});
