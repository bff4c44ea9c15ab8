// Shell glob over the host (readDir/stat), as make's glob use needs it for
// $(wildcard) and for targets/prerequisites: `*`, `?`, `[…]` per path
// component, leading dots matched only explicitly, `\` escapes, results of
// one pattern sorted. No `~` expansion, no `{a,b}` (make has neither by default).
import type { Host } from './host';
import { isAbsolute, resolvePath } from './paths';

export function hasGlob(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

function unescape(s: string): string {
  return s.includes('\\') ? s.replace(/\\(.)/g, '$1') : s;
}

const regexCache = new Map<string, RegExp>();

function componentRegex(comp: string): RegExp {
  const cached = regexCache.get(comp);
  if (cached) return cached;
  let re = '^';
  for (let i = 0; i < comp.length; i++) {
    const c = comp[i];
    if (c === '\\' && i + 1 < comp.length) re += escapeRe(comp[++i]);
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = comp.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
        continue;
      }
      let body = comp.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      re += '[' + (negate ? '^' : '') + body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]') + ']';
      i = close;
    } else re += escapeRe(c);
  }
  const r = new RegExp(re + '$', 's');
  if (regexCache.size > 5000) regexCache.clear();
  regexCache.set(comp, r);
  return r;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

function join(prefix: string, name: string): string {
  if (prefix === '') return name;
  return prefix.endsWith('/') ? prefix + name : prefix + '/' + name;
}

/** Files matching `pattern` (as written: relative names stay relative to cwd), sorted. */
export function glob(q: { host: Host; cwd: string; pattern: string }): string[] {
  const { host, cwd, pattern } = q;
  const comps = pattern.split('/');
  let results: string[] = [isAbsolute(pattern) ? '/' : ''];
  const start = isAbsolute(pattern) ? 1 : 0;
  let dirsOnly = false;
  for (let i = start; i < comps.length; i++) {
    const comp = comps[i];
    if (comp === '') {
      if (i === comps.length - 1) dirsOnly = true;
      continue;
    }
    if (!hasGlob(comp)) {
      const literal = unescape(comp);
      results = results.map((r) => join(r, literal));
      continue;
    }
    const re = componentRegex(comp);
    const next: string[] = [];
    for (const r of results) {
      const names = host.readDir(resolvePath(cwd, r === '' ? '.' : r));
      for (const name of names) {
        if (name.startsWith('.') && !comp.startsWith('.')) continue;
        if (re.test(name)) next.push(join(r, name));
      }
    }
    results = next;
    if (results.length === 0) return [];
  }
  const found: string[] = [];
  for (const r of results) {
    const st = host.stat(resolvePath(cwd, r));
    if (!st || (dirsOnly && !st.isDirectory)) continue;
    found.push(dirsOnly ? r + '/' : r);
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
