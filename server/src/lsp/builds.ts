// Build dirs of a workspace folder and their .cmd indexes: found after the
// make files are indexed (a configured build dir at most two levels down:
// `build-x86/`, `out/arm64/`, or the tree itself), kept current from
// watched-file events so a rebuild in a terminal shows without a restart.
import { basename, resolve } from 'node:path';
import { buildDirFor, buildDirInfo, findBuildDirs, loadCmdStore, removeCmdFile, updateCmdFile, type BuildDirInfo } from '../cmdfiles';
import type { BuildIndex } from '../ide/builds';
import type { ContextSet } from '../kbuild/contexts';
import { BUILDS_STATE_NOTIFICATION, type BuildsStateParams } from '../protocol/requests';
import { pathToUri } from './conversions';
import { contextSetFor } from './evaluation';
import { createNodeHost } from './nodeHost';
import { isUnder, type Folder, type ServerState } from './state';

const host = createNodeHost();

/**
 * The build dirs of a folder: the `buildDirectory` setting (relative to the
 * first folder) when set, else those at most two levels down, else the
 * nearest one above the folder (a workspace opened on a subdirectory).
 */
function buildDirsOf(state: ServerState, folder: Folder): BuildDirInfo[] {
  const configured = state.settings.buildDirectory;
  if (configured !== '') {
    const first = state.folders.find((f) => f.indexed) ?? folder;
    if (folder !== first) return [];
    const dir = resolve(first.root, configured);
    const info = buildDirInfo({ host, dir });
    if (!info) state.connection.console.warn(`kbuild-analyzer.buildDirectory: ${dir} has no .config and include/config/auto.conf (not a configured build dir)`);
    return info ? [info] : [];
  }
  const below = findBuildDirs({ host, root: folder.root, depth: 2 });
  if (below.length > 0) return below;
  const above = buildDirFor({ host, path: folder.root });
  return above ? [above] : [];
}

/** Loads the .cmd indexes of a folder's build dirs, then tells the client (kbuild/buildsState). */
export function loadBuilds(state: ServerState, folder: Folder): void {
  const started = Date.now();
  folder.builds = buildDirsOf(state, folder).map((info) => ({
    store: loadCmdStore({ host, buildDir: info.buildDir }),
    buildDir: info.buildDir,
    srctree: info.srctree ?? folder.root,
  }));
  const ms = Date.now() - started;
  for (const b of folder.builds) {
    state.connection.console.info(`Build dir ${b.buildDir}: ${b.store.objects.size} objects from .cmd files (${ms} ms)`);
  }
  const loaded: BuildsStateParams = {
    folder: pathToUri(folder.root),
    builds: folder.builds.map((b) => ({ buildDir: b.buildDir, cmdFiles: b.store.byCmdFile.size, objects: b.store.objects.size })),
    ms,
  };
  void state.connection.sendNotification(BUILDS_STATE_NOTIFICATION, loaded);
}

export function isCmdFile(path: string): boolean {
  return /^\..+\.cmd$/.test(basename(path));
}

/** A .cmd file changed or went away: re-index just that file. */
export function onCmdFileChange(folder: Folder, path: string, deleted: boolean): void {
  for (const build of folder.builds) {
    if (!isUnder(build.buildDir, path)) continue;
    if (deleted) removeCmdFile(build.store, path);
    else updateCmdFile({ store: build.store, host, cmdFile: path });
  }
}

export function buildsFor(state: ServerState, path: string): BuildIndex[] {
  return state.folders.filter((f) => isUnder(f.root, path) || f.builds.some((b) => isUnder(b.srctree, path))).flatMap((f) => f.builds);
}

/** The build contexts of the folder holding a build's source tree (its top Makefile's set), for the command make would run now. */
export function contextsForBuild(state: ServerState, build: BuildIndex): ContextSet | undefined {
  return contextSetFor(state, `${build.srctree}/Makefile`);
}
