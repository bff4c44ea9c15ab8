// The build graph in the server: the static graph of a file's build context
// (its evaluation, cached by lsp/evaluation.ts, plus the sub-makes its
// recipes start, evaluated here with the same $(shell) policy), and the
// profile the user loaded (Profile Build or Import Profile), overlaid on it:
// durations, barrier costs, the critical path.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBuild, type BuildAnalysis } from '../analysis/build/analyze';
import { findBarriers } from '../analysis/build/barriers';
import { graphFromEvaluation } from '../analysis/build/evalGraph';
import type { Timeline } from '../analysis/build/timeline';
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
}

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
  const input = { entry: spec.entry, cwd: spec.cwd, commandLine: spec.commandLine, env: spec.env, goals: spec.goals, includeDirs: spec.includeDirs, flags: spec.flags, host: subMakeHost(state, folder) };
  const r = graphFromEvaluation({ input, top: result, maxMakes: MAX_MAKES, budgetMs: BUDGET_MS, root: spec.cwd });
  const notFollowed = r.makes.length >= MAX_MAKES ? [`followed the first ${MAX_MAKES} sub-makes only`] : [];
  return { graph: r.graph, title: spec.label, makes: r.makes.length, problems: [...notFollowed, ...r.problems] };
}

/** The graph with barriers found, and with the loaded profile overlaid when there is one. */
export function analysedGraph(state: ServerState, g: StaticGraph): { graph: BuildGraph; analysis?: BuildAnalysis; profile?: LoadedProfile } {
  const profile = loadedProfile(state);
  if (!profile) return { graph: { ...g.graph, barriers: findBarriers({ graph: g.graph }) } };
  const analysis = analyzeBuild({ graph: g.graph, timeline: profile.timeline, wall: profile.wall });
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
