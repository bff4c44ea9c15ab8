// Evaluated build contexts in the server: one ContextSet per folder
// (kbuild/contexts.ts), made on first need with the folder's Host (open
// documents over the disk; `shell` only when the workspace is trusted and
// shell.enable is on), dropped when that policy, the timeout or the build
// directory setting changes. Evaluations are cached by the set until a make
// file they read (or .config / auto.conf) changes; an edited or opened file
// is evaluated again shortly after, off the request path, so the next hover
// finds it ready. The user's choice of context is kept per file.
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { createContextSet, type BuildContextSpec, type ContextSet, type EvaluatedContext } from '../kbuild/contexts';
import type { HoverContext } from '../ide/evalHover';
import { uriToPath } from './conversions';
import { createEvalHost, createShellRunner } from './shellHost';
import { onSettingsChange } from './settings';
import { findFolder, type Folder, type ServerState } from './state';

interface FolderContexts {
  set: ContextSet;
  /** The policy and build dir it was made with. */
  key: string;
}

export interface EvaluationState {
  /** Where the $(shell) cache lives. */
  storageDir: string;
  byRoot: Map<string, FolderContexts>;
  /** File path → the context id the user chose for it. */
  chosen: Map<string, string>;
  /** Evaluations already reported in the log. */
  logged: WeakSet<EvaluatedContext>;
  pending: ReturnType<typeof setTimeout> | undefined;
}

/** What the environment of a context holds: what make would get from a terminal, minus the editor's own session variables (they would defeat the shell cache). */
const ENV_KEPT = /^(PATH|HOME|USER|LOGNAME|LANG|LC_[A-Z]+|TMPDIR|TZ|ARCH|SUBARCH|CROSS_COMPILE|LLVM|LLVM_IAS|CC|HOSTCC|LD|KBUILD_[A-Z_]+|KCONFIG_[A-Z_]+|KCFLAGS|KCPPFLAGS|KAFLAGS|INSTALL_[A-Z_]+)$/;

export function evaluationEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => ENV_KEPT.test(e[0]) && e[1] !== undefined));
}

/** The client's storage (`storagePath` in initializationOptions, see docs/hover.md), else the user's cache directory. */
function storageDirOf(options: unknown): string {
  const given = options && typeof options === 'object' ? (options as Record<string, unknown>).storagePath : undefined;
  if (typeof given === 'string' && isAbsolute(given)) return given;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kbuild-analyzer');
}

export function setupEvaluation(state: ServerState, initializationOptions: unknown): void {
  state.evaluation = { storageDir: storageDirOf(initializationOptions), byRoot: new Map(), chosen: new Map(), logged: new WeakSet(), pending: undefined };
  // Sets whose key no longer matches are replaced on next use; drop them now to free their evaluations.
  onSettingsChange(state, (s) => {
    for (const [root, fc] of s.evaluation?.byRoot ?? []) if (fc.key !== setKey(s)) s.evaluation?.byRoot.delete(root);
  });
}

export function shellAllowed(state: ServerState): boolean {
  return state.trusted && state.settings.shell.enable;
}

function buildDirSetting(state: ServerState): string | undefined {
  const dir = state.settings.buildDirectory;
  if (dir === '') return undefined;
  const first = state.folders.find((f) => f.indexed);
  return isAbsolute(dir) || !first ? dir : resolve(first.root, dir);
}

function setKey(state: ServerState): string {
  const { arch, limits } = state.settings;
  return JSON.stringify([shellAllowed(state), state.settings.shell.timeoutMs, buildDirSetting(state), arch, limits.evaluationSteps]);
}

function evaluationOf(state: ServerState): EvaluationState {
  state.evaluation ??= { storageDir: storageDirOf(undefined), byRoot: new Map(), chosen: new Map(), logged: new WeakSet(), pending: undefined };
  return state.evaluation;
}

function contextSetOf(state: ServerState, folder: Folder): ContextSet {
  const ev = evaluationOf(state);
  const key = setKey(state);
  const known = ev.byRoot.get(folder.root);
  if (known && known.key === key) return known.set;
  const env = evaluationEnv();
  const log = (message: string) => state.connection.console.warn(message);
  const runner = shellAllowed(state) ? createShellRunner({ timeoutMs: state.settings.shell.timeoutMs, env, cacheDir: join(ev.storageDir, 'shell-cache'), log }) : undefined;
  const host = createEvalHost({ overlay: (path) => folder.ws.files.get(path)?.text, runner });
  const { arch, limits } = state.settings;
  const set = createContextSet({ root: folder.root, host, buildDir: buildDirSetting(state), env, arch: arch || undefined, maxSteps: limits.evaluationSteps });
  ev.byRoot.set(folder.root, { set, key });
  return set;
}

export interface FileContexts {
  specs: BuildContextSpec[];
  active: BuildContextSpec;
  set: ContextSet;
}

/** The context set of the folder holding `path`. */
export function contextSetFor(state: ServerState, path: string): ContextSet | undefined {
  const folder = findFolder(state, path);
  return folder && contextSetOf(state, folder);
}

/** The contexts a file is read in and the one that answers for it. */
export function contextsOf(state: ServerState, path: string): FileContexts | undefined {
  const set = contextSetFor(state, path);
  if (!set) return undefined;
  const specs = set.contextsForFile(path);
  if (specs.length === 0) return undefined;
  const chosen = evaluationOf(state).chosen.get(path);
  return { specs, set, active: specs.find((s) => s.id === chosen) ?? specs[0] };
}

export function chooseContext(state: ServerState, path: string, id: string): boolean {
  const found = contextsOf(state, path)?.specs.some((s) => s.id === id);
  if (found) evaluationOf(state).chosen.set(path, id);
  return found === true;
}

/** The active context of a file, evaluated (cached by the set). */
export function evaluatedContextOf(state: ServerState, path: string, id?: string): EvaluatedContext | undefined {
  const found = contextsOf(state, path);
  if (!found) return undefined;
  const spec = (id !== undefined ? found.specs.find((s) => s.id === id) : undefined) ?? found.active;
  const evaluated = found.set.evaluate(spec);
  const ev = evaluationOf(state);
  if (!ev.logged.has(evaluated)) {
    ev.logged.add(evaluated);
    const notRun = evaluated.result.shellCalls.filter((c) => c.output === undefined).length;
    state.connection.console.info(
      `Evaluated ${spec.label}: ${evaluated.result.makefiles.length} makefiles, ${evaluated.result.variables.size} variables in ${evaluated.ms.toFixed(0)} ms; ${evaluated.result.shellCalls.length} $(shell) calls, ${notRun} not run`,
    );
  }
  return evaluated;
}

export function hoverContextOf(state: ServerState, path: string, id?: string): HoverContext | undefined {
  const evaluated = evaluatedContextOf(state, path, id);
  if (!evaluated) return undefined;
  const { spec, result } = evaluated;
  return { id: spec.id, label: spec.label, configKnown: spec.configKnown, ev: result, shellAllowed: shellAllowed(state) };
}

/** Make files (or .config, auto.conf) changed: drop the evaluations that read them. */
export function invalidateEvaluations(state: ServerState, paths: readonly string[]): void {
  for (const { set } of state.evaluation?.byRoot.values() ?? []) set.invalidate(paths);
}

/** A make file was opened or edited: evaluate its context again soon, not while a request waits. */
export function scheduleEvaluation(state: ServerState, path: string): void {
  const ev = evaluationOf(state);
  if (ev.pending) clearTimeout(ev.pending);
  ev.pending = setTimeout(() => {
    ev.pending = undefined;
    try {
      evaluatedContextOf(state, path);
    } catch (error) {
      state.connection.console.error(`evaluating ${path} failed: ${String(error)}`);
    }
  }, 300);
}

/** Language ids of make text (documents.ts reads the same ones). */
const MAKE_LANGUAGES = new Set(['makefile', 'kbuild']);

/** A document was opened or edited: its evaluations are stale; evaluate its context again soon. */
export function onMakeDocumentChange(state: ServerState, document: { uri: string; languageId: string }): void {
  const path = uriToPath(document.uri);
  if (path === undefined || !MAKE_LANGUAGES.has(document.languageId)) return;
  invalidateEvaluations(state, [path]);
  scheduleEvaluation(state, path);
}

/** Files changed on disk (make files, .config, include/config/auto.conf). */
export function onWatchedChangesForEvaluation(state: ServerState, uris: readonly string[]): void {
  invalidateEvaluations(
    state,
    uris.map(uriToPath).filter((p): p is string => p !== undefined),
  );
}
