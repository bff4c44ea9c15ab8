// The SHELL wrapper on the make behaviours that break naive wrappers
// (see /work/shared/README.md): real make runs, no sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runProfiledBuild } from '../../server/src/lsp/profileRunner';
import { writeTree } from '../fixtures/profile/writeTree';

const MAKEFILE = `NOW := $(shell echo parse-time)
E :=
define filechk
\t$(E)
\t@echo filechk-body
endef
.PHONY: all empty cont shell fail
all: empty cont shell
empty:
\t$(filechk)
cont:
\t@if [ -n "x" ]; then \\
\t  echo continued; \\
\tfi
shell:
\t@echo "$$0"
fail:
\t@exit 3
`;

test('empty recipe lines, backslash-newline recipes, $(shell) and the real shell', async (t) => {
  const dir = writeTree({ Makefile: MAKEFILE });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  let out = '';
  const run = await runProfiledBuild({ cwd: dir, args: ['-s', '-j2'], onOutput: (s) => (out += s) });
  assert.equal(run.exitCode, 0, run.stderrTail);
  assert.deepEqual(run.problems, []);
  assert.match(out, /filechk-body/);
  assert.match(out, /continued/);
  assert.match(out, /^\/bin\/sh$/m, 'recipes run in /bin/sh, as without the wrapper');
  const r = run.profile.records;
  assert.deepEqual(
    r.map((x) => `${x.kind}:${x.target}`).sort(),
    ['recipe:cont', 'recipe:empty', 'recipe:empty', 'recipe:shell', 'shell:'],
    'the empty line is recorded (and not run), $(shell) has no target',
  );
  for (const x of r) {
    assert.equal(x.dir, dir);
    assert.ok(x.end >= x.start && x.start >= run.startMicros && x.end <= run.endMicros, 'stamps inside the make run');
    assert.equal(x.makelevel, x.kind === 'shell' ? 0 : 1);
    assert.equal(x.parent, 0);
  }
});

test('a failing recipe: make fails as usual and the record keeps the status', async (t) => {
  const dir = writeTree({ Makefile: MAKEFILE });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const run = await runProfiledBuild({ cwd: dir, args: ['-s', 'fail'] });
  assert.equal(run.exitCode, 2);
  assert.match(run.stderrTail, /\[Makefile:\d+: fail\] Error 3/);
  assert.deepEqual(
    run.profile.records.filter((x) => x.kind === 'recipe').map((x) => [x.target, x.status]),
    [['fail', 3]],
  );
});

test('no usable bash: a clear error before make starts', async () => {
  await assert.rejects(runProfiledBuild({ cwd: '/', args: [], bash: '/bin/false' }), /EPOCHREALTIME/);
});
