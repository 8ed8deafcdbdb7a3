#!/usr/bin/env bash
# Sets up the project, then starts the demo cluster (Kubernetes API simulator),
# the backend and the app. Usage: scripts/start.sh [--scenario NAME]
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
setsid yarn workspace @internal/kube-simulator start --port "$SIM_PORT" --scenario "$SCENARIO" &
SIM_PID=$!
trap 'kill -TERM -- -"$SIM_PID" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$SIM_PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done

cat <<MSG

  Backups for Backstage is starting (demo cluster scenario: $SCENARIO).
  Open http://localhost:3000/catalog/default/component/odoo/backups
  (sign in as guest). Stop with Ctrl-C.

MSG
yarn start
