// Path names for build contexts, without node:path (the engine is IO-free):
// absolute POSIX paths, already normalised.

export function dirName(path: string): string {
  const k = path.lastIndexOf('/');
  return k <= 0 ? '/' : path.slice(0, k);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `path` relative to `dir` ('.' for dir itself), or undefined when it is not inside. */
export function inside(dir: string, path: string): string | undefined {
  if (path === dir) return '.';
  const prefix = dir.endsWith('/') ? dir : dir + '/';
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
