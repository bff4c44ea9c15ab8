// The range-keyed hash map under the store: lookups by a range of a larger
// text, growth, and keys whose hashed characters collide on purpose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRangeMap, rangeGet, rangeSet } from '../../../server/src/cmdfiles/rangeMap';

test('keys differing only where the hash does not look are still told apart', () => {
  const map = createRangeMap();
  // Same length, same middle, same 16-character tail: only the head differs.
  const keys = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(5, '0')}/same/middle/and/the/same/long/tail.h`);
  keys.forEach((k, i) => rangeSet(map, k, i));
  assert.ok(map.slots.length >= 2 * keys.length, 'the table grew');
  const text = `>>${keys.join(' ')}<<`;
  let pos = 2;
  keys.forEach((k, i) => {
    assert.equal(rangeGet(map, text, pos, pos + k.length), i);
    pos += k.length + 1;
  });
  assert.equal(rangeGet(map, 'zz/same/middle/and/the/same/long/tail.h', 0, 39), -1);
  assert.equal(rangeGet(map, text, 2, 7), -1);
});

test('setting a key again replaces its value; the empty key is a key', () => {
  const map = createRangeMap();
  rangeSet(map, 'a.h', 1);
  rangeSet(map, 'a.h', 2);
  rangeSet(map, '', 3);
  assert.equal(rangeGet(map, 'xa.hx', 1, 4), 2);
  assert.equal(rangeGet(map, 'abc', 1, 1), 3);
  assert.equal(map.keys.length, 2);
});
