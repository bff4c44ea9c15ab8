// Debug aid: print the tokens of a file or of stdin.
//   node --import tsx test/grammar/dump.ts [source.kbuild] FILE
import { readFileSync } from 'node:fs';
import { createRegistry, tokenizeText } from './registry';

const args = process.argv.slice(2);
const scope = args.length > 1 ? args[0] : 'source.kbuild';
const file = args.length > 1 ? args[1] : args[0] ?? '/dev/stdin';
async function main() {
  const registry = await createRegistry(process.env.SHELL_GRAMMAR ? [process.env.SHELL_GRAMMAR] : []);
  const grammar = await registry.loadGrammar(scope);
  if (!grammar) throw new Error(`no grammar ${scope}`);
  const { lines } = tokenizeText(grammar, readFileSync(file, 'utf8'));
  lines.forEach((l, i) => {
    console.log(`${i + 1}: ${JSON.stringify(l.line)}`);
    for (const t of l.tokens) console.log(`    ${JSON.stringify(t.text).padEnd(24)} ${t.scopes.slice(1).join(' ')}`);
  });
}
void main();
