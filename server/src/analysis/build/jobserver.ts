// make -jN replayed on a task graph: GNU make's jobserver, token by token.
//
// There are N tokens: the top-level make's own ("implicit") one and N-1 in
// the pool. A job of a make takes its make's implicit token when free, else a
// pool token; ready jobs are served in make's order (post-order rank). A
// recipe that runs a sub-make (`begin` task) takes a token like any job and
// holds it until its `end` finishes: while its sub-make runs, that token is
// the sub-make's implicit one, so a sub-make's first job never waits for the
// pool. Tasks without a recipe (weight 0) need no token and finish the moment
// they are ready. For every task we note what let it start: its last
// prerequisite, or, when it waited for a token, the task that gave it back.

import { createHeap, type Heap } from './heap';
import type { SchedDag } from './schedDag';
import type { Schedule } from './simulate';

/** Token sources: the pool, or a make's implicit token (key = runner node index + 1; 0 = top level). */
const POOL = -1;
const NONE = -2;

export function jobserverSchedule(dag: SchedDag, jobs: number, s: Schedule): void {
  const n = dag.node.length;
  const { out, missing } = dependents(dag);
  const makeKey = (t: number): number => dag.make[t] + 1;
  const keys = dag.node.length + 1;
  const implicitFree = new Uint8Array(keys);
  implicitFree[0] = 1;
  const releasedBy = new Int32Array(keys).fill(-1); // last task that gave back each implicit token
  let poolFree = jobs - 1;
  let poolReleasedBy = -1;
  const tokenOf = new Int32Array(n).fill(NONE);
  const held = new Map<number, number>(); // runner node → token its `begin` took (held until its `end`)
  const started = new Uint8Array(n);
  const readyAt = new Float64Array(n);
  const lastDep = new Int32Array(n).fill(-1);
  const byRank = (a: number, b: number): boolean => dag.rank[a] < dag.rank[b];
  const anyMake = createHeap(byRank);
  const perMake = new Map<number, Heap>();
  const running = createHeap((a, b) => s.end[a] < s.end[b] || (s.end[a] === s.end[b] && dag.rank[a] < dag.rank[b]));
  const free: number[] = []; // ready tasks that need no token
  let now = 0;

  const needsToken = (t: number): boolean => dag.part[t] === 'begin' || (dag.part[t] === 'whole' && dag.weight[t] > 0);
  const enqueue = (t: number): void => {
    readyAt[t] = now;
    if (!needsToken(t)) return void free.push(t);
    anyMake.push(t);
    const key = makeKey(t);
    let heap = perMake.get(key);
    if (!heap) perMake.set(key, (heap = createHeap(byRank)));
    heap.push(t);
  };
  const start = (t: number, token: number): void => {
    started[t] = 1;
    tokenOf[t] = token;
    const waited = token !== NONE && readyAt[t] < now;
    s.slotWait[t] = waited;
    s.pred[t] = waited ? (token === POOL ? poolReleasedBy : releasedBy[token]) : lastDep[t];
    s.start[t] = now;
    s.end[t] = now + dag.weight[t];
    if (dag.weight[t] > 0 || token !== NONE) running.push(t);
  };
  const giveBack = (token: number, by: number): void => {
    if (token === POOL) {
      poolFree++;
      poolReleasedBy = by;
    } else if (token >= 0) {
      implicitFree[token] = 1;
      releasedBy[token] = by;
    }
  };
  const complete = (t: number): void => {
    s.makespan = Math.max(s.makespan, s.end[t]);
    if (dag.part[t] === 'begin') {
      // A runner's `begin` task has its node's index: the sub-make's key is t + 1.
      held.set(t, tokenOf[t]);
      implicitFree[t + 1] = 1; // the sub-make runs on the runner's token
      releasedBy[t + 1] = t;
    } else if (dag.part[t] === 'end') {
      const runner = dag.make[t];
      implicitFree[runner + 1] = 0;
      giveBack(held.get(runner) ?? NONE, t);
    } else giveBack(tokenOf[t], t);
    for (let k = out.start[t]; k < out.start[t + 1]; k++) {
      const d = out.list[k];
      lastDep[d] = t;
      if (--missing[d] === 0) enqueue(d);
    }
  };
  const pop = (heap: Heap): number | undefined => {
    while (heap.size() && started[heap.peek() as number]) heap.pop();
    return heap.pop();
  };
  const startAll = (): void => {
    for (let progress = true; progress; ) {
      progress = false;
      while (free.length) {
        const t = free.pop() as number;
        start(t, NONE);
        if (dag.weight[t] === 0) complete(t); // no recipe: done as soon as ready
      }
      for (const [key, heap] of perMake) {
        if (!implicitFree[key]) continue;
        const t = pop(heap);
        if (t === undefined) continue;
        implicitFree[key] = 0;
        start(t, key);
        progress = true;
      }
      while (poolFree > 0) {
        const t = pop(anyMake);
        if (t === undefined) break;
        poolFree--;
        start(t, POOL);
        progress = true;
      }
      if (free.length) progress = true;
    }
  };
  for (let t = 0; t < n; t++) if (missing[t] === 0) enqueue(t);
  for (;;) {
    startAll();
    let t = running.pop();
    if (t === undefined) break;
    now = s.end[t];
    while (t !== undefined) {
      complete(t);
      const p = running.peek();
      t = p !== undefined && s.end[p] === now ? running.pop() : undefined;
    }
  }
}

/** Who waits for each task (packed like depList) and how many prerequisites each still misses. */
function dependents(dag: SchedDag): { out: { start: Int32Array; list: Int32Array }; missing: Int32Array } {
  const n = dag.node.length;
  const { depStart, depList } = dag;
  const missing = new Int32Array(n);
  const start = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    for (let k = depStart[t]; k < depStart[t + 1]; k++) {
      if (depList[k] < 0) continue;
      missing[t]++;
      start[depList[k] + 1]++;
    }
  }
  for (let t = 0; t < n; t++) start[t + 1] += start[t];
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  for (let t = 0; t < n; t++) {
    for (let k = depStart[t]; k < depStart[t + 1]; k++) if (depList[k] >= 0) list[fill[depList[k]]++] = t;
  }
  return { out: { start, list }, missing };
}
