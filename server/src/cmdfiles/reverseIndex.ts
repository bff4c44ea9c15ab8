// The reverse indexes (file → objects, CONFIG → objects): linked object by
// object under incremental updates, filled in one pass after a full load.
import type { CmdObject, CmdStore, ReverseIndex } from './types';

function link(index: ReverseIndex, key: number, target: number): void {
  const list = index[key];
  if (!list) index[key] = [target];
  // One object's entries are linked in a row, so a repeat is always the last element.
  else if (list[list.length - 1] !== target) list.push(target);
}

function unlink(index: ReverseIndex, key: number, target: number): void {
  const list = index[key];
  if (!list) return;
  const i = list.indexOf(target);
  if (i < 0) return;
  list[i] = list[list.length - 1];
  list.pop();
  if (list.length === 0) index[key] = undefined;
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
    const list = index[k];
    if (!list) index[k] = [args.target];
    else if (!list.includes(args.target)) list.push(args.target);
  }
}

/** Replaces `old` by `now`, the same target read again: only the keys gained or lost are linked or unlinked. */
export function relinkObject(store: CmdStore, old: CmdObject, now: CmdObject): void {
  relinkKeys(store.dependents, { before: pathKeys(old), after: pathKeys(now), target: now.target });
  relinkKeys(store.configUsers, { before: new Set(old.configs), after: new Set(now.configs), target: now.target });
}

/**
 * Fills `index` from every object's keys (`source`, `deps` and
 * `optionalPrereqs` when `withSource`, else `configs`): counted first, so each list is allocated once at
 * its final size. A key repeated within one object counts once (`seen` holds
 * the last object that had it). Plain loops over typed arrays: this runs
 * twice per entry of the build.
 */
function fill(store: CmdStore, args: { index: ReverseIndex; size: number; withSource: boolean }): void {
  const { index, size, withSource } = args;
  const objects = [...store.objects.values()];
  const counts = new Uint32Array(size);
  const seen = new Int32Array(size).fill(-1);
  for (let o = 0; o < objects.length; o++) {
    const obj = objects[o];
    if (withSource && obj.source !== undefined && seen[obj.source] !== o) {
      seen[obj.source] = o;
      counts[obj.source]++;
    }
    const keys = withSource ? obj.deps : obj.configs;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (seen[k] !== o) {
        seen[k] = o;
        counts[k]++;
      }
    }
    if (withSource) {
      for (const k of obj.optionalPrereqs) {
        if (seen[k] !== o) {
          seen[k] = o;
          counts[k]++;
        }
      }
    }
  }
  index.length = 0;
  for (let k = 0; k < size; k++) index.push(counts[k] > 0 ? new Array<number>(counts[k]) : undefined);
  const used = counts.fill(0);
  seen.fill(-1);
  for (let o = 0; o < objects.length; o++) {
    const obj = objects[o];
    const target = obj.target;
    if (withSource && obj.source !== undefined && seen[obj.source] !== o) {
      seen[obj.source] = o;
      (index[obj.source] as number[])[used[obj.source]++] = target;
    }
    const keys = withSource ? obj.deps : obj.configs;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (seen[k] !== o) {
        seen[k] = o;
        (index[k] as number[])[used[k]++] = target;
      }
    }
    if (withSource) {
      for (const k of obj.optionalPrereqs) {
        if (seen[k] !== o) {
          seen[k] = o;
          (index[k] as number[])[used[k]++] = target;
        }
      }
    }
  }
}

/**
 * Fills both reverse indexes from the objects in one pass over presized
 * arrays: faster than linking file by file during a full load.
 */
export function buildIndexes(store: CmdStore): void {
  fill(store, { index: store.dependents, size: store.paths.names.length, withSource: true });
  fill(store, { index: store.configUsers, size: store.configs.names.length, withSource: false });
  store.indexed = true;
}
