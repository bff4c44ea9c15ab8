// Replaying a build on a task graph with measured durations.
//
// jobs = Infinity: every task starts as soon as its prerequisites are done, so
// the end of the last task is the longest (critical) path. Finite jobs: make
// -jN's jobserver (jobserver.ts): N tokens, ready jobs served in make's order,
// sub-makes running on the token their recipe holds. For every task we keep
// what let it start: the prerequisite that finished last, or, when it waited
// for a job token, the task that gave one back. That chain read backwards from
// the last task is the critical path.

import { jobserverSchedule } from './jobserver';
import type { BuildGraph } from '../../protocol/graph';
import { buildSchedDag, type SchedDag, type Timings } from './schedDag';

export interface Schedule {
  /** µs from the build's start. */
  start: number[];
  end: number[];
  /** The task whose completion let each task start; -1 when it started at 0. */
  pred: number[];
  /** Whether it waited for a job slot rather than for a prerequisite. */
  slotWait: boolean[];
  makespan: number;
  jobs: number;
}

/** A graph's task DAG and its schedule: shared by the critical path and every what-if on it. */
export interface Replay {
  dag: SchedDag;
  schedule: Schedule;
}

export function replay(o: { graph: BuildGraph; timings: Timings; jobs?: number }): Replay {
  const dag = buildSchedDag({ graph: o.graph, timings: o.timings });
  return { dag, schedule: simulate({ dag, jobs: o.jobs }) };
}

export function simulate(o: { dag: SchedDag; jobs?: number }): Schedule {
  const jobs = o.jobs ?? Infinity;
  return Number.isFinite(jobs) ? listSchedule(o.dag, Math.max(1, Math.floor(jobs))) : asap(o.dag);
}

/** Longest path: tasks in topological order, each after its last prerequisite. */
function asap(dag: SchedDag): Schedule {
  const n = dag.node.length;
  const s = emptySchedule(n, Infinity);
  const { depStart, depList } = dag;
  for (let k = 0; k < dag.topo.length; k++) {
    const t = dag.topo[k];
    let at = 0;
    for (let k = depStart[t]; k < depStart[t + 1]; k++) {
      const d = depList[k];
      if (d < 0) continue;
      if (s.end[d] > at || (s.end[d] === at && s.pred[t] < 0)) {
        at = s.end[d];
        s.pred[t] = d;
      }
    }
    s.start[t] = at;
    s.end[t] = at + dag.weight[t];
    s.makespan = Math.max(s.makespan, s.end[t]);
  }
  return s;
}

function listSchedule(dag: SchedDag, jobs: number): Schedule {
  const s = emptySchedule(dag.node.length, jobs);
  jobserverSchedule(dag, jobs, s);
  return s;
}

function emptySchedule(n: number, jobs: number): Schedule {
  return {
    start: new Array(n).fill(0),
    end: new Array(n).fill(0),
    pred: new Array(n).fill(-1),
    slotWait: new Array(n).fill(false),
    makespan: 0,
    jobs,
  };
}

/** The chain that bounds the makespan: from the last-finishing task back through `pred`. */
export function criticalChain(o: { dag: SchedDag; schedule: Schedule }): number[] {
  const { schedule: s, dag } = o;
  let last = -1;
  for (let t = 0; t < s.end.length; t++) {
    if (last < 0 || s.end[t] > s.end[last] || (s.end[t] === s.end[last] && dag.rank[t] > dag.rank[last])) last = t;
  }
  const chain: number[] = [];
  for (let t = last; t >= 0; t = s.pred[t]) chain.push(t);
  return chain.reverse();
}
