#!/usr/bin/env bash
# `npm start [-- PATH]`: try the extension in a real VS Code in the browser.
# Builds and packages the .vsix, installs it into a private code-server
# (installed once by scripts/e2e-setup.sh), opens a fresh copy of
# examples/tiny-kernel — or PATH, in place — on http://127.0.0.1:$PORT
# (default 8080) without a password, prints the URL and serves until Ctrl+C.
# The example copy is trusted; PATH opens with workspace trust on (Restricted
# Mode until you trust it). KBUILD_E2E_VSIX=FILE installs that package
# instead of building one (test/e2e/start.test.ts does).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${PORT:-8080}
E2E=${KBUILD_E2E:-$HOME/.cache/kbuild-analyzer-e2e}
RUN=$E2E/start-$PORT
VSIX=${KBUILD_E2E_VSIX:-$ROOT/dist-vsix/kbuild-analyzer.vsix}
CS=$E2E/cs/node_modules/.bin/code-server

if [ $# -gt 1 ]; then echo "usage: npm start [-- PATH]" >&2; exit 2; fi
if [ $# -eq 1 ]; then
  [ -d "$1" ] || { echo "npm start: $1 is not a directory" >&2; exit 2; }
  FOLDER=$(cd "$1" && pwd)
fi

bash scripts/e2e-setup.sh
if [ -z "${KBUILD_E2E_VSIX:-}" ]; then
  echo "== packaging"
  bash scripts/package.sh | tail -1
fi

rm -rf "$RUN"
mkdir -p "$RUN"/{ud/User,exts,xdg,tmp}
cat > "$RUN/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
JSON
TRUST=()
if [ -z "${FOLDER:-}" ]; then
  FOLDER=$RUN/tiny-kernel
  cp -r "$ROOT/examples/tiny-kernel" "$FOLDER"
  TRUST=(--disable-workspace-trust)   # our own example: nothing to distrust
fi

export PATH=$E2E/node24/node-v24.21.0/bin:$PATH   # code-server 4.139 runs on Node 24
export XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache TMPDIR=$RUN/tmp NODE_DISABLE_COMPILE_CACHE=1
unset NODE_OPTIONS
"$CS" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" --install-extension "$VSIX" >/dev/null

if curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then
  echo "npm start: port $PORT is taken; try PORT=8081 npm start" >&2
  exit 1
fi
setsid "$CS" --bind-addr "127.0.0.1:$PORT" --auth none --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" \
  --disable-telemetry --disable-update-check --disable-getting-started-override ${TRUST[@]+"${TRUST[@]}"} "$FOLDER" \
  > "$RUN/server.log" 2>&1 &
PID=$!
stop() { kill -TERM -- "-$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap 'stop; exit 0' INT TERM
trap stop EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  kill -0 "$PID" 2>/dev/null || { cat "$RUN/server.log"; exit 1; }
  sleep 0.1
done
URL="http://127.0.0.1:$PORT/?folder=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$FOLDER")"
cat <<MSG

Kbuild Analyzer in VS Code (code-server) is serving $FOLDER
  open:  $URL
  (from another machine: ssh -L $PORT:127.0.0.1:$PORT THIS-HOST, then open the same URL there)
  log:   $RUN/server.log
Ctrl+C stops it.
MSG
wait "$PID"
