// What a recipe line writes, read through tree-sitter-bash: one row per
// case, the line in and the written paths (as make text) out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recipeWrites } from '../../../server/src/analysis/shell/recipe';
import { parseMakefile } from '../../../server/src/syntax';
import { shellParser } from './harness';

const COMMANDS: Record<string, string> = { INSTALL: 'install', CC: 'cc', MV: 'mv' };

async function writes(line: string): Promise<string[]> {
  const text = `t:\n\t${line}\n`;
  const parse = parseMakefile(text, '/Makefile');
  const recipe = parse.stmts.find((s) => s.kind === 'recipe');
  assert.ok(recipe && recipe.kind === 'recipe');
  const parser = await shellParser();
  const commandOf = (node: { kind: string; name?: { nodes: Array<{ kind: string; text?: string }> } }) =>
    node.kind === 'ref' ? COMMANDS[node.name?.nodes[0]?.text ?? ''] : undefined;
  return recipeWrites({ parser, recipe: recipe.expr, fileText: text, commandOf }).map(
    (w) => `${w.kind}${w.afterCd ? '(after cd)' : ''} ${text.slice(w.span.start, w.span.end)}`,
  );
}

const CASES: Array<[string, string[]]> = [
  ['./gen.sh > $@', ['redirect $@']],
  ['./gen.sh >> "$(OUTPUT)log" 2>&1', ['redirect $(OUTPUT)log']],
  ['cmd 2>/dev/null >&2', ['redirect /dev/null']],
  ['$(QUIET_GEN)$(INSTALL) \'$@.sh\' \'$(OUTPUT)$@\'', ['destination $(OUTPUT)$@']],
  ['$(call QUIET_INSTALL, x)$(INSTALL) -m 644 -t $(DESTDIR)/lib a.so b.so', ['destination $(DESTDIR)/lib']],
  ['install -d -m 755 $(DESTDIR)/bin', []],
  ['@$(CC) $(CFLAGS) -o $@ $^', ['output-option $@']],
  ['gcc -c -o$(OUTPUT)x.o x.c', ['output-option $(OUTPUT)x.o']],
  ['bison --output=$(OUTPUT)p.c p.y', ['output-option $(OUTPUT)p.c']],
  ['$(MAKE) -o old.o -C sub', []],
  ['mv $@+ $@', ['destination $@']],
  ['cp -r src', []],
  ['ln -sf ../x.h include/x.h', ['destination include/x.h']],
  ['touch -r ref stamp1 stamp2', ['touch stamp1', 'touch stamp2']],
  ['echo x | tee -a log1 log2', ['tee log1', 'tee log2']],
  ['cd $(OUTPUT) && gcc -o tool tool.c > log', ['output-option(after cd) tool', 'redirect(after cd) log']],
  ['if [ -f x ]; then cp a b; fi', ['destination b']],
  ['for f in $(FILES); do $(INSTALL) $$f $(DESTDIR)/share; done', ['destination $(DESTDIR)/share']],
];

for (const [line, expected] of CASES) {
  test(`writes: ${line}`, async () => assert.deepEqual(await writes(line), expected));
}
