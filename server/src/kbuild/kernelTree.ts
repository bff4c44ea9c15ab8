// Is this folder a kernel source tree, and which configured build goes with
// it? A source tree has a top Makefile with `VERSION =` and
// scripts/Makefile.build; a build dir has `.config` and
// include/config/auto.conf (what `make *config` + `make prepare` leave).
// Opening a build dir finds its source tree through the generated Makefile
// (`include ../Makefile`).
import type { Host } from '../eval/host';
import { resolvePath } from '../eval/paths';

export interface KernelTree {
  srcTree: string;
  buildDir?: string;
  arch: string;
}

/** Node's process.arch → the kernel's ARCH, for a tree without a configured build. */
const NODE_ARCH: Readonly<Record<string, string>> = {
  x64: 'x86',
  ia32: 'x86',
  arm64: 'arm64',
  arm: 'arm',
  riscv64: 'riscv',
  ppc64: 'powerpc',
  s390x: 's390',
  loong64: 'loongarch',
  mips: 'mips',
  mipsel: 'mips',
};

function isFile(host: Host, path: string): boolean {
  const s = host.stat(path);
  return s !== undefined && !s.isDirectory;
}

export function isKernelSource(host: Host, dir: string): boolean {
  return /^VERSION\s*=/m.test(host.readFile(`${dir}/Makefile`) ?? '') && isFile(host, `${dir}/scripts/Makefile.build`);
}

export function isBuildDir(host: Host, dir: string): boolean {
  return isFile(host, `${dir}/.config`) && isFile(host, `${dir}/include/config/auto.conf`);
}

/** The source tree an out-of-tree build dir's generated Makefile includes. */
function sourceOfBuildDir(host: Host, dir: string): string | undefined {
  const m = /^include\s+(\S+)\/Makefile\s*$/m.exec(host.readFile(`${dir}/Makefile`) ?? '');
  return m ? resolvePath(dir, m[1]) : undefined;
}

/** A configured build for `src`: the tree itself (in-tree build), else the first (sorted) direct subdirectory that is one. */
function findBuildDir(host: Host, src: string): string | undefined {
  if (isBuildDir(host, src)) return src;
  const names = host.readDir(src).filter((n) => !n.startsWith('.')).sort();
  for (const name of names) {
    const dir = `${src}/${name}`;
    if (host.stat(dir)?.isDirectory && isBuildDir(host, dir) && sourceOfBuildDir(host, dir) === src) return dir;
  }
  return undefined;
}

/** ARCH of a configured build, from the `.config` header (`# Linux/x86 6.1.0 Kernel Configuration`). */
function archOfBuild(host: Host, buildDir: string): string | undefined {
  return /^# Linux\/(\S+) /m.exec(host.readFile(`${buildDir}/.config`)?.slice(0, 400) ?? '')?.[1];
}

export function hostArch(nodeArch: string): string {
  return NODE_ARCH[nodeArch] ?? nodeArch;
}

/**
 * The kernel tree at `root` (a source tree, or a build dir of one), or
 * undefined. `buildDir` (absolute or relative to root) wins over detection;
 * `arch` over the build's `.config`, over the host's.
 */
export function detectKernelTree(q: { host: Host; root: string; buildDir?: string; arch?: string; nodeArch: string }): KernelTree | undefined {
  const { host } = q;
  const root = resolvePath('/', q.root);
  let srcTree = root;
  let buildDir = q.buildDir !== undefined ? resolvePath(root, q.buildDir) : undefined;
  if (!isKernelSource(host, root)) {
    const src = isBuildDir(host, root) ? sourceOfBuildDir(host, root) : undefined;
    if (!src || !isKernelSource(host, src)) return undefined;
    srcTree = src;
    buildDir ??= root;
  }
  buildDir ??= findBuildDir(host, srcTree);
  if (buildDir !== undefined && !isBuildDir(host, buildDir)) buildDir = undefined;
  const arch = q.arch ?? (buildDir ? archOfBuild(host, buildDir) : undefined) ?? hostArch(q.nodeArch);
  return buildDir ? { srcTree, buildDir, arch } : { srcTree, arch };
}
