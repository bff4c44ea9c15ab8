// Profile steps → graph nodes, by target name + directory (the make's working
// directory). When several nodes share both (Kbuild's `__build` in every
// `Makefile.build` sub-make run from the same directory), the one whose make
// context was started by the node the step's own sub-make hangs under wins.

import type { BuildGraph } from '../../protocol/graph';
import { indexGraph, keepByIndex } from './graphIndex';
import type { NodeTiming } from './schedDag';
import type { Step, Timeline } from './timeline';

export interface ProfileMatch {
  /** µs per node. */
  timings: Map<string, NodeTiming>;
  /** Recipe steps no node matched. */
  unmatched: number[];
}

export function matchProfile(o: { graph: BuildGraph; timeline: Timeline }): ProfileMatch {
  const { graph, timeline } = o;
  const gi = indexGraph(graph);
  const dirOf = graph.nodes.map((n) => n.dir ?? '');
  const result: ProfileMatch = { timings: new Map(), unmatched: [] };
  const nodeIndexOfStep = new Int32Array(timeline.steps.length).fill(-1);
  const byIndex = new Array<NodeTiming | undefined>(gi.ids.length);
  const matched: number[] = [];
  for (const step of recipeSteps(timeline)) {
    const all = gi.byLabel.get(step.target) ?? NONE;
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
    nodeIndexOfStep[step.id] = i;
    const timing = stepTiming(timeline, step.id);
    const prev = byIndex[i];
    if (prev) byIndex[i] = { ...prev, duration: prev.duration + timing.duration };
    else {
      byIndex[i] = timing;
      matched.push(i);
    }
  }
  for (const i of matched) result.timings.set(gi.ids[i], byIndex[i] as NodeTiming);
  keepByIndex(gi, result.timings, byIndex);
  return result;
}

const NONE: number[] = [];

/**
 * Recipe steps, makes level by level (a step's sub-make is matched after the
 * step that runs it, whose node picks among same-named candidates), each
 * make's in start order (timeline.ts lists them so).
 */
function recipeSteps(timeline: Timeline): Step[] {
  const runs = [...timeline.runs].sort((a, b) => a.level - b.level || a.start - b.start);
  const steps: Step[] = [];
  for (const run of runs) {
    for (const s of run.steps) if (timeline.steps[s].kind === 'recipe') steps.push(timeline.steps[s]);
  }
  return steps;
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
