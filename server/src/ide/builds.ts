// What a configured build dir's .cmd files answer in the editor: the compile
// command behind `obj-y += foo.o`, the objects a header or CONFIG option
// rebuilds, and why make would rebuild an object now. Plain data and
// markdown; the store is loaded by the lsp layer. The command make would
// run now comes from the build contexts (kbuild/currentCommand.ts) when the
// caller has them.
import { dirname, join, relative } from 'node:path/posix';
import type { Host } from '../eval/host';
import { absolutePath, buildRelative, objectInfo, objectsForConfig, rebuiltBy, whyRebuild, type CmdStore, type RebuildReason } from '../cmdfiles';
import type { ContextSet } from '../kbuild/contexts';
import { currentCommand, type CurrentCommand } from '../kbuild/currentCommand';

export interface BuildIndex {
  store: CmdStore;
  buildDir: string;
  srctree: string;
}

/** The build's path for a word of `obj-y += …` in a Makefile of the source tree. */
export function objectPath(build: BuildIndex, makefile: string, word: string): string {
  return join(build.buildDir, relative(build.srctree, dirname(makefile)), word);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** Hover text for an object word, when the build has a .cmd file for it. */
export function objectHover(build: BuildIndex, makefile: string, word: string): string | undefined {
  const info = objectInfo(build.store, objectPath(build, makefile, word));
  if (!info) return undefined;
  const rel = (p: string) => relative(build.srctree, p);
  const lines = [`**${buildRelative(build.store, info.target)}** — last built in ${code(build.buildDir)}`, ''];
  if (info.source) lines.push(`- source: ${code(rel(info.source))}`);
  if (info.hasDeps) lines.push(`- read ${info.depCount} files and tests ${info.configCount} CONFIG options`);
  if (info.command) lines.push('', 'Command used last time:', '```sh', clip(info.command, 2000), '```');
  return lines.join('\n');
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

/** Objects that rebuild when `what` (an absolute path, or CONFIG_FOO) changes, build-relative and sorted. */
export function whatRebuilds(build: BuildIndex, what: string): string[] {
  const objects = /^CONFIG_[A-Za-z0-9_]+$/.test(what) ? objectsForConfig(build.store, what) : rebuiltBy(build.store, what);
  return objects.map((o) => buildRelative(build.store, o));
}

function reasonText(build: BuildIndex, r: RebuildReason): string {
  const rel = (p: string) => (p.startsWith(build.buildDir + '/') ? relative(build.buildDir, p) : relative(build.srctree, p));
  const list = (ps: string[]) => ps.slice(0, 20).map((p) => code(rel(p))).join(', ') + (ps.length > 20 ? ` and ${ps.length - 20} more` : '');
  switch (r.kind) {
    case 'target-missing':
      return 'the target does not exist';
    case 'newer-prerequisites':
      return `prerequisites newer than the target: ${list(r.paths)}`;
    case 'changed-configs':
      return `CONFIG options changed since: ${r.configs.map((c) => code(c)).join(', ')}`;
    case 'missing-prerequisites':
      return `listed dependencies that no longer exist (make treats them as remade): ${list(r.paths)}`;
    case 'command-changed':
      return `the command line changed: removed ${r.removed.map(code).join(' ') || 'nothing'}, added ${r.added.map(code).join(' ') || 'nothing'}`;
    case 'no-saved-command':
      return 'no saved command (no .cmd file or no cmd_ line): if_changed always runs';
    case 'force':
      return 'FORCE prerequisite and a recipe not guarded by if_changed: it runs every time';
    default: {
      const never: never = r;
      return never;
    }
  }
}

export interface WhyReport {
  target: string;
  upToDate: boolean;
  /** Markdown, one reason a line. */
  text: string;
  /** What the saved command was compared with (or why it was not), when the build contexts were given. */
  current?: CurrentCommand;
}

export interface ExplainInput {
  build: BuildIndex;
  host: Host;
  target: string;
  /** The current command, when the caller has it; else computed from `contexts`. */
  command?: string;
  /** The folder's build contexts: the current command is computed in them when their build dir is this build's. */
  contexts?: ContextSet;
  /** Run $(shell) calls for it (the contexts' host still decides). */
  runShell?: boolean;
}

/** The command make would run now, or why there is none; undefined when there is no saved command or no kernel tree. */
export function currentCommandFor(args: { build: BuildIndex; contexts: ContextSet; host: Host; target: string; runShell?: boolean }): CurrentCommand | undefined {
  const target = absolutePath(args.build.store, args.target);
  if (objectInfo(args.build.store, target)?.command === undefined || !args.contexts.tree) return undefined;
  const buildDir = args.contexts.tree.buildDir;
  if (buildDir !== args.build.buildDir) return { kind: 'unknown', reason: buildDir ? `the build contexts are those of ${buildDir}` : 'no configured build dir in the build contexts' };
  return currentCommand({ contexts: args.contexts, host: args.host, target, runShell: args.runShell });
}

function notCompared(current: CurrentCommand | undefined): string {
  if (current?.kind !== 'unknown') return '_The command line was not compared (the current command needs an evaluated build context)._';
  const shell = current.unknownParts ? ': allow `$(shell)` to compare (`kbuild-analyzer.shell.enable` in a trusted workspace)' : '';
  return `_The command line was not compared: ${current.reason}${shell}._`;
}

export function explainRebuild(args: ExplainInput): WhyReport {
  const { build } = args;
  const current = args.command === undefined && args.contexts ? currentCommandFor({ ...args, contexts: args.contexts }) : undefined;
  const command = args.command ?? (current?.kind === 'command' ? current.command : undefined);
  const result = whyRebuild({ store: build.store, host: args.host, target: args.target, command });
  const target = buildRelative(build.store, result.target);
  const lines = [result.upToDate ? `**${target}** is up to date.` : `**${target}** would be rebuilt:`];
  for (const r of result.reasons) lines.push(`- ${reasonText(build, r)}`);
  if (result.unchecked.includes('command')) lines.push('', notCompared(current));
  else if (current?.kind === 'command') lines.push('', `_Command line compared with \`cmd_${current.name}\` expanded in \`${current.context}\`._`);
  return { target, upToDate: result.upToDate, text: lines.join('\n'), current };
}
