#!/usr/bin/env bash
# Installs the peer's exact dependency tree (package-lock.json) the first time, then serves the signup command on
# PORT (default 8080) of HOST (default 127.0.0.1) until stopped.
set -euo pipefail
cd "$(dirname "$0")"
PORT=${1:-8080}
HOST=${2:-127.0.0.1}
if [ ! -d node_modules/@purista/core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node server.mjs "$PORT" "$HOST"
