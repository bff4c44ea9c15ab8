// Build contexts: how Kbuild really runs a make file. A context is an entry
// makefile + command-line variables + environment, as make is invoked: the
// top Makefile in the build dir, each directory through
// `scripts/Makefile.build obj=DIR` with the environment its parent's recipe
// gives it, tools/ programs as their own top, anything else as
// `make -f FILE`. Specs are derived lazily (a directory's needs its
// parent's evaluation), evaluations cached until a file they read changes.
// See docs/contexts.md.
import { evaluateMakefile, type Evaluation } from '../eval';
import type { Host } from '../eval/host';
import { resolvePath } from '../eval/paths';
import {
  type BuildContextSpec,
  dirSpecFromRecipe,
  dirSpecFromTop,
  fileSpec,
  parentDir,
  reinvocation,
  type SpecInputs,
  toolsSpec,
  topSpec,
} from './contextSpecs';
import { buildDirectories, toolsTops } from './contextList';
import { detectKernelTree, type KernelTree } from './kernelTree';
import { baseName, dirName, inside } from './pathNames';

export type { BuildContextSpec } from './contextSpecs';
export type { KernelTree } from './kernelTree';

export interface EvaluatedContext {
  spec: BuildContextSpec;
  /** The evaluation (an EvalResult, plus the state expandInContext needs). */
  result: Evaluation;
  ms: number;
}

export interface ContextSet {
  /** Undefined: not a kernel tree (plain make files). */
  readonly tree: KernelTree | undefined;
  /**
   * Contexts a make file is read in, best first; a plain make file gets a 'file' context (make -f FILE in its directory).
   * In a kernel tree this evaluates the top context (cached) to see which files it reads.
   */
  contextsForFile(path: string): BuildContextSpec[];
  /** Cached until invalidated; never throws. */
  evaluate(spec: BuildContextSpec): EvaluatedContext;
  /** Drops evaluations whose MAKEFILE_LIST (or .config/auto.conf) holds a changed path, and the contexts derived from them. */
  invalidate(changedPaths: readonly string[]): void;
  /** The context with this id ('top', 'dir:kernel', 'tools:tools/perf', 'file:/abs/path'), derived now; undefined when the tree has no such kind. */
  spec(id: string): BuildContextSpec | undefined;
  /** Top, tools tops, directory contexts of the build (those not evaluated yet provisional: evaluate() derives them). */
  list(): BuildContextSpec[];
}

export interface ContextSetOptions {
  root: string;
  host: Host;
  /** Absolute or relative to root; default: detected (see kernelTree.ts). */
  buildDir?: string;
  /** Default: the build's .config header, else the host's. */
  arch?: string;
  /** The environment make would be started with. */
  env: Record<string, string>;
  /** Command-line variables for tools contexts, as `make -C tools/perf O=DIR` takes them. */
  toolsCommandLine?: string[];
  /** The evaluator's bound per context (expanded nodes); default the evaluator's. */
  maxSteps?: number;
}

interface Cached {
  ctx: EvaluatedContext;
  /** Absolute paths of the makefiles read. */
  files: Set<string>;
}

function cacheKey(spec: BuildContextSpec): string {
  const { id, entry, cwd, commandLine, env, goals, includeDirs, flags } = spec;
  return JSON.stringify([id, entry, cwd, commandLine, env, goals, includeDirs, flags]);
}

export function createContextSet(opts: ContextSetOptions): ContextSet {
  const { host } = opts;
  const root = resolvePath('/', opts.root);
  const tree = detectKernelTree({ host, root, buildDir: opts.buildDir, arch: opts.arch, nodeArch: globalThis.process?.arch ?? '' });
  const inputs: SpecInputs | undefined = tree && { tree, host, env: opts.env, archOnCommandLine: opts.arch !== undefined || !host.shell };
  const configKnown = tree?.buildDir !== undefined;
  /** Specs handed out, by id; a spec's evaluation-derived fields go stale with its parent. */
  const specs = new Map<string, BuildContextSpec>();
  const produced = new WeakSet<BuildContextSpec>();
  const cache = new Map<string, Cached>();
  /** Directory contexts in the order they were last evaluated, most recent first. */
  const recentDirs: string[] = [];

  const remember = (spec: BuildContextSpec): BuildContextSpec => {
    specs.set(spec.id, spec);
    produced.add(spec);
    return spec;
  };

  function evaluate(spec: BuildContextSpec): EvaluatedContext {
    // A spec we produced whose parent changed since: evaluate its fresh derivation.
    if (produced.has(spec) && specs.get(spec.id) !== spec) spec = specFor(spec.id) ?? spec;
    const key = cacheKey(spec);
    const hit = cache.get(key);
    if (spec.kind === 'directory') {
      const k = recentDirs.indexOf(spec.id);
      if (k !== -1) recentDirs.splice(k, 1);
      recentDirs.unshift(spec.id);
    }
    if (hit) return hit.ctx;
    const t0 = performance.now();
    const result = evaluateMakefile({ ...spec, host, maxSteps: opts.maxSteps });
    const ctx: EvaluatedContext = { spec, result, ms: performance.now() - t0 };
    cache.set(key, { ctx, files: new Set(result.makefiles.map((f) => resolvePath(spec.cwd, f))) });
    return ctx;
  }

  function top(): BuildContextSpec | undefined {
    return specs.get('top') ?? (inputs && remember(topSpec(inputs)));
  }

  function dirSpec(dir: string): BuildContextSpec | undefined {
    const known = specs.get(`dir:${dir}`);
    if (known) return known;
    const topS = top();
    if (!topS) return undefined;
    // The nearest directory above with a makefile whose recipe descends here (arch/x86 is reached from ., not from arch), else the top.
    for (let up = parentDir(dir); ; up = parentDir(up)) {
      const parentSpec = up === undefined ? topS : hasDirMakefile(up) ? dirSpec(up) : undefined;
      const spec = parentSpec && dirSpecFromRecipe({ parent: evaluate(parentSpec).result, parentSpec, dir, configKnown });
      if (spec) return remember(spec);
      if (up === undefined) break;
    }
    return remember(dirSpecFromTop({ top: evaluate(topS).result, topSpec: topS, dir, configKnown }));
  }

  /** A tools/ program as `make -C tools/X`, followed into the make it re-runs itself as (perf's FIXDEP=1 pass). */
  function toolsContext(s: SpecInputs, rel: string): BuildContextSpec {
    const first = toolsSpec(s, rel);
    first.commandLine.push(...(opts.toolsCommandLine ?? []));
    return reinvocation(evaluate(first).result, first) ?? first;
  }

  function hasDirMakefile(dir: string): boolean {
    if (dir === '.') return true;
    const abs = `${tree?.srcTree}/${dir}`;
    return host.stat(`${abs}/Kbuild`) !== undefined || host.stat(`${abs}/Makefile`) !== undefined;
  }

  function specFor(id: string): BuildContextSpec | undefined {
    const known = specs.get(id);
    if (known) return known;
    if (id === 'top') return top();
    if (id.startsWith('dir:')) return dirSpec(id.slice(4));
    if (id.startsWith('tools:') && inputs) return remember(toolsContext(inputs, id.slice(6)));
    if (id.startsWith('file:')) return remember(fileSpec(id.slice(5), opts.env, configKnown || !tree));
    return undefined;
  }

  /** Evaluated contexts that read `path`, directory contexts most recent first. */
  function readersOf(path: string, kind: BuildContextSpec['kind']): BuildContextSpec[] {
    const found = new Set<string>();
    for (const { ctx, files } of cache.values()) if (ctx.spec.kind === kind && files.has(path) && specs.get(ctx.spec.id) === ctx.spec) found.add(ctx.spec.id);
    const order = (id: string) => {
      const k = recentDirs.indexOf(id);
      return k === -1 ? recentDirs.length : k;
    };
    return [...found].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1)).map((id) => specs.get(id) as BuildContextSpec);
  }

  function kernelContexts(t: KernelTree, path: string): BuildContextSpec[] {
    const out: BuildContextSpec[] = [];
    const add = (s: BuildContextSpec | undefined) => {
      if (s && !out.includes(s)) out.push(s);
    };
    const rel = inside(t.srcTree, path);
    const tools = rel === undefined ? undefined : toolsDirOf(rel);
    if (tools !== undefined) return [specFor(`tools:${tools}`) as BuildContextSpec];
    const topS = top() as BuildContextSpec;
    const reads = (s: BuildContextSpec) => cache.get(cacheKey(s))?.files.has(path) ?? false;
    evaluate(topS);
    if (reads(topS) || (t.buildDir !== undefined && inside(t.buildDir, path) !== undefined)) add(topS);
    const dir = rel === undefined ? undefined : inside(t.srcTree, dirName(path));
    const name = baseName(path);
    const isDirMakefile = name === 'Kbuild' || (name === 'Makefile' && dir !== '.' && !host.stat(`${dirName(path)}/Kbuild`));
    if (dir !== undefined && isDirMakefile) add(dirSpec(dir));
    for (const s of readersOf(path, 'directory')) add(s);
    // Shared Kbuild makefiles (scripts/Makefile.lib, …) are read in every directory context: the top directory's stands for them.
    if (out.length === 0 && rel?.startsWith('scripts/')) {
      const first = dirSpec('.');
      if (first) {
        evaluate(first);
        if (reads(first)) add(first);
      }
    }
    return out;
  }

  function toolsDirOf(rel: string): string | undefined {
    if (!rel.startsWith('tools/')) return undefined;
    // tools/build and tools/scripts are included by every tool: perf's context stands for them.
    if (/^tools\/(build|scripts)\//.test(rel)) return 'tools/perf';
    for (let dir = dirName(`/${rel}`).slice(1); dir.includes('/'); dir = dirName(`/${dir}`).slice(1)) {
      if (host.stat(`${tree?.srcTree}/${dir}/Makefile`)) return dir;
    }
    return undefined;
  }

  return {
    tree,
    contextsForFile(path: string): BuildContextSpec[] {
      const abs = resolvePath(root, path);
      const found = tree ? kernelContexts(tree, abs) : [];
      return found.length > 0 ? found : [specFor(`file:${abs}`) as BuildContextSpec];
    },
    evaluate,
    spec: (id) => (id === 'top' || id.startsWith('dir:') || id.startsWith('tools:') ? (tree ? specFor(id) : undefined) : specFor(id)),
    invalidate(changedPaths: readonly string[]): void {
      const changed = new Set(changedPaths.map((p) => resolvePath(root, p)));
      const config = tree?.buildDir && [`${tree.buildDir}/.config`, `${tree.buildDir}/include/config/auto.conf`].some((p) => changed.has(p));
      const dropped = new Set<string>();
      for (const [key, { ctx, files }] of cache) {
        if (config || [...files].some((f) => changed.has(f))) {
          cache.delete(key);
          dropped.add(ctx.spec.id);
        }
      }
      // A directory context's spec (environment, command line) came from its parent's evaluation.
      for (let grew = true; grew; ) {
        grew = false;
        for (const [id, s] of specs) {
          if (dropped.has(id) || s.parent === undefined || !dropped.has(s.parent)) continue;
          dropped.add(id);
          grew = true;
        }
      }
      for (const id of dropped) specs.delete(id);
      for (const [key, { ctx }] of cache) if (dropped.has(ctx.spec.id) && ctx.spec.kind === 'directory') cache.delete(key);
    },
    list(): BuildContextSpec[] {
      if (!tree) return [];
      const out = [top() as BuildContextSpec];
      for (const rel of toolsTops(host, tree.srcTree)) out.push(specFor(`tools:${rel}`) as BuildContextSpec);
      if (!tree.buildDir) return out;
      // Deriving every directory's spec would evaluate every parent: those not derived yet are listed
      // provisionally (obj=DIR with the top's exports), and evaluate() derives them for real.
      const topS = top() as BuildContextSpec;
      const topEv = evaluate(topS).result;
      let env: Record<string, string> | undefined;
      for (const dir of buildDirectories(host, tree)) {
        const known = specs.get(`dir:${dir}`);
        if (known) out.push(known);
        else {
          const spec = dirSpecFromTop({ top: topEv, topSpec: topS, dir, configKnown, env });
          env = spec.env;
          produced.add(spec);
          out.push(spec);
        }
      }
      return out;
    },
  };
}
