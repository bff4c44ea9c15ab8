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
  for (let i = 0; i < obj.configs.length; i++) link(store.configUsers, obj.configs[i], obj.target);
}

export function unlinkObject(store: CmdStore, obj: CmdObject): void {
  if (obj.source !== undefined) unlink(store.dependents, obj.source, obj.target);
  for (let i = 0; i < obj.deps.length; i++) unlink(store.dependents, obj.deps[i], obj.target);
  for (let i = 0; i < obj.configs.length; i++) unlink(store.configUsers, obj.configs[i], obj.target);
}

/** Keys of one object in one index: the source (when any) then the deps, or the configs. */
interface Keys {
  first: number | undefined;
  rest: Uint32Array;
}

function fill(store: CmdStore, args: { index: ReverseIndex; size: number; keysOf: (obj: CmdObject) => Keys }): void {
  const { index, size, keysOf } = args;
  const counts = new Uint32Array(size);
  for (const obj of store.objects.values()) {
    const { first, rest } = keysOf(obj);
    if (first !== undefined) counts[first]++;
    for (let i = 0; i < rest.length; i++) counts[rest[i]]++;
  }
  index.length = 0;
  for (let k = 0; k < size; k++) index.push(counts[k] > 0 ? new Array<number>(counts[k]) : undefined);
  const used = new Uint32Array(size);
  const put = (k: number, target: number): void => {
    const list = index[k] as number[];
    // A key repeated within one object lands next to itself: keep one.
    if (used[k] === 0 || list[used[k] - 1] !== target) list[used[k]++] = target;
  };
  for (const obj of store.objects.values()) {
    const { first, rest } = keysOf(obj);
    if (first !== undefined) put(first, obj.target);
    for (let i = 0; i < rest.length; i++) put(rest[i], obj.target);
  }
  for (let k = 0; k < size; k++) {
    const list = index[k];
    if (list && list.length !== used[k]) list.length = used[k];
  }
}

/**
 * Fills both reverse indexes from the objects in one pass over presized
 * arrays: faster than linking file by file during a full load.
 */
export function buildIndexes(store: CmdStore): void {
  fill(store, { index: store.dependents, size: store.paths.names.length, keysOf: (obj) => ({ first: obj.source, rest: obj.deps }) });
  fill(store, { index: store.configUsers, size: store.configs.names.length, keysOf: (obj) => ({ first: undefined, rest: obj.configs }) });
  store.indexed = true;
}
