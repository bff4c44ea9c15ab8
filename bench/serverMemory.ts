// Issue 4's memory goal: the shipped server (dist/server.js --stdio), started
// on the kernel source tree as an editor starts it with a build dir selected,
// measured from outside through /proc/PID/status once both of its indexes
// are ready (the make files: kbuild/indexState `ready`; the build's .cmd
// files: kbuild/buildsState). The reference is the same server on the same
// tree with no build dir, so the .cmd index's share shows. tinyconfig
// always; defconfig too when its build exists. Runnable alone:
//   node --import tsx bench/serverMemory.ts
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InitializeRequest, InitializedNotification, WorkspaceSymbolRequest } from 'vscode-languageserver/node';
import { BUILDS_STATE_NOTIFICATION, INDEX_STATE_NOTIFICATION, type BuildsStateParams, type IndexStateParams } from '../server/src/protocol/requests';
import { defaultSettings, type InitializationOptions } from '../server/src/protocol/settings';
import { kernelSource, kernelTinyBuild } from '../test/helpers/kernel';
import { ensureBuilt, startServer, uriOf } from '../test/lsp/harness';
import { formatRows, type BenchRow } from './types';

/** Runs per setup; the median is reported (RSS moves with when V8 collects). */
const RUNS = 3;
const GOAL_MB = 250;
/** The build dirs inside the corpus tree, excluded as the other kernel benches exclude them: the make index is the source tree's. */
const KERNEL_EXCLUDE = ['build-*/**'];

interface ServerMemory {
  /** VmHWM: the process's peak resident set. */
  peakMb: number;
  /** VmRSS once both indexes are ready and the server is idle. */
  afterMb: number;
  /** Spawn → both indexes ready. */
  readyMs: number;
  /** What kbuild/buildsState reported. */
  builds: BuildsStateParams['builds'];
}

/** A field of /proc/PID/status in MB (the kernel gives kB). */
function statusMb(status: string, field: string): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
  if (kb === undefined) throw new Error(`no ${field} in /proc status`);
  return Number(kb) / 1024;
}

/**
 * One server from spawn to both indexes ready, on `src` with `buildDirectory`
 * as the user set it and `storagePath` as the extension's storage (where the
 * server keeps its index snapshot). Settings and exclude list in the VS Code
 * client's initializationOptions shape (client/src/config.ts), untrusted:
 * nothing runs.
 */
async function measureServer(args: { src: string; buildDirectory: string; storagePath: string }): Promise<ServerMemory> {
  const { src } = args;
  const started = performance.now();
  const client = startServer();
  try {
    let indexed = false;
    let builds: BuildsStateParams['builds'] | undefined;
    let ready: () => void = () => undefined;
    const bothReady = new Promise<void>((resolve) => (ready = resolve));
    // Registered before initialize: neither notification can be missed.
    client.connection.onNotification(INDEX_STATE_NOTIFICATION, (p: IndexStateParams) => {
      if (p.state === 'ready') indexed = true;
      if (indexed && builds) ready();
    });
    client.connection.onNotification(BUILDS_STATE_NOTIFICATION, (p: BuildsStateParams) => {
      if (p.folder !== uriOf(src)) return;
      builds = p.builds;
      if (indexed) ready();
    });
    const settings = { ...defaultSettings(), buildDirectory: args.buildDirectory, exclude: KERNEL_EXCLUDE };
    const initializationOptions: InitializationOptions & { storagePath: string } = { exclude: KERNEL_EXCLUDE, settings, trusted: false, storagePath: args.storagePath };
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: uriOf(src), name: 'linux' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true } },
      initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const timeout = new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error(`server not ready within 5 min; stderr:\n${client.stderr().slice(-500)}`)), 300_000).unref(),
    );
    await Promise.race([bothReady, timeout, client.exited.then((code) => Promise.reject(new Error(`server exited (${code})`)))]);
    const readyMs = performance.now() - started;
    // One round trip: the answer comes after the work the server queued
    // behind the notifications (writing its index snapshot), which counts.
    await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'no_such_symbol_anywhere' });
    const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
    return { peakMb: statusMb(status, 'VmHWM'), afterMb: statusMb(status, 'VmRSS'), readyMs, builds: builds ?? [] };
  } finally {
    client.child.kill();
    await client.exited;
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function summary(runs: ServerMemory[]): ServerMemory {
  return {
    peakMb: median(runs.map((r) => r.peakMb)),
    afterMb: median(runs.map((r) => r.afterMb)),
    readyMs: Math.min(...runs.map((r) => r.readyMs)),
    builds: runs[0].builds,
  };
}

/**
 * RUNS first starts on the tree (each with empty storage: the make files are
 * walked and parsed), each followed by a second start on the storage the first
 * one left (the make index comes from its snapshot). Medians of the memory,
 * best time.
 */
async function measure(src: string, buildDirectory: string): Promise<{ first: ServerMemory; again: ServerMemory }> {
  const first: ServerMemory[] = [];
  const again: ServerMemory[] = [];
  for (let i = 0; i < RUNS; i++) {
    const storagePath = mkdtempSync(join(tmpdir(), 'kbuild-storage-'));
    try {
      first.push(await measureServer({ src, buildDirectory, storagePath }));
      again.push(await measureServer({ src, buildDirectory, storagePath }));
    } finally {
      rmSync(storagePath, { recursive: true, force: true });
    }
  }
  return { first: summary(first), again: summary(again) };
}

type Measured = Awaited<ReturnType<typeof measure>>;

function rowsFor(label: string, withBuild: Measured, without: Measured, goal: boolean): BenchRow[] {
  const build = withBuild.first.builds[0];
  if (!build) throw new Error(`${label}: the server loaded no build dir`);
  const reference = (value: number) => ({ name: 'same server, same tree, no build dir', value });
  return [
    {
      name: `${label}: peak RSS of the server (VmHWM), first start on the tree, make index + .cmd index of ${build.cmdFiles} .cmd files, ${build.objects} objects; median of ${RUNS}`,
      value: withBuild.first.peakMb,
      unit: 'MB',
      reference: reference(without.first.peakMb),
      ...(goal ? { goal: `≤ ${GOAL_MB} MB`, met: withBuild.first.peakMb <= GOAL_MB } : {}),
    },
    { name: `${label}: RSS of the server after indexing (VmRSS), first start; median of ${RUNS}`, value: withBuild.first.afterMb, unit: 'MB', reference: reference(without.first.afterMb) },
    { name: `${label}: the .cmd index's share of the peak (peak with − peak without), first start`, value: withBuild.first.peakMb - without.first.peakMb, unit: 'MB' },
    {
      name: `${label}: spawn → both indexes ready (kbuild/indexState ready + kbuild/buildsState), first start, best of ${RUNS}`,
      value: withBuild.first.readyMs,
      unit: 'ms',
      reference: { name: 'no build dir: spawn → make index ready', value: without.first.readyMs },
    },
    {
      name: `${label}: peak RSS (VmHWM), second start (make index from the snapshot); median of ${RUNS}`,
      value: withBuild.again.peakMb,
      unit: 'MB',
      reference: reference(without.again.peakMb),
      ...(goal ? { goal: `≤ ${GOAL_MB} MB`, met: withBuild.again.peakMb <= GOAL_MB } : {}),
    },
    { name: `${label}: RSS after indexing (VmRSS), second start; median of ${RUNS}`, value: withBuild.again.afterMb, unit: 'MB', reference: reference(without.again.afterMb) },
    {
      name: `${label}: spawn → both indexes ready, second start, best of ${RUNS}`,
      value: withBuild.again.readyMs,
      unit: 'ms',
      reference: { name: 'no build dir, second start', value: without.again.readyMs },
    },
  ];
}

export async function benchServerMemory(): Promise<BenchRow[]> {
  ensureBuilt();
  const src = kernelSource();
  // A buildDirectory that is not a build dir: the server loads no .cmd index
  // (with the setting empty it would find build-tiny/ and build-defconfig/ in the tree).
  const noBuild = mkdtempSync(join(tmpdir(), 'kbuild-no-build-'));
  try {
    const without = await measure(src, noBuild);
    if (without.first.builds.length > 0) throw new Error(`reference run loaded ${without.first.builds.length} build dirs`);
    const rows = rowsFor('tinyconfig', await measure(src, kernelTinyBuild()), without, false);
    const defconfig = join(src, 'build-defconfig');
    if (existsSync(join(defconfig, '.build-ok'))) rows.push(...rowsFor('defconfig', await measure(src, defconfig), without, true));
    else rows.push({ name: `defconfig: not measured (no ${defconfig}/.build-ok; \`kernel.sh defconfig\` builds it)`, value: 0, unit: '' });
    return rows;
  } finally {
    rmSync(noBuild, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchServerMemory().then(
    (rows) => console.log(formatRows('Memory of the server (kernel 6.1, issue 4)', rows)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
