// Finds the make files under a root: Makefile, makefile, GNUmakefile, Kbuild,
// Makefile.*, *.mk, *.include (but not Kconfig.include: that is Kconfig) and
// tools/ `Build` files. Skips .git, node_modules, symlinked directories,
// what the root .gitignore ignores, and the caller's exclude globs. An
// iterative walk with readdir(withFileTypes): no stat per entry.
//
// The root .gitignore counts only when the root is a git work tree (has a
// .git): Debian's linux-source tarball ships a .gitignore that ignores `/*`
// for its packaging repository, which would hide the whole tree.
import { access, readFile, readdir } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import { globMatcher } from './glob';

export interface DiscoverOptions {
  root: string;
  /** VS Code style globs relative to root (files.exclude keys). */
  exclude?: readonly string[];
  /** A filter made earlier by createIgnoreFilter (then exclude is not read). */
  isIgnored?: IgnoreFilter;
}

/** Whether a root-relative path (`/`-separated) is ignored; only the path itself is tested. */
export interface IgnoreFilter {
  (relPath: string, isDir: boolean): boolean;
  /** What the filter ignores, as a string that changes with it (the index snapshot is only good for the same filter); absent for filters made elsewhere. */
  readonly key?: string;
}

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/** Directories read at once; the libuv pool has four threads. */
const PARALLEL_READS = 8;

/** Whether a file name (with its path relative to the root) is a make file. */
export function isMakeFileName(name: string, relPath: string): boolean {
  if (name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile' || name === 'Kbuild') return true;
  // Makefile.PL is Perl's MakeMaker script, not make.
  if (name.startsWith('Makefile.')) return name !== 'Makefile.PL';
  // *.mak: tools/scripts/utilities.mak and friends.
  if (name.endsWith('.mk') || name.endsWith('.mak')) return true;
  if (name.endsWith('.include')) return !name.startsWith('Kconfig');
  if (name === 'Build') return relPath === 'tools/Build' || relPath.startsWith('tools/') || relPath.includes('/tools/');
  return false;
}

/** False for names isMakeFileName rejects whatever their directory: a cheap first look at each entry. */
function mayBeMakeFileName(name: string): boolean {
  switch (name.charCodeAt(0)) {
    case 0x4d: // M
    case 0x6d: // m
    case 0x47: // G
    case 0x4b: // K
    case 0x42: // B
      return true;
    default:
      return name.endsWith('.mk') || name.endsWith('.mak') || name.endsWith('.include');
  }
}

/** A predicate over root-relative paths: the root .gitignore plus the exclude globs. */
export async function createIgnoreFilter(options: DiscoverOptions): Promise<IgnoreFilter> {
  const isGitTree = await access(join(options.root, '.git')).then(() => true, () => false);
  const gitignore = isGitTree ? await readFile(join(options.root, '.gitignore'), 'utf8').catch(() => '') : '';
  const ig = ignore().add(gitignore);
  const excluded = globMatcher(options.exclude ?? []);
  const filter = (relPath: string, isDir: boolean): boolean => {
    if (relPath === '') return false;
    if (excluded(relPath)) return true;
    return ig.ignores(isDir ? `${relPath}/` : relPath);
  };
  return Object.assign(filter, { key: JSON.stringify([gitignore, options.exclude ?? []]) });
}

/** Absolute paths of the make files under root, sorted. */
export async function discoverMakeFiles(options: DiscoverOptions): Promise<string[]> {
  const found: string[] = [];
  await walkMakeFiles({ ...options, onFile: (path) => found.push(path) });
  return found.sort();
}

/**
 * Calls onFile with each make file's absolute path as soon as its directory
 * is read, in no set order, so that reading and parsing can start during the
 * walk. Up to PARALLEL_READS directories are being read at any time.
 */
export async function walkMakeFiles(options: DiscoverOptions & { onFile: (path: string) => void; onDir?: (listing: DirListing) => void }): Promise<void> {
  const isIgnored = options.isIgnored ?? (await createIgnoreFilter(options));
  const { root, onFile, onDir } = options;
  const pending = [''];
  let reading = 0;
  await new Promise<void>((resolve, reject) => {
    const next = (): void => {
      while (reading < PARALLEL_READS && pending.length > 0) {
        const rel = pending.pop() as string;
        reading++;
        listDir(join(root, rel)).then((entries) => {
          reading--;
          try {
            const listing = classifyListing(rel, entries, isIgnored);
            for (const dir of listing.subdirs) pending.push(rel === '' ? dir : `${rel}/${dir}`);
            for (const file of listing.makeFiles) onFile(join(root, rel, file));
            onDir?.(listing);
          } catch (e) {
            reject(e);
            return;
          }
          next();
        }, reject);
      }
      if (reading === 0 && pending.length === 0) resolve();
    };
    next();
  });
}

/** What the walk keeps of one directory: the subdirectories it descends into and the make files, by name. */
export interface DirListing {
  /** Root-relative, '' for the root. */
  rel: string;
  subdirs: string[];
  makeFiles: string[];
}

/** Sorts one directory's entries into what the walk keeps. Most entries are neither: their paths are never built. */
export function classifyListing(rel: string, entries: readonly Dirent[], isIgnored: IgnoreFilter): DirListing {
  const listing: DirListing = { rel, subdirs: [], makeFiles: [] };
  for (const entry of entries) {
    const { name } = entry;
    if (entry.isDirectory()) {
      if (!ALWAYS_SKIPPED_DIRS.has(name) && !isIgnored(rel === '' ? name : `${rel}/${name}`, true)) listing.subdirs.push(name);
    } else if (mayBeMakeFileName(name) && (entry.isFile() || entry.isSymbolicLink())) {
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (isMakeFileName(name, childRel) && !isIgnored(childRel, false)) listing.makeFiles.push(name);
    }
  }
  return listing;
}

/** Whether a file path relative to the root is ignored, itself or through a directory above it. */
export function isIgnoredFile(isIgnored: IgnoreFilter, relPath: string): boolean {
  const parts = relPath.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (ALWAYS_SKIPPED_DIRS.has(parts[i - 1]) || isIgnored(parts.slice(0, i).join('/'), true)) return true;
  }
  return isIgnored(relPath, false);
}

async function listDir(path: string): Promise<Dirent[]> {
  return readdir(path, { withFileTypes: true }).catch(() => []);
}
