#!/usr/bin/env bash
# `npm test`: everything, in order of cost. Installs what the suites need first
# (idempotent), so a fresh machine needs only `npm ci` before this. The last
# part drives a real VS Code (test/e2e/run.sh, docs/e2e.md); KBUILD_SKIP_E2E=1
# skips it and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc --noEmit -p .
node esbuild.mjs
bash scripts/run-suites.sh unit differential lsp kernel browser integration
bash test/e2e/run.sh
