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
# --test-force-exit: a file whose tests are done ends even if a handle leaked (a CI
# run once hung 12 minutes after a file's last test passed); --test-timeout
# fails a hung test instead of hanging the run.
exec node --import tsx --test --test-concurrency=2 --test-force-exit --test-timeout=600000 --test-reporter=spec "${files[@]}"
