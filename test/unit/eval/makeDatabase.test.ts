// The `make -p` reader on data bases printed by the real GNU make for small
// makefiles written here; expectations are about what the makefile means,
// not about make's print format.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseMakeDatabase, parseMakeDatabases } from '../../../server/src/eval/makeDatabase';
import type { DbTarget, DbVariable, MakeDatabase } from '../../../server/src/eval/makeDatabase';
import { makeDatabaseOf, makeVersion } from '../../differential/makeOracle';

const skip = makeVersion() === null ? 'GNU make is not installed' : false;

function dbOf(args: Parameters<typeof makeDatabaseOf>[0]): MakeDatabase {
  return parseMakeDatabase(makeDatabaseOf(args).stdout);
}

function variable(db: MakeDatabase, name: string): DbVariable {
  const found = db.variables.find((v) => v.name === name);
  assert.ok(found, `variable ${name} not found`);
  return found;
}

function target(db: MakeDatabase, name: string): DbTarget {
  const found = db.targets.find((t) => t.name === name);
  assert.ok(found, `target ${name} not found`);
  return found;
}

describe('make -p variables', { skip }, () => {
  const mk = [
    'A = $(B) x', // 1
    'B := simple $$d', // 2
    'C ?= cond', // 3
    'C += more', // 4
    'D != echo hi', // 5
    'override E = over', // 6
    'define G', // 7
    'line1', // 8
    'define inner', // 9
    'endef', // 10
    'endef', // 11
    'S := $(G)', // 12
    'define = 1', // 13
    'private P = p', // 14
    'EMPTY =', // 15
    '',
  ].join('\n');
  const db = dbOf({ files: { 'f.mk': mk }, assignments: ['CMD=1'], env: { ENVV: 'e' } });

  test('flavor, origin, location and raw value', () => {
    assert.deepEqual(variable(db, 'A'), {
      name: 'A',
      flavor: 'recursive',
      append: false,
      origin: 'file',
      private: false,
      loc: { file: 'f.mk', line: 1 },
      value: '$(B) x',
      define: false,
    });
    const b = variable(db, 'B');
    assert.equal(b.flavor, 'simple');
    assert.equal(b.value, 'simple $$d', 'simple values keep make’s $ doubling');
  });

  test('?= then += reports the line of the +=', () => {
    const c = variable(db, 'C');
    assert.deepEqual([c.value, c.loc?.line, c.flavor], ['cond more', 4, 'recursive']);
  });

  test('!= is recursive with the shell output', () => {
    assert.deepEqual([variable(db, 'D').value, variable(db, 'D').flavor], ['hi', 'recursive']);
  });

  test('origins', () => {
    assert.equal(variable(db, 'E').origin, 'override');
    assert.equal(variable(db, 'CMD').origin, 'command line');
    assert.equal(variable(db, 'ENVV').origin, 'environment');
    assert.equal(variable(db, 'MAKE_VERSION').origin, 'default');
    assert.equal(variable(db, '@D').origin, 'automatic');
    assert.equal(variable(db, 'P').private, true);
  });

  test('define with a nested define, multi-line simple value, a variable named define', () => {
    const g = variable(db, 'G');
    assert.deepEqual([g.define, g.value, g.loc?.line], [true, 'line1\ndefine inner\nendef', 7]);
    const s = variable(db, 'S');
    assert.deepEqual([s.define, s.flavor, s.value], [false, 'simple', 'line1\ndefine inner\nendef']);
    assert.deepEqual([variable(db, 'define').value, variable(db, 'define').loc?.line], ['1', 13]);
    assert.equal(variable(db, 'EMPTY').value, '');
  });

  test('the data base header and no problems', () => {
    assert.equal(db.version, makeVersion());
    assert.deepEqual(db.problems, []);
  });

  test('-e: environment override', () => {
    const e = dbOf({ files: { 'f.mk': 'ENVV = file\n' }, flags: ['-rR', '-e'], env: { ENVV: 'env' } });
    assert.deepEqual([variable(e, 'ENVV').origin, variable(e, 'ENVV').value], ['environment override', 'env']);
  });
});

describe('make -p targets', { skip }, () => {
  const mk = [
    '.PHONY: all', // 1
    'all: foo bar | baz', // 2
    '\t@echo $@ \\', // 3
    '\t  cont', // 4
    '', // 5
    '\techo two', // 6
    'foo: A = tgt', // 7
    'foo: private B := pv', // 8
    '# a comment', // 9
    'x y &: z', // 10
    '\ttouch x y', // 11
    'd:: e', // 12
    '\techo d1', // 13
    'd:: f', // 14
    '\techo d2', // 15
    'objs = a.o b.o', // 16
    '$(objs): %.o: %.c ; cc $<', // 17
    'w\\:z: q', // 18
    '.RECIPEPREFIX = >', // 19
    'r:', // 20
    '>echo r', // 21
    '',
  ].join('\n');
  const db = dbOf({ files: { 'f.mk': mk } });

  test('prerequisites, order-only, phony, recipe lines and location', () => {
    const all = target(db, 'all');
    assert.deepEqual(
      [all.prereqs, all.orderOnly, all.phony, all.isTarget, all.recipe],
      [['foo', 'bar'], ['baz'], true, true, { builtin: false, loc: { file: 'f.mk', line: 3 }, lines: ['@echo $@ \\\n\t  cont', 'echo two'] }],
    );
  });

  test('target-specific variables; foo is known only as a prerequisite', () => {
    const foo = target(db, 'foo');
    assert.equal(foo.isTarget, false);
    const byName = Object.fromEntries(foo.vars.map((v) => [v.name, [v.flavor, v.private, v.value, v.loc?.line]]));
    assert.deepEqual(byName, { A: ['recursive', false, 'tgt', 7], B: ['simple', true, 'pv', 8] });
  });

  test('grouped targets, double-colon rules, static pattern stems, semicolon recipes', () => {
    assert.deepEqual(target(db, 'x').alsoMakes.sort(), ['x', 'y']);
    const d = db.targets.filter((t) => t.name === 'd');
    assert.deepEqual(
      d.map((t) => [t.doubleColon, t.prereqs, t.recipe?.loc?.line]).sort(),
      [[true, ['e'], 13], [true, ['f'], 15]],
    );
    const a = target(db, 'a.o');
    assert.deepEqual([a.stem, a.prereqs, a.recipe?.lines, a.recipe?.loc?.line], ['a', ['a.c'], [' cc $<'], 17]);
  });

  test('an escaped colon in a target name, a custom recipe prefix', () => {
    assert.deepEqual(target(db, 'w:z').prereqs, ['q']);
    assert.deepEqual(target(db, 'r').recipe?.lines, ['echo r']);
    assert.deepEqual(db.problems, []);
  });
});

describe('make -p pattern rules, pattern variables, vpath', { skip }, () => {
  const mk = [
    '%.o: %.c | dir', // 1
    '\tmycc $<', // 2
    '%:: %.src', // 3
    '\tcp $< $@', // 4
    '%.x: B += pat', // 5
    'vpath %.c src:lib', // 6
    'VPATH = v1:v2', // 7
    '',
  ].join('\n');

  test('fixture rules are not built-in; make’s own are', () => {
    const db = dbOf({ files: { 'f.mk': mk }, flags: [] });
    const ours = db.patternRules.filter((r) => r.recipe?.loc?.file === 'f.mk');
    assert.deepEqual(
      ours.map((r) => [r.targets, r.prereqs, r.orderOnly, r.terminal, r.builtin, r.recipe?.lines]),
      [
        [['%.o'], ['%.c'], ['dir'], false, false, ['mycc $<']],
        [['%'], ['%.src'], [], true, false, ['cp $< $@']],
      ],
    );
    assert.ok(db.patternRules.some((r) => r.builtin && r.targets.includes('%.o') && r.prereqs.includes('%.cc')));
    assert.ok(db.targets.some((t) => t.builtin && t.name === '.c.o'));
    assert.ok(db.patternRules.every((r) => r.builtin === (r.recipe?.loc === null)));
  });

  test('-rR drops the built-ins', () => {
    const db = dbOf({ files: { 'f.mk': mk } });
    assert.equal(db.patternRules.length, 2);
    assert.ok(db.variables.every((v) => v.name !== 'CC'));
  });

  test('pattern-specific variables and search paths', () => {
    const db = dbOf({ files: { 'f.mk': mk } });
    assert.deepEqual(
      db.patternVariables.map((p) => [p.pattern, p.variable.name, p.variable.value, p.variable.loc?.line]),
      [['%.x', 'B', 'pat', 5]],
    );
    assert.deepEqual(db.vpaths, [{ pattern: '%.c', dirs: ['src', 'lib'] }]);
    assert.deepEqual(db.generalVpath, ['v1', 'v2']);
  });
});

describe('make -p: several data bases, damaged and large outputs', { skip }, () => {
  test('a sub-make prints its own data base, tagged with its directory', () => {
    const run = makeDatabaseOf({
      files: { 'top.mk': 'T = 1\nall: ; @$(MAKE) -C sub -f sub.mk\n', 'sub/sub.mk': 'S = 2\nall: ; @:\n' },
      file: 'top.mk',
    });
    const dbs = parseMakeDatabases(run.stdout);
    assert.equal(dbs.length, 2);
    assert.equal(dbs[0].directory, `${dbs[1].directory}/sub`);
    assert.deepEqual([dbs[0].variables.some((v) => v.name === 'S'), dbs[1].variables.some((v) => v.name === 'T')], [true, true]);
    assert.deepEqual(parseMakeDatabase(run.stdout), dbs[1]);
  });

  test('every truncation of a real output reads without throwing; CRLF reads the same', () => {
    const text = makeDatabaseOf({
      files: { 'f.mk': 'define G\na\nendef\nS := $(G)\nt: V := $(G)\nt: ; echo \\\n\tx\n%.o: %.c\n\tcc\n' },
    }).stdout;
    const lines = text.split('\n');
    for (let n = 0; n <= lines.length; n++) parseMakeDatabases(lines.slice(0, n).join('\n'));
    assert.deepEqual(parseMakeDatabase(text.replace(/\n/g, '\r\n')), parseMakeDatabase(text));
    assert.deepEqual(parseMakeDatabases(''), []);
    assert.deepEqual(parseMakeDatabases('# Make data base, printed on x\n# Files\nnot a rule\n# origin\n\n'), [
      { ...parseMakeDatabase(''), version: null, problems: [{ line: 3, message: 'expected a target line' }] },
    ]);
  });

  test('10,000 rules with target variables read in one pass', () => {
    const n = 10_000;
    const rules: string[] = [];
    for (let k = 0; k < n; k++) rules.push(`t${k}: V := ${k}\nt${k}: p${k}\n\techo ${k}\n`);
    const text = makeDatabaseOf({ files: { 'big.mk': rules.join('') } }).stdout;
    const started = performance.now();
    const db = parseMakeDatabase(text);
    const ms = performance.now() - started;
    const targets = db.targets.filter((t) => t.isTarget && t.name.startsWith('t'));
    assert.equal(targets.length, n);
    assert.ok(targets.every((t) => t.vars.length === 1 && t.recipe?.lines.length === 1));
    assert.ok(ms < 5000, `took ${ms} ms`);
  });
});
