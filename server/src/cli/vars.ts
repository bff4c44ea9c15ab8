// `kbuild-analyzer vars`: a context's evaluated variables as JSON, to diff
// against `make -p`. Invoked the way make is (`-C DIR -f FILE NAME=VALUE…
// GOALS`), or by build context (`--context top|dir:kernel|tools:tools/perf`)
// of the kernel tree at -C DIR. $(shell) runs only with --shell; without it
// values that depend on a command are shown as «unknown».
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { displayValue, evaluateMakefile, variableValue, type Evaluation } from '../eval';
import { createContextSet } from '../kbuild/contexts';
import { createNodeHost } from '../lsp/nodeHost';
import { json, usageError, type CliHandler } from './types';

export interface VarRow {
  name: string;
  flavor: string;
  origin: string;
  /** Where it was last defined, as make names the file (`make -p`: "from 'FILE', line N"); null for make's own, environment and command line. */
  file: string | null;
  line: number | null;
  /** Expanded, as $(NAME) at the end of reading. */
  value: string;
  /** As defined (what make -p prints). */
  raw: string;
}

function rows(ev: Evaluation, q: { names: string[] | undefined; runShell: boolean }): VarRow[] {
  const { names } = q;
  const wanted = names ?? [...ev.variables.keys()].sort();
  const out: VarRow[] = [];
  for (const name of wanted) {
    const v = ev.variables.get(name);
    if (!v) continue;
    const expanded = variableValue(ev, name, { runShell: q.runShell });
    out.push({
      name,
      flavor: v.flavor,
      origin: v.origin,
      file: v.loc?.file ?? null,
      line: v.loc?.line ?? null,
      value: expanded.stopped ? `«stopped: ${expanded.stopped.message}»` : displayValue(expanded.value),
      raw: displayValue(v.value),
    });
  }
  return out;
}

/** The makefile make would read in `dir` without -f. */
function defaultMakefile(dir: string, exists: (p: string) => boolean): string {
  return ['GNUmakefile', 'makefile', 'Makefile'].find((f) => exists(resolve(dir, f))) ?? 'Makefile';
}

/** `vars [-C DIR] [-f FILE] [NAME=VALUE…] [GOAL…] [--shell] [--context ID] [--build DIR] [--names A,B]`. */
export const varsCommand: CliHandler = async (argv) => {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        directory: { type: 'string', short: 'C' },
        file: { type: 'string', short: 'f' },
        shell: { type: 'boolean' },
        context: { type: 'string' },
        build: { type: 'string' },
        names: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = args;
  const cwd = resolve(values.directory ?? '.');
  const host = createNodeHost({ allowShell: values.shell === true });
  if (!host.stat(cwd)?.isDirectory) return usageError(`${cwd}: not a directory`);
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const names = values.names?.split(',').filter(Boolean);
  const commandLine = positionals.filter((p) => p.includes('='));
  const goals = positionals.filter((p) => !p.includes('='));
  let ev: Evaluation;
  if (values.context !== undefined) {
    const set = createContextSet({ root: cwd, host, env, buildDir: values.build });
    const spec = set.spec(values.context);
    if (!spec) return usageError(`no context '${values.context}' here (${set.tree ? 'a kernel tree' : 'not a kernel tree: only file:PATH'})`);
    ev = set.evaluate({ ...spec, commandLine: [...spec.commandLine, ...commandLine], goals: goals.length > 0 ? goals : spec.goals }).result;
  } else {
    const entry = values.file ?? defaultMakefile(cwd, (p) => host.stat(p) !== undefined);
    ev = evaluateMakefile({ entry, cwd, host, env, commandLine, goals });
  }
  const result = json(rows(ev, { names, runShell: values.shell === true }), ev.stopped ? 1 : 0);
  if (ev.stopped) result.stderr = `kbuild-analyzer: evaluation stopped: ${ev.stopped.loc ? `${ev.stopped.loc.file}:${ev.stopped.loc.line}: ` : ''}${ev.stopped.message}\n`;
  return result;
};
