// The build graph without running make: the evaluator's rules data base of
// the top make and of the sub-makes its recipes start (evalContexts.ts), in
// the same model graphFromDatabases builds from `make -pn` output — the same
// node ids, contexts and sub-make edges — so barriers, the critical path and
// profiles work on either. Targets with their prerequisites (normal and
// order-only), pattern rules instantiated for targets that have no recipe of
// their own, pattern rules that wait for a named target as nodes of their
// own (implicitRules.ts), and a sub-make edge from each goal of a followed
// sub-make to the recipe that starts it. `loc` is where the rule with the
// recipe is written; a phony target without a recipe gets its first rule's
// place (barriers read `loc` on files as "has a recipe", so files do not).

import { posix } from 'node:path';
import type { BuildGraph, GraphEdge, GraphNode } from '../../protocol/graph';
import { hasUnknown, type Location, type Target } from '../../eval';
import { evaluateMakes, type FollowOptions, type StaticMake } from './evalContexts';
import { findPatternRule, waitingPatternRules } from './implicitRules';
import { SPECIAL, contextNames, edgeKey, makeNode, nodeId } from './makeGraph';

export interface StaticGraphResult {
  graph: BuildGraph;
  problems: string[];
  makes: Array<{ name: string; dir: string; makefile: string; obj: string | null; goals: string[]; runner: string | null; ms: number }>;
  /** Every make file the evaluations read (absolute): the graph is stale when one changes. */
  makefiles: string[];
}

export function graphFromEvaluation(o: FollowOptions & { root?: string }): StaticGraphResult {
  const { makes, runners, problems } = evaluateMakes(o);
  const root = o.root ?? o.input.cwd;
  const names = contextNames(makes, root);
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const edgeKeys = new Set<string>();
  const addEdge = (e: GraphEdge): void => {
    const key = edgeKey(e);
    if (!edgeKeys.has(key)) {
      edgeKeys.add(key);
      edges.push(e);
    }
  };
  const idIn = (m: StaticMake, name: string): string => nodeId({ name, ctx: names[m.index], dir: m.dir, root, phony: m.ev.targets.get(name)?.phony === true });

  for (const m of makes) {
    const ctx = names[m.index];
    const { targets, patternRules } = m.ev;
    const mentioned = new Set<string>();
    for (const t of targets.values()) for (const p of [...allPrereqs(t).prereqs, ...allPrereqs(t).orderOnly]) mentioned.add(p);
    const named = (name: string): boolean => targets.has(name) || mentioned.has(name);
    let unknown = 0;
    const ensure = (name: string, loc?: Location): string | undefined => {
      if (hasUnknown(name)) {
        unknown++;
        return undefined;
      }
      const id = idIn(m, name);
      let node = nodes.get(id);
      if (!node) nodes.set(id, (node = makeNode({ id, name, ctx, dir: m.dir, root, phony: targets.get(name)?.phony === true })));
      if (loc && !node.loc) {
        node.loc = { file: loc.path, line: loc.line };
        // The make that has the rule owns the node.
        node.context = ctx;
        node.dir = m.dir;
        node.label = name;
      }
      if (runners[m.index].has(name)) node.kind = 'submake';
      return id;
    };
    const link = (to: string, prereqs: readonly string[], orderOnly: readonly string[]): void => {
      for (const p of prereqs) {
        const from = ensure(p);
        if (from) addEdge({ from, to });
      }
      for (const p of orderOnly) {
        const from = ensure(p);
        if (from) addEdge({ from, to, orderOnly: true });
      }
    };
    const implicit = (name: string): ReturnType<typeof findPatternRule> =>
      findPatternRule({ name, dir: m.dir, rules: patternRules, named, host: m.input.host });

    for (const t of targets.values()) {
      if (SPECIAL.test(t.name)) continue;
      const own = allPrereqs(t);
      const pattern = own.hasRecipe || t.phony ? undefined : implicit(t.name);
      const to = ensure(t.name, ruleLoc(t) ?? pattern?.rule.loc);
      if (!to) continue;
      link(to, own.prereqs, own.orderOnly);
      if (pattern) link(to, pattern.prereqs, pattern.orderOnly);
    }
    for (const name of mentioned) {
      if (targets.has(name) || hasUnknown(name)) continue;
      const pattern = implicit(name);
      if (!pattern) continue;
      const to = ensure(name, pattern.rule.loc);
      if (to) link(to, pattern.prereqs, pattern.orderOnly);
    }
    for (const [pattern, w] of waitingPatternRules(patternRules, named)) {
      const to = ensure(pattern, w.rule.loc);
      if (to) link(to, w.waitsFor, w.orderOnly);
    }
    if (unknown) problems.push(`${names[m.index] || 'top'}: ${unknown} target or prerequisite names left out (unknown without $(shell))`);
  }

  for (const m of makes) {
    if (m.parent === null || m.runner === null) continue;
    const to = idIn(makes[m.parent], m.runner);
    for (const g of m.goals) {
      const from = idIn(m, g);
      if (nodes.has(from)) addEdge({ from, to, submake: true, context: names[m.index] });
      else problems.push(`sub-make ${names[m.index]}: goal '${g}' has no rule`);
    }
  }
  return {
    graph: { nodes: [...nodes.values()], edges, barriers: [] },
    problems,
    makes: makes.map((m) => ({ name: names[m.index], dir: m.dir, makefile: m.input.entry, obj: m.obj, goals: m.goals, runner: m.runner, ms: m.ms })),
    makefiles: [...new Set(makes.flatMap((m) => m.ev.makefiles.map((f) => posix.resolve(m.dir, f))))],
  };
}

/** A target's prerequisites, its double-colon rules' merged. */
function allPrereqs(t: Target): { prereqs: string[]; orderOnly: string[]; hasRecipe: boolean } {
  if (!t.doubleColon) return { prereqs: t.prereqs, orderOnly: t.orderOnly, hasRecipe: t.recipe !== null && t.recipe.length > 0 };
  return {
    prereqs: t.entries.flatMap((e) => e.prereqs),
    orderOnly: t.entries.flatMap((e) => e.orderOnly),
    hasRecipe: t.entries.some((e) => e.recipe.length > 0),
  };
}

/** The rule that gives the recipe; for a phony target without one, its first rule; else none. */
function ruleLoc(t: Target): Location | undefined {
  const withRecipe = t.rules.find((r) => r.recipe.length > 0);
  if (withRecipe) return withRecipe.loc;
  return t.phony ? t.rules[0]?.loc : undefined;
}
