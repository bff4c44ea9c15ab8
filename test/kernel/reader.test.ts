// The reader on every make file of the real kernel 6.1 tree: no errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { parseMakefile } from '../../server/src/syntax/reader';
import { kernelMakeFiles, kernelSource } from '../helpers/kernel';

test('reads every make file of kernel 6.1 with 0 reader errors', async (t) => {
  const src = kernelSource();
  const files = await kernelMakeFiles(src);
  const kinds = new Map<string, number>();
  const errors: string[] = [];
  let statements = 0;
  let lines = 0;
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    lines += text.split('\n').length;
    const result = parseMakefile(text, file);
    statements += result.stmts.length;
    const base = file.split('/').pop() as string;
    const kind = base.startsWith('Makefile.') ? 'Makefile.*' : base.endsWith('.mk') ? '*.mk' : base.endsWith('.include') ? '*.include' : base;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    for (const d of result.diagnostics) {
      if (d.severity !== 'error') continue;
      const line = text.slice(0, d.span.start).split('\n').length;
      errors.push(`${relative(src, file)}:${line}: ${d.message}`);
    }
  }
  t.diagnostic(`files ${files.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), ${lines} lines, ${bytes} bytes, ${statements} top-level statements, ${errors.length} reader errors`);
  assert.ok(files.length > 3000, `found only ${files.length} make files`);
  assert.ok(kinds.get('Build')! > 70, 'tools/ Build files are read');
  assert.deepEqual(errors, []);
});
