// Hand-built graphs and profiles for the analysis/build tests, as text.
//
// graphSpec: one rule per line, `[ctx] id!: prereqs | order-only ;` (`!` =
// phony, `[ctx]` = the make context, default top level, a trailing `;` = it
// has a recipe, at spec:LINE), or `runner => goal` (runner's recipe runs the
// sub-make whose goal is `goal`).
// logSpec: one record per line, `target start end [key=value…]` in seconds,
// keys pid, make, parent, level, dir; written in the wrapper's log format.

import type { BuildGraph, GraphEdge, GraphNode } from '../../../../server/src/protocol/graph';
import type { NodeTiming } from '../../../../server/src/analysis/build/schedDag';

export function graphSpec(text: string, dir = '/w'): BuildGraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const node = (id: string, ctx?: string): GraphNode => {
    let n = nodes.get(id);
    if (!n) {
      n = { id, label: id, kind: 'file', group: '', dir, context: '' };
      nodes.set(id, n);
    }
    if (ctx !== undefined) {
      n.context = ctx;
      n.dir = ctx ? `${dir}/${ctx}` : dir;
    }
    return n;
  };
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k].trim();
    const recipe = line.endsWith(';');
    if (recipe) line = line.slice(0, -1);
    if (!line || line.startsWith('#')) continue;
    const sub = /^(\S+)\s*=>\s*(\S+)$/.exec(line);
    if (sub) {
      node(sub[1]).kind = 'submake';
      node(sub[2]);
      edges.push({ from: sub[2], to: sub[1], submake: true });
      continue;
    }
    const m = /^(?:\[([^\]]*)\]\s*)?(\S+?)(!?):(.*)$/.exec(line);
    if (!m) throw new Error(`bad spec line: ${line}`);
    const [, ctx, id, bang, rest] = m;
    const n = node(id, ctx ?? '');
    if (bang && n.kind !== 'submake') n.kind = 'phony';
    if (recipe) n.loc = { file: 'spec', line: k + 1 };
    const [normal, orderOnly = ''] = rest.split('|');
    for (const p of normal.split(/\s+/).filter(Boolean)) edges.push({ from: node(p).id, to: id });
    for (const p of orderOnly.split(/\s+/).filter(Boolean)) edges.push({ from: node(p).id, to: id, orderOnly: true });
  }
  for (const n of nodes.values()) {
    const ctx = n.context ?? '';
    n.label = ctx && n.id.startsWith(`${ctx}/`) ? n.id.slice(ctx.length + 1) : n.id;
  }
  return { nodes: [...nodes.values()], edges, barriers: [] };
}

/** Seconds → µs timings; a runner's entry may give lead/tail. */
export function timingSpec(spec: Record<string, number | { duration: number; lead?: number; tail?: number }>): Map<string, NodeTiming> {
  const us = (s: number): number => Math.round(s * 1e6);
  return new Map(
    Object.entries(spec).map(([id, v]) => [
      id,
      typeof v === 'number'
        ? { duration: us(v) }
        : { duration: us(v.duration), ...(v.lead !== undefined ? { lead: us(v.lead) } : {}), ...(v.tail !== undefined ? { tail: us(v.tail) } : {}) },
    ]),
  );
}

const EPOCH = 1_700_000_000;

export function logSpec(text: string): string {
  let pid = 1000;
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [target, start, end, ...kv] = l.split(/\s+/);
      const o = Object.fromEntries(kv.map((x) => x.split('=') as [string, string]));
      const stamp = (s: string): string => (EPOCH + Number(s)).toFixed(6);
      const t = target === '-' ? '' : target;
      const level = Number(o.level ?? 0);
      const fields = [stamp(start), stamp(end), o.pid ?? String(pid++), o.make ?? '1', o.parent ?? '0', String(t ? level + 1 : level), o.status ?? '0', t, o.dir ?? '/w'];
      return `${fields.join('\t')}\n`;
    })
    .join('');
}

/**
 * The prepare fixture (test/fixtures/profile/prepareTree.ts) by hand: an
 * umbrella `prepare` in front of a.o and of the sub-make that builds c.o.
 */
export const PREPARE_GRAPH = `
  all!: prepare vmlinux
  prepare!: gen/version.h gen/big.h
  gen/version.h:
  gen/big.h:
  a.o: prepare
  sub!: prepare
  sub => sub/all
  [sub] sub/all: sub/c.o
  [sub] sub/c.o:
  vmlinux: a.o sub
`;
