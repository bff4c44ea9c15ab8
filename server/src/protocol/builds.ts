// Requests about a build dir's .cmd files, shared by server and client (types only).

/** `kbuild/whatRebuilds`: objects rebuilt when a file or CONFIG option changes. */
export const WHAT_REBUILDS_REQUEST = 'kbuild/whatRebuilds';
export interface WhatRebuildsParams {
  /** An absolute path (header, C file) or a CONFIG_ symbol. */
  what: string;
}
export interface WhatRebuildsResult {
  builds: Array<{ buildDir: string; objects: Array<{ object: string; source?: string }> }>;
}

/** `kbuild/whyRebuild`: make's if_changed reasoning for one object. */
export const WHY_REBUILD_REQUEST = 'kbuild/whyRebuild';
export interface WhyRebuildParams {
  /** The object: absolute, build-relative, or a source file whose object is meant. */
  target: string;
}
export interface WhyRebuildResult {
  reports: Array<{ buildDir: string; target: string; upToDate: boolean; markdown: string }>;
}

/** The client command a "rebuilds N objects" CodeLens runs: arguments are a WhatRebuildsResult and a title. */
export const SHOW_OBJECTS_COMMAND = 'kbuild-analyzer.showObjects';
