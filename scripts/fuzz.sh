#!/usr/bin/env bash
# The long fuzz run: the same suite as `npm test` runs (test/fuzz), at 25 times as many cases
# per property and with a fresh seed each time unless FUZZ_SEED is given. Each test file prints
# one line with the cases it ran; a failure prints its seed and path, so it can be replayed with
#   FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx jest test/fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_RUNS="${FUZZ_RUNS:-3750}"
export FUZZ_SEED="${FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
echo "fuzz: FUZZ_RUNS=$FUZZ_RUNS FUZZ_SEED=$FUZZ_SEED"
npx jest --ci test/fuzz "$@"
