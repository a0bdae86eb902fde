#!/usr/bin/env node
// The `plan` command. The TypeScript sources are compiled to dist/ by
// `npm run prepare` (run automatically after `npm ci`); this file only starts them.
"use strict";
const path = require("path");

let cli;
try {
  cli = require(path.join(__dirname, "..", "dist", "cli", "main.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("main.js")) {
    process.stderr.write(
      "plan: Plan Tracker is not built yet; run 'npm ci' (or 'npm run prepare') in the project folder first.\n"
    );
    process.exit(2);
  }
  throw error;
}
cli.run();
