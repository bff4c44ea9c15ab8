// A vscode-textmate registry over the grammars this repo contributes
// (package.json `contributes.grammars`) plus stand-ins for the grammars VS Code
// ships (source.shell, source.makefile) that npm has not. Used by the grammar
// tests and by test/kernel/grammar.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as onig from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';

export const repoRoot = join(__dirname, '..', '..');
export const stubGrammars = [
  join(repoRoot, 'test/grammar/stubs/shell.tmLanguage.json'),
  join(repoRoot, 'test/grammar/stubs/makefile.tmLanguage.json'),
];

interface Contributed { scopeName: string; path: string; injectTo?: string[] }

export function contributedGrammars(): Contributed[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return (pkg.contributes?.grammars ?? []).map((g: Contributed) => ({ ...g, path: join(repoRoot, g.path) }));
}

let onigReady: Promise<void> | undefined;

/** extraGrammars: paths of grammar files that replace the stubs (e.g. a real shell grammar). */
export async function createRegistry(extraGrammars: string[] = []) {
  onigReady ??= onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  await onigReady;
  const byScope = new Map<string, string>();
  const injections = new Map<string, string[]>();
  for (const path of [...stubGrammars, ...extraGrammars]) {
    byScope.set(JSON.parse(readFileSync(path, 'utf8')).scopeName, path);
  }
  for (const g of contributedGrammars()) {
    byScope.set(g.scopeName, g.path);
    for (const target of g.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);
  }
  return new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = byScope.get(scopeName);
      return path ? tm.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName: string) => injections.get(scopeName),
  });
}

export interface LineTokens { line: string; tokens: { text: string; scopes: string[] }[] }

/** Tokenizes text line by line; returns the tokens and the rule stack left at the end. */
export function tokenizeText(grammar: tm.IGrammar, text: string) {
  let stack = tm.INITIAL;
  const out: LineTokens[] = [];
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, stack);
    out.push({ line, tokens: r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })) });
    stack = r.ruleStack;
  }
  return { lines: out, stack };
}

export const INITIAL = tm.INITIAL;
