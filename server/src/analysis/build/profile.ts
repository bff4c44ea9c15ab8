// A measured build: one record per shell invocation make made, as written by
// server/wrapper/kbuild-prof.bash (one tab-separated line each). Pure: text in,
// records plus problems out, never throws.

export type RecordKind = 'recipe' | 'shell';

export interface ProfileRecord {
  /** `recipe` for a recipe line; `shell` for a `$(shell …)` call (no target: parse-time cost). */
  kind: RecordKind;
  /** Target whose recipe line this was ('' for `$(shell)`). */
  target: string;
  /** Microseconds since the epoch. */
  start: number;
  end: number;
  /** The wrapper's pid. */
  pid: number;
  /** The make that ran this line. */
  makePid: number;
  /** Wrapper pid of the recipe line that started this make (0 for the top-level make). */
  parent: number;
  /** MAKELEVEL as the line saw it: the make's level + 1 for recipes, the level for `$(shell)`. */
  makelevel: number;
  /** Exit status of the line. */
  status: number;
  /** Working directory of the make that ran it. */
  dir: string;
}

export interface Profile {
  records: ProfileRecord[];
}

export interface ProfileProblem {
  /** 1-based line in the log. */
  line: number;
  message: string;
}

export interface ParsedProfile {
  profile: Profile;
  problems: ProfileProblem[];
}

/** Reads the wrapper's log: `start end pid ppid parent makelevel status target dir`. */
export function parseProfileLog(text: string): ParsedProfile {
  const records: ProfileRecord[] = [];
  const problems: ProfileProblem[] = [];
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line === '') continue;
    const record = parseLogLine(line);
    if (typeof record === 'string') problems.push({ line: k + 1, message: record });
    else records.push(record);
  }
  records.sort((a, b) => a.start - b.start || a.end - b.end);
  return { profile: { records }, problems };
}

function parseLogLine(line: string): ProfileRecord | string {
  const f = line.split('\t');
  if (f.length < 9) return `expected 9 tab-separated fields, found ${f.length}`;
  const start = parseEpochMicros(f[0]);
  const end = parseEpochMicros(f[1]);
  if (start === undefined || end === undefined) return `bad time stamps '${f[0]}' '${f[1]}'`;
  const ints = f.slice(2, 7).map((s) => (/^-?\d+$/.test(s) ? Number(s) : NaN));
  if (ints.some(Number.isNaN)) return `bad numeric fields '${f.slice(2, 7).join(' ')}'`;
  const [pid, makePid, parent, makelevel, status] = ints;
  // A directory holding a tab would have been split: glue the tail back.
  const target = f[7];
  const dir = f.slice(8).join('\t');
  return { kind: target === '' ? 'shell' : 'recipe', target, start, end, pid, makePid, parent, makelevel, status, dir };
}

/** `$EPOCHREALTIME` ("1700000000.123456", or with the locale's comma) → µs. */
export function parseEpochMicros(text: string): number | undefined {
  const m = /^(\d+)(?:[.,](\d{1,9}))?$/.exec(text);
  if (!m) return undefined;
  const frac = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  return Number(m[1]) * 1e6 + Number(frac);
}
