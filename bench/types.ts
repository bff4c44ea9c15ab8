// One printed line of `npm run bench`: a measurement, the reference it is
// compared with (measured in the same run), and the goal.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with, measured in the same run. */
  reference?: { name: string; value: number };
  /** The goal as text, e.g. "≤ 1/3 of reference" or "p95 ≤ 5 ms". */
  goal?: string;
  /** Whether the goal was met, when it can be judged. */
  met?: boolean;
}

export function formatRows(title: string, rows: BenchRow[]): string {
  const lines = [`## ${title}`];
  for (const r of rows) {
    let line = `- ${r.name}: ${fmt(r.value)} ${r.unit}`;
    if (r.reference) line += ` | ${r.reference.name}: ${fmt(r.reference.value)} ${r.unit} | ratio ${(r.value / r.reference.value).toFixed(3)}`;
    if (r.goal) line += ` | goal ${r.goal}${r.met === undefined ? '' : r.met ? ' ✓' : ' ✗'}`;
    lines.push(line);
  }
  return lines.join('\n');
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4);
}
