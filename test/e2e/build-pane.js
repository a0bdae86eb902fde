/**
 * Builds the add-in page for the browser tests: the project's own webpack.config.js in
 * development mode, plus one extra entry (the Excel test double that stands in for Office.js),
 * into the folder given as the first argument. Run as a plain Node process, not inside jest:
 * jest's module registry resolves webpack's nested dependencies (ajv) differently and breaks them.
 */
const path = require("path");
const webpack = require("webpack");

const root = path.resolve(__dirname, "../..");
const out = path.resolve(process.argv[2] || path.join(root, ".tmp/e2e/dist"));

async function main() {
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = await makeConfig({}, { mode: "development" });
  config.mode = "development";
  config.context = root;
  config.entry = { ...config.entry, "office-double": "./test/e2e/office-double.ts" };
  config.output = { ...config.output, path: out, clean: true };
  config.infrastructureLogging = { level: "error" };
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (err, result) => (err ? reject(err) : resolve(result)))
  );
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true, errorDetails: true }));
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
