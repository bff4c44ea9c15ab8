// POSIX path arithmetic for the dependency store. Kept here (not node:path)
// so the layer stays free of Node imports; only what the store needs.

/** Collapses `.`, `..` and repeated slashes; `..` above the root stays at the root. */
function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  return absolute ? `/${body}` : body || '.';
}

/** `path` made absolute against `base` (itself absolute), normalized. */
export function resolvePath(base: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${base}/${path}`);
}

/** Fast test for paths that need no normalization (the common case in .cmd files). */
export function isPlainRelative(path: string): boolean {
  return !path.startsWith('/') && !path.startsWith('./') && !path.includes('..') && !path.includes('//')
    && !path.includes('/./') && !path.endsWith('/.') && !path.endsWith('/');
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `to` relative to `from`, both absolute and normalized (`../include/x.h`). */
export function relativePath(from: string, to: string): string {
  if (from === to) return '.';
  const a = from === '/' ? [] : from.slice(1).split('/');
  const b = to === '/' ? [] : to.slice(1).split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  return [...up, ...b.slice(common)].join('/') || '.';
}

/** Kbuild's $(dot-target).cmd: `dir/.name.cmd` next to the target. */
export function cmdFileOf(target: string): string {
  const dir = dirName(target);
  const name = `.${baseName(target)}.cmd`;
  return dir === '.' ? name : `${dir}/${name}`;
}
