// Where are the .cmd files? A configured Kbuild build dir has `.config` and
// `include/config/auto.conf` (written by syncconfig). Out of tree (O=DIR) it
// also has the generated one-line Makefile `include SRCTREE/Makefile`; in
// tree it is the source tree itself (top Makefile with `VERSION =`).
import type { Host } from '../eval/host';
import { dirName, resolvePath } from './paths';

export interface BuildDirInfo {
  buildDir: string;
  /** The source tree; undefined for an O= dir whose Makefile does not say. */
  srctree?: string;
  kind: 'out-of-tree' | 'in-tree';
}

/** Directories never searched for build dirs (large and never one). */
const SKIPPED = new Set(['.git', 'node_modules', 'Documentation', 'source']);

function isFile(host: Host, path: string): boolean {
  const st = host.stat(path);
  return st !== undefined && !st.isDirectory;
}

/** What `dir` is as a build dir, or undefined when it is not a configured one. */
export function buildDirInfo(args: { host: Host; dir: string }): BuildDirInfo | undefined {
  const { host } = args;
  const dir = resolvePath('/', args.dir);
  if (!isFile(host, `${dir}/.config`) || !isFile(host, `${dir}/include/config/auto.conf`)) return undefined;
  const makefile = host.readFile(`${dir}/Makefile`) ?? '';
  if (/^VERSION\s*=/m.test(makefile)) return { buildDir: dir, srctree: dir, kind: 'in-tree' };
  const include = /^include\s+(\S+)\/Makefile\s*$/m.exec(makefile);
  const srctree = include ? resolvePath(dir, include[1]) : undefined;
  return { buildDir: dir, srctree, kind: 'out-of-tree' };
}

/** The nearest build dir at or above `path` (a file or directory inside it). */
export function buildDirFor(args: { host: Host; path: string }): BuildDirInfo | undefined {
  for (let dir = resolvePath('/', args.path); ; dir = dirName(dir)) {
    const info = buildDirInfo({ host: args.host, dir });
    if (info) return info;
    if (dir === '/') return undefined;
  }
}

/**
 * Build dirs at `root` and below it, at most `depth` levels down (default 2:
 * `linux/build-x86`, `work/out/arm64`), sorted by path.
 */
export function findBuildDirs(args: { host: Host; root: string; depth?: number }): BuildDirInfo[] {
  const { host } = args;
  const found: BuildDirInfo[] = [];
  const visit = (dir: string, depth: number): void => {
    const info = buildDirInfo({ host, dir });
    // A build dir's subdirectories hold its objects, never another build.
    if (info) return void found.push(info);
    if (depth === 0) return;
    for (const name of host.readDir(dir)) {
      const path = `${dir}/${name}`;
      if (!SKIPPED.has(name) && host.stat(path)?.isDirectory) visit(path, depth - 1);
    }
  };
  visit(resolvePath('/', args.root), args.depth ?? 2);
  return found.sort((a, b) => (a.buildDir < b.buildDir ? -1 : 1));
}
