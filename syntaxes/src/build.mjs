// Writes the grammars of syntaxes/ from their sources here:
//   node syntaxes/src/build.mjs           write them
//   node syntaxes/src/build.mjs --check   exit 1 if a committed file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kbuildGrammar, makefileInjections, addInjectionRules } from './kbuild.grammar.mjs';
import { kbuildCmdGrammar } from './kbuild-cmd.grammar.mjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');

export function grammarFiles() {
  return [
    ['kbuild.tmLanguage.json', addInjectionRules(kbuildGrammar())],
    ['kbuild-cmd.tmLanguage.json', kbuildCmdGrammar()],
    ...makefileInjections().map((i) => [i.file, i.grammar]),
  ].map(([file, grammar]) => [file, JSON.stringify(grammar, null, 2) + '\n']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of grammarFiles()) {
    const path = join(dir, file);
    let old = null;
    try { old = readFileSync(path, 'utf8'); } catch {}
    if (old === text) continue;
    if (check) { console.error(`stale: syntaxes/${file} (run node syntaxes/src/build.mjs)`); stale++; }
    else { writeFileSync(path, text); console.log(`wrote syntaxes/${file}`); }
  }
  process.exit(stale ? 1 : 0);
}
