// Grammar scope tests: runs vscode-tmgrammar-test on test/grammar/fixtures/*
// (line-level `# ^^^ scope` assertions), with the grammars package.json
// contributes plus the stand-ins for VS Code's shell and makefile grammars.
// Also checks that the generated grammars are up to date with their sources
// (syntaxes/src) and that the contributions point at real, valid files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, stubGrammars } from '../../grammar/registry';

const fixtures = join(repoRoot, 'test/grammar/fixtures');

test('grammar fixtures pass vscode-tmgrammar-test', () => {
  assert.ok(readdirSync(fixtures).length >= 5, 'fixtures are missing');
  const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
  const args = [cli, '--compact', ...stubGrammars.flatMap((g) => ['-g', g]), 'test/grammar/fixtures/*'];
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  const output = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, `vscode-tmgrammar-test failed:\n${output}`);
  assert.doesNotMatch(output, /grammar not found/, output);
});

test('generated grammars match syntaxes/src', () => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'syntaxes/src/build.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('package.json contributions point at valid grammar and configuration files', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const languages: { id: string; configuration?: string }[] = pkg.contributes.languages;
  const grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[] = pkg.contributes.grammars;
  assert.deepEqual(languages.map((l) => l.id).sort(), ['kbuild', 'kbuild-cmd']);
  for (const g of grammars) {
    const path = join(repoRoot, g.path);
    assert.ok(existsSync(path), g.path);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).scopeName, g.scopeName, g.path);
    if (g.language) assert.ok(languages.some((l) => l.id === g.language), `${g.path}: unknown language ${g.language}`);
  }
  for (const l of languages) {
    assert.ok(l.configuration && existsSync(join(repoRoot, l.configuration)), `${l.id}: configuration`);
    const conf = JSON.parse(readFileSync(join(repoRoot, l.configuration), 'utf8'));
    assert.equal(conf.comments.lineComment, '#');
    // VS Code compiles these as JavaScript regular expressions.
    for (const re of [conf.wordPattern, conf.folding?.markers?.start, conf.folding?.markers?.end, conf.indentationRules?.increaseIndentPattern, conf.indentationRules?.decreaseIndentPattern]) {
      if (re) new RegExp(re);
    }
  }
  assert.equal(pkg.contributes.configurationDefaults?.['[kbuild]']?.['editor.insertSpaces'], false);
});

test('language configuration: folding markers and recipe indentation', () => {
  const conf = JSON.parse(readFileSync(join(repoRoot, 'syntaxes/language-configuration.json'), 'utf8'));
  const start = new RegExp(conf.folding.markers.start);
  const end = new RegExp(conf.folding.markers.end);
  for (const l of ['define rule_cc_o_c', 'override define x', 'ifeq ($(A),y)', 'ifneq ($(A),)', 'ifdef CONFIG_X', 'ifndef V']) assert.ok(start.test(l), l);
  for (const l of ['endef', 'endif', 'endif # CONFIG_X']) assert.ok(end.test(l), l);
  for (const l of ['else', 'obj-y += a.o', 'endiff']) assert.ok(!start.test(l) && !end.test(l), l);
  // Enter after a rule header indents (with a tab: insertSpaces is false); not after assignments.
  const inc = new RegExp(conf.indentationRules.increaseIndentPattern);
  for (const l of ['all: vmlinux', '$(obj)/%.o: $(src)/%.c FORCE', 'clean::']) assert.ok(inc.test(l), l);
  for (const l of ['x := a:b', 'obj-y += a.o', '\t@echo a: b', '.PHONY: all', 'foo: CFLAGS += -O2', 'ifeq ($(A),y)']) assert.ok(!inc.test(l), l);
});
