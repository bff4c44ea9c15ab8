// An in-memory Host for store tests: files by absolute path, directories
// implied by them, every stat counted so tests can bound the IO.
import type { Host } from '../../../server/src/eval/host';

export interface MemoryHost extends Host {
  files: Map<string, string>;
  stats: number;
}

export function memoryHost(files: Record<string, string>): MemoryHost {
  const host: MemoryHost = {
    files: new Map(Object.entries(files)),
    stats: 0,
    readFile: (path) => host.files.get(path),
    stat(path) {
      host.stats++;
      const text = host.files.get(path);
      if (text !== undefined) return { mtimeMs: 0, size: text.length, isDirectory: false };
      const prefix = `${path}/`;
      for (const p of host.files.keys()) if (p.startsWith(prefix)) return { mtimeMs: 0, size: 0, isDirectory: true };
      return undefined;
    },
    readDir(path) {
      const names = new Set<string>();
      const prefix = `${path}/`;
      for (const p of host.files.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return [...names];
    },
  };
  return host;
}

/** A fixdep-shaped .cmd file (6.1 spelling) for `target` with `deps` and CONFIG `configs`. */
export function cmdText(args: { target: string; source?: string; deps?: string[]; configs?: string[]; command?: string }): string {
  const { target } = args;
  const head = `cmd_${target} := ${args.command ?? `gcc -c -o ${target} ${args.source ?? ''}`}\n\n`;
  if (args.deps === undefined && args.configs === undefined) return head;
  const entries = [
    ...(args.configs ?? []).map((c) => `    $(wildcard include/config/${c}) \\\n`),
    ...(args.deps ?? []).map((d) => `  ${d} \\\n`),
  ];
  const source = args.source === undefined ? '' : `source_${target} := ${args.source}\n\n`;
  return `${head}${source}deps_${target} := \\\n${entries.join('')}\n${target}: $(deps_${target})\n\n$(deps_${target}):\n`;
}
