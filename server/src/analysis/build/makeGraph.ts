// The build graph from make's own data bases (`make -pn` of the user's build:
// one data base per make run). Nodes: the targets of every run plus the files
// they name as prerequisites. A file is one node whatever run names it (id:
// its path relative to the root, the top-level make's directory), so a
// sub-make's object and the top-level rule that generates its header meet;
// a phony target belongs to its run (id `context:name` below the top level).
// Edges: prerequisites, order-only prerequisites, and a submake edge from each
// goal of a sub-make to the recipe (node kind 'submake') that ran it.

import { posix } from 'node:path';
import type { BuildGraph, GraphEdge, GraphNode } from '../../protocol/graph';
import type { DbTarget, MakeDatabase } from '../../eval/makeDatabaseTypes';
import { readContexts, type MakeContext } from './subMake';

export interface MakeGraphResult {
  graph: BuildGraph;
  problems: string[];
}

/** Special targets make keeps in its data base; never nodes of the build. */
export const SPECIAL = /^\.[A-Z_]+$/;

export function graphFromDatabases(o: { databases: readonly MakeDatabase[]; root?: string }): MakeGraphResult {
  const contexts = readContexts(o.databases, o.root ?? '/');
  const problems: string[] = [];
  const root = o.root ?? busiestDir(contexts);
  const names = contextNames(contexts, root);
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const edgeKeys = new Set<string>();
  const addEdge = (e: GraphEdge): void => {
    const key = edgeKey(e);
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push(e);
  };
  const runners = new Set(contexts.filter((c) => c.runner !== null).map((c) => `${c.parent}\0${c.runner}`));
  for (const c of contexts) {
    const ctx = names[c.index];
    const phony = new Set(c.db.targets.filter((t) => t.phony).map((t) => t.name));
    const ids = new Map<string, string>(); // a Kbuild data base names the same headers thousands of times
    const idOf = (name: string): string => {
      let id = ids.get(name);
      if (id === undefined) ids.set(name, (id = nodeId({ name, ctx, dir: c.dir, root, phony: phony.has(name) })));
      return id;
    };
    const ensure = (name: string, t?: DbTarget): string => {
      const id = idOf(name);
      const known = nodes.get(id);
      const node = known ?? makeNode({ id, name, ctx, dir: c.dir, root, phony: phony.has(name) });
      if (t?.recipe && !node.loc) {
        if (t.recipe.loc) node.loc = { file: posix.resolve(c.dir, t.recipe.loc.file), line: t.recipe.loc.line };
        // The context that has the rule owns the node.
        node.context = ctx;
        node.dir = c.dir;
        node.label = name;
      }
      if (runners.has(`${c.index}\0${name}`)) node.kind = 'submake';
      nodes.set(id, node);
      return id;
    };
    for (const t of c.db.targets) {
      if (t.builtin || SPECIAL.test(t.name) || (!t.isTarget && !t.prereqs.length)) continue;
      const to = ensure(t.name, t);
      for (const p of t.prereqs) addEdge({ from: ensure(p), to });
      for (const p of t.orderOnly) addEdge({ from: ensure(p), to, orderOnly: true });
    }
  }
  for (const c of contexts) {
    if (c.parent === null) continue;
    if (c.runner === null) {
      problems.push(`sub-make in ${c.dir}${c.obj ? ` (obj=${c.obj})` : ''}: no recipe of its parent runs it`);
      continue;
    }
    const parent = contexts[c.parent];
    const parentPhony = new Set(parent.db.targets.filter((t) => t.phony).map((t) => t.name));
    const to = nodeId({ name: c.runner, ctx: names[parent.index], dir: parent.dir, root, phony: parentPhony.has(c.runner) });
    const phony = new Set(c.db.targets.filter((t) => t.phony).map((t) => t.name));
    for (const g of c.goals) {
      const from = nodeId({ name: g, ctx: names[c.index], dir: c.dir, root, phony: phony.has(g) });
      if (nodes.has(from)) addEdge({ from, to, submake: true, context: names[c.index] });
      else problems.push(`sub-make in ${c.dir}: goal '${g}' is not in its data base`);
    }
  }
  return { graph: { nodes: [...nodes.values()], edges, barriers: [] }, problems };
}

export interface NodeWhere {
  name: string;
  ctx: string;
  dir: string;
  root: string;
  phony: boolean;
}

/** Identity of an edge, for dropping repeats. */
export function edgeKey(e: GraphEdge): string {
  return `${e.from}\0${e.to}\0${e.orderOnly ? 1 : 0}\0${e.submake ? 1 : 0}\0${e.context ?? ''}`;
}

export function nodeId(o: NodeWhere): string {
  if (o.phony) return o.ctx === '' ? o.name : `${o.ctx}:${o.name}`;
  const abs = posix.resolve(o.dir, o.name);
  return isInside(o.root, abs) && abs !== o.root ? posix.relative(o.root, abs) : abs;
}

function isInside(root: string, path: string): boolean {
  const rel = posix.relative(root, path);
  return rel === '' || (!rel.startsWith('../') && rel !== '..' && !posix.isAbsolute(rel));
}

export function makeNode(o: NodeWhere & { id: string }): GraphNode {
  const group = o.phony ? o.ctx : posix.dirname(o.id) === '.' ? '' : posix.dirname(o.id);
  return { id: o.id, label: o.name, kind: o.phony ? 'phony' : 'file', group, dir: o.dir, context: o.ctx };
}

/**
 * Where most makes ran: the top-level make's directory for a plain tree, the
 * object tree of an `O=` Kbuild build (the top make only hops there).
 */
function busiestDir(contexts: readonly MakeContext[]): string {
  const count = new Map<string, number>();
  for (const c of contexts) count.set(c.dir, (count.get(c.dir) ?? 0) + 1);
  let best = contexts.find((c) => c.parent === null)?.dir ?? '/';
  for (const [dir, n] of count) if (n > (count.get(best) ?? 0)) best = dir;
  return best;
}

/** '' for the top-level make; else its directory relative to the root, plus `obj=…`; repeats numbered. */
export function contextNames(contexts: ReadonlyArray<Pick<MakeContext, 'dir' | 'obj' | 'parent' | 'level'>>, root: string): string[] {
  const seen = new Map<string, number>();
  return contexts.map((c) => {
    if (c.parent === null && c.level === 0) return '';
    const rel = c.dir === root ? '' : isInside(root, c.dir) ? posix.relative(root, c.dir) : c.dir;
    const base = [rel, c.obj ? `obj=${c.obj}` : ''].filter(Boolean).join(' ') || '.';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}
