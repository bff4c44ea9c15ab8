// CLI subcommands over a build's graph and profile (issue 5):
//   profile      run a build under the timing wrapper, save the profile
//   graph        the build graph from make's data bases (+ durations, critical path)
//   barriers     umbrella targets everything waits for (+ cost, + what-if)
//   critical-path  the chain that bounds the wall time
// Inputs: the graph from `--db FILE` (saved `make -pn` output) or `-C DIR`
// (runs `make -pnk` there; make arguments after `--`); the profile from
// `--profile FILE` (the wrapper's log or a Chrome trace JSON). Text by
// default, JSON with --json.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeBuild } from '../analysis/build/analyze';
import { findBarriers } from '../analysis/build/barriers';
import { timelineCriticalPath, type CriticalPathReport } from '../analysis/build/criticalPath';
import { graphFromDatabases } from '../analysis/build/makeGraph';
import { matchProfile } from '../analysis/build/match';
import { printGraph } from '../analysis/build/printGraph';
import { buildTimeline, type Timeline } from '../analysis/build/timeline';
import { parseProfileText, toTraceEvents } from '../analysis/build/traceEvents';
import { whatIf } from '../analysis/build/whatIf';
import { parseMakeDatabases } from '../eval/makeDatabase';
import { runMakeDatabase, runProfiledBuild } from '../lsp/profileRunner';
import type { Barrier, BuildGraph } from '../protocol/graph';
import { json, usageError, type CliHandler, type CliResult } from './types';

const OPTIONS = {
  db: { type: 'string' },
  C: { type: 'string', short: 'C' },
  profile: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  uses: { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
} as const;

interface Inputs {
  graph?: BuildGraph;
  timeline?: Timeline;
  jobs?: number;
  json: boolean;
  uses?: Map<string, string[]>;
  out?: string;
  dir?: string;
  makeArgs: string[];
  notes: string[];
}

async function readInputs(argv: string[], need: { graph?: boolean; profile?: boolean }): Promise<Inputs | CliResult> {
  const dash = argv.indexOf('--');
  const own = dash < 0 ? argv : argv.slice(0, dash);
  const makeArgs = dash < 0 ? [] : argv.slice(dash + 1);
  let v;
  try {
    v = parseArgs({ args: own, options: OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e));
  }
  const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
  if (jobs !== undefined && !(jobs >= 1)) return usageError(`--jobs wants a number ≥ 1, not '${v.jobs}'`);
  const inputs: Inputs = { jobs, json: v.json ?? false, out: v.out, dir: v.C && resolve(v.C), makeArgs, notes: [] };
  if (v.db !== undefined || v.C !== undefined) {
    const text = v.db !== undefined ? readText(v.db) : (await runMakeDatabase({ cwd: inputs.dir as string, args: makeArgs })).text;
    if (text === undefined) return usageError(`cannot read ${v.db}`);
    const { graph, problems } = graphFromDatabases({ databases: parseMakeDatabases(text) });
    if (graph.nodes.length === 0) return usageError('no make data base in that output (make -pn prints one)');
    inputs.graph = graph;
    inputs.notes.push(...problems);
  } else if (need.graph) return usageError('the graph comes from --db FILE (make -pn output) or -C DIR (runs make -pnk there)');
  if (v.profile !== undefined) {
    const text = readText(v.profile);
    if (text === undefined) return usageError(`cannot read ${v.profile}`);
    const parsed = parseProfileText(text);
    inputs.notes.push(...parsed.problems.map((p) => `${v.profile}:${p.line}: ${p.message}`));
    inputs.timeline = buildTimeline(parsed.profile);
  } else if (need.profile) return usageError('critical-path needs --profile FILE (the wrapper log or a trace JSON)');
  if (v.uses !== undefined) {
    const uses = readUses(v.uses);
    if (typeof uses === 'string') return usageError(uses);
    inputs.uses = uses;
  }
  return inputs;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `{ "target": ["generated/file", …], … }` with graph node ids. */
function readUses(path: string): Map<string, string[]> | string {
  const text = readText(path);
  if (text === undefined) return `cannot read ${path}`;
  try {
    const obj = JSON.parse(text) as unknown;
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return `${path}: expected an object of target → [files]`;
    return new Map(Object.entries(obj).map(([k, list]) => [k, Array.isArray(list) ? list.map(String) : []]));
  } catch (e) {
    return `${path}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function withNotes(result: CliResult, notes: string[]): CliResult {
  return notes.length ? { ...result, stderr: `${result.stderr ?? ''}${notes.map((n) => `note: ${n}\n`).join('')}` } : result;
}

/** `profile -C DIR [-o trace.json] [-- MAKE ARGS]`: build under the wrapper; exit code is make's. */
export const profileCommand: CliHandler = async (argv) => {
  const inputs = await readInputs(argv, {});
  if ('exitCode' in inputs) return inputs;
  if (!inputs.dir) return usageError('profile needs -C DIR (where to run make)');
  const run = await runProfiledBuild({ cwd: inputs.dir, args: inputs.makeArgs });
  const out = resolve(inputs.out ?? 'kbuild-profile.json');
  writeFileSync(out, JSON.stringify(toTraceEvents(run.profile.records)));
  const timeline = buildTimeline(run.profile);
  const report = timelineCriticalPath({ timeline, wall: run.endMicros - run.startMicros });
  const summary = { trace: out, log: run.logPath, records: run.profile.records.length, exitCode: run.exitCode, wall: report.wall, busy: report.busy, parallelism: report.parallelism };
  const exitCode = run.exitCode ?? 1;
  const notes = run.problems.map((p) => `${run.logPath}:${p.line}: ${p.message}`);
  if (inputs.json) return withNotes(json(summary, exitCode), notes);
  const text = `${summary.records} records → ${out} (open in https://ui.perfetto.dev)\n${formatSummary(report)}`;
  return withNotes({ stdout: text, stderr: exitCode ? run.stderrTail : undefined, exitCode }, notes);
};

/** `graph (--db FILE | -C DIR) [--profile FILE] [-j N] [--json]`. */
export const graphCommand: CliHandler = async (argv) => {
  const inputs = await readInputs(argv, { graph: true });
  if ('exitCode' in inputs) return inputs;
  const graph = analysed(inputs);
  if (inputs.json) return withNotes(json(graph), inputs.notes);
  const barriers = graph.barriers.map((b) => `barrier ${formatBarrier(b)}\n`).join('');
  const path = graph.criticalPath ? `critical path: ${graph.criticalPath.join(' → ')}\n` : '';
  return withNotes({ stdout: printGraph(graph) + barriers + path, exitCode: 0 }, inputs.notes);
};

/** `barriers (--db FILE | -C DIR) [--profile FILE [--uses FILE]] [-j N] [--json]`. */
export const barriersCommand: CliHandler = async (argv) => {
  const inputs = await readInputs(argv, { graph: true });
  if ('exitCode' in inputs) return inputs;
  const graph = inputs.graph as BuildGraph;
  const { timeline, uses, jobs } = inputs;
  const timings = timeline ? matchProfile({ graph, timeline }).timings : undefined;
  const barriers = findBarriers({ graph, timings, jobs });
  const rows = barriers.map((b) => ({
    ...b,
    ...(timings && uses ? { whatIf: whatIf({ graph, timings, barrier: b.node, uses, jobs }) } : {}),
  }));
  if (inputs.json) return withNotes(json(rows), inputs.notes);
  const text = rows
    .map((r) => {
      const w = r.whatIf ? `\n  what-if (only what they use): ${r.whatIf.before.toFixed(3)} s → ${r.whatIf.after.toFixed(3)} s, saves ${r.whatIf.saving.toFixed(3)} s` : '';
      return `${formatBarrier(r)}${w}\n`;
    })
    .join('');
  return withNotes({ stdout: text, exitCode: 0 }, inputs.notes);
};

/** `critical-path --profile FILE [--db FILE | -C DIR] [-j N] [--json]`: over the graph when given, else from the timeline. */
export const criticalPathCommand: CliHandler = async (argv) => {
  const inputs = await readInputs(argv, { profile: true });
  if ('exitCode' in inputs) return inputs;
  const timeline = inputs.timeline as Timeline;
  if (timeline.steps.length === 0) return withNotes(usageError('the profile holds no records'), inputs.notes);
  const report = inputs.graph ? analyzeBuild({ graph: inputs.graph, timeline, jobs: inputs.jobs }).criticalPath : timelineCriticalPath({ timeline });
  if (inputs.json) return withNotes(json(report), inputs.notes);
  return withNotes({ stdout: formatReport(report), exitCode: 0 }, inputs.notes);
};

function analysed(inputs: Inputs): BuildGraph {
  const graph = inputs.graph as BuildGraph;
  if (!inputs.timeline) return { ...graph, barriers: findBarriers({ graph }) };
  return analyzeBuild({ graph, timeline: inputs.timeline, jobs: inputs.jobs }).graph;
}

function formatBarrier(b: Barrier): string {
  const cost = b.cost !== undefined ? `, costs up to ${b.cost.toFixed(3)} s` : '';
  const waiting = b.waiting.length > 8 ? `${b.waiting.slice(0, 8).join(' ')} … (+${b.waiting.length - 8})` : b.waiting.join(' ');
  return `${b.node}: fan-in ${b.fanIn}, fan-out ${b.fanOut}${cost}; waiting: ${waiting}`;
}

function formatSummary(r: CriticalPathReport): string {
  const f = (s: number): string => `${s.toFixed(3)} s`;
  return `wall ${f(r.wall)}, recipes ${f(r.busy)} (parallelism ${r.parallelism.toFixed(2)}), critical path ${f(r.length)}\n`;
}

function formatReport(r: CriticalPathReport): string {
  const jobs = r.method === 'timeline' ? 'timeline of the run' : r.jobs === null ? 'graph, unlimited jobs' : `graph, -j${r.jobs}`;
  const lines = r.steps.map((s) => {
    const part = s.part === 'whole' ? '' : ` (${s.part === 'begin' ? 'until its sub-make starts' : 'after its sub-make'})`;
    const where = s.loc ? `  ${s.loc.file}:${s.loc.line}` : '';
    const wait = s.slotWait ? '  [waited for a job slot]' : '';
    const name = r.method === 'graph' ? s.node : s.label;
    return `  ${s.start.toFixed(3).padStart(9)} ${s.duration.toFixed(3).padStart(8)}  ${name}${part}${where}${wait}\n`;
  });
  return `critical path (${jobs}):\n     start      dur  step\n${lines.join('')}${formatSummary(r)}`;
}
