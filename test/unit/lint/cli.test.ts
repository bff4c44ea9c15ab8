// `kbuild-analyzer lint`: formats, exit codes, severity overrides, and a
// SARIF 2.1.0 log of the right shape, over a small tree on disk.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lintCommand } from '../../../server/src/cli/lint';

const root = mkdtempSync(join(tmpdir(), 'kbuild-lint-'));
const files: Record<string, string> = {
  'scripts/Kbuild.include': '',
  'tools/scripts/Makefile.include': 'OUTPUT := $(O)/\n',
  'tools/gen/Makefile': 'include ../scripts/Makefile.include\n\ngen.h: gen.sh\n\t./gen.sh > $(OUTPUT)$@\n',
  'tools/ok/Makefile': 'all: a b\n.PHONY: all\n',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
after(() => rmSync(root, { recursive: true, force: true }));

const run = (...args: string[]) => lintCommand([...args, '--root', root]);

test('text: one line per diagnostic with its notes, a summary, exit 1 on an error', async () => {
  const r = await run(join(root, 'tools'));
  assert.equal(r.exitCode, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /tools\/gen\/Makefile:3:1: error \[output-prefix-target\] Target `gen\.h` has no \$\(OUTPUT\) prefix/);
  assert.match(lines[1], /^ {2}.*tools\/gen\/Makefile:4:13: note: the recipe writes the file here/);
  assert.equal(lines.at(-1), '3 files: 1 error, 0 warnings, 0 information, 0 hints');
});

test('--severity lowers or silences a code; the exit code follows', async () => {
  assert.equal((await run(join(root, 'tools'), '--severity', 'output-prefix-target=warning')).exitCode, 0);
  const off = await run(join(root, 'tools'), '--severity', 'output-prefix-target=off', '--format', 'json');
  assert.deepEqual(JSON.parse(off.stdout).summary, { files: 3, errors: 0, warnings: 0, information: 0, hints: 0 });
  assert.equal((await run(join(root, 'tools/ok'))).exitCode, 0);
});

test('bad arguments exit 2', async () => {
  assert.equal((await run('--format', 'xml')).exitCode, 2);
  assert.equal((await run('--severity', 'no-such-code=error')).exitCode, 2);
  assert.equal((await run('--severity', 'phony-missing=loud')).exitCode, 2);
  assert.equal((await run(join(root, 'missing'))).exitCode, 2);
});

test('json: positions, docs link, related locations and fix edits', async () => {
  const { diagnostics } = JSON.parse((await run(join(root, 'tools/gen'), '--format', 'json')).stdout);
  assert.equal(diagnostics.length, 1);
  const [d] = diagnostics;
  assert.deepEqual([d.line, d.col, d.endLine, d.endCol, d.severity, d.code], [3, 1, 3, 6, 'error', 'output-prefix-target']);
  assert.match(d.docs, /docs\/diagnostics\/output-prefix-target\.md$/);
  assert.equal(d.related.length, 1);
  assert.deepEqual(d.fixes[0].edits.map((e: { line: number; col: number; newText: string }) => [e.line, e.col, e.newText]), [[3, 1, '$(OUTPUT)'], [4, 13, '']]);
});

test('sarif: 2.1.0 with rules (ids, helpUri) and results (ruleId, level, physical locations)', async () => {
  const log = JSON.parse((await run(join(root, 'tools'), '--format', 'sarif')).stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const { driver } = log.runs[0].tool;
  assert.equal(driver.name, 'kbuild-analyzer');
  assert.ok(driver.rules.length >= 10);
  for (const rule of driver.rules) {
    assert.match(rule.id, /^[a-z-]+$/);
    // The CLI links to the docs shipped beside it: a file URL that must exist.
    assert.match(rule.helpUri, /^file:\/\/.*\/docs\/diagnostics\/[a-z-]+\.md$/);
    assert.ok(existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  const [result] = log.runs[0].results;
  assert.equal(result.ruleId, 'output-prefix-target');
  assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
  assert.equal(result.level, 'error');
  assert.equal(typeof result.message.text, 'string');
  const { physicalLocation } = result.locations[0];
  assert.deepEqual(physicalLocation.artifactLocation, { uri: 'tools/gen/Makefile', uriBaseId: 'SRCROOT' });
  assert.deepEqual(physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 6 });
  assert.equal(log.runs[0].originalUriBaseIds.SRCROOT.uri, `file://${root}/`);
  assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 4);
});
