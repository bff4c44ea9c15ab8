// File name functions: dir, notdir, suffix, basename, addsuffix, addprefix,
// join, wildcard, realpath, abspath (func_basename_dir, func_notdir_suffix
// and friends of GNU make 4.3). The pure ones work word by word on text, so
// unknown parts pass through; wildcard and realpath ask the host.
import { hasGlob, glob } from '../glob';
import { abspath, resolvePath } from '../paths';
import type { Ctx } from '../state';
import { UNKNOWN, hasUnknown } from '../unknown';
import { splitWords } from '../words';
import type { Builtin } from './types';

function perWord(text: string, f: (w: string) => string | null): string {
  const out: string[] = [];
  for (const w of splitWords(text)) {
    const r = f(w);
    if (r !== null) out.push(r);
  }
  return out.join(' ');
}

function dir(w: string): string {
  const slash = w.lastIndexOf('/');
  return slash === -1 ? './' : w.slice(0, slash + 1);
}

function notdir(w: string): string {
  return w.slice(w.lastIndexOf('/') + 1);
}

/** Index of the suffix's dot, or -1 when the last component has none. */
function dotIndex(w: string): number {
  const dot = w.lastIndexOf('.');
  return dot > w.lastIndexOf('/') ? dot : -1;
}

function suffix(w: string): string | null {
  const dot = dotIndex(w);
  return dot === -1 ? null : w.slice(dot);
}

function basename(w: string): string {
  const dot = dotIndex(w);
  return dot === -1 ? w : w.slice(0, dot);
}

function joinLists(a: string, b: string): string {
  const x = splitWords(a);
  const y = splitWords(b);
  const out: string[] = [];
  for (let k = 0; k < Math.max(x.length, y.length); k++) out.push((x[k] ?? '') + (y[k] ?? ''));
  return out.join(' ');
}

function wildcard(cx: Ctx, text: string): string {
  const out: string[] = [];
  for (const w of splitWords(text)) {
    if (hasUnknown(w)) {
      out.push(UNKNOWN);
      continue;
    }
    if (hasGlob(w)) out.push(...glob({ host: cx.host, cwd: cx.cwd, pattern: w }));
    else if (cx.host.stat(resolvePath(cx.cwd, w)) || cx.virtualFiles.has(resolvePath(cx.cwd, w))) out.push(w);
  }
  return out.join(' ');
}

/** realpath without symlink resolution (the host has no readlink): normalised, and only if it exists. */
function realpath(cx: Ctx, w: string): string | null {
  if (hasUnknown(w)) return UNKNOWN;
  const p = abspath(w, cx.cwd);
  return cx.host.stat(p) ? p : null;
}

export const FILENAME_BUILTINS: Builtin[] = [
  { name: 'dir', minArgs: 0, expandArgs: true, impl: ({ args }) => perWord(args[0] ?? '', dir) },
  { name: 'notdir', minArgs: 0, expandArgs: true, impl: ({ args }) => perWord(args[0] ?? '', notdir) },
  { name: 'suffix', minArgs: 0, expandArgs: true, impl: ({ args }) => perWord(args[0] ?? '', suffix) },
  { name: 'basename', minArgs: 0, expandArgs: true, impl: ({ args }) => perWord(args[0] ?? '', basename) },
  { name: 'addsuffix', minArgs: 2, expandArgs: true, impl: ({ args }) => perWord(args[1], (w) => w + args[0]) },
  { name: 'addprefix', minArgs: 2, expandArgs: true, impl: ({ args }) => perWord(args[1], (w) => args[0] + w) },
  { name: 'join', minArgs: 2, expandArgs: true, impl: ({ args }) => joinLists(args[0], args[1]) },
  { name: 'wildcard', minArgs: 0, expandArgs: true, impl: ({ cx, args }) => wildcard(cx, args[0] ?? '') },
  { name: 'realpath', minArgs: 0, expandArgs: true, impl: ({ cx, args }) => perWord(args[0] ?? '', (w) => realpath(cx, w)) },
  { name: 'abspath', minArgs: 0, expandArgs: true, impl: ({ cx, args }) => perWord(args[0] ?? '', (w) => abspath(w, cx.cwd)) },
];
