// How each kind of build context is invoked: the top Makefile in the build
// dir, `make -f $(srctree)/scripts/Makefile.build obj=DIR` as the parent's
// recipe runs it (read back from the expanded recipe, with the environment
// that recipe gets), a tools/ program's own makefile, a plain `make -f FILE`.
import { expandInContext, parentChain, recipeEnvironment, variableValue, type Evaluation } from '../eval';
import type { Host } from '../eval/host';
import { resolvePath } from '../eval/paths';
import type { KernelTree } from './kernelTree';
import { parseMakeInvocation } from './makeInvocation';
import { baseName, dirName, inside } from './pathNames';

export interface BuildContextSpec {
  /** Stable: 'top', 'dir:kernel', 'tools:tools/perf', 'file:<path>'. */
  id: string;
  /** Shown to users: 'top Makefile (O=build-tiny)', 'scripts/Makefile.build obj=kernel', 'tools/perf/Makefile.perf'. */
  label: string;
  kind: 'top' | 'directory' | 'tools' | 'file';
  entry: string;
  cwd: string;
  commandLine: string[];
  env: Record<string, string>;
  goals: string[];
  includeDirs: string[];
  flags: string;
  /** False without a configured build dir: CONFIG_ values are unknown, not guessed. */
  configKnown: boolean;
  /** Directory contexts: the context it was derived from, whose recipe runs it ('top', 'dir:kernel'). */
  parent?: string;
}

/** What spec building needs to know about the set. */
export interface SpecInputs {
  tree: KernelTree;
  host: Host;
  env: Record<string, string>;
  /** ARCH goes on the command line: set explicitly, or no $(shell) to let the Makefile ask `uname -m`. */
  archOnCommandLine: boolean;
}

function isFile(host: Host, path: string): boolean {
  const s = host.stat(path);
  return s !== undefined && !s.isDirectory;
}

/**
 * `make` in the build dir (its generated Makefile includes the source one):
 * what `make O=DIR` ends up running after its first pass re-runs make there
 * (`need-sub-make`), minus the MAKELEVEL; without a build, `make` in the tree.
 */
export function topSpec(s: SpecInputs): BuildContextSpec {
  const { tree, host } = s;
  const cwd = tree.buildDir ?? tree.srcTree;
  const entry = isFile(host, `${cwd}/Makefile`) ? 'Makefile' : `${tree.srcTree}/Makefile`;
  const out = tree.buildDir === undefined ? undefined : (inside(tree.srcTree, tree.buildDir) ?? tree.buildDir);
  return {
    id: 'top',
    label: out === undefined ? 'top Makefile (no configured build)' : out === '.' ? 'top Makefile (in-tree build)' : `top Makefile (O=${out})`,
    kind: 'top',
    entry,
    cwd,
    commandLine: s.archOnCommandLine ? [`ARCH=${tree.arch}`] : [],
    env: { ...s.env },
    goals: [],
    includeDirs: [],
    flags: '',
    configKnown: tree.buildDir !== undefined,
  };
}

/** A tools/ program run as `make -C tools/X`: its Makefile.X when it has one (perf's Makefile only wraps Makefile.perf), else its Makefile. */
export function toolsSpec(s: SpecInputs, rel: string): BuildContextSpec {
  const cwd = `${s.tree.srcTree}/${rel}`;
  const own = `Makefile.${baseName(rel)}`;
  const entry = isFile(s.host, `${cwd}/${own}`) ? own : 'Makefile';
  return {
    id: `tools:${rel}`,
    label: `${rel}/${entry}`,
    kind: 'tools',
    entry,
    cwd,
    commandLine: [],
    env: { ...s.env },
    goals: [],
    includeDirs: [],
    flags: '',
    // Tools read no Kconfig values: nothing is left unknown for want of a build.
    configKnown: true,
  };
}

/** `make -f FILE` in FILE's directory. */
export function fileSpec(path: string, env: Record<string, string>, configKnown = true): BuildContextSpec {
  return {
    id: `file:${path}`,
    label: `make -f ${baseName(path)}`,
    kind: 'file',
    entry: path,
    cwd: dirName(path),
    commandLine: [],
    env: { ...env },
    goals: [],
    includeDirs: [],
    flags: '',
    configKnown,
  };
}

/**
 * What a recipe of `target` passes on, as make computes it when it runs the
 * recipe: inheriting from the targets make reached it through, running the
 * `$(shell)` calls of exported recursive variables (KERNELRELEASE).
 */
function environmentOf(ev: Evaluation, q: { target: string; goals: string[] }): Record<string, string> {
  const parents = parentChain(ev, q);
  return Object.fromEntries(recipeEnvironment(ev, q.target, { parents, runShell: true }).env);
}

function dirLabel(dir: string): string {
  return `scripts/Makefile.build obj=${dir}`;
}

/**
 * The directory context `obj=dir` as `parent`'s recipe for the target
 * `dir` runs it: that recipe expanded, read back as make's arguments, with
 * the environment the recipe gets. Undefined when no such recipe runs
 * scripts/Makefile.build.
 */
export function dirSpecFromRecipe(q: { parent: Evaluation; parentSpec: BuildContextSpec; dir: string; configKnown: boolean }): BuildContextSpec | undefined {
  const { parent, parentSpec, dir } = q;
  const target = parent.targets.get(dir);
  if (!target?.recipe) return undefined;
  const make = variableValue(parent, 'MAKE').value;
  for (const line of target.recipe) {
    const text = expandInContext(parent, { expr: line.expr, target: dir }).value;
    const inv = parseMakeInvocation(text, make);
    const entry = inv?.makefiles[0];
    if (!inv || !entry || !entry.endsWith('scripts/Makefile.build')) continue;
    return {
      id: `dir:${dir}`,
      label: dirLabel(dir),
      kind: 'directory',
      entry,
      cwd: resolvePath(parentSpec.cwd, inv.directory ?? '.'),
      commandLine: inv.variables,
      env: environmentOf(parent, { target: dir, goals: parentSpec.goals }),
      goals: inv.goals,
      includeDirs: inv.includeDirs,
      flags: inv.flags,
      configKnown: q.configKnown,
      parent: parentSpec.id,
    };
  }
  return undefined;
}

/**
 * A directory no recipe of its parent descends into (not built in this
 * configuration, or reached by an arch target such as `bzImage`): run as
 * `make $(build)=dir` from the top context, with the top's exports.
 */
export function dirSpecFromTop(q: { top: Evaluation; topSpec: BuildContextSpec; dir: string; configKnown: boolean; env?: Record<string, string> }): BuildContextSpec {
  const { top, topSpec: spec, dir } = q;
  const srctree = variableValue(top, 'srctree').value || '.';
  return {
    id: `dir:${dir}`,
    label: dirLabel(dir),
    kind: 'directory',
    entry: `${srctree}/scripts/Makefile.build`,
    cwd: spec.cwd,
    commandLine: [`obj=${dir}`],
    env: q.env ?? Object.fromEntries(recipeEnvironment(top, undefined, { runShell: true }).env),
    goals: [],
    includeDirs: [],
    flags: '',
    configKnown: q.configKnown,
    parent: spec.id,
  };
}

/** The obj= directory whose recipe descends into `dir`: `kernel` for `kernel/time`, `.` for `kernel`; undefined for `.`. */
export function parentDir(dir: string): string | undefined {
  if (dir === '.') return undefined;
  const k = dir.lastIndexOf('/');
  return k === -1 ? '.' : dir.slice(0, k);
}

/**
 * A makefile that re-runs itself for the real work (perf's Makefile.perf
 * builds fixdep, then `$(MAKE) FIXDEP=1 -f Makefile.perf`; the kernel's
 * `need-sub-make`): the target on the default goal's way (goals first,
 * three levels of prerequisites) whose recipe runs make on the same
 * makefile in the same directory, as the spec of that second make, with
 * the environment the recipe gets. Undefined when there is none.
 */
export function reinvocation(ev: Evaluation, spec: BuildContextSpec): BuildContextSpec | undefined {
  const self = resolvePath(spec.cwd, spec.entry);
  const make = variableValue(ev, 'MAKE').value;
  let level = spec.goals.length > 0 ? spec.goals : [ev.defaultGoal];
  const seen = new Set<string>();
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: string[] = [];
    for (const name of level) {
      if (seen.has(name)) continue;
      seen.add(name);
      const target = ev.targets.get(name);
      if (!target) continue;
      for (const line of target.recipe ?? []) {
        if (!/\$[({]MAKE[)}]/.test(line.text)) continue;
        const inv = parseMakeInvocation(expandInContext(ev, { expr: line.expr, target: name }).value, make);
        const cwd = resolvePath(spec.cwd, inv?.directory ?? '.');
        if (!inv || inv.makefiles.length !== 1 || resolvePath(cwd, inv.makefiles[0]) !== self) continue;
        return { ...spec, cwd, entry: inv.makefiles[0], commandLine: inv.variables, goals: inv.goals, includeDirs: inv.includeDirs, flags: inv.flags, env: environmentOf(ev, { target: name, goals: spec.goals }) };
      }
      next.push(...target.prereqs);
    }
    level = next;
  }
  return undefined;
}
