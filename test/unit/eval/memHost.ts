// An in-memory Host for evaluator unit tests: files by absolute path,
// directories derived from them, and an optional shell.
import type { Host, ShellResult } from '../../../server/src/eval/host';
import { evaluateMakefile, type Evaluation } from '../../../server/src/eval/evaluate';
import type { EvalInput } from '../../../server/src/eval/types';

export function memHost(files: Record<string, string>, shell?: (command: string, cwd: string) => ShellResult | undefined): Host {
  const dirs = new Map<string, Set<string>>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let k = 1; k < parts.length; k++) {
      const dir = parts.slice(0, k).join('/') || '/';
      if (!dirs.has(dir)) dirs.set(dir, new Set());
      dirs.get(dir)!.add(parts[k]);
    }
  }
  const host: Host = {
    readFile: (p) => files[p],
    stat: (p) => (files[p] !== undefined ? { mtimeMs: 0, size: files[p].length, isDirectory: false } : dirs.has(p) ? { mtimeMs: 0, size: 0, isDirectory: true } : undefined),
    readDir: (p) => [...(dirs.get(p) ?? [])],
  };
  if (shell) host.shell = shell;
  return host;
}

/** Evaluate `/w/Makefile` holding `text` (plus other files) in /w. */
export function evalText(text: string, opts: { files?: Record<string, string>; input?: Partial<EvalInput>; host?: Host } = {}): Evaluation {
  const host = opts.host ?? memHost({ '/w/Makefile': text, ...opts.files });
  return evaluateMakefile({ entry: 'Makefile', cwd: '/w', host, env: {}, ...opts.input });
}
