// Profiles as Chrome trace-event JSON (what Perfetto and chrome://tracing
// open), and back. Each record is a complete event ("ph": "X", ts/dur in µs
// from the build's start) on its make's process track; lines run in parallel
// by one make are spread over "job" lanes (tid) so events on a lane never
// overlap. args keep everything a record holds, so the round trip is exact;
// traces from other tools import too (name → target, tid → pid, "B"/"E" pairs).

import { parseProfileLog, type ParsedProfile, type ProfileProblem, type ProfileRecord } from './profile';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  args?: Record<string, unknown>;
}

export interface TraceFile {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  otherData: { tool: string; epochMicros: number };
}

export function toTraceEvents(records: readonly ProfileRecord[]): TraceFile {
  const sorted = [...records].sort((a, b) => a.start - b.start || a.end - b.end);
  const base = sorted.length ? sorted[0].start : 0;
  const events: TraceEvent[] = [];
  const lanes = new Map<number, number[]>(); // make pid → end time of each lane
  const named = new Set<number>();
  for (const r of sorted) {
    if (!named.has(r.makePid)) {
      named.add(r.makePid);
      const level = r.kind === 'shell' ? r.makelevel : r.makelevel - 1;
      events.push({ name: 'process_name', ph: 'M', pid: r.makePid, tid: 0, args: { name: `make[${level}] ${r.dir}` } });
    }
    const ends = lanes.get(r.makePid) ?? [];
    lanes.set(r.makePid, ends);
    let lane = ends.findIndex((e) => e <= r.start);
    if (lane < 0) lane = ends.push(r.end) - 1;
    else ends[lane] = r.end;
    events.push({
      name: r.target === '' ? '$(shell)' : r.target,
      cat: r.kind,
      ph: 'X',
      ts: r.start - base,
      dur: r.end - r.start,
      pid: r.makePid,
      tid: lane + 1,
      args: { target: r.target, dir: r.dir, makelevel: r.makelevel, pid: r.pid, parent: r.parent, status: r.status },
    });
  }
  return { traceEvents: events, displayTimeUnit: 'ms', otherData: { tool: 'kbuild-analyzer', epochMicros: base } };
}

/** A trace file (object with traceEvents, or a bare array) → profile records. */
export function fromTraceEvents(text: string): ParsedProfile {
  const problems: ProfileProblem[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { profile: { records: [] }, problems: [{ line: 1, message: `not JSON: ${(e as Error).message}` }] };
  }
  const obj = isObject(json) ? json : {};
  const events = Array.isArray(json) ? json : Array.isArray(obj.traceEvents) ? obj.traceEvents : undefined;
  if (!events) return { profile: { records: [] }, problems: [{ line: 1, message: 'no traceEvents array' }] };
  const other = isObject(obj.otherData) ? obj.otherData : {};
  const base = num(other.epochMicros, 0);
  const records: ProfileRecord[] = [];
  const open = new Map<string, Array<{ ts: number; event: Record<string, unknown> }>>();
  events.forEach((event: unknown, k: number) => {
    if (!isObject(event)) return void problems.push({ line: 1, message: `event ${k} is not an object` });
    const ts = num(event.ts, NaN);
    if (event.ph === 'X') {
      if (Number.isNaN(ts)) return void problems.push({ line: 1, message: `event ${k} has no ts` });
      records.push(toRecord({ event, start: base + ts, end: base + ts + num(event.dur, 0) }));
    } else if (event.ph === 'B' || event.ph === 'E') {
      const key = `${String(event.pid)}:${String(event.tid)}`;
      const stack = open.get(key) ?? [];
      open.set(key, stack);
      if (event.ph === 'B') stack.push({ ts, event });
      else {
        const begin = stack.pop();
        if (!begin) return void problems.push({ line: 1, message: `event ${k}: "E" without "B"` });
        records.push(toRecord({ event: begin.event, start: base + begin.ts, end: base + ts }));
      }
    }
  });
  records.sort((a, b) => a.start - b.start || a.end - b.end);
  return { profile: { records }, problems };
}

function toRecord(o: { event: Record<string, unknown>; start: number; end: number }): ProfileRecord {
  const { event } = o;
  const args = isObject(event.args) ? event.args : {};
  const name = typeof event.name === 'string' ? event.name : '';
  const target = typeof args.target === 'string' ? args.target : name;
  const shell = event.cat === 'shell' || target === '';
  return {
    kind: shell ? 'shell' : 'recipe',
    target: shell ? '' : target,
    start: Math.round(o.start),
    end: Math.round(o.end),
    pid: num(args.pid, num(event.tid, 0)),
    makePid: num(event.pid, 0),
    parent: num(args.parent, 0),
    makelevel: num(args.makelevel, shell ? 0 : 1),
    status: num(args.status, 0),
    dir: typeof args.dir === 'string' ? args.dir : '',
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A profile file's text: a trace JSON (starts with `{` or `[`) or the wrapper's log. */
export function parseProfileText(text: string): ParsedProfile {
  return /^\s*[[{]/.test(text) ? fromTraceEvents(text) : parseProfileLog(text);
}
