/**
 * The bundle budget check (scripts/check-bundle-budget.js): the checker's verdicts on sizes,
 * and a real webpack production build of a tiny entry that fails when its bundle is over a
 * too-small budget and passes under a generous one. The project's own bundles are held to
 * bundle-budget.json by the production build test/functions/build.test.ts already makes
 * (webpack.config.js adds the plugin to production builds), so no second build is needed here.
 */
import { execFile } from "child_process";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { gunzipSync } from "zlib";

// A CommonJS script, so require() gives its exports their declared shapes only through this.
const checker = require("../../scripts/check-bundle-budget.js") as {
  measure(name: string, content: Buffer | string): Size;
  checkBudget(sizes: Size[], budget: Budget): string[];
  budgetFrom(sizes: Size[]): Budget;
  BUDGET_FILE: string;
};

interface Size {
  name: string;
  minified: number;
  gzip: number;
}
interface Budget {
  bundles: Record<string, { minified: number; gzip: number }>;
}

const ROOT = resolve(__dirname, "../..");
const WORK = join(ROOT, ".tmp/security/budget");

describe("the checker", () => {
  const sizes: Size[] = [
    { name: "functions.js", minified: 1000, gzip: 400 },
    { name: "taskpane.js", minified: 5000, gzip: 1500 },
  ];

  test("measures the file as written and its gzip, which really is the file gzipped", () => {
    const text = "const plan = 'Improvement Plan';\n".repeat(200);
    const size = checker.measure("x.js", text);
    expect(size.minified).toBe(Buffer.byteLength(text));
    expect(size.gzip).toBeLessThan(size.minified / 5); // repetitive text compresses well
    const gz = require("zlib").gzipSync(Buffer.from(text));
    expect(gunzipSync(gz).toString()).toBe(text);
    expect(size.gzip).toBe(gz.length);
  });

  test("the budget it sets is the measured size plus 10%, rounded up", () => {
    const budget = checker.budgetFrom(sizes);
    expect(budget.bundles["functions.js"]).toMatchObject({ minified: 1100, gzip: 440 });
    expect(budget.bundles["taskpane.js"]).toMatchObject({ minified: 5500, gzip: 1650 });
    expect(checker.checkBudget(sizes, budget)).toEqual([]);
  });

  test("a bundle over either limit is named with its size and its budget", () => {
    const budget: Budget = {
      bundles: {
        "functions.js": { minified: 999, gzip: 400 },
        "taskpane.js": { minified: 5000, gzip: 1499 },
      },
    };
    expect(checker.checkBudget(sizes, budget)).toEqual([
      "functions.js is 1,000 bytes minified, over its budget of 999 bytes (bundle-budget.json).",
      "taskpane.js is 1,500 bytes gzipped, over its budget of 1,499 bytes (bundle-budget.json).",
    ]);
  });

  test("a new bundle without a budget, and a budget for a bundle no longer built, are problems", () => {
    const budget: Budget = {
      bundles: {
        "functions.js": { minified: 2000, gzip: 2000 },
        "old.js": { minified: 2000, gzip: 2000 },
      },
    };
    const problems = checker.checkBudget(sizes, budget);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^taskpane\.js has no budget in bundle-budget\.json/);
    expect(problems[1]).toMatch(/budget for old\.js, which the build no longer makes/);
  });

  test("the project's budget covers exactly the two bundles, with 10% headroom over what was measured", () => {
    const budget = JSON.parse(readFileSync(checker.BUDGET_FILE, "utf8")) as {
      bundles: Record<string, { minified: number; gzip: number; measured: Size }>;
    };
    expect(Object.keys(budget.bundles).sort()).toEqual(["functions.js", "taskpane.js"]);
    for (const b of Object.values(budget.bundles)) {
      expect(b.minified).toBe(Math.ceil((b.measured.minified * 110) / 100));
      expect(b.gzip).toBe(Math.ceil((b.measured.gzip * 110) / 100));
    }
  });
});

/** A production webpack build of a tiny entry with the plugin and the given budget, in a child process. */
function buildTiny(
  budget: Budget
): Promise<{ code: number | null; errors: string[]; stderr: string }> {
  mkdirSync(WORK, { recursive: true });
  const entry = join(WORK, "tiny.js");
  writeFileSync(entry, 'document.title = "Plan Tracker " + [1, 2, 3].map((n) => n * 2).join();\n');
  const script = `
    const webpack = require("webpack");
    const { BundleBudgetPlugin } = require(${JSON.stringify(join(ROOT, "scripts/check-bundle-budget.js"))});
    webpack({
      mode: "production",
      context: ${JSON.stringify(WORK)},
      entry: { tiny: ${JSON.stringify(entry)} },
      output: { path: ${JSON.stringify(join(WORK, "dist"))}, filename: "[name].js", clean: true },
      plugins: [new BundleBudgetPlugin({ budget: ${JSON.stringify(budget)} })],
    }, (err, stats) => {
      if (err) { console.error(err); process.exit(3); }
      process.stdout.write(JSON.stringify(stats.toJson({ all: false, errors: true }).errors.map((e) => e.message)));
      process.exit(stats.hasErrors() ? 1 : 0);
    });`;
  return new Promise((done) => {
    execFile(process.execPath, ["-e", script], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (error.code as number) : 0;
      done({ code, errors: code === 3 ? [stderr] : JSON.parse(stdout || "[]"), stderr });
    });
  });
}

describe("in a webpack production build", () => {
  test("a bundle over a too-small budget fails the build, naming the bundle", async () => {
    const { code, errors } = await buildTiny({
      bundles: { "tiny.js": { minified: 10, gzip: 10 } },
    });
    expect(code).toBe(1);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^Bundle budget: tiny\.js is \d+ bytes minified, over its budget of 10 bytes/
    );
    expect(errors[1]).toMatch(
      /^Bundle budget: tiny\.js is \d+ bytes gzipped, over its budget of 10 bytes/
    );
  }, 60_000);

  test("the same build under a generous budget passes", async () => {
    const { code, errors } = await buildTiny({
      bundles: { "tiny.js": { minified: 10_000, gzip: 10_000 } },
    });
    expect(errors).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  test("webpack.config.js checks the budget in production builds only", async () => {
    const makeConfig = require("../../webpack.config.js") as (
      env: object,
      options: { mode: string }
    ) => Promise<{ plugins: object[] }>;
    const names = async (mode: string) =>
      (await makeConfig({}, { mode })).plugins.map((p) => p.constructor.name);
    expect(await names("production")).toContain("BundleBudgetPlugin");
    expect(await names("development")).not.toContain("BundleBudgetPlugin");
  });
});
