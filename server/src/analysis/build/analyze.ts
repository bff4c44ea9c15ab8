// Everything a measured build tells, in one pass that shares the work: the
// profile matched to the graph once, the graph replayed once for both the
// critical path and the baseline every barrier's cost is measured against.

import type { BuildGraph, GraphNode } from '../../protocol/graph';
import { findBarriers } from './barriers';
import { indexGraph, listByIndex } from './graphIndex';
import { graphCriticalPath, timelineCriticalPath, type CriticalPathReport } from './criticalPath';
import { matchProfile, type ProfileMatch } from './match';
import { replay } from './simulate';
import type { Timeline } from './timeline';

export interface BuildAnalysis {
  /** The graph with measured durations (seconds), barriers and the critical path filled in. */
  graph: BuildGraph;
  criticalPath: CriticalPathReport;
  /** From the profile alone (what bounded this very run, job slots included). */
  timelinePath: CriticalPathReport;
  match: ProfileMatch;
}

export function analyzeBuild(o: { graph: BuildGraph; timeline: Timeline; jobs?: number; wall?: number; minFanOut?: number }): BuildAnalysis {
  const { graph, timeline, jobs } = o;
  const match = matchProfile({ graph, timeline });
  const { timings } = match;
  const base = replay({ graph, timings, jobs });
  const criticalPath = graphCriticalPath({ graph, timeline, timings, jobs, wall: o.wall, base });
  const barriers = findBarriers({ graph, timings, jobs, base, minFanOut: o.minFanOut });
  const byIndex = listByIndex(indexGraph(graph), timings);
  const nodes = graph.nodes.map((n, i) => {
    const t = byIndex[i];
    if (!t) return n;
    // A copy, then the field: V8's spread of these objects costs ~7 times more
    // (10,000 nodes: ~12 ms), Object.assign with a second source twice.
    const copy: GraphNode = Object.assign({}, n);
    copy.duration = t.duration / 1e6;
    return copy;
  });
  const path = criticalPath.steps.map((s) => s.node).filter((id, k, all) => k === 0 || all[k - 1] !== id);
  return {
    graph: { nodes, edges: graph.edges, barriers, criticalPath: path },
    criticalPath,
    timelinePath: timelineCriticalPath({ timeline, wall: o.wall }),
    match,
  };
}
