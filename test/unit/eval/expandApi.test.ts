// expandInContext: values in a target's context, the step-by-step trace of
// a $(call) chain, and expansion without side effects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTINS } from '../../../server/src/eval/builtins/index';
import { expandInContext, referenceExpr, variableValue } from '../../../server/src/eval/context';
import type { TraceNode } from '../../../server/src/eval/trace';
import { BUILTIN_MAX_ARGS } from '../../../server/src/syntax/functions';
import { evaluateMakefile } from '../../../server/src/eval/evaluate';
import { displayValue } from '../../../server/src/eval/unknown';
import { evalText, memHost } from './memHost';

const kbuild = [
  'try-run = $(if $(shell-ok),$(2),$(3))',
  'shell-ok = yes',
  'cc-option = $(call try-run,$(CC) $(1) -c -x c /dev/null,$(1),$(2))',
  'CFLAGS := -O2',
  'obj/%.o: CFLAGS += -g',
  'obj/a.o: CFLAGS += -DA',
  'obj/a.o: src/a.c inc.h',
  '\tgcc $(CFLAGS) -c $< -o $@',
  '',
].join('\n');

function show(nodes: TraceNode[], depth = 0): string[] {
  return nodes.flatMap((n) => {
    const e = n.event;
    const head = e.kind === 'call' ? `call ${e.name} → ${e.substituted}` : e.kind === 'variable' ? `var ${e.name} = ${e.raw}` : `fn ${e.name}`;
    return [`${'  '.repeat(depth)}${head} ⇒ ${n.result}`, ...show(n.children, depth + 1)];
  });
}

test('a trace shows each call body with its arguments substituted, down to the text', () => {
  const ev = evalText(kbuild);
  const r = expandInContext(ev, { text: '$(call cc-option,-fno-PIE)', trace: true });
  assert.equal(r.value, '-fno-PIE');
  assert.deepEqual(show(r.trace ?? []), [
    'fn call ⇒ -fno-PIE',
    '  call cc-option → $(call try-run,$(CC) -fno-PIE -c -x c /dev/null,-fno-PIE,) ⇒ -fno-PIE',
    '    var cc-option = $(call try-run,$(CC) $(1) -c -x c /dev/null,$(1),$(2)) ⇒ -fno-PIE',
    '      fn call ⇒ -fno-PIE',
    '        var CC = cc ⇒ cc',
    '        call try-run → $(if $(shell-ok),-fno-PIE,) ⇒ -fno-PIE',
    '          var try-run = $(if $(shell-ok),$(2),$(3)) ⇒ -fno-PIE',
    '            fn if ⇒ -fno-PIE',
    '              var shell-ok = yes ⇒ yes',
  ]);
});

test('a target context: pattern and target variables, automatic variables', () => {
  const ev = evalText(kbuild);
  const recipe = ev.targets.get('obj/a.o')?.recipe?.[0];
  assert.ok(recipe);
  const r = expandInContext(ev, { expr: recipe.expr, target: 'obj/a.o' });
  assert.equal(r.value, 'gcc -O2 -g -DA -c src/a.c -o obj/a.o');
  assert.equal(variableValue(ev, 'CFLAGS').value, '-O2');
  assert.equal(expandInContext(ev, { expr: referenceExpr('CFLAGS'), target: 'obj/b.o' }).value, '-O2 -g');
  assert.equal(expandInContext(ev, { text: '$^|$(<F)|$(@D)', target: 'obj/a.o' }).value, 'src/a.c inc.h|a.c|obj');
});

test('expansion has no side effects unless asked', () => {
  const ev = evalText('X = 1\n');
  const r = expandInContext(ev, { text: '$(eval X = 2)$(info hi)$(X)' });
  assert.equal(r.value, '1');
  assert.deepEqual(r.messages.map((m) => m.text), ['hi']);
  assert.equal(ev.messages.length, 0);
  assert.equal(ev.variables.get('X')?.value, '1');
  const w = expandInContext(ev, { text: '$(eval X = 2)$(X)', sideEffects: true });
  assert.equal(w.value, '2');
});

test('$(error) while expanding stops that expansion only', () => {
  const ev = evalText('E = $(error boom)\nX = fine\n');
  const r = variableValue(ev, 'E');
  assert.equal(r.stopped?.message, 'boom');
  assert.equal(variableValue(ev, 'X').value, 'fine');
});

test('the builtin table has every function of the reader but guile, each a row', () => {
  const reader = [...BUILTIN_MAX_ARGS.keys()].filter((n) => n !== 'guile').sort();
  assert.deepEqual([...BUILTINS.keys()].sort(), reader);
});

test('runShell: a $(shell) reading never ran is run for the expansion, without other side effects', () => {
  const host = memHost({ '/w/Makefile': 'C = $(shell echo hi)$(eval X := 1)\n' }, (command) => (command === 'echo hi' ? { stdout: 'hi\n', status: 0 } : undefined));
  const ev = evaluateMakefile({ entry: 'Makefile', cwd: '/w', host });
  assert.equal(displayValue(variableValue(ev, 'C').value), '«unknown»');
  assert.equal(variableValue(ev, 'C', { runShell: true }).value, 'hi');
  assert.equal(ev.variables.has('X'), false, '$(eval) still not performed');
  assert.equal(variableValue(ev, 'C').value, 'hi', 'answered from the cache afterwards');
});
