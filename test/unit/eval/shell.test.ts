// The $(shell) policy: without host.shell nothing runs, every call is
// recorded with its command and place, and the value is unknown; with it,
// each distinct command runs once per evaluation; expanding for hover never
// runs anything new.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandInContext, variableValue } from '../../../server/src/eval/context';
import type { Host } from '../../../server/src/eval/host';
import { UNKNOWN, displayValue } from '../../../server/src/eval/unknown';
import { evalText, memHost } from './memHost';

const text = [
  'ARCH := $(shell uname -m)',
  'CC_VERSION != $(CC) --version',
  'LATER = $(shell date)',
  'KERNEL := $(ARCH)/boot',
  '',
].join('\n');

/** A host that fails the test if anything tries to run a command. */
function noSpawnHost(files: Record<string, string>): Host {
  const host = memHost(files);
  return Object.defineProperty(host, 'shell', {
    get() {
      throw new Error('the evaluator looked for a shell on a host that has none');
    },
  });
}

test('without host.shell: recorded with places, value unknown, nothing run', () => {
  const host = memHost({ '/w/Makefile': text });
  const ev = evalText('', { host });
  assert.equal(ev.stopped, null);
  assert.deepEqual(
    ev.shellCalls.map((c) => [c.command, c.loc?.file, c.loc?.line, c.output, c.assignment]),
    [
      ['uname -m', 'Makefile', 1, undefined, false],
      ['cc --version', 'Makefile', 2, undefined, true],
    ],
  );
  assert.equal(ev.variables.get('ARCH')?.value, UNKNOWN);
  assert.equal(ev.variables.get('CC_VERSION')?.value, UNKNOWN);
  assert.equal(displayValue(ev.variables.get('KERNEL')?.value ?? ''), '«unknown»/boot');
});

test('a shell that is never allowed is never touched, even when expanding later', () => {
  const files = { '/w/Makefile': 'X := $(shell echo x)\nY = $(shell echo y)\n' };
  const ev = evalText('', { host: { ...memHost(files), shell: () => undefined } });
  assert.equal(ev.variables.get('X')?.value, UNKNOWN);
  // Hover-style expansion on a host whose shell throws: no new command runs.
  ev.state.host = noSpawnHost(files);
  const r = variableValue(ev, 'Y');
  assert.equal(r.value, UNKNOWN);
  assert.equal(r.stopped, null);
});

test('with host.shell: each command runs once per evaluation, output folded', () => {
  const runs: string[] = [];
  const host = memHost({ '/w/Makefile': 'A := $(shell hello)\nB := $(shell hello)\nC != hello\nD = $(shell hello)\nE := $(D)$(D)\n' }, (command) => {
    runs.push(command);
    return { stdout: 'hi\nthere\n\n', status: 0 };
  });
  const ev = evalText('', { host });
  assert.deepEqual(runs, ['hello']);
  assert.equal(ev.variables.get('A')?.value, 'hi there');
  assert.equal(ev.variables.get('C')?.value, 'hi there ');
  assert.equal(ev.variables.get('E')?.value, 'hi therehi there');
  assert.equal(ev.shellCalls.length, 5);
  assert.equal(ev.variables.get('.SHELLSTATUS')?.value, '0');
});

test('expanding for hover answers from commands already run, and runs none', () => {
  let runs = 0;
  const host = memHost({ '/w/Makefile': 'A := $(shell known)\n' }, () => {
    runs++;
    return { stdout: 'k\n', status: 0 };
  });
  const ev = evalText('', { host });
  assert.equal(expandInContext(ev, { text: '$(shell known)' }).value, 'k');
  assert.equal(expandInContext(ev, { text: '$(shell other)' }).value, UNKNOWN);
  assert.equal(runs, 1);
});

test('hover expansion with a host whose shell throws if called: nothing is called', () => {
  const ev = evalText('X = $(shell anything)\n');
  ev.state.host = { ...memHost({}), shell: () => assert.fail('shell called while only expanding') };
  assert.equal(variableValue(ev, 'X').value, UNKNOWN);
});

test('the evaluator has no way to spawn by itself: no node: imports under server/src/eval', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = join(import.meta.dirname, '../../../server/src/eval');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 10);
  for (const f of files) assert.doesNotMatch(readFileSync(join(root, f), 'utf8'), /from ['"]node:|require\(/, f);
});

test('a command with an unknown part is recorded, not run', () => {
  const runs: string[] = [];
  const host = memHost({ '/w/Makefile': 'A := $(shell $(UNSET_TOOL))\nV := $(shell probe)\nB := $(shell echo $(V))\n' }, (command) => {
    runs.push(command);
    return command === 'probe' ? undefined : { stdout: 'ran\n', status: 0 };
  });
  const ev = evalText('', { host });
  assert.deepEqual(runs, ['', 'probe']);
  assert.equal(ev.variables.get('B')?.value, UNKNOWN);
  assert.equal(ev.shellCalls[2].command, `echo ${UNKNOWN}`);
});
