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
