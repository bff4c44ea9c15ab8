#!/usr/bin/env bash
# The real-browser tests and the webview bench drive Debian's Chromium
# (/usr/bin/chromium) through playwright-core. Installed idempotently.
set -euo pipefail
dpkg -s chromium >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}
