// The chain of steps that bounds a build's wall time, two ways:
//
// graphCriticalPath: over the build graph with measured durations (profile
// steps matched to nodes by target + directory), replayed by simulate():
// unlimited jobs gives the longest path (the floor no -j can beat), jobs = N
// replays make -jN and follows slot waits too.
//
// timelineCriticalPath: from the profile alone. Start at the recipe that
// finished last in the top-level make and walk back: a step that ran a
// sub-make continues with the sub-make's last-finishing step (its `end`);
// any other step continues with the step of the same make that finished last
// before it started (what released it: a prerequisite or a job slot); a
// sub-make with nothing before it continues with the runner's `begin`, then
// with what finished last before the runner started.

import type { BuildGraph, NodeKind } from '../../protocol/graph';
import { indexGraph } from './graphIndex';
import { matchProfile, stepTiming } from './match';
import type { TaskPart, Timings } from './schedDag';
import { criticalChain, replay, type Replay } from './simulate';
import type { Timeline } from './timeline';

export interface PathStep {
  /** Graph node id (graph method) or `dir/target` (timeline method). */
  node: string;
  label: string;
  kind: NodeKind | 'shell';
  /** For sub-make runners: the part before (`begin`) or after (`end`) the sub-make. */
  part: TaskPart;
  dir?: string;
  loc?: { file: string; line: number };
  /** Seconds from the build's start. */
  start: number;
  /** Seconds. */
  duration: number;
  /** It waited for a job slot, not for a prerequisite (finite jobs only). */
  slotWait?: boolean;
}

export interface CriticalPathReport {
  method: 'graph' | 'timeline';
  /** null: unlimited jobs (the longest path). */
  jobs: number | null;
  /** Measured wall time, seconds. */
  wall: number;
  /** Sum of recipe times (sub-make runners count only their own lead and tail), seconds. */
  busy: number;
  /** Length of the critical path, seconds. */
  length: number;
  /** busy / wall: the parallelism the build reached. */
  parallelism: number;
  steps: PathStep[];
}

export interface GraphPathInput {
  graph: BuildGraph;
  timeline: Timeline;
  /** From matchProfile, when the caller has it already. */
  timings?: Timings;
  jobs?: number;
  /** Measured wall time in µs (default: the timeline's span). */
  wall?: number;
  /** The graph already replayed with these timings and jobs. */
  base?: Replay;
}

export function graphCriticalPath(o: GraphPathInput): CriticalPathReport {
  const { graph, timeline } = o;
  const timings = o.timings ?? matchProfile({ graph, timeline }).timings;
  const { dag, schedule } = o.base ?? replay({ graph, timings, jobs: o.jobs });
  const index = indexGraph(graph).index;
  const steps = criticalChain({ dag, schedule }).map((t): PathStep => {
    const i = index.get(dag.node[t]);
    const n = i === undefined ? undefined : graph.nodes[i];
    return {
      node: dag.node[t],
      label: n?.label ?? dag.node[t],
      kind: n?.kind ?? 'file',
      part: dag.part[t],
      ...(n?.dir !== undefined ? { dir: n.dir } : {}),
      ...(n?.loc ? { loc: n.loc } : {}),
      start: schedule.start[t] / 1e6,
      duration: dag.weight[t] / 1e6,
      ...(Number.isFinite(schedule.jobs) ? { slotWait: schedule.slotWait[t] } : {}),
    };
  });
  return summary({ method: 'graph', jobs: o.jobs, timeline, wall: o.wall, length: schedule.makespan, steps });
}

export function timelineCriticalPath(o: { timeline: Timeline; wall?: number }): CriticalPathReport {
  const { timeline } = o;
  const chain = timelineChain(timeline);
  const steps = chain.map(({ step: id, part }): PathStep => {
    const s = timeline.steps[id];
    const t = stepTiming(timeline, id);
    const start = part === 'end' ? s.end - (t.tail ?? 0) : s.start;
    const duration = part === 'begin' ? (t.lead ?? 0) : part === 'end' ? (t.tail ?? 0) : t.duration;
    return {
      node: `${s.dir}/${s.target}`,
      label: s.kind === 'shell' ? '$(shell)' : s.target,
      kind: s.kind === 'shell' ? 'shell' : s.children.length ? 'submake' : 'file',
      part,
      dir: s.dir,
      start: (start - timeline.start) / 1e6,
      duration: duration / 1e6,
    };
  });
  const length = steps.reduce((sum, s) => sum + s.duration * 1e6, 0);
  return summary({ method: 'timeline', timeline, wall: o.wall, length, steps });
}

function summary(o: {
  method: CriticalPathReport['method'];
  jobs?: number;
  timeline: Timeline;
  wall?: number;
  length: number;
  steps: PathStep[];
}): CriticalPathReport {
  const wall = o.wall ?? o.timeline.end - o.timeline.start;
  const busy = busyTime(o.timeline);
  return {
    method: o.method,
    jobs: o.jobs !== undefined && Number.isFinite(o.jobs) ? o.jobs : null,
    wall: wall / 1e6,
    busy: busy / 1e6,
    length: o.length / 1e6,
    parallelism: wall > 0 ? busy / wall : 0,
    steps: o.steps,
  };
}

const busyOf = new WeakMap<Timeline, number>();

/** µs of recipe work: sub-make runners count only their lead and tail. */
export function busyTime(timeline: Timeline): number {
  const known = busyOf.get(timeline);
  if (known !== undefined) return known;
  let busy = 0;
  for (const s of timeline.steps) {
    if (s.children.length === 0) {
      busy += s.end - s.start;
      continue;
    }
    const t = stepTiming(timeline, s.id);
    busy += (t.lead ?? 0) + (t.tail ?? 0);
  }
  busyOf.set(timeline, busy);
  return busy;
}

interface ChainLink {
  step: number;
  part: TaskPart;
}

function timelineChain(timeline: Timeline): ChainLink[] {
  const { steps, runs } = timeline;
  // Each make's steps by end, sorted when the walk first enters that make (it visits few).
  const byEnd: Array<number[] | undefined> = new Array(runs.length);
  const endOrder = (r: number): number[] => (byEnd[r] ??= [...runs[r].steps].sort((a, b) => steps[a].end - steps[b].end));
  const lastIn = (runIds: number[], before = Infinity): number | undefined => {
    let best: number | undefined;
    for (const r of runIds) {
      const list = endOrder(r);
      let lo = 0;
      let hi = list.length; // first index with end > before
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (steps[list[mid]].end <= before) lo = mid + 1;
        else hi = mid;
      }
      const cand = lo > 0 ? list[lo - 1] : undefined;
      if (cand !== undefined && (best === undefined || steps[cand].end > steps[best].end)) best = cand;
    }
    return best;
  };
  const chain: ChainLink[] = [];
  const tops = runs.filter((r) => r.parentStep === null).map((r) => r.id);
  let cur = lastIn(tops.length ? tops : runs.map((r) => r.id));
  const seen = new Set<number>(); // zero-length steps could otherwise send the walk in circles
  while (cur !== undefined && !seen.has(cur)) {
    seen.add(cur);
    const s = steps[cur];
    if (s.children.length) {
      const inner = lastIn(s.children, s.end);
      if (inner !== undefined) {
        chain.push({ step: cur, part: 'end' });
        cur = inner;
        continue;
      }
    }
    chain.push({ step: cur, part: 'whole' });
    let at: number = cur;
    let prev = lastIn([s.run], s.start);
    while (prev === undefined) {
      const runner = runs[steps[at].run].parentStep;
      if (runner === null) break;
      chain.push({ step: runner, part: 'begin' });
      at = runner;
      prev = lastIn([steps[runner].run], steps[runner].start);
    }
    cur = prev;
  }
  return chain.reverse();
}
