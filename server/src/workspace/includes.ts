// Static include resolution in the forms the kernel and tools/ use:
// `$(srctree)/scripts/Kbuild.include`, `include/config/auto.conf` of the
// tree, `../scripts/Makefile.include` relative to the including Makefile,
// `arch/$(SRCARCH)/Makefile`. Only files the workspace holds are returned;
// the evaluator resolves the rest with real values.
import { dirname, join, normalize } from 'node:path/posix';
import type { Workspace } from './workspace';

export interface IncludeVars {
  /** Values for $(SRCARCH)/$(ARCH) and friends; srctree/objtree come from the tree. */
  [name: string]: string;
}

const rootCache = new WeakMap<Workspace, { revision: number; roots: Map<string, string | null> }>();

/** The kernel source root above a file: the nearest directory with scripts/Kbuild.include. */
export function kernelRoot(ws: Workspace, file: string): string | undefined {
  let cache = rootCache.get(ws);
  if (!cache || cache.revision !== ws.revision) {
    cache = { revision: ws.revision, roots: new Map() };
    rootCache.set(ws, cache);
  }
  const start = dirname(file);
  const hit = cache.roots.get(start);
  if (hit !== undefined) return hit ?? undefined;
  let dir = start;
  let found: string | null = null;
  for (;;) {
    if (ws.files.has(join(dir, 'scripts/Kbuild.include'))) {
      found = dir;
      break;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  cache.roots.set(start, found);
  return found ?? undefined;
}

function substitute(word: string, vars: Record<string, string>): string | undefined {
  const out = word.replace(/\$[({]([A-Za-z0-9_.-]+)[)}]/g, (_, name: string) => vars[name] ?? '\u0000');
  return out.includes('\u0000') || out.includes('$') ? undefined : out;
}

/** Files an include word may name, most likely first; [] when it cannot be known statically. */
export function resolveInclude(ws: Workspace, args: { includer: string; word: string; vars?: IncludeVars }): string[] {
  const root = kernelRoot(ws, args.includer);
  const vars: Record<string, string> = { SRCARCH: 'x86', ARCH: 'x86', ...args.vars };
  if (root) {
    vars.srctree = root;
    vars.objtree = root;
    vars.abs_srctree = root;
  }
  const path = substitute(args.word, vars);
  if (path === undefined) return [];
  const candidates = path.startsWith('/')
    ? [normalize(path)]
    : [join(dirname(args.includer), path), ...(root ? [join(root, path)] : []), join(ws.root, path)];
  return [...new Set(candidates)].filter((c) => ws.files.has(c));
}

/** The file and every file it includes, transitively (statically resolvable ones). */
const closureCache = new WeakMap<Workspace, { revision: number; closures: Map<string, string[]> }>();

export function includeClosure(ws: Workspace, file: string): string[] {
  let cache = closureCache.get(ws);
  if (!cache || cache.revision !== ws.revision) {
    cache = { revision: ws.revision, closures: new Map() };
    closureCache.set(ws, cache);
  }
  const hit = cache.closures.get(file);
  if (hit) return hit;
  const closure = computeClosure(ws, file);
  cache.closures.set(file, closure);
  return closure;
}

function computeClosure(ws: Workspace, file: string): string[] {
  const seen = new Set<string>([file]);
  const queue = [file];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    const entry = ws.files.get(current);
    if (!entry) continue;
    for (const occ of entry.occurrences) {
      if (occ.kind !== 'include') continue;
      // make reads the first file found, so only that one joins the closure.
      const target = resolveInclude(ws, { includer: current, word: occ.name })[0];
      if (target !== undefined && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}
