// Interning and path spelling shared by the store's modules.
import { isPlainRelative, resolvePath } from './paths';
import type { CmdStore, InternTable } from './types';

// Substrings of a file's text keep the whole text alive in V8; strings kept
// for the life of the store are copied so that each .cmd text can be freed.
// Slicing a fresh concatenation flattens it into a new string.
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

export function intern(table: InternTable, name: string): number {
  let id = table.ids.get(name);
  if (id === undefined) {
    const own = detach(name);
    id = table.names.length;
    table.names.push(own);
    table.ids.set(own, id);
  }
  return id;
}

/** `path` made absolute against the build dir; already clean absolute paths pass as they are. */
export function absolutePath(store: CmdStore, path: string): string {
  return path.startsWith('/') && isPlainRelative(path.slice(1)) ? path : resolvePath(store.buildDir, path);
}

/** `dir` with its last `levels` components removed. */
function ancestor(dir: string, levels: number): string {
  let end = dir.length;
  for (let i = 0; i < levels && end > 0; i++) end = dir.lastIndexOf('/', end - 1);
  return end <= 0 ? '' : dir.slice(0, end);
}

/**
 * Path id of an entry as written in a .cmd file, relative to the build dir
 * (make's cwd) or absolute. `../../x/y.h` and plain `x/y.h`, nearly every
 * entry of an O= build, are joined without a full normalization.
 */
export function internPath(store: CmdStore, raw: string): number {
  let up = 0;
  while (raw.startsWith('../', up * 3)) up++;
  const rest = up === 0 ? raw : raw.slice(up * 3);
  const abs = isPlainRelative(rest) ? `${ancestor(store.buildDir, up)}/${rest}` : resolvePath(store.buildDir, raw);
  return intern(store.paths, abs);
}
