// What recipes and sub-makes inherit: `exported` on each variable and the
// environment recipeEnvironment computes for a target.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recipeEnvironment } from '../../../server/src/eval/environment';
import { evaluateMakefile } from '../../../server/src/eval/evaluate';
import { parentChain } from '../../../server/src/eval/parents';
import { displayValue } from '../../../server/src/eval/unknown';
import { evalText, memHost } from './memHost';

const text = [
  'export EXP = $(INNER)',
  'INNER = inner',
  'PLAIN = plain',
  'unexport GONE',
  'export MISSING',
  'odd-name = x',
  'export odd-name',
  't: export TV = target',
  't: EXP = for-t',
  't: ; @:',
  '',
].join('\n');

test('exported follows export/unexport, else origin', () => {
  const ev = evalText(text, { input: { env: { FROMENV: '$(not expanded)', GONE: 'g' }, commandLine: ['CMD=c'] } });
  const exported = [...ev.variables.values()].filter((v) => v.exported).map((v) => v.name).sort();
  assert.deepEqual(exported, ['CMD', 'EXP', 'FROMENV', 'MAKEFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES', 'MFLAGS', 'MISSING', 'odd-name']);
  assert.equal(ev.targetVariables.get('t')?.get('EXP')?.exported, true, 'a target variable takes the global mark');
});

test('a recipe environment: target values, environment values unexpanded, MAKELEVEL one up', () => {
  const ev = evalText(text, { input: { env: { FROMENV: '$(not expanded)', MAKELEVEL: '1' } } });
  const env = recipeEnvironment(ev, 't').env;
  assert.equal(env.get('EXP'), 'for-t');
  assert.equal(env.get('TV'), 'target');
  assert.equal(env.get('FROMENV'), '$(not expanded)');
  assert.equal(env.get('MAKELEVEL'), '2');
  assert.equal(env.has('PLAIN'), false);
  assert.equal(env.has('odd-name'), true, 'an explicit export passes any name');
  assert.equal(recipeEnvironment(ev).env.get('EXP'), 'inner');
});

test('a bare export exports every makefile variable but make\'s own defaults', () => {
  const ev = evalText('export\nA = a\nB := b\n');
  assert.equal(ev.exportAll, true);
  assert.equal(ev.variables.get('A')?.exported, true);
  assert.equal(ev.variables.get('CC')?.exported, false);
});

test('runShell: an exported $(shell) value reading never expanded is run, as make does for the recipe', () => {
  const host = memHost({ '/w/Makefile': 'export RELEASE = $(shell cat release)\nall: ; @:\n' }, (command) => (command === 'cat release' ? { stdout: '6.1.0\n', status: 0 } : undefined));
  const ev = evaluateMakefile({ entry: 'Makefile', cwd: '/w', host });
  assert.equal(displayValue(recipeEnvironment(ev, 'all').env.get('RELEASE') ?? ''), '«unknown»', 'hover-style: nothing new runs');
  assert.equal(recipeEnvironment(ev, 'all', { runShell: true }).env.get('RELEASE'), '6.1.0');
});

test('parents: a prerequisite inherits the exported, non-private variables of the target it is built for', () => {
  const ev = evalText(['L := global', 'top: export A = a', 'top: private P := p', 'top: export L = [$(P)]', 'top: sub', 'sub: ; @:', ''].join('\n'));
  assert.deepEqual(parentChain(ev, { target: 'sub', goals: ['top'] }), ['top']);
  const env = recipeEnvironment(ev, 'sub', { parents: ['top'] }).env;
  assert.deepEqual([env.get('A'), env.get('P'), env.get('L')], ['a', undefined, '[]']);
  assert.equal(recipeEnvironment(ev, 'sub').env.get('A'), undefined);
});
