// How an unknown value ($(shell) not run) travels through expansion: kept in
// place where functions only rewrite text, the whole answer unknown where it
// depends on the unknown part, decisions made with it taken as empty.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayValue } from '../../../server/src/eval/unknown';
import { evalText } from './memHost';

const cases: [string, string][] = [
  ['$(U)/boot', '«unknown»/boot'],
  ['$(patsubst %.c,%.o,a.c $(U).c)', 'a.o «unknown».o'],
  ['$(addprefix p/,a $(U))', 'p/a p/«unknown»'],
  ['$(subst x,y,x$(U)x)', 'y«unknown»y'],
  ['$(subst $(U),y,abc)', '«unknown»'],
  ['$(words a $(U))', '«unknown»'],
  ['$(firstword a $(U))', 'a'],
  ['$(firstword $(U) a)', '«unknown»'],
  ['$(lastword $(U) a)', 'a'],
  ['$(word 2,a b $(U))', 'b'],
  ['$(word 3,a $(U) c)', '«unknown»'],
  ['$(wordlist 1,2,a b $(U))', 'a b'],
  ['$(sort b $(U) a)', 'a b «unknown»'],
  ['$(filter %.c,a.c b.h $(U))', 'a.c «unknown»'],
  ['$(filter-out %.c,a.c b.h $(U))', 'b.h «unknown»'],
  ['$(findstring a,$(U))', '«unknown»'],
  ['$(findstring a,a$(U))', 'a'],
  ['$(if $(U),yes,no)', '«unknown»'],
  ['$(if $(U)x,yes,no)', 'yes'],
  ['$(or ,$(U),b)', '«unknown»'],
  ['$(and a,$(U))', '«unknown»'],
  ['$(strip  $(U)  a )', '«unknown» a'],
  ['$(notdir d/$(U))', '«unknown»'],
  ['$(origin $(U))', '«unknown»'],
  ['$(call $(U),x)', '«unknown»'],
  ['$(wildcard $(U))', '«unknown»'],
];

test('unknown parts propagate through builtins conservatively', () => {
  const text = ['U := $(shell probe)', ...cases.map(([expr], i) => `R${i} := ${expr}`), ''].join('\n');
  const ev = evalText(text);
  assert.equal(ev.stopped, null);
  const got = cases.map(([expr], i) => [expr, displayValue(ev.variables.get(`R${i}`)?.value ?? '∅')]);
  assert.deepEqual(got, cases);
});

test('conditionals on unknown values take them as empty, with a note', () => {
  const ev = evalText(['IS_CLANG := $(shell $(CC) --version | grep clang)', 'ifneq ($(IS_CLANG),)', 'C = clang', 'else', 'C = gcc', 'endif', 'ifeq ($(shell uname),Linux)', 'L = linux', 'endif', ''].join('\n'));
  assert.equal(ev.variables.get('C')?.value, 'gcc');
  assert.equal(ev.variables.has('L'), false);
  const notes = ev.diagnostics.filter((d) => d.severity === 'info');
  assert.deepEqual(notes.map((d) => d.loc?.line), [2, 7]);
  assert.match(notes[0].message, /unknown value/);
});

test('an include whose name is unknown is skipped with a note, not an error', () => {
  const ev = evalText('include $(shell find-config).mk\nA = after\n');
  assert.equal(ev.stopped, null);
  assert.equal(ev.variables.get('A')?.value, 'after');
  assert.deepEqual(ev.diagnostics.map((d) => [d.severity, d.loc?.line]), [['info', 1]]);
});

test('a line that is only an unknown $(shell) (Kbuild: $(shell mkdir -p $(obj-dirs))) is no missing separator', () => {
  const ev = evalText('DIRS := a b\n$(shell mkdir -p $(DIRS))\n$(shell rule-name) x: dep\nA = after\n');
  assert.equal(ev.stopped, null);
  assert.equal(ev.variables.get('A')?.value, 'after');
  assert.deepEqual(ev.diagnostics.map((d) => [d.severity, d.loc?.line]), [['info', 2]]);
  assert.deepEqual(ev.targets.get('x')?.prereqs, ['dep']);
});
