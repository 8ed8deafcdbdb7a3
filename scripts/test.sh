#!/usr/bin/env bash
# Sets up the project and runs every test: type check, lint, unit and
# integration tests, then the end-to-end browser tests.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/setup.sh

# Every Kubernetes API simulator the tests start (jest and e2e) logs its requests here;
# scripts/check-rbac.js then holds deploy/rbac.yaml to the backups plugin's requests.
export KUBE_SIMULATOR_REQUEST_LOG_DIR="$ROOT/.cache/kube-requests"
rm -rf "$KUBE_SIMULATOR_REQUEST_LOG_DIR"

step() { echo; echo "==> $*"; }

step "type check"
yarn tsc
step "lint"
yarn lint:all
step "formatting"
yarn prettier:check
step "package metadata"
yarn fix --check
step "unit and integration tests (SQLite, and PostgreSQL from Debian's packages)"
. scripts/postgres.sh
trap stop_postgres EXIT
start_postgres
JEST_LOG="$ROOT/.cache/jest.log"
mkdir -p "$ROOT/.cache"
BACKUPS_REQUIRE_POSTGRES=1 CI=true yarn backstage-cli repo test --ci 2>&1 | tee "$JEST_LOG"
[ "${PIPESTATUS[0]}" = 0 ] || exit 1
stop_postgres
# A test that leaks a handle (a timer, a pool, a socket) must not pass unnoticed.
if grep -q "failed to exit gracefully" "$JEST_LOG"; then
  echo "jest: a worker had to be force-exited; a test leaks a handle (see $JEST_LOG)" >&2
  exit 1
fi
step "performance check (yarn bench --ci: a tab load makes no API request; the cached overview equals the listed one)"
# Its failure fails the run at the end, after the browser and RBAC checks have run too.
BENCH_STATUS=0
yarn bench --ci || BENCH_STATUS=$?
step "end-to-end browser tests"
bash scripts/e2e.sh
step "RBAC: deploy/rbac.yaml against the backups plugin's requests"
node scripts/check-rbac.js --logs "$KUBE_SIMULATOR_REQUEST_LOG_DIR"
if [ "$BENCH_STATUS" != 0 ]; then
  echo "performance check failed: see the output of 'yarn bench --ci' above" >&2
  exit 1
fi
