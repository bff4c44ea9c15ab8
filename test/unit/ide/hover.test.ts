// Hover: definition sites of a variable; a $(call …) unfolded down to the command it runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover, substituteArguments } from '../../../server/src/ide';
import { loadFixture } from '../../helpers/fixture';

const COMPILER = `
//- /scripts/Kbuild.include
try-run = $(shell set -e; if ($(1)) >/dev/null 2>&1; then echo "$(2)"; else echo "$(3)"; fi)
cc-option = $(call try-run,$(CC) -Werror $(KBUILD_CFLAGS) $(1) -c -x c /dev/null -o "$$TMP",$(1),$(2))
//- /Makefile
include $(srctree)/scripts/Kbuild.include
KBUILD_CFLAGS := -O2
KBUILD_CFLAGS += $(call cc-$0option,-fno-PIE)
`;

test('a cc-option call unfolds through try-run to the compiler command, nothing run', () => {
  const f = loadFixture(COMPILER);
  const h = hover(f.ws, f.cursor!);
  assert.ok(h, 'hover');
  assert.match(h.contents, /unfolds in 2 steps/);
  assert.match(h.contents, /1\. \*\*cc-option\*\* \(scripts\/Kbuild\.include:2\)/);
  assert.match(h.contents, /2\. \*\*try-run\*\*/);
  assert.match(h.contents, /Runs the compiler: `\$\(CC\) -Werror \$\(KBUILD_CFLAGS\) -fno-PIE -c -x c \/dev\/null -o "\$\$TMP"`/);
  assert.match(h.contents, /nothing was run/);
});

test('a variable lists its definition sites with operator and raw value', () => {
  const f = loadFixture(COMPILER.replace('cc-$0option', 'cc-option') + 'all:\n\techo $(KBUILD_$0CFLAGS)\n');
  const h = hover(f.ws, f.cursor!);
  assert.ok(h);
  assert.match(h.contents, /\*\*KBUILD_CFLAGS\*\*: 2 definition sites/);
  assert.match(h.contents, /Makefile:2 `KBUILD_CFLAGS := -O2`/);
  assert.match(h.contents, /Makefile:3 `KBUILD_CFLAGS \+= \$\(call cc-option,-fno-PIE\)`/);
});

test('substituteArguments binds $(0)…$(n), ${n} and $n; missing arguments are empty', () => {
  assert.equal(substituteArguments('$(0):$(1)-${2}-$3-$(4)', 'f', ['a', 'b', 'c']), 'f:a-b-c-');
});
