// Questions asked of a loaded store, answered in plain data with absolute
// paths (hover, CodeLens and the CLI format them).
import type { CmdDiagnostic } from './parse';
import { relativePath } from './paths';
import { absolutePath, reverseGet, type CmdObject, type CmdStore, type ReverseIndex } from './store';

export interface ObjectInfo {
  target: string;
  cmdFile: string;
  commandVariable?: 'cmd' | 'savedcmd';
  command?: string;
  source?: string;
  /** File dependencies (deps_X), not counting the source. */
  depCount: number;
  configCount: number;
  /** False for `cmd_X`-only files (if_changed without fixdep). */
  hasDeps: boolean;
  diagnostics: CmdDiagnostic[];
}

export interface StoreStats {
  cmdFiles: number;
  objects: number;
  objectsWithDeps: number;
  /** Distinct files appearing in some deps_ list. */
  depPaths: number;
  /** Distinct CONFIG symbols appearing in some deps_ list. */
  configs: number;
  depEntries: number;
  configEntries: number;
  filesWithDiagnostics: number;
}

/** The object for a target path (absolute, or relative to the build dir). */
export function findObject(store: CmdStore, path: string): CmdObject | undefined {
  const id = store.paths.ids.get(absolutePath(store, path));
  return id === undefined ? undefined : store.objects.get(id);
}

function names(store: CmdStore, ids: ArrayLike<number>): string[] {
  return Array.from(ids, (id) => store.paths.names[id]);
}

export function objectInfo(store: CmdStore, path: string): ObjectInfo | undefined {
  const obj = findObject(store, path);
  if (!obj) return undefined;
  return {
    target: store.paths.names[obj.target],
    cmdFile: obj.cmdFile,
    commandVariable: obj.commandVariable,
    command: obj.command,
    source: obj.source === undefined ? undefined : store.paths.names[obj.source],
    depCount: obj.deps.length,
    configCount: obj.configs.length,
    hasDeps: obj.hasDeps,
    diagnostics: store.diagnostics.get(obj.cmdFile) ?? [],
  };
}

/** deps_X of an object, as absolute paths in file order. */
export function depsOf(store: CmdStore, path: string): string[] {
  const obj = findObject(store, path);
  return obj ? names(store, obj.deps) : [];
}

/** CONFIG symbols an object's sources test, in file order. */
export function configsOf(store: CmdStore, path: string): string[] {
  const obj = findObject(store, path);
  return obj ? Array.from(obj.configs, (id) => store.configs.names[id]) : [];
}

function targetsOf(store: CmdStore, index: ReverseIndex, key: number | undefined): string[] {
  const list = key === undefined ? undefined : reverseGet(index, key);
  return list ? names(store, list).sort() : [];
}

/** Objects that list `path` (a source or header) as source_ or in deps_, sorted. */
export function rebuiltBy(store: CmdStore, path: string): string[] {
  return targetsOf(store, store.dependents, store.paths.ids.get(absolutePath(store, path)));
}

/** Objects whose sources test a CONFIG symbol (`CONFIG_FOO` or `FOO`), sorted. */
export function objectsForConfig(store: CmdStore, name: string): string[] {
  const full = name.startsWith('CONFIG_') ? name : `CONFIG_${name}`;
  return targetsOf(store, store.configUsers, store.configs.ids.get(full));
}

/** How a path is written in the build dir's own terms (`init/main.o`, `../include/linux/kernel.h`). */
export function buildRelative(store: CmdStore, path: string): string {
  return relativePath(store.buildDir, absolutePath(store, path));
}

export function storeStats(store: CmdStore): StoreStats {
  const depSeen = new Uint8Array(store.paths.names.length);
  const configSeen = new Uint8Array(store.configs.names.length);
  const s: StoreStats = {
    cmdFiles: store.byCmdFile.size,
    objects: store.objects.size,
    objectsWithDeps: 0,
    depPaths: 0,
    configs: 0,
    depEntries: 0,
    configEntries: 0,
    filesWithDiagnostics: store.diagnostics.size,
  };
  for (const obj of store.objects.values()) {
    if (obj.hasDeps) s.objectsWithDeps++;
    s.depEntries += obj.deps.length;
    s.configEntries += obj.configs.length;
    for (const id of obj.deps) if (!depSeen[id]) s.depPaths += depSeen[id] = 1;
    for (const id of obj.configs) if (!configSeen[id]) s.configs += configSeen[id] = 1;
  }
  return s;
}
