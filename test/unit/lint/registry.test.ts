// Every lint code has a docs page with the four parts (what, why, how to
// fix, example), and every page belongs to a code.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { docsPath, RULES } from '../../../server/src/analysis/lint';

const repo = join(__dirname, '../../..');

test('one docs page per code, with what / why / how to fix / example', () => {
  for (const rule of RULES) {
    const text = readFileSync(join(repo, docsPath(rule.code)), 'utf8');
    assert.match(text, new RegExp(`^# ${rule.code}\\n`), rule.code);
    assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.severity}`), rule.code);
    for (const heading of ['## What', '## Why it matters', '## How to fix', '## Example']) assert.ok(text.includes(heading), `${rule.code}: ${heading}`);
  }
  const pages = readdirSync(join(repo, 'docs/diagnostics')).filter((f) => f.endsWith('.md'));
  assert.deepEqual(pages.sort(), RULES.map((r) => `${r.code}.md`).sort());
});
