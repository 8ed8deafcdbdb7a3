#!/usr/bin/env bash
# End-to-end browser tests: starts the Kubernetes API simulator, the demo's GitOps
# repository, the backend and the app, then runs Playwright in Debian's Chromium once
# per demo scenario.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

# The simulator's request log feeds scripts/check-rbac.js (run by scripts/test.sh).
# Each plugin reads the demo cluster as its own identity: Backstage's Kubernetes plugin
# with the cluster's token (simulator-token), the backups plugin with its own.
export KUBE_SIMULATOR_REQUEST_LOG_DIR="${KUBE_SIMULATOR_REQUEST_LOG_DIR:-$ROOT/.cache/kube-requests}"
export KUBE_SIMULATOR_IDENTITY=kubernetes
export KUBE_SIMULATOR_TOKENS=backups=backups-e2e-token
export APP_CONFIG_backups_kubernetes_credentials='[{"cluster":"demo","serviceAccountToken":"backups-e2e-token"}]'

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing Debian's chromium" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null
fi

SIM_PORT=8001
LOG_DIR="$ROOT/e2e-logs"
mkdir -p "$LOG_DIR"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM -- -"$pid" 2>/dev/null || true; done
  # The backend that `backstage-cli package start` runs outlives its CLI's
  # SIGTERM (the CLI goes, the child stays and keeps its port): whatever of
  # our process groups is left after a grace period is killed.
  for _ in $(seq 1 20); do
    alive=0
    for pid in "${PIDS[@]}"; do kill -0 -- -"$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.5
  done
  for pid in "${PIDS[@]}"; do kill -KILL -- -"$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

wait_for() {
  local url="$1" name="$2" tries="${3:-240}"
  for _ in $(seq 1 "$tries"); do
    curl -fsS "$url" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "e2e: $name did not become ready at $url; its log follows" >&2
  tail -n 50 "$LOG_DIR/$name.log" >&2 || true
  return 1
}

start_simulator() {
  setsid yarn workspace @internal/kube-simulator start --port "$SIM_PORT" --scenario "$1" \
    >"$LOG_DIR/simulator-$1.log" 2>&1 &
  SIM_PID=$!
  PIDS+=("$SIM_PID")
  wait_for "http://127.0.0.1:$SIM_PORT/healthz" "simulator-$1" 60
}

stop_simulator() {
  kill -TERM -- -"$SIM_PID" 2>/dev/null || true
  wait "$SIM_PID" 2>/dev/null || true
}

start_simulator healthy
# The demo's GitOps repository on 127.0.0.1:8002 (app-config.yaml names it), fresh for this run.
setsid yarn workspace @internal/gitops-demo start --port 8002 >"$LOG_DIR/gitops-demo.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:8002/healthz" gitops-demo 60
# The backend as `backstage-cli package start` runs it, but without its file watcher:
# an edit in the tree during a run would restart it mid-test, and the restarting dev
# backend stays in "shutting down" holding port 7007 while the new one cannot start.
NODE_ENV=development setsid bash -c 'cd packages/backend &&
  exec node --enable-source-maps --require "$1" src/index' _ \
  "$ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" >"$LOG_DIR/backend.log" 2>&1 &
PIDS+=($!)
BROWSER=none setsid yarn workspace app start >"$LOG_DIR/app.log" 2>&1 &
PIDS+=($!)
wait_for "http://localhost:7007/.backstage/health/v1/readiness" backend
wait_for "http://localhost:3000" app

# The catalog ingests the example entities a little after the backend is ready.
for _ in $(seq 1 120); do
  token=$(curl -fsS http://localhost:7007/api/auth/guest/refresh 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).backstageIdentity.token)}catch{}})' || true)
  [ -n "$token" ] && curl -fsS -H "Authorization: Bearer $token" \
    http://localhost:7007/api/catalog/entities/by-name/component/default/odoo-website >/dev/null 2>&1 && break
  sleep 1
done

status=0
# Each scenario's tests are tagged with its name, e.g. test('... @healthy', ...).
# "restore" and "templates" each run on a fresh healthy cluster, since restores change it.
for run in healthy velero-failing selector-mismatch restore templates; do
  scenario="$run"
  case "$run" in restore | templates) scenario=healthy ;; esac
  if [ "$run" != healthy ]; then
    stop_simulator
    start_simulator "$scenario"
  fi
  echo "e2e: $run (scenario $scenario)" >&2
  E2E_SCENARIO="$scenario" yarn playwright test --grep "@$run\\b" || status=1
done
exit $status
