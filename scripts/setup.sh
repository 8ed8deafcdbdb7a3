#!/usr/bin/env bash
# Installs the toolchain and the project's dependencies. Safe to run again.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
echo "setup: node $(node --version), yarn $(yarn --version)" >&2
yarn install --immutable
