// Runs real GNU make on a fixture copy and splits what it prints: the
// `$(info)` lines printed while reading (before the dump), the dump's
// variables (flavor, origin, expanded value at the end of reading), the
// `-p` data base, and stderr.
import { spawnSync } from 'node:child_process';
import { type MakeDatabase, parseMakeDatabase } from '../../../server/src/eval/makeDatabase';
import { DUMP_BEGIN, DUMP_END, type FixtureSpec, VAR_END, VAR_HEAD } from './fixtureSpec';

export interface DumpedVar {
  flavor: string;
  origin: string;
  value: string;
}

export interface MakeRun {
  /** stdout lines printed while reading, before the dump started. */
  info: string[];
  /** Null when make stopped before the dump ran. */
  dump: Map<string, DumpedVar> | null;
  db: MakeDatabase;
  stderr: string[];
  status: number | null;
}

/** The switches and arguments both sides get: -p (data base), -q (run nothing), -r (no built-in rules). */
export function makeArgs(file: string, spec: FixtureSpec): string[] {
  const args = ['-pqr', '-f', file];
  if (spec.flags) args.push('-' + spec.flags);
  for (const d of spec.includeDirs) args.push('-I', d);
  return [...args, ...spec.vars, ...spec.goals];
}

export function runMake(args: { cwd: string; file: string; spec: FixtureSpec; env: Record<string, string> }): MakeRun {
  const r = spawnSync('make', makeArgs(args.file, args.spec), { cwd: args.cwd, env: args.env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const stdout = r.stdout ?? '';
  const dbStart = stdout.startsWith('# GNU Make ') ? -1 : stdout.indexOf('\n# GNU Make ');
  const hasDb = dbStart !== -1 || stdout.startsWith('# GNU Make ');
  const before = hasDb ? stdout.slice(0, dbStart + 1) : stdout;
  const lines = before.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const begin = lines.indexOf(DUMP_BEGIN);
  const info = begin === -1 ? lines : lines.slice(0, begin);
  const end = lines.indexOf(DUMP_END);
  const dump = begin !== -1 && end !== -1 ? readDump(lines.slice(begin + 1, end)) : null;
  const stderr = (r.stderr ?? '').split('\n').filter((l) => l !== '');
  return { info, dump, db: parseMakeDatabase(hasDb ? stdout.slice(dbStart + 1) : ''), stderr, status: r.status };
}

function readDump(lines: string[]): Map<string, DumpedVar> {
  const vars = new Map<string, DumpedVar>();
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k].startsWith(VAR_HEAD + ' ')) continue;
    const [name, flavor, ...origin] = lines[k].slice(VAR_HEAD.length + 1).split(' ');
    const value: string[] = [];
    for (k++; k < lines.length && lines[k] !== VAR_END; k++) value.push(lines[k]);
    vars.set(name, { flavor, origin: origin.join(' '), value: value.join('\n') });
  }
  return vars;
}
