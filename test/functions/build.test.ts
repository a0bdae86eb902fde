/**
 * The production webpack build (one build, shared by every test here, into
 * .tmp/functions/dist): one page hosting both bundles, functions.json from the
 * JSDoc, the functions' bundle free of React and Fluent, and the development URL
 * rewritten to PLAN_TRACKER_URL in the manifest and in functions.json.
 * Slow (a full build, about a minute), so it is built once.
 */
import * as fs from "fs";
import * as path from "path";
import { execFile } from "child_process";
import type webpack from "webpack";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const root = path.join(__dirname, "..", "..");
const out = path.join(root, ".tmp", "functions", "dist");
const PROD = "https://plans.example.gov.uk/tracker/";

let stats: webpack.StatsCompilation;

/** The task pane's entry and page; a stand-in under .tmp only while the pane is not written yet. */
function taskpaneOverrides(): Record<string, string> {
  if (
    fs.existsSync(path.join(root, "src", "taskpane", "index.tsx")) &&
    fs.existsSync(path.join(root, "src", "taskpane", "taskpane.html"))
  ) {
    return {};
  }
  const dir = path.join(root, ".tmp", "functions", "standin");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "index.tsx"),
    'import * as React from "react";\nexport const pane = React.createElement("div");\n'
  );
  fs.writeFileSync(
    path.join(dir, "taskpane.html"),
    "<!doctype html><html><head><title>stand-in</title></head><body></body></html>\n"
  );
  return {
    taskpaneEntry: path.join(dir, "index.tsx"),
    taskpaneTemplate: path.join(dir, "taskpane.html"),
  };
}

beforeAll(async () => {
  // A child process, as `npm run build` runs it: copy-webpack-plugin imports ES modules
  // dynamically, which jest's module sandbox cannot do.
  const env = Object.entries(taskpaneOverrides()).flatMap(([k, v]) => ["--env", `${k}=${v}`]);
  const statsFile = path.join(root, ".tmp", "functions", "stats.json");
  fs.rmSync(out, { recursive: true, force: true });
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--output-path",
        out,
        `--json=${statsFile}`,
        ...env,
      ],
      // The config adds the trailing slash: build with the URL as an officer would type it.
      {
        cwd: root,
        env: { ...process.env, PLAN_TRACKER_URL: PROD.replace(/\/$/, "") },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`webpack failed: ${stderr || error.message}`)) : resolve()
    );
  });
  stats = JSON.parse(fs.readFileSync(statsFile, "utf8"));
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
  if (at("office.js") >= 0) expect(at("office.js")).toBeLessThan(at("functions.js"));
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
      /^\.\/src\/(plan\/|functions\/|workbook\/(locate|blocks)\.ts|report\/history\.ts)/
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
