// The dependency store of one build dir: every `.*.cmd` file read into
// interned ids, with reverse indexes (file → objects, CONFIG → objects)
// kept exact under per-file updates. Plain data plus functions.
import type { Host } from '../eval/host';
import { createEntryCache, readObject } from './entries';
import { absolutePath } from './intern';
import { cmdFileOf, resolvePath } from './paths';
import { emptyReverseIndex, linkObject, relinkObject, unlinkObject } from './reverseIndex';
import type { CmdObject, CmdStore } from './types';

export type { CmdObject, CmdStore, InternTable, ReverseIndex } from './types';
export { absolutePath } from './intern';
export { buildIndexes, reverseGet } from './reverseIndex';

export function createCmdStore(buildDir: string): CmdStore {
  return {
    buildDir: resolvePath('/', buildDir),
    paths: { ids: new Map(), names: [] },
    configs: { ids: new Map(), names: [] },
    entries: createEntryCache(),
    objects: new Map(),
    byCmdFile: new Map(),
    dependents: emptyReverseIndex(),
    configUsers: emptyReverseIndex(),
    diagnostics: new Map(),
    indexed: true,
  };
}

/** Drops what `cmdFile` contributed. Returns whether it was known. */
export function removeCmdFile(store: CmdStore, cmdFile: string): boolean {
  const path = absolutePath(store, cmdFile);
  store.diagnostics.delete(path);
  const target = store.byCmdFile.get(path);
  if (target === undefined) return false;
  store.byCmdFile.delete(path);
  const obj = target < 0 ? undefined : store.objects.get(target);
  if (obj && obj.cmdFile === path) {
    if (store.indexed) unlinkObject(store, obj);
    store.objects.delete(target);
  }
  return true;
}

/** The object `cmdFile` describes, when the store holds that file's version of it. */
function ownObject(store: CmdStore, cmdFile: string): CmdObject | undefined {
  const target = store.byCmdFile.get(cmdFile);
  const obj = target === undefined || target < 0 ? undefined : store.objects.get(target);
  return obj?.cmdFile === cmdFile ? obj : undefined;
}

/**
 * Reads `text` as the content of `cmdFile`, replacing what that file gave
 * before. Returns the object, or undefined when the file names no target.
 */
export function addCmdText(args: { store: CmdStore; cmdFile: string; text: string }): CmdObject | undefined {
  const { store } = args;
  const path = absolutePath(store, args.cmdFile);
  const old = store.indexed ? ownObject(store, path) : undefined;
  const { obj, diagnostics } = readObject(store, { text: args.text, cmdFile: path });
  if (obj) {
    const expected = cmdFileOf(store.paths.names[obj.target]);
    if (expected !== path) {
      diagnostics.push({ line: 1, severity: 'warning', message: `target '${store.paths.names[obj.target]}' belongs in ${expected}` });
    }
  }
  if (old && obj && old.target === obj.target) {
    // A rebuild rewrote the file: mostly the same deps, and only the ones
    // gained or lost touch the reverse indexes (their lists are long).
    store.objects.set(obj.target, obj);
    relinkObject(store, old, obj);
    store.diagnostics.delete(path);
  } else {
    removeCmdFile(store, path);
    store.byCmdFile.set(path, obj ? obj.target : -1);
    if (obj) {
      const previous = store.objects.get(obj.target);
      if (previous) {
        diagnostics.push({ line: 1, severity: 'warning', message: `target also described by ${previous.cmdFile}; this file wins` });
        removeCmdFile(store, previous.cmdFile);
      }
      store.objects.set(obj.target, obj);
      if (store.indexed) linkObject(store, obj);
    }
  }
  if (diagnostics.length > 0) store.diagnostics.set(path, diagnostics);
  return obj;
}

/** A .cmd file's text through the host, the fast way when it has one. */
export function readCmdText(host: Host, path: string): string | undefined {
  return host.readFileFast ? host.readFileFast(path) : host.readFile(path);
}

/**
 * Re-reads one .cmd file through the host (after a build rewrote it, or on a
 * watcher event); a file that is gone is removed from the store.
 */
export function updateCmdFile(args: { store: CmdStore; host: Host; cmdFile: string }): CmdObject | undefined {
  const { store, host } = args;
  const path = absolutePath(store, args.cmdFile);
  const text = readCmdText(host, path);
  if (text === undefined) {
    removeCmdFile(store, path);
    return undefined;
  }
  return addCmdText({ store, cmdFile: path, text });
}
