#!/usr/bin/env bash
# The E2E suite (docs/e2e.md): installs its tools once (scripts/e2e-setup.sh),
# packages the .vsix (or tests the one KBUILD_E2E_VSIX names), then runs
# test/e2e/*.test.ts one file at a time (each starts its own code-server).
# KBUILD_SKIP_E2E=1 skips it — and says so; a missing tool is an error, never
# a silent skip.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${KBUILD_SKIP_E2E:-}" = 1 ]; then
  echo "E2E SKIPPED: KBUILD_SKIP_E2E=1 is set (test/e2e did not run)"
  exit 0
fi
bash scripts/e2e-setup.sh
mkdir -p .test-output/e2e
if [ -n "${KBUILD_E2E_VSIX:-}" ]; then
  echo "E2E: testing the given package $KBUILD_E2E_VSIX"
else
  log=.test-output/e2e/package.log
  bash scripts/package.sh > "$log" 2>&1 || { cat "$log"; exit 1; }
  grep 'dist-vsix/' "$log"
  export KBUILD_E2E_VSIX=$PWD/dist-vsix/kbuild-analyzer.vsix   # every test file installs this package
fi
exec node --import tsx --test --test-concurrency=1 --test-force-exit --test-timeout=600000 --test-reporter=spec test/e2e/*.test.ts
