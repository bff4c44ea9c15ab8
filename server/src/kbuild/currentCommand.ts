// The command make would run now for an object of a Kbuild build: what
// if_changed's cmd-check compares with the saved `cmd_X` of its .cmd file.
// The object's directory context (`dir:init` for init/main.o) is evaluated,
// its rule found the way make would (currentRule.ts), the command name read
// from the recipe's `$(call if_changed…,NAME)`, and `$(cmd_NAME)` expanded
// as that recipe sees it. See docs/cmdfiles.md.
import { expandInContext, parentChain, UNKNOWN, type Evaluation } from '../eval';
import type { Host } from '../eval/host';
import { resolvePath } from '../eval/paths';
import type { ContextSet } from './contexts';
import { findRule, type FoundRule } from './currentRule';
import { dirName, inside } from './pathNames';

export type CurrentCommand =
  /** The expanded `$(cmd_NAME)`, as make would run it now. */
  | { kind: 'command'; command: string; name: string; context: string }
  /** Not computable, or only in part: `unknownParts` counts the $(shell) results that were not run. */
  | { kind: 'unknown'; reason: string; context?: string; name?: string; unknownParts?: number };

export interface CurrentCommandInput {
  contexts: ContextSet;
  /** For stat (rule search, VPATH): the set's own host or one over the same disk. */
  host: Host;
  /** Absolute path of the target in the set's build dir. */
  target: string;
  /** Run $(shell) calls reading did not run (the set's host still decides). */
  runShell?: boolean;
}

/** `$(call if_changed,NAME)`, `if_changed_dep`, `if_changed_rule`: the recipes whose command Kbuild saves and compares. */
const IF_CHANGED = /\$[({]call\s+if_changed(?:_dep|_rule)?\s*,\s*([^,)}\s]+)\s*[,)}]/;

/**
 * Directories whose context may build `rel`, nearest first: its own, then
 * each one above with a makefile (an object named from a parent's makefile,
 * `obj-y += sub/foo.o` where sub/ has none), ending with `.`.
 */
function candidateDirs(args: { rel: string; host: Host; srcTree: string }): string[] {
  const out: string[] = [];
  for (let d = dirName(`/${args.rel}`).slice(1); d !== ''; d = dirName(`/${d}`).slice(1)) {
    if (['Kbuild', 'Makefile'].some((f) => args.host.stat(`${args.srcTree}/${d}/${f}`) !== undefined)) out.push(d);
  }
  out.push('.');
  return out;
}

/**
 * How the context names `rel`: Makefile.build -includes the .cmd file of each
 * existing target, so a context with `cmd_NAME` (or `savedcmd_NAME`) builds
 * it, under that spelling (`arch/x86/boot/compressed/../voffset.h`).
 */
function spellingIn(ev: Evaluation, q: { rel: string; buildDir: string }): string | undefined {
  if (ev.variables.has(`cmd_${q.rel}`) || ev.variables.has(`savedcmd_${q.rel}`)) return q.rel;
  const wanted = resolvePath(q.buildDir, q.rel);
  for (const name of ev.variables.keys()) {
    const m = /^(?:saved)?cmd_(.*\/\.\.?\/.*)$/.exec(name);
    if (m && resolvePath(q.buildDir, m[1]) === wanted) return m[1];
  }
  return undefined;
}

interface Located {
  ev: Evaluation;
  context: string;
  goals: string[];
  /** The target as the context names it. */
  name: string;
  rule: FoundRule;
}

/** The contexts to try: the directories' (nearest first), then for a file of the build root the top Makefile's (vmlinux.a). */
function candidateContexts(args: { rel: string; host: Host; srcTree: string }): string[] {
  const ids = candidateDirs(args).map((d) => `dir:${d}`);
  if (!args.rel.includes('/')) ids.push('top');
  return ids;
}

function locate(input: CurrentCommandInput, rel: string, srcTree: string, buildDir: string): Located | undefined {
  const { contexts, host } = input;
  let fallback: Located | undefined;
  for (const id of candidateContexts({ rel, host, srcTree })) {
    const spec = contexts.spec(id);
    if (!spec) continue;
    const ev = contexts.evaluate(spec).result;
    const spelled = spellingIn(ev, { rel, buildDir });
    const name = spelled ?? rel;
    const rule = findRule({ ev, target: name, host, cwd: buildDir });
    if (!rule) continue;
    const found = { ev, context: spec.id, goals: spec.goals, name, rule };
    if (spelled !== undefined) return found;
    fallback ??= found;
  }
  return fallback;
}

/**
 * The targets make reaches `rel` through, whose target variables it inherits
 * (`$(obj)/bzImage: asflags-y := …` reaches the boot objects). From the
 * context's goals; when they do not reach it (a directory entered for a goal
 * the context is not given, arch/x86/boot for bzImage, or a path through a
 * pattern rule's prerequisites, which parentChain does not follow): from the
 * first target with target variables that does.
 */
function parentsOf(ev: Evaluation, rel: string, goals: string[]): string[] {
  const chain = parentChain(ev, { target: rel, goals });
  if (chain.length > 0) return chain;
  for (const owner of ev.targetVariables.keys()) {
    if (owner === rel) continue;
    const via = parentChain(ev, { target: rel, goals: [owner] });
    if (via.length > 0) return via;
  }
  return [];
}

function countUnknown(text: string): number {
  return text.split(UNKNOWN).length - 1;
}

export function currentCommand(input: CurrentCommandInput): CurrentCommand {
  const tree = input.contexts.tree;
  if (!tree) return { kind: 'unknown', reason: 'not a kernel tree: no build contexts' };
  if (!tree.buildDir) return { kind: 'unknown', reason: 'no configured build dir' };
  const rel = inside(tree.buildDir, input.target);
  if (rel === undefined || rel === '.') return { kind: 'unknown', reason: `${input.target} is not in the build dir ${tree.buildDir}` };
  const found = locate(input, rel, tree.srcTree, tree.buildDir);
  if (!found) return { kind: 'unknown', reason: `no rule for ${rel} in the directory contexts that could build it` };
  const { ev, context, rule, name: spelled } = found;
  const parents = parentsOf(ev, spelled, found.goals);
  const name = rule.recipe.map((line) => IF_CHANGED.exec(line.text)?.[1]).find((n) => n !== undefined);
  if (name === undefined) return { kind: 'unknown', reason: `the recipe for ${spelled} does not use if_changed: make saves no command to compare`, context };
  // make expands `$(cmd_$1)` inside `$(call if_changed…,NAME)`; cmd_ bodies do not use $1, so the plain reference is the same text.
  const r = expandInContext(ev, { text: `$(cmd_${name})`, target: spelled, automatic: rule.automatic, parents, runShell: input.runShell });
  if (r.stopped) return { kind: 'unknown', reason: `expanding cmd_${name} stopped: ${r.stopped.message}`, context, name };
  const unknownParts = countUnknown(r.value);
  if (unknownParts > 0) return { kind: 'unknown', reason: `${unknownParts} unknown part${unknownParts === 1 ? '' : 's'} ($(shell) not run)`, context, name, unknownParts };
  return { kind: 'command', command: r.value, name, context };
}
