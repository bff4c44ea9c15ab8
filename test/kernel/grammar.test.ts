// The TextMate grammars on every make file of the real kernel 6.1 tree
// (Makefile, Kbuild, Makefile.*, *.mk, *.include, tools/**/Build): no
// exception, no line slow enough to freeze the editor (> 1 s), and the total
// time printed. Also prints how many files end inside an open construct (an
// unbalanced quote, reference or define that ran away: a line appended at the
// end is not tokenized as it would be at the top of a file), the grammar's
// robustness figure.
//
// The shell and makefile grammars VS Code ships are not on npm; stand-ins
// (test/grammar/stubs) are used unless KBUILD_TM_GRAMMARS names real ones
// (paths separated by ':', e.g. shellscript.json and make.json from the
// tm-grammars package).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { test } from 'node:test';
import { performance } from 'node:perf_hooks';
import type { IGrammar, StackElement as StateStack } from 'vscode-textmate';
import { createRegistry, INITIAL } from '../grammar/registry';
import { kernelMakeFiles, kernelSource } from '../helpers/kernel';

const SLOW_LINE_MS = 1000;

interface Pass { scope: string; files: number; lines: number; ms: number; slowest: { ms: number; where: string }; unclosed: string[] }

const SENTINEL = 'kbuild_grammar_sentinel := 1';

function scopesOf(grammar: IGrammar, line: string, stack: StateStack): string {
  return JSON.stringify(grammar.tokenizeLine(line, stack).tokens.map((t) => t.scopes));
}

function tokenizeAll(grammar: IGrammar, scope: string, src: string, files: string[]): Pass {
  const pass: Pass = { scope, files: 0, lines: 0, ms: 0, slowest: { ms: 0, where: '' }, unclosed: [] };
  const clean = scopesOf(grammar, SENTINEL, INITIAL);
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    let stack = INITIAL;
    for (let i = 0; i < lines.length; i++) {
      const t0 = performance.now();
      stack = grammar.tokenizeLine(lines[i], stack).ruleStack;
      const ms = performance.now() - t0;
      pass.ms += ms;
      if (ms > pass.slowest.ms) pass.slowest = { ms, where: `${relative(src, file)}:${i + 1}` };
    }
    pass.files++;
    pass.lines += lines.length;
    if (scopesOf(grammar, SENTINEL, stack) !== clean) pass.unclosed.push(relative(src, file));
  }
  return pass;
}

function report(p: Pass) {
  console.log(
    `${p.scope}: ${p.files} files, ${p.lines} lines in ${(p.ms / 1000).toFixed(2)} s; ` +
      `slowest line ${p.slowest.ms.toFixed(1)} ms (${p.slowest.where}); ` +
      `${p.unclosed.length} files end inside an open construct${p.unclosed.length ? `: ${p.unclosed.slice(0, 8).join(', ')}${p.unclosed.length > 8 ? ', ...' : ''}` : ''}`,
  );
}

test('grammars tokenize every make file of kernel 6.1', async () => {
  const src = kernelSource();
  const files = await kernelMakeFiles(src);
  assert.ok(files.length > 2900, `only ${files.length} make files found`);
  const extra = (process.env.KBUILD_TM_GRAMMARS ?? '').split(':').filter(Boolean);
  const registry = await createRegistry(extra);

  // Our language claims Kbuild, Makefile.*, *.include, tools/**/Build; we
  // tokenize every file with it (users may associate plain Makefiles too).
  const kbuild = await registry.loadGrammar('source.kbuild');
  assert.ok(kbuild);
  const full = tokenizeAll(kbuild, 'source.kbuild', src, files);
  report(full);

  // Plain Makefile / *.mk stay VS Code's `makefile` language, with our injections.
  const makefile = await registry.loadGrammar('source.makefile');
  assert.ok(makefile);
  const plain = files.filter((f) => ['Makefile', 'makefile', 'GNUmakefile'].includes(basename(f)) || f.endsWith('.mk'));
  const injected = tokenizeAll(makefile, `source.makefile + injections${extra.length ? '' : ' (stub makefile grammar)'}`, src, plain);
  report(injected);

  for (const p of [full, injected]) {
    assert.ok(p.slowest.ms <= SLOW_LINE_MS, `${p.scope}: a line took ${p.slowest.ms.toFixed(0)} ms (${p.slowest.where})`);
  }
});
