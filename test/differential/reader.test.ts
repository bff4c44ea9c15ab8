// The reader against GNU make 4.3. For each fixture in reader/, make's data
// base (`make -pq -rR`) says which variables, targets, pattern rules and
// target/pattern variables the makefile defines and where; our reader's
// syntax tree must say the same (see readerFacts.ts). For each fixture in
// reader-errors/, every `file:line: message` make prints must be a reader
// diagnostic on that line containing make's message. See
// docs/differential-testing.md.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseMakeDatabase } from '../../server/src/eval/makeDatabase';
import { LineIndex } from '../../server/src/syntax/lineIndex';
import { parseMakefile } from '../../server/src/syntax/reader';
import type { ParseResult } from '../../server/src/syntax/ast';
import { diffFacts, factsFromDatabase } from './facts';
import { makeVersion, runMakeDatabase } from './makeOracle';
import { readerFacts } from './readerFacts';

const version = makeVersion();
const skip = version === null ? 'GNU make is not installed' : version !== '4.3' ? `needs GNU make 4.3, found ${version}` : false;

function fixturesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-[\w-]+\.mk$/.test(f))
    .sort();
}

/** Parses a file of the fixture directory by the name make would report for it. */
function loader(dir: string): (file: string) => ParseResult | undefined {
  return (file) => {
    const path = join(dir, file);
    return existsSync(path) ? parseMakefile(readFileSync(path, 'utf8'), file) : undefined;
  };
}

/** `file:line: message` lines of make's stderr, with `*** ` and `.  Stop.` removed. */
function makeMessages(stderr: string): Array<{ file: string; line: number; message: string }> {
  const out: Array<{ file: string; line: number; message: string }> = [];
  for (const text of stderr.split('\n')) {
    const m = /^([^:\s]+):(\d+): (.*)$/.exec(text);
    if (!m) continue;
    const message = m[3].replace(/^\*\*\* /, '').replace(/^warning: /, '').replace(/\.  Stop\.$/, '');
    out.push({ file: m[1], line: Number(m[2]), message });
  }
  return out;
}

function diagnosticsByLine(result: ParseResult): Array<{ line: number; message: string }> {
  const lines = new LineIndex(result.text);
  return result.diagnostics.map((d) => ({ line: lines.positionAt(d.span.start).line + 1, message: d.message }));
}

describe('reader vs GNU make: definitions', { skip }, () => {
  const dir = join(__dirname, 'reader');
  for (const name of fixturesIn(dir)) {
    test(name, (t) => {
      const run = runMakeDatabase({ dir, file: name, flags: ['-rR'] });
      const fatal = makeMessages(run.stderr).filter((m) => run.stderr.includes(`${m.file}:${m.line}: *** `));
      assert.deepEqual(fatal, [], 'the fixture must be a valid makefile for make');
      const load = loader(dir);
      const root = load(name);
      assert.ok(root);
      const ours = readerFacts({ root, load });
      if (ours.undecidable.length > 0) return t.skip(`needs the evaluator: ${ours.undecidable.join('; ')}`);
      const make = factsFromDatabase(parseMakeDatabase(run.stdout));
      const facts = Object.values(make).reduce((n, section) => n + Object.keys(section).length, 0);
      assert.ok(facts > 0, 'make reports nothing for this fixture: it tests nothing');
      const errors = root.diagnostics.filter((d) => d.severity === 'error').map((d) => `error ${JSON.stringify(d.message)}`);
      const diff = [...errors, ...diffFacts({ ours: ours.facts, make })];
      assert.deepEqual(diff, [], `${name}: ours vs make\n  ${diff.join('\n  ')}`);
    });
  }
});

describe('reader vs GNU make: errors', { skip }, () => {
  const dir = join(__dirname, 'reader-errors');
  for (const name of fixturesIn(dir)) {
    test(name, () => {
      const run = runMakeDatabase({ dir, file: name, flags: ['-rR'] });
      const expected = makeMessages(run.stderr).filter((m) => m.file === name);
      assert.ok(expected.length > 0, `make reports no error for ${name}: the fixture tests nothing`);
      const root = loader(dir)(name);
      assert.ok(root);
      const ours = diagnosticsByLine(root);
      const missing = expected
        .filter((e) => !ours.some((d) => d.line === e.line && d.message.includes(e.message)))
        .map((e) => `make ${e.line}: ${JSON.stringify(e.message)}`);
      const report = [...missing, ...ours.map((d) => `ours ${d.line}: ${JSON.stringify(d.message)}`)];
      assert.deepEqual(missing, [], `${name}: make's messages not found among ours\n  ${report.join('\n  ')}`);
    });
  }
});
