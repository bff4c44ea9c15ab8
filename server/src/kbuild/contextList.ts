// Which contexts a tree has, for list(): the directories the configured
// build descended into (those holding a built-in.a or a .*.cmd file in the
// build dir) and the tools/ programs (a directory under tools/ or
// tools/lib/ with a Makefile).
import type { Host } from '../eval/host';
import type { KernelTree } from './kernelTree';

/** obj= directories of the build, '.' first, then sorted. */
export function buildDirectories(host: Host, tree: KernelTree): string[] {
  const build = tree.buildDir;
  if (build === undefined) return [];
  const found: string[] = [];
  const visit = (rel: string): void => {
    const dir = rel === '.' ? build : `${build}/${rel}`;
    const names = host.readDir(dir);
    if (names.some((n) => n === 'built-in.a' || (n.startsWith('.') && n.endsWith('.cmd')))) found.push(rel);
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const sub = rel === '.' ? name : `${rel}/${name}`;
      // Only directories the source tree has (not include/generated, not the `source` link back to it).
      if (!host.stat(`${tree.srcTree}/${sub}`)?.isDirectory || !host.stat(`${build}/${sub}`)?.isDirectory) continue;
      if (sub === 'tools' || (build === tree.srcTree && name.startsWith('build-'))) continue;
      visit(sub);
    }
  };
  visit('.');
  return found.filter((d) => d === '.' || hasMakefile(host, `${tree.srcTree}/${d}`)).sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a < b ? -1 : 1));
}

function hasMakefile(host: Host, dir: string): boolean {
  return host.stat(`${dir}/Kbuild`) !== undefined || host.stat(`${dir}/Makefile`) !== undefined;
}

/** tools/ programs with a Makefile of their own, sorted. */
export function toolsTops(host: Host, srcTree: string): string[] {
  const out: string[] = [];
  for (const parent of ['tools', 'tools/lib']) {
    for (const name of host.readDir(`${srcTree}/${parent}`)) {
      const rel = `${parent}/${name}`;
      if (rel !== 'tools/lib' && host.stat(`${srcTree}/${rel}`)?.isDirectory && host.stat(`${srcTree}/${rel}/Makefile`)) out.push(rel);
    }
  }
  return out.sort();
}
