#!/usr/bin/env bash
# Installs BullMQ from the exact dependency tree of package-lock.json (npm registry), once.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/bullmq ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
