// The `# recipes:` check: make runs the named targets' recipes for real
// (`make -s -r`), and we run each recipe line as we would hand it to the
// shell: expanded in the target's context, with the environment we compute
// for the target (what a sub-make would inherit). The outputs must agree.
import { spawnSync } from 'node:child_process';
import { expandInContext } from '../../../server/src/eval/context';
import { recipeEnvironment } from '../../../server/src/eval/environment';
import { evaluateMakefile } from '../../../server/src/eval/evaluate';
import { parentChain } from '../../../server/src/eval/parents';
import type { Host } from '../../../server/src/eval/host';
import { DUMP_END, type FixtureSpec } from './fixtureSpec';

export function makeRecipeOutput(args: { cwd: string; file: string; spec: FixtureSpec; env: Record<string, string> }): string {
  const { spec } = args;
  const argv = ['-s', '-r', '-f', args.file];
  if (spec.flags) argv.push('-' + spec.flags);
  for (const d of spec.includeDirs) argv.push('-I', d);
  argv.push(...spec.vars, ...spec.recipes);
  const r = spawnSync('make', argv, { cwd: args.cwd, env: args.env, encoding: 'utf8' });
  // The appended dump prints while reading: only what the recipes print counts.
  let stdout = r.stdout ?? '';
  const end = stdout.indexOf(DUMP_END + '\n');
  if (end !== -1) stdout = stdout.slice(end + DUMP_END.length + 1);
  return stdout + (r.status === 0 ? '' : `[make exited ${r.status}: ${(r.stderr ?? '').trim()}]`);
}

/** Strip make's recipe-line prefixes (@, -, + and blanks) before handing a line to the shell. */
function shellText(line: string): string {
  return line.replace(/^[\s@+-]*/, '');
}

export function ourRecipeOutput(args: { cwd: string; file: string; spec: FixtureSpec; env: Record<string, string>; host: Host }): string {
  const { spec } = args;
  const ev = evaluateMakefile({
    entry: args.file,
    cwd: args.cwd,
    host: args.host,
    commandLine: spec.vars,
    env: args.env,
    goals: spec.recipes,
    includeDirs: spec.includeDirs,
    flags: 'rs' + spec.flags,
  });
  if (ev.stopped) return `[stopped: ${ev.stopped.message}]`;
  let out = '';
  for (const target of spec.recipes) {
    const t = ev.targets.get(target);
    if (!t) return out + `[no target ${target}]`;
    const recipes = t.doubleColon ? t.entries.map((e) => e.recipe) : [t.recipe ?? []];
    // As make: inherited from the goal the target was reached through, $(shell) run as the environment is built.
    const parents = parentChain(ev, { target, goals: spec.recipes });
    const { env } = recipeEnvironment(ev, target, { parents, runShell: true });
    for (const recipe of recipes) {
      // make expands every line of a recipe before running the first.
      const lines = recipe.map((line) => expandInContext(ev, { expr: line.expr, target, parents, sideEffects: true, loc: line.loc }));
      for (const l of lines) {
        if (l.stopped) return out + `[stopped: ${l.stopped.message}]`;
        const r = spawnSync('/bin/sh', ['-c', shellText(l.value)], { cwd: args.cwd, env: Object.fromEntries(env), encoding: 'utf8' });
        out += r.stdout ?? '';
      }
    }
  }
  return out;
}
