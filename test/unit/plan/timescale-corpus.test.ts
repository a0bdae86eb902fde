/**
 * The labelled corpus of real plans' timescales (shared/corpus, copied into the repo):
 * every line must parse to its labelled due date and kind. The score is printed so a
 * regression shows how far it fell, and anything under 100% fails.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseTimescale } from "../../../src/plan/timescale";

interface Labelled {
  text: string;
  kind: string;
  due: string | null;
  milestones: string[];
}

const lines: Labelled[] = readFileSync(
  join(__dirname, "../../fixtures/corpus/timescales-dev.jsonl"),
  "utf8"
)
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Labelled);

describe("timescale corpus", () => {
  it("has the labelled lines", () => {
    expect(lines.length).toBeGreaterThan(90);
  });

  it("parses every line to its labelled kind, due date and milestones", () => {
    const misses: string[] = [];
    for (const l of lines) {
      const got = parseTimescale(l.text);
      const ok =
        got.kind === l.kind &&
        got.due === l.due &&
        JSON.stringify(got.milestones) === JSON.stringify(l.milestones);
      if (!ok) {
        misses.push(
          `${JSON.stringify(l.text)}: want ${l.kind} ${l.due} ${l.milestones} / got ${got.kind} ${got.due} ${got.milestones} ${got.reason ?? ""}`
        );
      }
    }
    const score = (100 * (lines.length - misses.length)) / lines.length;

    console.log(
      `timescale corpus: ${lines.length - misses.length}/${lines.length} (${score.toFixed(1)}%)`
    );
    expect(misses).toEqual([]);
  });

  it.each(lines.map((l) => [l.text, l] as const))("%j parses to its label", (_text, l) => {
    const got = parseTimescale(l.text);
    expect({ kind: got.kind, due: got.due, milestones: got.milestones }).toEqual({
      kind: l.kind,
      due: l.due,
      milestones: l.milestones,
    });
  });
});
