// What a node box says and how big it is. Pure, so layout and render agree
// without measuring text: labels are drawn in a monospace font whose
// advance is CHAR_WIDTH at the node font size (styles.css).

import type { ViewNode } from './model';

export const CHAR_WIDTH = 7.3;
export const MAX_LABEL_CHARS = 38;
const PAD_X = 12;
const HEIGHT = 26;
const BARRIER_HEIGHT = 48;
const CLUSTER_HEIGHT = 42;

export interface NodeText {
  /** The label, shortened from the left: the end of a path names the target. */
  title: string;
  /** A second line: barrier figures, or a cluster's size. */
  badge?: string;
}

export function shorten(label: string, max = MAX_LABEL_CHARS): string {
  return label.length <= max ? label : `…${label.slice(label.length - max + 1)}`;
}

export function formatSeconds(s: number): string {
  if (s >= 100) return `${Math.round(s)} s`;
  if (s >= 10) return `${s.toFixed(1)} s`;
  return `${s.toFixed(2)} s`;
}

export function nodeText(n: ViewNode): NodeText {
  if (n.barrier) {
    const b = n.barrier;
    const cost = b.cost !== undefined ? ` · costs ${formatSeconds(b.cost)}` : '';
    return { title: shorten(n.name), badge: `BARRIER · ${b.fanIn} in · ${b.fanOut} out${cost}` };
  }
  if (n.kind === 'cluster') {
    const hits = n.hits > 0 ? ` · ${n.hits} found` : '';
    return { title: shorten(n.name), badge: `⊞ ${n.size} targets${hits}` };
  }
  return { title: shorten(n.name) };
}

export function nodeSize(n: ViewNode): { width: number; height: number } {
  const t = nodeText(n);
  const chars = Math.max(t.title.length, t.badge?.length ?? 0);
  const height = n.barrier ? BARRIER_HEIGHT : n.kind === 'cluster' ? CLUSTER_HEIGHT : HEIGHT;
  return { width: Math.round(chars * CHAR_WIDTH + 2 * PAD_X), height };
}

export interface TooltipLine {
  text: string;
  kind?: 'title' | 'hint';
}

/** What hovering or focusing a node tells. */
export function nodeDetails(n: ViewNode): TooltipLine[] {
  const lines: TooltipLine[] = [{ text: n.label, kind: 'title' }];
  if (n.kind === 'cluster') {
    lines.push({ text: `group ${n.group}: ${n.size} targets` });
  } else {
    lines.push({ text: n.group ? `${n.kind} · ${n.group}` : n.kind });
  }
  if (n.loc) lines.push({ text: `rule: ${n.loc.file}:${n.loc.line}` });
  if (n.duration !== undefined) lines.push({ text: `${n.kind === 'cluster' ? 'recipes took' : 'took'} ${formatSeconds(n.duration)}` });
  const b = n.barrier;
  if (b) {
    lines.push({ text: `barrier: waits for ${b.fanIn}, ${b.fanOut} wait directly, ${b.waiting.length} in all` });
    if (b.cost !== undefined) lines.push({ text: `the wait costs ${formatSeconds(b.cost)}` });
  }
  if (n.critical) lines.push({ text: 'on the critical path' });
  if (n.kind === 'cluster') lines.push({ text: 'click or Enter: expand', kind: 'hint' });
  else if (n.loc) lines.push({ text: 'click or Enter: open the rule', kind: 'hint' });
  return lines;
}
