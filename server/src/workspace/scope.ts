// Where a name used in a file is most likely defined, as tiers searched in
// order: the file, what it includes, the contexts that run it (the kernel's
// top Makefile and scripts/Makefile.build for any Kbuild file; a tools/
// project's Makefiles and tools/build for its Build files), then anywhere.
import { dirname, join, relative } from 'node:path/posix';
import { includeClosure, kernelRoot } from './includes';
import type { Workspace } from './workspace';

function existing(ws: Workspace, paths: string[]): string[] {
  return paths.filter((p) => ws.files.has(p));
}

/** Entry makefiles whose context a file is read in. */
export function contextParents(ws: Workspace, file: string): string[] {
  const root = kernelRoot(ws, file);
  if (!root) return [];
  const rel = relative(root, file);
  const toolsProject = /^tools\/([^/]+(?:\/[^/]+)?)\//.exec(rel);
  if (toolsProject) {
    // tools/perf/util/Build → tools/perf/Makefile.perf, tools/perf/Makefile, tools/build/Makefile.build
    const parents: string[] = [];
    for (let dir = dirname(file); dir.startsWith(join(root, 'tools')); dir = dirname(dir)) {
      for (const name of ['Makefile.perf', 'Makefile', 'Makefile.config']) parents.push(join(dir, name));
      if (dir === join(root, 'tools')) break;
    }
    parents.push(join(root, 'tools/build/Makefile.build'));
    return existing(ws, parents).filter((p) => p !== file);
  }
  return existing(ws, [join(root, 'Makefile'), join(root, 'scripts/Makefile.build'), join(root, `arch/x86/Makefile`)]).filter((p) => p !== file);
}

/** Tiers of files to search for definitions used in `file`, nearest first, without repeats. */
export function searchTiers(ws: Workspace, file: string): string[][] {
  const seen = new Set<string>();
  const tier = (files: string[]) => {
    const fresh = files.filter((f) => !seen.has(f));
    fresh.forEach((f) => seen.add(f));
    return fresh;
  };
  const tiers = [tier([file]), tier(includeClosure(ws, file))];
  tiers.push(tier(contextParents(ws, file).flatMap((p) => includeClosure(ws, p))));
  return tiers.filter((t) => t.length > 0);
}
