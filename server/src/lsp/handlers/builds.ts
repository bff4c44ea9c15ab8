// The .cmd index in the editor: a CodeLens on C files and headers
// ("rebuilds N objects"), and the What Rebuilds / Why Rebuild requests.
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { objectInfo } from '../../cmdfiles';
import { explainRebuild, whatRebuilds, type BuildIndex } from '../../ide/builds';
import {
  SHOW_OBJECTS_COMMAND,
  type WhatRebuildsParams,
  type WhatRebuildsResult,
  type WhyRebuildParams,
  type WhyRebuildResult,
} from '../../protocol/builds';
import { buildsFor, contextsForBuild } from '../builds';
import { uriToPath } from '../conversions';
import { shellAllowed } from '../evaluation';
import { createNodeHost } from '../nodeHost';
import type { ServerState } from '../state';

const host = createNodeHost();

function allBuilds(state: ServerState): BuildIndex[] {
  return state.folders.flatMap((f) => f.builds);
}

export function onWhatRebuilds(state: ServerState, params: WhatRebuildsParams): WhatRebuildsResult {
  const builds = /^CONFIG_/.test(params.what) ? allBuilds(state) : buildsFor(state, params.what);
  return {
    builds: builds.map((b) => ({
      buildDir: b.buildDir,
      objects: whatRebuilds(b, params.what).map((object) => ({ object, source: objectInfo(b.store, object)?.source })),
    })),
  };
}

/** `foo.c` of the source tree names `foo.o` of the build. */
function targetIn(build: BuildIndex, target: string): string {
  if (!isAbsolute(target)) return target;
  const rel = target.startsWith(build.srctree + '/') ? target.slice(build.srctree.length + 1) : undefined;
  if (rel && /\.(c|S|s|rs)$/.test(rel)) return rel.replace(/\.(c|S|s|rs)$/, '.o');
  return target;
}

export function onWhyRebuild(state: ServerState, params: WhyRebuildParams): WhyRebuildResult {
  const builds = isAbsolute(params.target) ? buildsFor(state, params.target) : allBuilds(state);
  return {
    reports: builds.flatMap((build) => {
      const target = targetIn(build, params.target);
      if (!objectInfo(build.store, target)) return [];
      // The command make would run now, in the folder's build contexts; $(shell) only as the workspace's policy allows.
      const r = explainRebuild({ build, host, target, contexts: contextsForBuild(state, build), runShell: shellAllowed(state) });
      return [{ buildDir: build.buildDir, target: r.target, upToDate: r.upToDate, markdown: r.text }];
    }),
  };
}

export function onCodeLens(state: ServerState, params: CodeLensParams): CodeLens[] {
  const path = uriToPath(params.textDocument.uri);
  if (!path || !existsSync(path)) return [];
  const result = onWhatRebuilds(state, { what: path });
  const count = result.builds.reduce((n, b) => n + b.objects.length, 0);
  if (count === 0) return [];
  const where = result.builds.length === 1 ? '' : ` in ${result.builds.length} builds`;
  const title = `rebuilds ${count} object${count === 1 ? '' : 's'}${where}`;
  return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title, command: SHOW_OBJECTS_COMMAND, arguments: [result, title] } }];
}
