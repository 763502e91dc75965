#!/usr/bin/env bash
# Installs everything the project needs: Node 22 + Yarn (into .tooling/) and the workspace
# dependencies from yarn.lock. Idempotent: a few seconds when already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tooling.sh
if [ -n "${CI:-}" ]; then
  yarn install --immutable
else
  yarn install
fi
