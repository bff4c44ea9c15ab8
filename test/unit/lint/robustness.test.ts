// The linter never throws: random make-ish text (seeded), linted as a
// tools/ Makefile that includes an OUTPUT-defining fragment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintFile } from '../../../server/src/analysis/lint';
import { lintSource } from '../../../server/src/ide/lint';
import { loadTree, shellParser } from './harness';

const PIECES = [
  '$(OUTPUT)', '$@', '$<', '$(', ')', '${', '}', ':', '::', '=', ':=', '+=', '\\\n', '\n', '\n\t', '\t', ' ', '#', ';', '|',
  "'", '"', '>', '>>', '-o ', 'mv ', 'install ', 'cd ', '$(call if_changed,', '$(call try-run,', 'ifeq (', 'endif\n', 'else\n',
  'define x\n', 'endef\n', '.PHONY: ', 'all', 'clean', 'FORCE', '%', 'foo.o', 'VPATH += $(OUTPUT)\n', 'include ../x.mk\n', '$$', '$(eval ',
];

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

test('random text: lint returns findings, never throws', async () => {
  const parser = await shellParser();
  const rand = seeded(7);
  for (let round = 0; round < 200; round++) {
    let text = '';
    const n = 5 + Math.floor(rand() * 60);
    for (let i = 0; i < n; i++) text += PIECES[Math.floor(rand() * PIECES.length)];
    const f = loadTree(`//- /tools/scripts/Makefile.include\nOUTPUT := $(O)/\n//- /tools/x.mk\nall: a b\n//- /tools/t/Makefile\ninclude ../scripts/Makefile.include\n${text}\n`);
    const found = lintFile({ src: lintSource(f.ws), file: '/w/tools/t/Makefile', parser });
    assert.ok(Array.isArray(found));
  }
});
