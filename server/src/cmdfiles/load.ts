// Discovery of `.*.cmd` files under a build dir and the full load.
import type { Host } from '../eval/host';
import { addCmdText, buildIndexes, createCmdStore, readCmdText, type CmdStore } from './store';
import { resolvePath } from './paths';

// The host lists names only, so telling files from directories costs a stat.
// Names with these endings are build products or sources, never directories
// in a Kbuild tree; skipping their stat roughly halves discovery time.
const FILE_SUFFIXES = ['.o', '.a', '.c', '.h', '.S', '.s', '.d', '.ko', '.mod', '.lds', '.order', '.symvers', '.tmp', '.lst'];

/**
 * Never descended, relative to the build dir: the `source` link of an O= dir
 * points back at the source tree; include/config holds one stamp per CONFIG
 * option (a directory tree of them before 5.13) and no .cmd file.
 */
const SKIPPED_DIRS = new Set(['source', 'include/config']);

const MAX_DEPTH = 40;

function isCmdName(name: string): boolean {
  return name.length > 5 && name.charCodeAt(0) === 46 && name.endsWith('.cmd');
}

function surelyFile(name: string): boolean {
  return FILE_SUFFIXES.some((s) => name.endsWith(s));
}

/** Absolute paths of all `.*.cmd` files under `buildDir`, sorted. */
export function findCmdFiles(args: { host: Host; buildDir: string }): string[] {
  const { host } = args;
  const out: string[] = [];
  const root = resolvePath('/', args.buildDir);
  const walk = (dir: string, depth: number): void => {
    for (const name of host.readDir(dir)) {
      const path = `${dir}/${name}`;
      if (isCmdName(name)) out.push(path);
      else if (surelyFile(name) || name === '.git' || SKIPPED_DIRS.has(path.slice(root.length + 1))) continue;
      else if (depth < MAX_DEPTH && host.stat(path)?.isDirectory) walk(path, depth + 1);
    }
  };
  walk(root, 0);
  return out.sort();
}

/** Reads every `.*.cmd` file under `buildDir` into a new store. */
export function loadCmdStore(args: { host: Host; buildDir: string }): CmdStore {
  const store = createCmdStore(args.buildDir);
  store.indexed = false;
  for (const file of findCmdFiles({ host: args.host, buildDir: store.buildDir })) {
    const text = readCmdText(args.host, file);
    if (text === undefined) {
      store.diagnostics.set(file, [{ line: 1, severity: 'error', message: 'cannot read .cmd file' }]);
      continue;
    }
    addCmdText({ store, cmdFile: file, text });
  }
  buildIndexes(store);
  return store;
}
