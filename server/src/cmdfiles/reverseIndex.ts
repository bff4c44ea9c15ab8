// The reverse indexes (file → objects, CONFIG → objects): filled in one pass
// after a full load, then changed key by key under incremental updates.
import type { CmdObject, CmdStore, ReverseIndex } from './types';

export function emptyReverseIndex(): ReverseIndex {
  return { offsets: new Uint32Array(1), targets: new Uint32Array(0), changed: new Map() };
}

/** The targets of `key`, undefined when none. */
export function reverseGet(index: ReverseIndex, key: number): ArrayLike<number> | undefined {
  const own = index.changed.get(key);
  if (own) return own.length > 0 ? own : undefined;
  if (key + 1 >= index.offsets.length) return undefined;
  const from = index.offsets[key];
  const to = index.offsets[key + 1];
  return to > from ? index.targets.subarray(from, to) : undefined;
}

/** The list of `key` as an array of its own, to change. */
function ownList(index: ReverseIndex, key: number): number[] {
  let list = index.changed.get(key);
  if (!list) {
    list = Array.from(reverseGet(index, key) ?? []);
    index.changed.set(key, list);
  }
  return list;
}

function link(index: ReverseIndex, key: number, target: number): void {
  const list = ownList(index, key);
  // One object's entries are linked in a row, so a repeat is always the last element.
  if (list[list.length - 1] !== target) list.push(target);
}

function unlink(index: ReverseIndex, key: number, target: number): void {
  if (!index.changed.has(key) && reverseGet(index, key) === undefined) return;
  const list = ownList(index, key);
  const i = list.indexOf(target);
  if (i < 0) return;
  list[i] = list[list.length - 1];
  list.pop();
}

export function linkObject(store: CmdStore, obj: CmdObject): void {
  if (obj.source !== undefined) link(store.dependents, obj.source, obj.target);
  for (let i = 0; i < obj.deps.length; i++) link(store.dependents, obj.deps[i], obj.target);
  // Not next to the deps when it is one of them too: linked once.
  for (const id of obj.optionalPrereqs) if (id !== obj.source && !obj.deps.includes(id)) link(store.dependents, id, obj.target);
  for (let i = 0; i < obj.configs.length; i++) link(store.configUsers, obj.configs[i], obj.target);
}

export function unlinkObject(store: CmdStore, obj: CmdObject): void {
  if (obj.source !== undefined) unlink(store.dependents, obj.source, obj.target);
  for (let i = 0; i < obj.deps.length; i++) unlink(store.dependents, obj.deps[i], obj.target);
  for (const id of obj.optionalPrereqs) unlink(store.dependents, id, obj.target);
  for (let i = 0; i < obj.configs.length; i++) unlink(store.configUsers, obj.configs[i], obj.target);
}

function pathKeys(obj: CmdObject): Set<number> {
  const keys = new Set<number>(obj.deps);
  if (obj.source !== undefined) keys.add(obj.source);
  for (const id of obj.optionalPrereqs) keys.add(id);
  return keys;
}

function relinkKeys(index: ReverseIndex, args: { before: Set<number>; after: Set<number>; target: number }): void {
  for (const k of args.before) if (!args.after.has(k)) unlink(index, k, args.target);
  for (const k of args.after) {
    if (args.before.has(k)) continue;
    const list = ownList(index, k);
    if (!list.includes(args.target)) list.push(args.target);
  }
}

/** Replaces `old` by `now`, the same target read again: only the keys gained or lost are linked or unlinked. */
export function relinkObject(store: CmdStore, old: CmdObject, now: CmdObject): void {
  relinkKeys(store.dependents, { before: pathKeys(old), after: pathKeys(now), target: now.target });
  relinkKeys(store.configUsers, { before: new Set(old.configs), after: new Set(now.configs), target: now.target });
}

// visit and passOverKeys take positional parameters on purpose: visit runs
// once per entry of the build, and a callback per key (counting, then
// placing) cost a fifth of the fill.

/** Key `k` of object `o`, once per object (`seen` holds the last object that had it): counted, or its target placed. */
function visit(seen: Int32Array, o: number, k: number, slots: Uint32Array, targets: Uint32Array | undefined, target: number): void {
  if (seen[k] === o) return;
  seen[k] = o;
  if (targets) targets[slots[k]++] = target;
  else slots[k + 1]++;
}

/**
 * One pass over the keys of every object (`source`, `deps` and
 * `optionalPrereqs` when `paths`, else `configs`): without `targets`,
 * counts them into `slots[k + 1]`; with it, places each object's target at
 * `targets[slots[k]++]`.
 */
function passOverKeys(objects: CmdObject[], paths: boolean, slots: Uint32Array, targets?: Uint32Array): void {
  const seen = new Int32Array(slots.length).fill(-1);
  for (let o = 0; o < objects.length; o++) {
    const obj = objects[o];
    const target = obj.target;
    if (paths && obj.source !== undefined) visit(seen, o, obj.source, slots, targets, target);
    const keys = paths ? obj.deps : obj.configs;
    for (let i = 0; i < keys.length; i++) visit(seen, o, keys[i], slots, targets, target);
    if (paths) for (const k of obj.optionalPrereqs) visit(seen, o, k, slots, targets, target);
  }
}

/**
 * Fills `index` from every object's keys: counted first, then placed into
 * one typed array. A key repeated within one object counts once.
 */
function fill(store: CmdStore, args: { index: ReverseIndex; size: number; paths: boolean }): void {
  const { index, size, paths } = args;
  const objects = [...store.objects.values()];
  const offsets = new Uint32Array(size + 1);
  passOverKeys(objects, paths, offsets);
  for (let k = 0; k < size; k++) offsets[k + 1] += offsets[k];
  const targets = new Uint32Array(offsets[size]);
  passOverKeys(objects, paths, offsets.slice(0, size + 1), targets);
  index.offsets = offsets;
  index.targets = targets;
  index.changed.clear();
}

/**
 * Fills both reverse indexes from the objects in one pass over presized
 * arrays: faster than linking file by file during a full load.
 */
export function buildIndexes(store: CmdStore): void {
  fill(store, { index: store.dependents, size: store.paths.names.length, paths: true });
  fill(store, { index: store.configUsers, size: store.configs.names.length, paths: false });
  store.indexed = true;
}
