// Every case under test/fixtures/lint: the findings of all rules over the
// whole tree must be exactly the `#!> CODE[:SEVERITY]` markers.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintFile } from '../../../server/src/analysis/lint';
import { effectiveSeverity, lintSource } from '../../../server/src/ide/lint';
import { lineOf, loadTree, shellParser } from './harness';

const dir = join(__dirname, '../../fixtures/lint');
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => `${d.name}/${f}`))
  .sort();

/** `file:line code` → the severity its marker asks for ('' when it asks for none). */
function markers(texts: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, text] of texts) {
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/#!> ([a-z-]+)(?::([a-z]+))?/g)) out.set(`${file.slice(2)}:${i + 1} ${m[1]}`, m[2] ?? '');
    });
  }
  return out;
}

for (const name of cases) {
  test(`lint fixture ${name}`, async () => {
    const fixture = loadTree(readFileSync(join(dir, name), 'utf8'));
    const parser = await shellParser();
    const expected = markers(fixture.texts);
    const got: string[] = [];
    for (const [file, text] of fixture.texts) {
      for (const f of lintFile({ src: lintSource(fixture.ws), file, parser })) {
        const key = `${file.slice(2)}:${lineOf(text, f.span.start)} ${f.code}`;
        got.push(expected.get(key) ? `${key}:${effectiveSeverity(f)}` : key);
      }
    }
    const want = [...expected].map(([key, severity]) => (severity ? `${key}:${severity}` : key));
    assert.deepEqual(got.sort(), want.sort());
    const code = name.split('/')[0];
    if (name.includes('/negative')) assert.deepEqual(got, []);
    else assert.ok(got.some((g) => g.includes(code)), `no ${code} finding`);
  });
}
