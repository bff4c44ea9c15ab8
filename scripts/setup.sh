#!/usr/bin/env bash
# What the test suites need beyond npm packages, installed idempotently:
# GNU make (the oracle) and the kernel 6.1 corpus (source + tinyconfig build).
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
