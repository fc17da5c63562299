#!/usr/bin/env bash
# Builds the browser client in wwwroot/ (bundles its npm dependencies) when it has any.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR/wwwroot"
[ -f package.json ] || exit 0
command -v npm >/dev/null || ensure_packages nodejs npm
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  log "installing browser client packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
