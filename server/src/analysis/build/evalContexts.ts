// The makes a build runs, found without running any: the top make is
// evaluated, every recipe line that calls make (`$(MAKE) -C DIR`, Kbuild's
// `$(MAKE) $(build)=DIR`, tools' `$(MAKE) -f Makefile.perf FIXDEP=1`) is
// expanded in its target's context and read as a make call, and the sub-make
// it starts is evaluated the way make would start it: in DIR, with the
// recipe's environment (its MAKEFLAGS carries the command-line variables),
// the call's variables and goals. Only recipes of targets the goals reach
// are followed (a `clean` that calls make is not part of the build).
// Breadth first, up to a number of makes and
// a time budget; a call left unfollowed is still a sub-make node.

import { evaluateMakefile, expandInContext, hasUnknown, recipeEnvironment, type EvalInput, type Evaluation, type Host } from '../../eval';
import { posix } from 'node:path';
import { invokesMake, readMakeCall } from './subMake';

export interface StaticMake {
  index: number;
  ev: Evaluation;
  input: EvalInput;
  /** Working directory (CURDIR). */
  dir: string;
  level: number;
  /** Command-line `obj=` (Kbuild's Makefile.build runs), or null. */
  obj: string | null;
  /** The goals it was asked for, else its default goal. */
  goals: string[];
  parent: number | null;
  /** Target of the parent whose recipe starts it. */
  runner: string | null;
  ms: number;
}

/** A recipe line that runs make. */
export interface SubMakeCall {
  target: string;
  input: EvalInput;
  obj: string | null;
  goals: string[];
}

export interface StaticMakes {
  makes: StaticMake[];
  /** Per make: its targets whose recipes call make (followed or not). */
  runners: Array<Set<string>>;
  problems: string[];
}

export interface FollowOptions {
  input: EvalInput;
  /** Most makes to evaluate, the top one included (default 1: only the top). */
  maxMakes?: number;
  /** Stop following sub-makes once this much time is spent (default: no limit). */
  budgetMs?: number;
  /** The top make already evaluated from `input` (an editor keeps it cached). */
  top?: Evaluation;
}

export function evaluateMakes(o: FollowOptions): StaticMakes {
  const maxMakes = o.maxMakes ?? 1;
  const started = Date.now();
  const makes: StaticMake[] = [];
  const runners: Array<Set<string>> = [];
  const problems: string[] = [];
  const queue: Array<{ input: EvalInput; parent: number | null; runner: string | null; obj: string | null; goals: string[] | null }> = [
    { input: o.input, parent: null, runner: null, obj: commandLineObj(o.input.commandLine), goals: o.input.goals?.length ? o.input.goals : null },
  ];
  while (queue.length && makes.length < maxMakes) {
    if (makes.length > 0 && o.budgetMs !== undefined && Date.now() - started > o.budgetMs) {
      problems.push(`stopped following sub-makes after ${o.budgetMs} ms (${makes.length} makes evaluated)`);
      break;
    }
    const next = queue.shift() as (typeof queue)[number];
    const t0 = Date.now();
    const ev = makes.length === 0 && o.top ? o.top : evaluateMakefile(next.input);
    const index = makes.length;
    const level = next.parent === null ? 0 : makes[next.parent].level + 1;
    if (ev.stopped) problems.push(`${next.input.entry} in ${next.input.cwd}: ${ev.stopped.message}`);
    makes.push({
      index,
      ev,
      input: next.input,
      dir: next.input.cwd,
      level,
      obj: next.obj,
      goals: next.goals ?? (ev.defaultGoal ? [ev.defaultGoal] : []),
      parent: next.parent,
      runner: next.runner,
      ms: Date.now() - t0,
    });
    const calls = subMakeCalls(ev, next.input, problems);
    runners.push(new Set(calls.map((c) => c.target)));
    const needed = reachable(ev, makes[index].goals);
    for (const c of calls) if (needed.has(c.target)) queue.push({ input: c.input, parent: index, runner: c.target, obj: c.obj, goals: c.goals.length ? c.goals : null });
  }
  return { makes, runners, problems };
}

/** Every recipe line of `ev` that runs make, read as the call it makes. */
export function subMakeCalls(ev: Evaluation, input: EvalInput, problems: string[] = []): SubMakeCall[] {
  const calls: SubMakeCall[] = [];
  for (const t of ev.targets.values()) {
    const lines = t.recipe ?? t.entries.flatMap((e) => e.recipe);
    for (const line of lines) {
      if (!invokesMake(line.text)) continue;
      const expanded = expandInContext(ev, { expr: line.expr, target: t.name, loc: line.loc });
      if (expanded.stopped) continue;
      // `$(Q)` expands to `@`; a line may also start with `+` or `-`.
      const call = readMakeCall(expanded.value.replace(/^[@+\-\s]+/, ''));
      const where = `${line.loc.file}:${line.loc.line}`;
      if ((call.dir && hasUnknown(call.dir)) || (call.makefile && hasUnknown(call.makefile))) {
        problems.push(`${where}: the make call's directory or makefile is unknown without $(shell)`);
        continue;
      }
      const cwd = posix.resolve(input.cwd, call.dir ?? '.');
      const entry = call.makefile ?? defaultMakefile(input.host, cwd);
      if (!entry) {
        problems.push(`${where}: no makefile in ${cwd}`);
        continue;
      }
      const env = Object.fromEntries(recipeEnvironment(ev, t.name).env);
      const commandLine = [...call.vars].filter(([, v]) => !hasUnknown(v)).map(([k, v]) => `${k}=${v}`);
      const goals = call.goals.filter((g) => !hasUnknown(g));
      calls.push({ target: t.name, obj: call.vars.get('obj') ?? null, goals, input: { entry, cwd, host: input.host, env, commandLine, goals, maxSteps: input.maxSteps, maxDepth: input.maxDepth } });
    }
  }
  return calls;
}

/** The targets make would visit for `goals`: only their recipes can start a sub-make. */
function reachable(ev: Evaluation, goals: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...goals];
  while (stack.length) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const t = ev.targets.get(name);
    if (!t) continue;
    stack.push(...t.prereqs, ...t.orderOnly, ...t.entries.flatMap((e) => [...e.prereqs, ...e.orderOnly]));
  }
  return seen;
}

/** What make reads without -f: GNUmakefile, makefile, Makefile. */
function defaultMakefile(host: Host, dir: string): string | undefined {
  return ['GNUmakefile', 'makefile', 'Makefile'].find((name) => host.stat(posix.join(dir, name)) !== undefined);
}

function commandLineObj(commandLine: readonly string[] | undefined): string | null {
  const obj = commandLine?.find((a) => a.startsWith('obj='));
  return obj ? obj.slice(4) : null;
}
