// The graph view's requests and the profile commands: kbuild/graph (the
// static build graph of a file's context, or of the whole tree, with the
// loaded profile overlaid), kbuild/criticalPath, kbuild/profileBuild (runs
// make under the timing wrapper: trusted workspaces only) and
// kbuild/importProfile. A profile is kept per server until another replaces it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timelineCriticalPath, type CriticalPathReport } from '../../analysis/build/criticalPath';
import { buildTimeline } from '../../analysis/build/timeline';
import { parseProfileText, toTraceEvents } from '../../analysis/build/traceEvents';
import type {
  CriticalPathParams,
  CriticalPathResult,
  GraphParams,
  GraphResult,
  ImportProfileParams,
  ImportProfileResult,
  ProfileBuildParams,
  ProfileBuildResult,
  ProfileSummary,
} from '../../protocol/graph';
import { uriToPath } from '../conversions';
import { analysedGraph, graphEntry, loadedProfile, setLoadedProfile, staticGraph, type LoadedProfile } from '../graphBuild';
import { runProfiledBuild } from '../profileRunner';
import { beginProgress } from '../progress';
import { findFolder, type ServerState } from '../state';

/** A profiled build that has not finished in this long is stopped (make gets SIGTERM). */
const PROFILE_TIMEOUT_MS = 3 * 60 * 60 * 1000;

export function onGraph(state: ServerState, params: GraphParams): GraphResult | null {
  const path = graphEntry(state, params.uri);
  const g = path && staticGraph(state, path);
  if (!g) return null;
  const { graph, profile } = analysedGraph(state, g);
  return { graph, title: g.title, makes: g.makes, problems: g.problems, cached: g.cached, ...(profile ? { profile: profile.path } : {}) };
}

const NO_TOTALS = { path: 0, wall: 0, cpu: 0, parallelism: 0 };

export function onCriticalPath(state: ServerState, params: CriticalPathParams): CriticalPathResult {
  const profile = loadedProfile(state);
  if (!profile) return { ok: false, message: 'No profile loaded: run "Kbuild: Profile Build" or "Kbuild: Import Profile" first.', steps: [], totals: NO_TOTALS };
  const path = graphEntry(state, params.uri);
  const g = path ? staticGraph(state, path) : undefined;
  const analysis = g ? analysedGraph(state, g).analysis : undefined;
  // The graph's path needs the profile's steps to match its targets; a profile of another build would not.
  const matched = analysis ? analysis.match.timings.size : 0;
  const report = analysis && matched > analysis.match.unmatched.length ? analysis.criticalPath : timelineCriticalPath({ timeline: profile.timeline, wall: profile.wall });
  const where = report.method === 'graph' ? `over the build graph of ${g?.title}` : 'from the profile alone';
  return {
    ok: true,
    message: `Critical path ${where}: ${report.length.toFixed(2)} s of ${report.wall.toFixed(2)} s wall`,
    steps: report.steps.map((s) => ({ target: s.label, node: s.node, start: s.start, seconds: s.duration, part: s.part, ...(s.loc ? { location: s.loc } : {}), ...(s.dir ? { dir: s.dir } : {}) })),
    totals: totalsOf(report),
    method: report.method,
    profile: profile.path,
  };
}

export async function onProfileBuild(state: ServerState, params: ProfileBuildParams): Promise<ProfileBuildResult> {
  if (!state.trusted) return { ok: false, message: 'Profile Build runs make: it is available in trusted workspaces only.' };
  const at = params.uri ? uriToPath(params.uri) : undefined;
  const folder = (at ? findFolder(state, at) : undefined) ?? state.folders.find((f) => f.indexed);
  if (!folder) return { ok: false, message: 'Profile Build needs a workspace folder to run make in.' };
  const s = state.settings.profile;
  const args = [...s.makeArgs, ...(params.args ?? [])];
  const progress = await beginProgress({ connection: state.connection, enabled: state.workDoneProgress, title: `Profiling ${s.make} ${args.join(' ')}` });
  try {
    const run = await runProfiledBuild({ cwd: folder.root, args, make: s.make, bash: s.bash || undefined, signal: AbortSignal.timeout(PROFILE_TIMEOUT_MS) });
    const dir = join(folder.root, '.kbuild-analyzer', 'profiles');
    mkdirSync(dir, { recursive: true });
    const trace = join(dir, `profile-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(trace, JSON.stringify(toTraceEvents(run.profile.records)));
    const loaded = { path: trace, timeline: buildTimeline(run.profile), records: run.profile.records.length, wall: run.endMicros - run.startMicros };
    setLoadedProfile(state, loaded);
    const summary = summaryOf(loaded);
    const failed = run.exitCode === 0 ? '' : ` (make exited with ${run.exitCode}: ${lastLine(run.stderrTail)})`;
    progress.end(`${summary.records} records, ${summary.wall.toFixed(1)} s`);
    return { ok: run.exitCode === 0, message: `Profiled in ${summary.wall.toFixed(1)} s${failed}; saved ${trace}`, exitCode: run.exitCode, summary };
  } catch (error) {
    progress.end('failed');
    return { ok: false, message: `Profile Build failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function onImportProfile(state: ServerState, params: ImportProfileParams): ImportProfileResult {
  let text: string;
  try {
    text = readFileSync(params.path, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read ${params.path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = parseProfileText(text);
  if (parsed.profile.records.length === 0) {
    const why = parsed.problems[0] ? `: line ${parsed.problems[0].line}: ${parsed.problems[0].message}` : '';
    return { ok: false, message: `${params.path} holds no build records${why}` };
  }
  const loaded: LoadedProfile = { path: params.path, timeline: buildTimeline(parsed.profile), records: parsed.profile.records.length };
  setLoadedProfile(state, loaded);
  const summary = summaryOf(loaded);
  const skipped = parsed.problems.length ? `, ${parsed.problems.length} lines skipped` : '';
  return { ok: true, message: `Loaded ${summary.records} records (${summary.wall.toFixed(1)} s wall${skipped})`, summary };
}

function summaryOf(p: LoadedProfile): ProfileSummary {
  const t = totalsOf(timelineCriticalPath({ timeline: p.timeline, wall: p.wall }));
  return { trace: p.path, records: p.records, wall: t.wall, cpu: t.cpu, parallelism: t.parallelism };
}

function totalsOf(r: CriticalPathReport): CriticalPathResult['totals'] {
  return { path: r.length, wall: r.wall, cpu: r.busy, parallelism: r.parallelism };
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
