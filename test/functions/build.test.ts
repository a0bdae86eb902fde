/**
 * The production webpack build (made once, shared with the security scan:
 * test/support/production-build.ts): one page hosting both bundles, functions.json from the
 * JSDoc, the functions' bundle free of React and Fluent, and the development URL
 * rewritten to PLAN_TRACKER_URL in the manifest and in functions.json.
 */
import * as fs from "fs";
import * as path from "path";
import type webpack from "webpack";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  ADDIN_OUT,
  ADDIN_STATS,
  PRODUCTION_URL,
  ensureProductionBuild,
} from "../support/production-build";
import { ROOT as root } from "../support/build-once";

const out = ADDIN_OUT;
const PROD = PRODUCTION_URL;

let stats: webpack.StatsCompilation;

beforeAll(() => {
  ensureProductionBuild();
  stats = JSON.parse(fs.readFileSync(ADDIN_STATS, "utf8"));
}, 600_000);

const read = (name: string) => fs.readFileSync(path.join(out, name), "utf8");

it("emits one page, both bundles, functions.json, the manifest and the icons", () => {
  for (const name of [
    "taskpane.html",
    "functions.js",
    "taskpane.js",
    "functions.json",
    "manifest.xml",
  ]) {
    expect(fs.existsSync(path.join(out, name))).toBe(true);
  }
  for (const size of [16, 32, 64, 80, 128])
    expect(fs.existsSync(path.join(out, "assets", `icon-${size}.png`))).toBe(true);
  expect(fs.existsSync(path.join(out, "functions.html"))).toBe(false); // the shared runtime has one page
});

it("loads office.js, then the functions, then the pane, in taskpane.html", () => {
  const html = read("taskpane.html");
  const at = (needle: string) => html.indexOf(needle);
  expect(at("functions.js")).toBeGreaterThan(-1);
  expect(at("taskpane.js")).toBeGreaterThan(at("functions.js"));
  // Office.js must load first, from Microsoft's CDN: without it neither bundle can start.
  expect(at("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")).toBeGreaterThan(-1);
  expect(at("office.js")).toBeLessThan(at("functions.js"));
});

it("keeps React and Fluent out of the functions' bundle", () => {
  const chunk = stats.chunks!.find((c) => c.names?.includes("functions"))!;
  const modules = (chunk.modules ?? []).flatMap((m) => [
    m.name ?? "",
    ...(m.modules ?? []).map((n) => n.name ?? ""),
  ]);
  const sources = modules
    .filter((n) => n.startsWith("./src/"))
    .map((n) => n.replace(/ \+ \d+ modules$/, ""));
  expect(sources.length).toBeGreaterThan(5);
  for (const source of sources)
    expect(source).toMatch(
      /^\.\/src\/(plan\/|functions\/|workbook\/(locate|blocks)\.ts|report\/(history|stored-settings)\.ts)/
    );
  expect(
    modules.filter((n) => /node_modules\/(react|react-dom|scheduler|@fluentui|@griffel)\//.test(n))
  ).toEqual([]);
  const code = read("functions.js");
  for (const marker of [
    "react.production",
    "__SECRET_INTERNALS",
    "fluentui",
    "FluentProvider",
    "griffel",
  ]) {
    expect({ marker, found: code.includes(marker) }).toEqual({ marker, found: false });
  }
  // The pane's bundle, by contrast, does carry React: the check looks at the right thing.
  expect(read("taskpane.js")).toMatch(/react/i);
});

it("registers every function: the plugin appended an associate call per function", () => {
  const code = read("functions.js");
  const ids = [...code.matchAll(/CustomFunctions\.associate\("([A-Z.]+)"/g)].map((m) => m[1]);
  const metadata = JSON.parse(read("functions.json")).functions.map((f: { id: string }) => f.id);
  expect(ids).toEqual(metadata);
  expect(ids).toEqual(["OVERDUE", "STATUS", "DUE", "DAYSOVERDUE", "COUNT", "SUMMARY"]);
});

it("emits the generator's functions.json, with help links on the production URL", async () => {
  const generated = await generateCustomFunctionsMetadata(
    path.join(root, "src", "functions", "functions.ts")
  );
  expect(read("functions.json")).toBe(
    generated.metadataJson.split("https://localhost:3000/").join(PROD)
  );
  expect(read("functions.json")).not.toContain("localhost");
});

it("rewrites the manifest's development URL to PLAN_TRACKER_URL and nothing else", () => {
  const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const built = read("manifest.xml");
  expect(built).not.toContain("localhost");
  expect(built).toBe(source.split("https://localhost:3000/").join(PROD));
  expect(built).toContain(`DefaultValue="${PROD}taskpane.html"`);
});
