#!/usr/bin/env node
/**
 * Bundle budgets: each production bundle's minified and gzipped size must stay within
 * bundle-budget.json (set at the size measured when the budget was last set, plus 10%).
 *
 * - In the build: webpack.config.js adds BundleBudgetPlugin to production builds, so
 *   `npm run build` (and the production build test/functions/build.test.ts already makes)
 *   fails when a bundle outgrows its budget. No extra build, no extra test time.
 * - By hand: `node scripts/check-bundle-budget.js [DIR]` checks built bundles in DIR
 *   (default dist/addin); `--set` writes a new budget from them (measured + 10%), for when
 *   growth is deliberate and explained in the commit.
 *
 * Why a budget: the pane loads inside Excel on every open, often on council laptops over
 * slow links, and the functions' bundle must stay small and free of React/Fluent. The 10%
 * headroom lets ordinary fixes land; a new library or an accidental import of the pane into
 * the functions shows up as a failed build, not as a slow add-in months later.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "..");
const BUDGET_FILE = path.join(ROOT, "bundle-budget.json");
/** Headroom over the measured size when a budget is set. */
const HEADROOM_PERCENT = 10;

/** A bundle is a JavaScript file webpack emits (not its source map, not its licence notes). */
function isBundle(name) {
  return name.endsWith(".js") && !name.includes("/");
}

/**
 * Minified size is the file as webpack writes it; gzipped size is zlib's default level (6),
 * what a web server compressing on the fly typically sends.
 */
function measure(name, content) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return { name, minified: buffer.length, gzip: zlib.gzipSync(buffer).length };
}

/** Sizes of every bundle in a built folder, sorted by name. */
function measureDir(dir) {
  return fs
    .readdirSync(dir)
    .filter(isBundle)
    .sort()
    .map((name) => measure(name, fs.readFileSync(path.join(dir, name))));
}

function readBudget(file = BUDGET_FILE) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

const bytes = (n) => `${n.toLocaleString("en-GB")} bytes`;

/**
 * Compares measured sizes with a budget. Returns the problems in plain words (empty when all
 * fit): a bundle over either of its limits, a bundle with no budget (so a new bundle is sized
 * on purpose), and a budgeted bundle the build no longer makes (so a stale budget is noticed).
 */
function checkBudget(sizes, budget) {
  const problems = [];
  const limits = budget.bundles || {};
  for (const size of sizes) {
    const limit = limits[size.name];
    if (!limit) {
      problems.push(
        `${size.name} has no budget in bundle-budget.json; ` +
          "run `node scripts/check-bundle-budget.js --set` after a production build to set one."
      );
      continue;
    }
    for (const kind of ["minified", "gzip"]) {
      if (size[kind] > limit[kind]) {
        problems.push(
          `${size.name} is ${bytes(size[kind])} ${kind === "gzip" ? "gzipped" : "minified"}, ` +
            `over its budget of ${bytes(limit[kind])} (bundle-budget.json).`
        );
      }
    }
  }
  for (const name of Object.keys(limits)) {
    if (!sizes.some((s) => s.name === name)) {
      problems.push(
        `bundle-budget.json has a budget for ${name}, which the build no longer makes.`
      );
    }
  }
  return problems;
}

/** A budget of measured size + 10% (rounded up) for each bundle. */
function budgetFrom(sizes) {
  const bundles = {};
  for (const s of sizes) {
    bundles[s.name] = {
      minified: Math.ceil((s.minified * (100 + HEADROOM_PERCENT)) / 100),
      gzip: Math.ceil((s.gzip * (100 + HEADROOM_PERCENT)) / 100),
      measured: { minified: s.minified, gzip: s.gzip },
    };
  }
  return {
    note:
      "Production bundle budgets in bytes: the size measured when the budget was set plus 10%. " +
      "The production build fails above them (scripts/check-bundle-budget.js; docs/security.md).",
    bundles,
  };
}

/**
 * Fails a production webpack build whose bundles outgrow the budget. It measures the final
 * assets just before they are written (the `emit` hook: after webpack has decided to write
 * them, so the oversized files are still there to inspect) and reports each problem as a
 * compilation error, which makes webpack-cli exit non-zero.
 */
class BundleBudgetPlugin {
  constructor(options = {}) {
    this.budgetFile = options.budgetFile || BUDGET_FILE;
    this.budget = options.budget;
  }
  apply(compiler) {
    compiler.hooks.emit.tap("BundleBudgetPlugin", (compilation) => {
      const sizes = Object.keys(compilation.assets)
        .filter(isBundle)
        .sort()
        .map((name) => measure(name, compilation.getAsset(name).source.buffer()));
      const budget = this.budget || readBudget(this.budgetFile);
      for (const problem of checkBudget(sizes, budget)) {
        compilation.errors.push(new compiler.webpack.WebpackError(`Bundle budget: ${problem}`));
      }
    });
  }
}

module.exports = {
  BundleBudgetPlugin,
  budgetFrom,
  checkBudget,
  measure,
  measureDir,
  readBudget,
  BUDGET_FILE,
};

if (require.main === module) {
  const args = process.argv.slice(2);
  const set = args.includes("--set");
  const dir = path.resolve(
    args.find((a) => !a.startsWith("--")) || path.join(ROOT, "dist", "addin")
  );
  const sizes = measureDir(dir);
  if (sizes.length === 0) {
    process.stderr.write(`No bundles in ${dir}: run \`npm run build\` first.\n`);
    process.exit(2);
  }
  for (const s of sizes)
    process.stdout.write(`${s.name}: ${bytes(s.minified)} minified, ${bytes(s.gzip)} gzipped\n`);
  if (set) {
    fs.writeFileSync(BUDGET_FILE, JSON.stringify(budgetFrom(sizes), null, 2) + "\n");
    process.stdout.write(
      `Budget written to ${path.relative(ROOT, BUDGET_FILE)} (measured + 10%).\n`
    );
  } else {
    const problems = checkBudget(sizes, readBudget());
    for (const p of problems) process.stderr.write(`${p}\n`);
    process.exit(problems.length ? 1 : 0);
  }
}
