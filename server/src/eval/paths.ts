// POSIX path arithmetic without node:path (the engine is IO-free and runs
// the same in a browser): make's abspath() normalisation, joining, dirname.

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** make's abspath(): relative to `cwd`, `.`/`..`/`//` folded, no trailing slash except the root. */
/** A `.`/`..` component, a doubled or trailing slash: what abspath() has to fold. */
const NOT_NORMAL = /(^|\/)\.{1,2}(\/|$)|\/\/|.\/$/;

export function abspath(name: string, cwd: string): string {
  if (name === '') return '';
  // Fast path (most names: Kbuild's .cmd files ask for thousands).
  if (!NOT_NORMAL.test(name)) {
    if (isAbsolute(name)) return name;
    if (isAbsolute(cwd) && !NOT_NORMAL.test(cwd)) return cwd === '/' ? '/' + name : cwd + '/' + name;
  }
  const parts: string[] = [];
  const push = (text: string) => {
    for (const c of text.split('/')) {
      if (c === '' || c === '.') continue;
      if (c === '..') parts.pop();
      else parts.push(c);
    }
  };
  if (!isAbsolute(name)) push(cwd);
  push(name);
  return '/' + parts.join('/');
}

export function joinPath(dir: string, name: string): string {
  if (isAbsolute(name)) return name;
  if (dir === '' || dir === '.') return name;
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

/** Absolute, normalised path of `name` seen from `cwd` (for the host). */
export function resolvePath(cwd: string, name: string): string {
  return abspath(name, cwd);
}
