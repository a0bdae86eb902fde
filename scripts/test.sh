#!/usr/bin/env bash
# The one test command (README, .ci/run): install what the tests need, type-check, lint, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
bash scripts/ensure-system-deps.sh
npx tsc --noEmit -p tsconfig.json
npm run -s lint
npx jest --ci "$@"
