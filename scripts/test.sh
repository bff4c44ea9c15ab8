#!/usr/bin/env bash
# `npm test`: everything, in order of cost. Installs what the suites need first
# (idempotent), so a fresh machine needs only `npm ci` before this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc --noEmit -p .
node esbuild.mjs
bash scripts/run-suites.sh unit differential lsp kernel browser
