// Differential runs on whole trees (the kernel's contexts): make -pq of an
// invocation against our evaluation of the same, as a share of variables
// that agree (value, flavor, origin, definition site) with the differing
// ones listed, rather than all-or-nothing as for the small fixtures.
import { spawnSync } from 'node:child_process';
import type { Evaluation } from '../../../server/src/eval/evaluate';
import { parseMakeDatabase } from '../../../server/src/eval/makeDatabase';
import { compareEvaluation } from './compare';
import type { MakeRun } from './runMake';

export interface Invocation {
  entry: string;
  cwd: string;
  commandLine: string[];
  env: Record<string, string>;
  goals: string[];
}

/** `make -pq -f ENTRY VARS GOALS` in cwd with exactly `env`. */
export function runMakePq(inv: Invocation): MakeRun {
  const r = spawnSync('make', ['-pq', '-f', inv.entry, ...inv.commandLine, ...inv.goals], { cwd: inv.cwd, env: inv.env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = r.stdout ?? '';
  const at = out.startsWith('# GNU Make') ? 0 : out.indexOf('\n# GNU Make ') + 1;
  const info = out.slice(0, at).split('\n');
  info.pop();
  return { info, dump: null, db: parseMakeDatabase(out.slice(at)), stderr: (r.stderr ?? '').split('\n').filter(Boolean), status: r.status };
}

export interface Agreement {
  /** Variables of origin file/command line/override/environment on either side. */
  total: number;
  equal: number;
  /** Per differing variable, the differences. */
  mismatches: string[];
  /** Differences that are not about one variable (messages, stderr). */
  other: string[];
}

export function variableAgreement(c: { ev: Evaluation; make: MakeRun; shellStderr: string[] }): Agreement {
  const diffs = compareEvaluation(c).filter((d) => !d.startsWith('target '));
  const names = new Set<string>();
  for (const v of c.make.db.variables) if (v.origin !== 'default' && v.origin !== 'automatic') names.add(v.name);
  for (const [name, v] of c.ev.variables) if (v.origin !== 'default' && v.origin !== 'automatic') names.add(name);
  const bad = new Set<string>();
  const mismatches: string[] = [];
  const other: string[] = [];
  for (const d of diffs) {
    const m = /^variable (\S+):/.exec(d);
    if (m) {
      bad.add(m[1]);
      mismatches.push(d);
    } else other.push(d);
  }
  return { total: names.size, equal: names.size - bad.size, mismatches, other };
}

export function percent(a: Agreement): string {
  return `${((100 * a.equal) / a.total).toFixed(2)} % (${a.equal}/${a.total})`;
}
