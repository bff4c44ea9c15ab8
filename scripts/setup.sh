#!/usr/bin/env bash
# What the test suites need beyond npm packages, installed idempotently:
# GNU make (the oracle), the kernel 6.1 corpus (source + tinyconfig build),
# Chromium, and the E2E tools (code-server, Node 24: scripts/e2e-setup.sh,
# about 4 minutes the first time, a second after; not with KBUILD_SKIP_E2E=1).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for p in make gcc; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
corpus=../shared/corpus/kernel.sh
if [ -x "$corpus" ] || [ -f "$corpus" ]; then
  bash "$corpus" src >/dev/null
  bash "$corpus" tiny >/dev/null
fi
bash scripts/setup-browser.sh
if [ "${KBUILD_SKIP_E2E:-}" != 1 ]; then bash scripts/e2e-setup.sh; fi
