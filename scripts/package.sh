#!/usr/bin/env bash
# `npm run package`: a production build (minified, no source maps), then
# `vsce package --no-dependencies` (the bundles need no node_modules) into
# dist-vsix/kbuild-analyzer.vsix. Prints the size and the file list, and
# fails when the package holds a file outside the allowed set below (the
# same set as .vscodeignore). OUT=path overrides the output file.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-dist-vsix/kbuild-analyzer.vsix}

node esbuild.mjs --production
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
# No repository URL yet: relative README links stay relative (the README's picture is packaged).
npx --no-install vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links -o "$OUT" >/dev/null

# Every path inside the .vsix must match one of these (extended regexps, whole path).
allowed=(
  '\[Content_Types\]\.xml'
  'extension\.vsixmanifest'
  'extension/package\.json'
  'extension/readme\.md'
  'extension/README\.md'
  'extension/LICENSE(\.txt)?'
  'extension/resources/icon\.png'
  'extension/dist/[^/]+\.(js|css|wasm)'
  'extension/server/wrapper/kbuild-prof\.bash'
  'extension/syntaxes/[^/]+\.json'
  'extension/examples/.+'
  'extension/docs/diagnostics/[a-z-]+\.md'
  'extension/docs/images/[a-z0-9-]+\.png'
)
pattern="^($(IFS='|'; echo "${allowed[*]}"))\$"
listing=$(node scripts/vsix-files.mjs "$OUT")
echo "$listing"
bad=$(echo "$listing" | awk '{print $2}' | grep -Ev "$pattern" || true)
size=$(stat -c %s "$OUT")
count=$(echo "$listing" | wc -l)
printf '%s: %d files, %d bytes (%s KiB)\n' "$OUT" "$count" "$size" "$((size / 1024))"
if [ -n "$bad" ]; then
  echo "package.sh: files outside the allowed set (fix .vscodeignore):" >&2
  echo "$bad" >&2
  exit 1
fi
must=(extension/dist/client.js extension/dist/server.js extension/dist/cli.js extension/package.json extension/LICENSE.txt
  extension/dist/web-tree-sitter.wasm extension/dist/tree-sitter-bash.wasm extension/resources/icon.png
  extension/server/wrapper/kbuild-prof.bash)
# every grammar and language configuration package.json names, every diagnostics page
for f in $(node -p "const c = require('./package.json').contributes; [...c.grammars, ...c.languages].map((x) => x.path ?? x.configuration).filter(Boolean).map((p) => p.replace(/^\.\//, '')).join(' ')") docs/diagnostics/*.md; do
  must+=("extension/$f")
done
# the pictures the README shows
for f in $(grep -o '](docs/images/[^)]*\.png)' README.md | sed 's/^](//; s/)$//' | sort -u); do must+=("extension/$f"); done
for f in "${must[@]}"; do
  echo "$listing" | awk '{print $2}' | grep -qxF "$f" || { echo "package.sh: $f missing from the package (see .vscodeignore)" >&2; exit 1; }
done
