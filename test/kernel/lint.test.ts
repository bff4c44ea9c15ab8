// The linter on every make file under tools/ of kernel 6.1 (and the files
// outside tools/ they include), compared with test/kernel/lint-expected.txt:
// each entry there is a problem checked by reading the Makefile, with a
// one-line justification. A new finding is either a real problem (add it
// with its reason) or a false positive (fix the analyzer, not the file).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { lintFile, type Finding } from '../../server/src/analysis/lint';
import { effectiveSeverity, lintSource } from '../../server/src/ide/lint';
import { readClosure } from '../../server/src/analysis/lint/includers';
import { kernelWorkspace } from '../helpers/kernel';
import { lineOf, shellParser } from '../unit/lint/harness';

function expectedEntries(): string[] {
  const text = readFileSync(join(__dirname, 'lint-expected.txt'), 'utf8');
  return text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .sort();
}

test('lint of tools/ in kernel 6.1 matches the reviewed expectations', async (t) => {
  const { src, ws, files } = await kernelWorkspace();
  const parser = await shellParser();
  const tools = files.filter((f) => relative(src, f).startsWith('tools/'));
  const source = lintSource(ws);
  const linted = [...new Set(tools.flatMap((f) => readClosure(source, f)))].sort();
  const found: Array<{ file: string; finding: Finding }> = [];
  const started = performance.now();
  for (const file of linted) for (const finding of lintFile({ src: source, file, parser })) found.push({ file, finding });
  const ms = performance.now() - started;

  const counts = new Map<string, number>();
  for (const { finding } of found) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  t.diagnostic(`${linted.length} files (${linted.length - tools.length} included from outside tools/) linted in ${ms.toFixed(0)} ms`);
  t.diagnostic(`findings per code: ${[...counts].sort().map(([c, n]) => `${c} ${n}`).join(', ')}`);

  const got = found.map(({ file, finding }) => `${relative(src, file)}:${lineOf(ws.files.get(file)!.text, finding.span.start)} ${finding.code}`).sort();
  assert.deepEqual(got, expectedEntries());

  // The case of the issue: a warning that names the VPATH line.
  const perf = join(src, 'tools/perf/Makefile.perf');
  const scripts = found.find(({ file, finding }) => file === perf && finding.code === 'output-prefix-target');
  assert.ok(scripts, 'the $(SCRIPTS) rule of Makefile.perf is reported');
  const text = ws.files.get(perf)!.text;
  assert.match(text.slice(scripts.finding.span.start, scripts.finding.span.end), /^\$\(SCRIPTS\)$/);
  assert.equal(effectiveSeverity(scripts.finding), 'warning');
  const vpath = scripts.finding.related.find((r) => /VPATH/.test(r.message));
  assert.ok(vpath && vpath.file === perf);
  assert.equal(text.slice(vpath.span.start, vpath.span.end), 'VPATH += $(OUTPUT)');
  assert.equal(lineOf(text, vpath.span.start), 157);
});
