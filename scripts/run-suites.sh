#!/usr/bin/env bash
# Run the node:test files of the named test/ folders (TypeScript through tsx).
set -euo pipefail
cd "$(dirname "$0")/.."
files=()
for suite in "$@"; do
  [ -d "test/$suite" ] || continue
  while IFS= read -r f; do files+=("$f"); done < <(find "test/$suite" -name '*.test.ts' | sort)
done
[ ${#files[@]} -gt 0 ] || { echo "no test files in: $*" >&2; exit 1; }
# No --test-force-exit: with it, node 20 sometimes ended a file after part of
# its tests and reported only those, exit 0 (the evaluator's differential
# file came back with 169 of its 193 fixtures, twice in nine CI runs;
# nodejs/node#54327 and others report the same). --test-timeout fails a hung
# test; `timeout` fails a run that hangs after its tests (a leaked handle)
# instead of letting it pass or hang CI. LSP test files, where such a hang
# was seen, end themselves 5 s after their last test (test/lsp/harness.ts).
exec timeout --kill-after=30 2400 node --import tsx --test --test-concurrency=2 --test-timeout=600000 --test-reporter=spec "${files[@]}"
