// The build graph in the server: the static graph of a file's build context
// (its evaluation, cached by lsp/evaluation.ts, plus the sub-makes its
// recipes start, evaluated here with the same $(shell) policy), and the
// profile the user loaded (Profile Build or Import Profile), overlaid on it:
// durations, barrier costs, the critical path.
//
// Both are cached, apart: the static graph per (folder, context, $(shell)
// policy) until a make file one of its evaluations read changes — the top
// evaluation is the context set's (dropped by lsp/evaluation.ts when a file
// it read changes), the sub-makes' files are compared with what they were
// (open document text, else size and mtime on disk) — and the overlay per
// static graph until another profile is loaded.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBuild, type BuildAnalysis } from '../analysis/build/analyze';
import { findBarriers } from '../analysis/build/barriers';
import { graphFromEvaluation } from '../analysis/build/evalGraph';
import type { Timeline } from '../analysis/build/timeline';
import type { Evaluation } from '../eval';
import type { BuildGraph } from '../protocol/graph';
import { uriToPath } from './conversions';
import { evaluatedContextOf, evaluationEnv, shellAllowed } from './evaluation';
import { createEvalHost, createShellRunner } from './shellHost';
import { findFolder, type Folder, type ServerState } from './state';

/** Sub-makes followed per graph, and the time spent following them: a kernel top make starts hundreds. */
const MAX_MAKES = 64;
const BUDGET_MS = 4000;

export interface LoadedProfile {
  /** The trace file it came from. */
  path: string;
  timeline: Timeline;
  records: number;
  /** Measured wall time (µs) when the server ran the build; else the timeline's span. */
  wall?: number;
}

const profiles = new WeakMap<ServerState, LoadedProfile>();

export function loadedProfile(state: ServerState): LoadedProfile | undefined {
  return profiles.get(state);
}

export function setLoadedProfile(state: ServerState, profile: LoadedProfile): void {
  profiles.set(state, profile);
}

export interface StaticGraph {
  graph: BuildGraph;
  title: string;
  makes: number;
  problems: string[];
  /** Served from the cache. */
  cached: boolean;
}

interface CachedGraph {
  top: Evaluation;
  /** Make file → what it was when read (see fingerprint). */
  read: Map<string, string | undefined>;
  graph: StaticGraph;
}

const graphs = new WeakMap<ServerState, Map<string, CachedGraph>>();

/** The make file a request is about: the given document, else the first folder's top makefile. */
export function graphEntry(state: ServerState, uri: string | undefined): string | undefined {
  if (uri) return uriToPath(uri);
  const folder = state.folders.find((f) => f.indexed) ?? state.folders[0];
  if (!folder) return undefined;
  return ['GNUmakefile', 'makefile', 'Makefile'].map((n) => join(folder.root, n)).find((p) => existsSync(p));
}

export function staticGraph(state: ServerState, path: string): StaticGraph | undefined {
  const evaluated = evaluatedContextOf(state, path);
  const folder = findFolder(state, path);
  if (!evaluated || !folder) return undefined;
  const { spec, result } = evaluated;
  const key = JSON.stringify([folder.root, spec.id, shellAllowed(state)]);
  let cache = graphs.get(state);
  if (!cache) graphs.set(state, (cache = new Map()));
  const known = cache.get(key);
  if (known && known.top === result && [...known.read].every(([file, was]) => fingerprint(folder, file) === was)) return { ...known.graph, cached: true };
  const input = { entry: spec.entry, cwd: spec.cwd, commandLine: spec.commandLine, env: spec.env, goals: spec.goals, includeDirs: spec.includeDirs, flags: spec.flags, host: subMakeHost(state, folder) };
  const r = graphFromEvaluation({ input, top: result, maxMakes: MAX_MAKES, budgetMs: BUDGET_MS, root: spec.cwd });
  const notFollowed = r.makes.length >= MAX_MAKES ? [`followed the first ${MAX_MAKES} sub-makes only`] : [];
  const graph: StaticGraph = { graph: r.graph, title: spec.label, makes: r.makes.length, problems: [...notFollowed, ...r.problems], cached: false };
  // Taken right after the evaluations, which run synchronously: open documents cannot change
  // meanwhile; a disk write within those milliseconds would go unseen until the file changes again.
  cache.set(key, { top: result, read: new Map(r.makefiles.map((f) => [f, fingerprint(folder, f)])), graph });
  return graph;
}

/** A make file as the evaluations see it: the open document's text, else size and mtime on disk (undefined: missing). */
function fingerprint(folder: Folder, file: string): string | undefined {
  const open = folder.ws.files.get(file)?.text;
  if (open !== undefined) return open;
  try {
    const st = statSync(file);
    return `\0${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

interface Overlay {
  profile: LoadedProfile | undefined;
  result: { graph: BuildGraph; analysis?: BuildAnalysis; profile?: LoadedProfile };
}

/** Per static graph (the cached object), its barriers or profile overlay, for the profile it was made with. */
const overlays = new WeakMap<BuildGraph, Overlay>();

/** The graph with barriers found, and with the loaded profile overlaid when there is one. */
export function analysedGraph(state: ServerState, g: StaticGraph): { graph: BuildGraph; analysis?: BuildAnalysis; profile?: LoadedProfile } {
  const profile = loadedProfile(state);
  const known = overlays.get(g.graph);
  if (known && known.profile === profile) return known.result;
  const result = profile ? overlay(g.graph, profile) : { graph: { ...g.graph, barriers: findBarriers({ graph: g.graph }) } };
  overlays.set(g.graph, { profile, result });
  return result;
}

function overlay(graph: BuildGraph, profile: LoadedProfile): Overlay['result'] {
  const analysis = analyzeBuild({ graph, timeline: profile.timeline, wall: profile.wall });
  return { graph: analysis.graph, analysis, profile };
}

/** Sub-makes are evaluated like the contexts: open documents over the disk, $(shell) only when allowed. */
function subMakeHost(state: ServerState, folder: Folder) {
  const env = evaluationEnv();
  const storage = state.evaluation?.storageDir;
  const runner = shellAllowed(state)
    ? createShellRunner({ timeoutMs: state.settings.shell.timeoutMs, env, cacheDir: storage && join(storage, 'shell-cache'), log: (m) => state.connection.console.warn(m) })
    : undefined;
  return createEvalHost({ overlay: (path) => folder.ws.files.get(path)?.text, runner });
}
