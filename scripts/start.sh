#!/usr/bin/env bash
# Sets up the project, then starts the demo cluster (Kubernetes API simulator), the
# demo's GitOps repository (git over HTTP on loopback), the backend and the app.
# Usage: scripts/start.sh [--scenario NAME]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

SCENARIO="${KUBE_SIMULATOR_SCENARIO:-healthy}"
while [ $# -gt 0 ]; do
  case "$1" in
    --scenario) SCENARIO="$2"; shift 2 ;;
    *) echo "unknown argument: $1 (use --scenario NAME)" >&2; exit 2 ;;
  esac
done

bash scripts/setup.sh

SIM_PORT="${KUBE_SIMULATOR_PORT:-8001}"
# The demo's GitOps repository, where the templates propose their changes; app-config.yaml
# names it (backups.scaffolder.gitops.repository), so its port stays 8002.
GITOPS_PORT=8002
setsid yarn workspace @internal/kube-simulator start --port "$SIM_PORT" --scenario "$SCENARIO" &
SIM_PID=$!
setsid yarn workspace @internal/gitops-demo start --port "$GITOPS_PORT" &
GITOPS_PID=$!
trap 'kill -TERM -- -"$SIM_PID" -"$GITOPS_PID" 2>/dev/null || true' EXIT INT TERM
for url in "http://127.0.0.1:$SIM_PORT/healthz" "http://127.0.0.1:$GITOPS_PORT/healthz"; do
  for _ in $(seq 1 60); do
    curl -fsS "$url" >/dev/null 2>&1 && break
    sleep 0.5
  done
done

cat <<MSG

  Backups for Backstage is starting (demo cluster scenario: $SCENARIO).
  Open http://localhost:3000/catalog/default/component/odoo/backups
  (sign in as guest). Stop with Ctrl-C.
  "Add Velero backup" (http://localhost:3000/create) proposes its change to the demo's
  GitOps repository, a fresh one each start: see it at http://127.0.0.1:$GITOPS_PORT/

MSG
yarn start
