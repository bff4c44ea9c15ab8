// Profile steps → graph nodes, by target name + directory (the make's working
// directory). When several nodes share both (Kbuild's `__build` in every
// `Makefile.build` sub-make run from the same directory), the one whose make
// context was started by the node the step's own sub-make hangs under wins.

import type { BuildGraph } from '../../protocol/graph';
import { indexGraph } from './graphIndex';
import type { NodeTiming } from './schedDag';
import type { Timeline } from './timeline';

export interface ProfileMatch {
  /** µs per node. */
  timings: Map<string, NodeTiming>;
  nodeOfStep: Map<number, string>;
  /** Recipe steps no node matched. */
  unmatched: number[];
}

export function matchProfile(o: { graph: BuildGraph; timeline: Timeline }): ProfileMatch {
  const { graph, timeline } = o;
  const gi = indexGraph(graph);
  const dirOf = graph.nodes.map((n) => n.dir ?? '');
  const result: ProfileMatch = { timings: new Map(), nodeOfStep: new Map(), unmatched: [] };
  const nodeIndexOfStep = new Int32Array(timeline.steps.length).fill(-1);
  const steps = timeline.steps.filter((s) => s.kind === 'recipe');
  steps.sort((a, b) => timeline.runs[a.run].level - timeline.runs[b.run].level || a.start - b.start);
  for (const step of steps) {
    const all = gi.byLabel.get(step.target) ?? [];
    const exact = all.length === 1 && dirOf[all[0]] === step.dir ? all : all.filter((i) => dirOf[i] === step.dir);
    const candidates = exact.length ? exact : all;
    let pick = candidates;
    if (candidates.length > 1) {
      const parentStep = timeline.runs[step.run].parentStep;
      const parentNode = parentStep === null ? -1 : nodeIndexOfStep[parentStep];
      const inContext = candidates.filter((i) => {
        const c = gi.context[i];
        return parentStep === null ? c === '' : gi.spawner.get(c) === parentNode;
      });
      if (inContext.length) pick = inContext;
    }
    if (pick.length === 0 || (!exact.length && pick.length > 1)) {
      result.unmatched.push(step.id);
      continue;
    }
    const i = pick[0];
    const id = gi.ids[i];
    nodeIndexOfStep[step.id] = i;
    result.nodeOfStep.set(step.id, id);
    const timing = stepTiming(timeline, step.id);
    const prev = result.timings.get(id);
    result.timings.set(id, prev ? { ...prev, duration: prev.duration + timing.duration } : timing);
  }
  return result;
}

/** Duration of a step; for a sub-make runner also the time before its first and after its last child record. */
export function stepTiming(timeline: Timeline, stepId: number): NodeTiming {
  const step = timeline.steps[stepId];
  const timing: NodeTiming = { duration: step.end - step.start };
  if (step.children.length === 0) return timing;
  let first = Infinity;
  let last = -Infinity;
  for (const r of step.children) {
    first = Math.min(first, timeline.runs[r].start);
    last = Math.max(last, timeline.runs[r].end);
  }
  return { ...timing, lead: Math.max(0, first - step.start), tail: Math.max(0, step.end - last) };
}
