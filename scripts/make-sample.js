#!/usr/bin/env node
// Runs scripts/make-sample.ts without a TypeScript runner: the project's own
// `typescript` compiles it in memory to CommonJS, which Node then runs.
"use strict";
const fs = require("fs");
const path = require("path");
const Module = require("module");
const ts = require("typescript");

const file = path.join(__dirname, "make-sample.ts");
const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
  compilerOptions: {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
    esModuleInterop: true,
  },
  fileName: file,
});
const compiled = new Module(file, module);
compiled.filename = file;
compiled.paths = Module._nodeModulePaths(__dirname);
process.env.PLAN_MAKE_SAMPLE = "run";
compiled._compile(outputText, file);
