#!/usr/bin/env bash
# Command (b): install everything and run the whole test suite: typecheck, lint, unit and
# integration tests (stores on SQLite AND Postgres), and the browser end-to-end tests.
# Ends with one line "N passed, M failed" summed over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh || { echo "0 passed, 1 failed"; exit 1; }
source scripts/tooling.sh
scripts/ensure-services.sh || { echo "0 passed, 1 failed"; exit 1; }

export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
results="$PWD/.test-results"
rm -rf "$results" && mkdir -p "$results"
passed=0
failed=0

check() { # name command...  — a whole step counted as one test
  local name="$1"; shift
  echo "==> $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

check "typecheck (tsc)" yarn tsc
check "lint" yarn backstage-cli repo lint
check "prettier" yarn prettier --check --log-level warn .
# the API and SQL reports of the plugin packages are current (reads the .d.ts that tsc emitted above)
check "api reports" yarn build:api-reports:only --ci
# the packed plugins installed into a freshly scaffolded app as the README says (~7 min)
check "packed install" scripts/packed-install-test.sh

echo "==> unit and integration tests (jest, SQLite + Postgres)"
CI=true yarn backstage-cli repo test --watchAll=false --json --outputFile="$results/jest.json"
jest_exit=$?
if [ -f "$results/jest.json" ]; then
  read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' "$results/jest.json")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$jest_exit" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
else
  failed=$((failed + 1))
fi

echo "==> browser end-to-end tests (Playwright, Debian Chromium)"
PLAYWRIGHT_JSON_OUTPUT="$results/e2e.json" E2E_LOG_DIR="$results/e2e-logs" scripts/e2e.sh
e2e_exit=$?
if [ -f "$results/e2e.json" ]; then
  read -r p f < <(node -e 'const s=require(process.argv[1]).stats;console.log(s.expected + s.flaky, s.unexpected)' "$results/e2e.json")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$e2e_exit" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
else
  failed=$((failed + 1))
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
