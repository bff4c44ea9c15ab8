// CLI subcommands over the .cmd dependency index: rdeps, why, cmd. Text by
// default (paths as the build dir writes them), JSON with --json. `why`
// also compares the saved command with the one make would run now.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  addCmdText,
  buildDirFor,
  buildDirInfo,
  buildRelative,
  cmdFileOf,
  createCmdStore,
  findBuildDirs,
  loadCmdStore,
  objectInfo,
  objectsForConfig,
  rebuiltBy,
  whyRebuild,
  type CmdStore,
  type RebuildReason,
} from '../cmdfiles';
import type { Host } from '../eval/host';
import { currentCommandFor } from '../ide/builds';
import { createContextSet } from '../kbuild/contexts';
import type { CurrentCommand } from '../kbuild/currentCommand';
import { createNodeHost } from '../lsp/nodeHost';
import { json, usageError, type CliHandler, type CliResult } from './types';

interface Parsed {
  target: string;
  json: boolean;
  buildDir: string;
  host: Host;
  /** `--shell` (why only): run $(shell) when computing the current command. */
  shell: boolean;
}

function parse(argv: string[], what: string, opts: { shell?: boolean } = {}): Parsed | { error: CliResult } {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { build: { type: 'string' }, json: { type: 'boolean' }, ...(opts.shell ? { shell: { type: 'boolean' } } : {}) },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    return { error: usageError(e instanceof Error ? e.message : String(e)) };
  }
  if (args.positionals.length !== 1) return { error: usageError(`expected one ${what}`) };
  const host = createNodeHost();
  const target = args.positionals[0];
  const buildDir = args.values.build !== undefined ? resolve(args.values.build) : detectBuildDir(host, target);
  if (typeof buildDir !== 'string') return buildDir;
  if (!host.stat(buildDir)?.isDirectory) return { error: usageError(`build dir ${buildDir} is not a directory`) };
  return { target, json: args.values.json ?? false, buildDir, host, shell: args.values.shell === true };
}

function detectBuildDir(host: Host, target: string): string | { error: CliResult } {
  const near = buildDirFor({ host, path: process.cwd() }) ?? buildDirFor({ host, path: resolve(target) });
  if (near) return near.buildDir;
  const below = findBuildDirs({ host, root: process.cwd() });
  if (below.length === 1) return below[0].buildDir;
  const list = below.map((b) => `  ${b.buildDir}`).join('\n');
  return {
    error: usageError(
      below.length === 0
        ? 'no build dir (.config + include/config/auto.conf) here or above; pass --build DIR'
        : `several build dirs, pass --build DIR:\n${list}`,
    ),
  };
}

/**
 * A path argument: relative to the current directory when that names
 * something the store knows, else to the build dir (`init/main.o`), else to
 * the source tree (`include/linux/kernel.h` of an O= build).
 */
function pick(store: CmdStore, arg: string, known: (abs: string) => boolean): string {
  const fromCwd = resolve(arg);
  if (known(fromCwd) || arg.startsWith('/')) return fromCwd;
  const fromBuild = resolve(store.buildDir, arg);
  if (known(fromBuild)) return fromBuild;
  const srctree = buildDirInfo({ host: createNodeHost(), dir: store.buildDir })?.srctree;
  const fromSource = srctree ? resolve(srctree, arg) : undefined;
  return fromSource && known(fromSource) ? fromSource : fromBuild;
}

/** `rdeps PATH|CONFIG_FOO [--build DIR] [--json]`: objects rebuilt when PATH changes; exit 1 when none. */
export const rdepsCommand: CliHandler = async (argv) => {
  const p = parse(argv, 'PATH or CONFIG_ symbol');
  if ('error' in p) return p.error;
  const store = loadCmdStore({ host: p.host, buildDir: p.buildDir });
  const isConfig = /^CONFIG_\w+$/.test(p.target);
  const path = isConfig ? p.target : pick(store, p.target, (abs) => rebuiltBy(store, abs).length > 0);
  const objects = (isConfig ? objectsForConfig(store, path) : rebuiltBy(store, path)).map((o) => buildRelative(store, o));
  const exitCode = objects.length > 0 ? 0 : 1;
  if (p.json) return json({ buildDir: store.buildDir, [isConfig ? 'config' : 'path']: path, objects }, exitCode);
  return { stdout: objects.map((o) => `${o}\n`).join(''), exitCode };
};

/** The store holding just OBJECT's .cmd file: why and cmd need no more. */
function loadOne(p: Parsed): { store: CmdStore; target: string } {
  const store = createCmdStore(p.buildDir);
  const target = pick(store, p.target, (abs) => p.host.stat(abs) !== undefined || p.host.stat(cmdFileOf(abs)) !== undefined);
  const cmdFile = cmdFileOf(target);
  const text = p.host.readFile(cmdFile);
  if (text !== undefined) addCmdText({ store, cmdFile, text });
  return { store, target };
}

function describe(store: CmdStore, r: RebuildReason): string {
  const paths = (list: string[]): string => list.map((x) => buildRelative(store, x)).join(' ');
  switch (r.kind) {
    case 'target-missing':
      return 'target missing';
    case 'newer-prerequisites':
      return `newer prerequisites: ${paths(r.paths)}`;
    case 'changed-configs':
      return `changed options: ${r.configs.join(' ')}`;
    case 'missing-prerequisites':
      return `missing prerequisites: ${paths(r.paths)}`;
    case 'command-changed':
      return `command line changed: removed [${r.removed.join(' ')}] added [${r.added.join(' ')}]`;
    case 'no-saved-command':
      return 'no saved command (.cmd file missing or without cmd_ line)';
    case 'force':
      return 'FORCE prerequisite without if_changed';
  }
}

/**
 * The command make would run now for `target`, from the build contexts of
 * the build dir's source tree (the environment is this process's, as make's
 * would be); $(shell) runs only with --shell.
 */
function currentOf(p: Parsed, store: CmdStore, target: string): CurrentCommand | undefined {
  const srctree = buildDirInfo({ host: p.host, dir: p.buildDir })?.srctree ?? p.buildDir;
  const host = createNodeHost({ allowShell: p.shell });
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const contexts = createContextSet({ root: srctree, host, buildDir: p.buildDir, env });
  return currentCommandFor({ build: { store, buildDir: store.buildDir, srctree }, contexts, host, target, runShell: p.shell });
}

function note(current: CurrentCommand | undefined, compared: boolean): string {
  if (compared && current?.kind === 'command') return ` (command line compared with cmd_${current.name} in ${current.context})`;
  if (compared) return '';
  if (current?.kind !== 'unknown') return ' (command line not compared: needs the makefile)';
  return ` (command line not compared: ${current.reason}${current.unknownParts ? '; --shell runs them' : ''})`;
}

/** `why OBJECT [--build DIR] [--json] [--shell]`: why make would rebuild OBJECT now. */
export const whyCommand: CliHandler = async (argv) => {
  const p = parse(argv, 'OBJECT', { shell: true });
  if ('error' in p) return p.error;
  const { store, target } = loadOne(p);
  const current = p.host.stat(target) ? currentOf(p, store, target) : undefined;
  const result = whyRebuild({ store, host: p.host, target, command: current?.kind === 'command' ? current.command : undefined });
  if (p.json) return json({ buildDir: store.buildDir, ...result, current });
  const name = buildRelative(store, target);
  const suffix = note(current, !result.unchecked.includes('command'));
  if (result.upToDate) return { stdout: `${name}: up to date${suffix}\n`, exitCode: 0 };
  const lines = result.reasons.map((r) => `  - ${describe(store, r)}\n`).join('');
  return { stdout: `${name}: rebuild${suffix}\n${lines}`, exitCode: 0 };
};

/** `cmd OBJECT [--build DIR] [--json]`: the saved command, source and dependency counts. */
export const cmdCommand: CliHandler = async (argv) => {
  const p = parse(argv, 'OBJECT');
  if ('error' in p) return p.error;
  const { store, target } = loadOne(p);
  const info = objectInfo(store, target);
  if (!info) return usageError(`no .cmd file for ${target} (looked for ${cmdFileOf(target)})`);
  if (p.json) return json({ buildDir: store.buildDir, ...info });
  const lines = [
    `target:  ${buildRelative(store, info.target)}`,
    `cmdfile: ${buildRelative(store, info.cmdFile)}`,
    `source:  ${info.source === undefined ? '-' : buildRelative(store, info.source)}`,
    `deps:    ${info.hasDeps ? `${info.depCount} files, ${info.configCount} CONFIG options` : '- (no deps_ list)'}`,
    `command: ${info.command ?? '-'}`,
    ...info.diagnostics.map((d) => `${d.severity}: line ${d.line}: ${d.message}`),
  ];
  return { stdout: `${lines.join('\n')}\n`, exitCode: 0 };
};
