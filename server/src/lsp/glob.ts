// VS Code style globs (files.exclude keys) → RegExp, matched against paths
// relative to a workspace root with `/` separators. Supports `**`, `*`, `?`,
// `{a,b}` and `[...]`; a pattern matching a directory excludes its subtree
// (the walker stops there). `dir/**` matches dir itself too, as in VS Code.

export function globToRegExp(pattern: string): RegExp {
  const subtree = pattern.endsWith('/**');
  const glob = subtree ? pattern.slice(0, -3) : pattern;
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      re += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$|()\\/]/g, '\\$&');
  }
  // A trailing `/` (e.g. `build/`) names a directory: match the dir itself.
  re = re.replace(/\\\/$/, '');
  return new RegExp(`^${re}${subtree ? '(?:/.*)?' : ''}$`);
}

/** One predicate for a list of globs; relative paths use `/`. */
export function globMatcher(globs: readonly string[]): (relPath: string) => boolean {
  const res = globs.filter((g) => g.trim() !== '').map((g) => globToRegExp(g.trim().replace(/^\.\//, '')));
  return (relPath) => res.some((r) => r.test(relPath));
}

/** The enabled keys of a files.exclude-like object: `{ "**\/.git": true }`. */
export function enabledGlobs(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
