// The evaluator is bounded: self-reference, runaway $(eval)/$(call)
// recursion, endless loops through the step budget and include cycles all
// end with a diagnostic (worded like make's where make has one), never a
// hang, a stack overflow or an exception.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evalText, memHost } from './memHost';

test('X = $(X) stops with make\'s message at the definition', () => {
  const ev = evalText('A = 1\nX = $(X) more\n\nY := $(X)\nB = never\n');
  assert.equal(ev.stopped?.message, "Recursive variable 'X' references itself (eventually)");
  assert.equal(ev.stopped?.loc?.line, 2);
  assert.equal(ev.variables.get('A')?.value, '1');
  assert.equal(ev.variables.has('B'), false, 'reading stops like make');
});

test('a cycle through two variables is reported at the variable found expanding', () => {
  const ev = evalText('A = $(B)\nB = $(A)\nC := $(A)\n');
  assert.equal(ev.stopped?.message, "Recursive variable 'A' references itself (eventually)");
  assert.equal(ev.stopped?.loc?.line, 1);
});

test('runaway $(call) recursion ends at the depth limit', () => {
  const ev = evalText('f = $(call f,x$(1))\nY := $(call f)\n', { input: { maxDepth: 300 } });
  assert.match(ev.stopped?.message ?? '', /nested more than 300 levels/);
  assert.equal(ev.stopped?.loc?.line, 1);
});

test('runaway $(eval) recursion ends with a diagnostic, whatever the limit', () => {
  const text = 'define f\n$$(eval $$(f))\nendef\n$(eval $(f))\n';
  for (const maxDepth of [50, 2000, 1_000_000]) {
    const ev = evalText(text, { input: { maxDepth } });
    assert.ok(ev.stopped, `stopped with maxDepth ${maxDepth}`);
    assert.match(ev.stopped.message, /nested|stack/);
  }
});

test('a deep but finite $(call) recursion completes', () => {
  const list = Array.from({ length: 300 }, () => 'x').join(' ');
  const text = `L := ${list}\ncount = $(if $(word $(words $(1) x),$(2)),$(call count,$(1) x,$(2)),$(words $(1) x))\nA := $(call count,,$(L))\n`;
  const ev = evalText(text);
  assert.equal(ev.stopped, null);
  assert.equal(ev.variables.get('A')?.value, '301');
});

test('the step budget stops an endless expansion', () => {
  const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
  const text = `L := ${words}\nX := $(foreach a,$(L),$(foreach b,$(L),$(foreach c,$(L),$(a)$(b)$(c))))\n`;
  const ev = evalText(text, { input: { maxSteps: 100_000 } });
  assert.match(ev.stopped?.message ?? '', /stopped after 100000 expansion steps/);
  assert.equal(ev.stopped?.loc?.line, 2);
});

test('an include cycle ends with a diagnostic', () => {
  const host = memHost({ '/w/Makefile': 'include a.mk\n', '/w/a.mk': 'N += x\ninclude Makefile\n' });
  const ev = evalText('', { host });
  assert.match(ev.stopped?.message ?? '', /nested more than 200 deep/);
});

test('hostile input never throws', () => {
  const inputs = [
    '$(',
    '$(call',
    'X = $(foreach',
    '$(eval $(eval $(eval',
    'define\n',
    'ifeq (\n',
    '$(word -1,a)',
    'X := $(wordlist 1,99999999999999999999,a)',
    '$(if)',
    '$(error)',
    '\t$(x)',
    'a: b\n\t$(eval X = $(X))\n',
    '$(foreach x,$(x),$(x))',
  ];
  for (const text of inputs) assert.doesNotThrow(() => evalText(text), text);
});
