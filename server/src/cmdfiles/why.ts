// Why would make rebuild an object? Kbuild's if_changed family answers with
// $(if-changed-cond) = newer prerequisites + command-line change, and V=2
// prints the first reason (scripts/Kbuild.include `why`). We list them all,
// from the .cmd file plus mtimes, and from the makefile rule when the
// caller knows it (the evaluator does; the store alone does not).
import type { FileStat, Host } from '../eval/host';
import { makeStrip } from './makeValue';
import { findObject } from './query';
import { absolutePath, type CmdObject, type CmdStore } from './store';

export type RebuildReason =
  /** The target does not exist (Kbuild: "due to target missing"). */
  | { kind: 'target-missing' }
  /** Prerequisites newer than the target, newest first ("due to: …"). */
  | { kind: 'newer-prerequisites'; paths: string[] }
  /** `include/config/FOO` stamps newer than the target: these options changed since. */
  | { kind: 'changed-configs'; configs: string[] }
  /** deps_ entries that no longer exist: `$(deps_X):` makes them count as remade. */
  | { kind: 'missing-prerequisites'; paths: string[] }
  /** Saved command ≠ current one (after make's $(strip)), "due to command line change". */
  | { kind: 'command-changed'; saved: string; current: string; removed: string[]; added: string[] }
  /** No .cmd file or no cmd_ line in it: if_changed sees an empty saved command. */
  | { kind: 'no-saved-command' }
  /** FORCE prerequisite and a recipe not guarded by if_changed: runs every time. */
  | { kind: 'force' };

export interface WhyResult {
  target: string;
  upToDate: boolean;
  reasons: RebuildReason[];
  /** Checks skipped for lack of input: `command` when no current command was given. */
  unchecked: 'command'[];
}

export interface WhyInput {
  store: CmdStore;
  host: Host;
  /** The target, absolute or relative to the build dir. */
  target: string;
  /** The command make would run now (expanded cmd_$1); compared like Kbuild's cmd-check. */
  command?: string;
  /** The rule's prerequisites ($^), absolute or build-relative; `FORCE` is recognized by name. */
  prerequisites?: string[];
  /** Whether the recipe is $(call if_changed…); default true, as for every Kbuild object rule. */
  ifChanged?: boolean;
}

/** Words of `saved` missing from `current` and the reverse, as multisets in order. */
function wordDiff(saved: string, current: string): { removed: string[]; added: string[] } {
  const count = (words: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const a = saved === '' ? [] : saved.split(' ');
  const b = current === '' ? [] : current.split(' ');
  const only = (words: string[], other: Map<string, number>): string[] =>
    words.filter((w) => {
      const n = other.get(w) ?? 0;
      if (n > 0) other.set(w, n - 1);
      return n === 0;
    });
  return { removed: only(a, count(b)), added: only(b, count(a)) };
}

function commandReason(obj: CmdObject | undefined, current: string | undefined): RebuildReason | undefined {
  if (obj?.command === undefined) return { kind: 'no-saved-command' };
  if (current === undefined) return undefined;
  const saved = makeStrip(obj.command);
  const now = makeStrip(current);
  return saved === now ? undefined : { kind: 'command-changed', saved, current: now, ...wordDiff(saved, now) };
}

/** Path of the stamp file fixdep points at for a CONFIG symbol. */
function configStamp(store: CmdStore, args: { name: string; style: CmdObject['configStyle'] }): string {
  const bare = args.name.slice('CONFIG_'.length);
  const rel = args.style === 'name' ? bare : `${bare.toLowerCase().replace(/_/g, '/')}.h`;
  return `${store.buildDir}/include/config/${rel}`;
}

interface Checked {
  newer: { path: string; mtimeMs: number }[];
  missing: string[];
}

function checkFiles(args: { host: Host; paths: Iterable<string>; target: FileStat }): Checked {
  const out: Checked = { newer: [], missing: [] };
  for (const path of args.paths) {
    const st = args.host.stat(path);
    if (!st) out.missing.push(path);
    else if (st.mtimeMs > args.target.mtimeMs) out.newer.push({ path, mtimeMs: st.mtimeMs });
  }
  return out;
}

function prerequisitesOf(input: WhyInput, obj: CmdObject | undefined): Set<string> {
  const { store } = input;
  const paths = new Set<string>();
  if (obj?.source !== undefined) paths.add(store.paths.names[obj.source]);
  for (const p of input.prerequisites ?? []) if (p !== 'FORCE') paths.add(absolutePath(store, p));
  if (obj) for (const id of obj.deps) paths.add(store.paths.names[id]);
  return paths;
}

/** `X: $(wildcard FILE)` prerequisites (objtool's) that are not prerequisites anyway. */
function optionalOnly(input: WhyInput, obj: CmdObject | undefined, prerequisites: Set<string>): string[] {
  return (obj?.optionalPrereqs ?? []).map((id) => input.store.paths.names[id]).filter((p) => !prerequisites.has(p));
}

function changedConfigs(input: WhyInput, obj: CmdObject, target: FileStat): string[] {
  const changed: { name: string; mtimeMs: number }[] = [];
  for (const id of new Set(obj.configs)) {
    const name = input.store.configs.names[id];
    // A stamp that does not exist is no prerequisite: $(wildcard) drops it.
    const st = input.host.stat(configStamp(input.store, { name, style: obj.configStyle }));
    if (st && st.mtimeMs > target.mtimeMs) changed.push({ name, mtimeMs: st.mtimeMs });
  }
  return changed.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? -1 : 1)).map((c) => c.name);
}

export function whyRebuild(input: WhyInput): WhyResult {
  const { store, host } = input;
  const target = absolutePath(store, input.target);
  const obj = findObject(store, target);
  const ifChanged = input.ifChanged ?? true;
  const unchecked: 'command'[] = ifChanged && input.command === undefined && obj?.command !== undefined ? ['command'] : [];
  const done = (reasons: RebuildReason[]): WhyResult => ({ target, upToDate: reasons.length === 0, reasons, unchecked });
  const targetStat = host.stat(target);
  if (!targetStat) return done([{ kind: 'target-missing' }]);
  const reasons: RebuildReason[] = [];
  const prerequisites = prerequisitesOf(input, obj);
  const files = checkFiles({ host, paths: prerequisites, target: targetStat });
  // An optional prerequisite counts when newer; a missing one is none ($(wildcard) drops it).
  const optional = checkFiles({ host, paths: optionalOnly(input, obj, prerequisites), target: targetStat });
  const newer = [...files.newer, ...optional.newer].sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : 1));
  if (newer.length > 0) reasons.push({ kind: 'newer-prerequisites', paths: newer.map((n) => n.path) });
  const configs = obj ? changedConfigs(input, obj, targetStat) : [];
  if (configs.length > 0) reasons.push({ kind: 'changed-configs', configs });
  if (files.missing.length > 0) reasons.push({ kind: 'missing-prerequisites', paths: files.missing.sort() });
  const command = ifChanged ? commandReason(obj, input.command) : undefined;
  if (command) reasons.push(command);
  if (!ifChanged && input.prerequisites?.includes('FORCE')) reasons.push({ kind: 'force' });
  return done(reasons);
}
