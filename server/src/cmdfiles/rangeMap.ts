// String → int map probed with a range of a larger text: the range is hashed
// in place, and a substring is made only to confirm a hash match. A kernel
// build's .cmd files repeat a few thousand entries hundreds of thousands of
// times; a Map keyed by a slice of each occurrence was twice as slow.

export interface RangeMap {
  keys: string[];
  hashes: number[];
  values: number[];
  /** Open addressing; slot holds entry index + 1, 0 = empty. */
  slots: Int32Array;
}

export function createRangeMap(): RangeMap {
  return { keys: [], hashes: [], values: [], slots: new Int32Array(1024) };
}

// hashRange, findSlot and rangeGet take positional parameters on purpose:
// they run once per dependency entry (400k times for a tinyconfig build) and
// an argument object per call showed up in profiles.

// Hash of the length, the last 16 characters and two from the middle:
// entries share long prefixes (`../include/linux/`, `$(wildcard include/config/`)
// and differ at the end. Equality is checked in full, so a collision only
// costs a probe.
function hashRange(text: string, start: number, end: number): number {
  const len = end - start;
  let h = Math.imul(len ^ 0x811c9dc5, 16777619);
  if (len > 0) {
    h = Math.imul(h ^ text.charCodeAt(start + (len >> 1)), 16777619);
    h = Math.imul(h ^ text.charCodeAt(start + (len >> 2)), 16777619);
  }
  for (let i = Math.max(start, end - 16); i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  // 30 bits: a small integer in V8, never a boxed number in the arrays or between calls.
  return h & 0x3fffffff;
}

/** Slot holding text[start, end), or the empty slot where it would go. */
function findSlot(map: RangeMap, text: string, start: number, end: number, hash: number): number {
  const { slots, keys, hashes } = map;
  const mask = slots.length - 1;
  const len = end - start;
  for (let s = hash & mask; ; s = (s + 1) & mask) {
    const e = slots[s];
    if (e === 0) return s;
    // substring + === beats startsWith(k, pos) severalfold in V8 (a slice is O(1)).
    if (hashes[e - 1] === hash && keys[e - 1].length === len && text.substring(start, end) === keys[e - 1]) return s;
  }
}

/** Value for text[start, end), or -1. */
export function rangeGet(map: RangeMap, text: string, start: number, end: number): number {
  const e = map.slots[findSlot(map, text, start, end, hashRange(text, start, end))];
  return e === 0 ? -1 : map.values[e - 1];
}

function grow(map: RangeMap): void {
  const slots = new Int32Array(map.slots.length * 2);
  const mask = slots.length - 1;
  for (let e = 0; e < map.keys.length; e++) {
    let s = map.hashes[e] & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = e + 1;
  }
  map.slots = slots;
}

/** Sets `key` (a string the map keeps) to `value`. */
export function rangeSet(map: RangeMap, key: string, value: number): void {
  const hash = hashRange(key, 0, key.length);
  const s = findSlot(map, key, 0, key.length, hash);
  const e = map.slots[s];
  if (e !== 0) {
    map.values[e - 1] = value;
    return;
  }
  map.keys.push(key);
  map.hashes.push(hash);
  map.values.push(value);
  map.slots[s] = map.keys.length;
  if (map.keys.length * 2 > map.slots.length) grow(map);
}
