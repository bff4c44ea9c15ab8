// Profile records → steps and make runs: one timeline for a recursive build.
// A step is one target's recipe in one make (its lines, first start to last
// end) or one `$(shell)` call; a run is one make process. A run started by a
// recipe line (its records carry that line's wrapper pid as `parent`) hangs
// under the step owning that line, so sub-makes nest inside the step that ran
// them.

import type { Profile, ProfileRecord, RecordKind } from './profile';

export interface Step {
  id: number;
  kind: RecordKind;
  target: string;
  dir: string;
  /** µs since the epoch. */
  start: number;
  end: number;
  run: number;
  /** Number of recipe lines (records). */
  lines: number;
  /** First non-zero exit status of its lines, else 0. */
  status: number;
  /** Runs (sub-makes) started by its lines. */
  children: number[];
}

export interface MakeRun {
  id: number;
  makePid: number;
  /** The step whose recipe started this make; null for a top-level make. */
  parentStep: number | null;
  /** 0 for a top-level make. */
  level: number;
  dir: string;
  steps: number[];
  start: number;
  end: number;
}

export interface Timeline {
  steps: Step[];
  runs: MakeRun[];
  start: number;
  end: number;
}

export function buildTimeline(profile: Profile): Timeline {
  const records = [...profile.records].sort((a, b) => a.start - b.start || b.end - a.end);
  const parentOf = resolveParents(records);
  const runs: MakeRun[] = [];
  const steps: Step[] = [];
  const runByKey = new Map<number, Map<number, MakeRun>>(); // make pid → parent record → run
  const stepsOfRun: Array<Map<string, Step>> = []; // per run: target → step (a make has one directory)
  const stepOfRecord = new Int32Array(records.length);
  const runParentRecord = new Map<number, number>();
  records.forEach((r, i) => {
    const parentRecord = parentOf[i];
    let byParent = runByKey.get(r.makePid);
    if (!byParent) runByKey.set(r.makePid, (byParent = new Map()));
    let run = byParent.get(parentRecord);
    if (!run) {
      run = { id: runs.length, makePid: r.makePid, parentStep: null, level: 0, dir: r.dir, steps: [], start: r.start, end: r.end };
      runs.push(run);
      stepsOfRun.push(new Map());
      byParent.set(parentRecord, run);
      if (parentRecord >= 0) runParentRecord.set(run.id, parentRecord);
    }
    run.start = Math.min(run.start, r.start);
    run.end = Math.max(run.end, r.end);
    const byTarget = stepsOfRun[run.id];
    const stepKey = r.dir === run.dir ? r.target : `${r.dir}\t${r.target}`;
    let step = r.kind === 'recipe' ? byTarget.get(stepKey) : undefined;
    if (!step) {
      step = newStep(steps.length, r, run.id);
      steps.push(step);
      run.steps.push(step.id);
      if (r.kind === 'recipe') byTarget.set(stepKey, step);
    } else {
      step.start = Math.min(step.start, r.start);
      step.end = Math.max(step.end, r.end);
      step.lines++;
      if (step.status === 0) step.status = r.status;
    }
    stepOfRecord[i] = step.id;
  });
  for (const run of runs) {
    const parentRecord = runParentRecord.get(run.id);
    if (parentRecord === undefined) continue;
    const parent = steps[stepOfRecord[parentRecord]];
    run.parentStep = parent.id;
    run.level = runs[parent.run].level + 1;
    parent.children.push(run.id);
  }
  let start = records.length ? Infinity : 0;
  let end = 0;
  for (const r of records) {
    start = Math.min(start, r.start);
    end = Math.max(end, r.end);
  }
  return { steps, runs, start, end };
}

function newStep(id: number, r: ProfileRecord, run: number): Step {
  return { id, kind: r.kind, target: r.target, dir: r.dir, start: r.start, end: r.end, run, lines: 1, status: r.status, children: [] };
}

/**
 * For each record, the index of the record whose line started its make: the
 * latest-starting record with that wrapper pid whose interval contains it
 * (pids are reused over a long build, intervals are not). -1 when none.
 */
function resolveParents(records: ProfileRecord[]): number[] {
  // Only records whose pid some record names as its parent can be one (few: the lines that ran a make).
  const parents = new Set<number>();
  for (const r of records) if (r.parent !== 0) parents.add(r.parent);
  const byPid = new Map<number, number[]>();
  records.forEach((r, i) => {
    if (!parents.has(r.pid)) return;
    const list = byPid.get(r.pid);
    if (list) list.push(i);
    else byPid.set(r.pid, [i]);
  });
  return records.map((r) => {
    if (r.parent === 0) return -1;
    const candidates = byPid.get(r.parent) ?? [];
    let best = -1;
    for (const i of candidates) {
      const c = records[i];
      if (c.start <= r.start && c.end >= r.end && (best < 0 || c.start >= records[best].start)) best = i;
    }
    return best;
  });
}
