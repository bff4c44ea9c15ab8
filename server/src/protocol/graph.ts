// The build graph as the server sends it to the webview and the CLI prints it.
// Types only: imported by server, client and webview.

export type NodeKind = 'file' | 'phony' | 'submake' | 'group';

export interface GraphNode {
  id: string;
  /** Target name as make sees it (after expansion). */
  label: string;
  kind: NodeKind;
  /** Directory group this node collapses into ('' for top level). */
  group: string;
  /** Where its rule is written, when known. */
  loc?: { file: string; line: number };
  /** Measured recipe duration in seconds, with a profile. */
  duration?: number;
  /** Working directory (absolute) of the make that defines it: profiles match on label + dir. */
  dir?: string;
  /** The make invocation (data base) it belongs to; '' or absent for the top-level make. */
  context?: string;
}

export interface GraphEdge {
  from: string; // prerequisite
  to: string; // target that waits for it
  orderOnly?: boolean;
  /** A recipe of `to` runs a sub-make whose graph is `from`'s context. */
  submake?: boolean;
  /**
   * On submake edges: the sub-make's context, when `from` (its goal) is a file
   * node another make owns (a goal named in several makes is one file node).
   */
  context?: string;
}

export interface Barrier {
  node: string;
  fanIn: number;
  fanOut: number;
  /** Targets that cannot start before the barrier is done. */
  waiting: string[];
  /** How many targets it holds back: the waiting ones plus everything in the sub-makes they run. */
  held?: number;
  /** Wall seconds the wait costs, with a profile. */
  cost?: number;
}

export interface BuildGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  barriers: Barrier[];
  /** Node ids of the critical path, first to last, with a profile. */
  criticalPath?: string[];
}

// Requests of the graph view and the profile commands (server/src/lsp/handlers/graph.ts).

export const GRAPH_REQUEST = 'kbuild/graph';
export const CRITICAL_PATH_REQUEST = 'kbuild/criticalPath';
export const PROFILE_BUILD_REQUEST = 'kbuild/profileBuild';
export const IMPORT_PROFILE_REQUEST = 'kbuild/importProfile';

/** Without a uri: the whole tree (the first folder's top Makefile, in its build context). */
export interface GraphParams {
  uri?: string;
}

export interface GraphResult {
  graph: BuildGraph;
  /** The build context the graph is for, e.g. "top Makefile (O=build)". */
  title: string;
  /** Makes evaluated (the top one and the sub-makes followed). */
  makes: number;
  /** What the graph could not show (sub-makes not followed, names unknown without $(shell)). */
  problems: string[];
  /** The profile overlaid (durations, barrier costs, critical path), if one is loaded. */
  profile?: string;
  /** The static graph came from the server's cache: no make file it read has changed since it was built. */
  cached?: boolean;
}

export type CriticalPathParams = GraphParams;

export interface CriticalPathStep {
  target: string;
  /** Graph node id (or make directory/target from the profile alone). */
  node: string;
  /** Seconds from the build's start, and how long it took. */
  start: number;
  seconds: number;
  /** A sub-make runner's part before (`begin`) or after (`end`) its sub-make. */
  part: 'whole' | 'begin' | 'end';
  location?: { file: string; line: number };
  /** The make's working directory. */
  dir?: string;
}

export interface CriticalPathResult {
  /** False when no profile is loaded: steps are then empty and `message` says what to do. */
  ok: boolean;
  message: string;
  steps: CriticalPathStep[];
  /** Seconds: the path's length, the measured wall time, the sum of recipe times, and busy / wall. */
  totals: { path: number; wall: number; cpu: number; parallelism: number };
  /** 'graph': the profile matched to the build graph; 'timeline': from the profile alone. */
  method?: 'graph' | 'timeline';
  profile?: string;
}

export interface ProfileBuildParams {
  /** make arguments after the `kbuild-analyzer.profile.makeArgs` setting's (goals, -jN, O=…). */
  args?: string[];
  /** Folder to build in (a file URI); default the first workspace folder. */
  uri?: string;
}

export interface ProfileSummary {
  /** The trace file (Chrome trace-event JSON) now loaded. */
  trace: string;
  records: number;
  wall: number;
  cpu: number;
  parallelism: number;
}

export interface ProfileBuildResult {
  /** False when refused (untrusted workspace) or make could not run; `message` says why. */
  ok: boolean;
  message: string;
  exitCode?: number | null;
  summary?: ProfileSummary;
}

export interface ImportProfileParams {
  /** A Chrome trace-event JSON (what Profile Build saves) or the wrapper's raw log. */
  path: string;
}

export interface ImportProfileResult {
  ok: boolean;
  message: string;
  summary?: ProfileSummary;
}
