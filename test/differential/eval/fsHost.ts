// A Host over the real file system for the differential tests: the server's
// own, with $(shell) run in the same controlled environment make gets, so
// $(shell) fixtures compare real outputs.
import type { Host } from '../../../server/src/eval/host';
import { createNodeHost } from '../../../server/src/lsp/nodeHost';

/** The host, and the stderr lines of the commands it ran (make would show them). */
export function fsHost(env: Record<string, string>): { host: Host; stderr: string[] } {
  const stderr: string[] = [];
  const host = createNodeHost({ allowShell: true, shellTimeoutMs: 60_000, env, onStderr: (line) => stderr.push(line) });
  return { host, stderr };
}
