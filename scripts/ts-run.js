#!/usr/bin/env node
// Runs a TypeScript script (and the TypeScript modules it imports) with the project's own
// `typescript`, transpiling each file in memory to CommonJS as Node loads it. Type checking
// is `tsc --noEmit`'s job in `npm test`; this only needs to be small and dependable.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
  resolveJsonModule: true,
};

for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = function compile(module, filename) {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      compilerOptions: options,
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write("usage: node scripts/ts-run.js SCRIPT.ts [ARGS...]\n");
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
