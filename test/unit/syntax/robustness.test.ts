// The reader never throws and never hangs, whatever it is given.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMakefile } from '../../../server/src/syntax/reader';
import { LineIndex } from '../../../server/src/syntax/lineIndex';

function randomText(seed: number, length: number): string {
  const alphabet = ['$', '(', ')', '{', '}', ':', '=', '\\', '\n', '\t', ' ', '#', ',', ';', '|', '%', 'a', 'ifeq', 'define', 'endef', 'endif', 'else', 'x', '+=', '&'];
  let s = seed;
  let out = '';
  while (out.length < length) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out += alphabet[s % alphabet.length];
  }
  return out;
}

test('random make-like text: no throw, spans inside the text', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const text = randomText(seed, 400);
    const r = parseMakefile(text, 'fuzz.mk');
    for (const d of r.diagnostics) {
      assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end, `seed ${seed}: ${JSON.stringify(d)}`);
      assert.doesNotMatch(d.message, /internal reader error/, `seed ${seed}`);
    }
  }
});

test('binary input and NUL bytes are read as text without throwing', () => {
  const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  const r = parseMakefile(bytes, 'bin');
  assert.ok(Array.isArray(r.stmts));
});

test('LineIndex maps offsets and positions both ways', () => {
  const idx = new LineIndex('a\nbc\n\nd');
  assert.deepEqual(idx.positionAt(3), { line: 1, character: 1 });
  assert.deepEqual(idx.positionAt(5), { line: 2, character: 0 });
  assert.equal(idx.offsetAt({ line: 3, character: 0 }), 6);
  assert.equal(idx.offsetAt({ line: 1, character: 99 }), 4);
});
