// The real kernel 6.1 tree from ../shared/corpus (extracted on first use).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { discoverMakeFiles } from '../../server/src/lsp/discovery';
import { createWorkspace, setFileText, type Workspace } from '../../server/src/workspace/workspace';

const corpusScript = resolve(__dirname, '../../../shared/corpus/kernel.sh');

export function kernelSource(): string {
  return execFileSync('bash', [corpusScript, 'src'], { encoding: 'utf8' }).trim();
}

export function kernelTinyBuild(): string {
  return execFileSync('bash', [corpusScript, 'tiny'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** Every make file of the tree (the build dirs inside it excluded). */
export async function kernelMakeFiles(src: string): Promise<string[]> {
  return discoverMakeFiles({ root: src, exclude: ['build-*/**'] });
}

let cached: { src: string; ws: Workspace; files: string[] } | undefined;

export async function kernelWorkspace(): Promise<{ src: string; ws: Workspace; files: string[] }> {
  if (cached) return cached;
  const src = kernelSource();
  const files = await kernelMakeFiles(src);
  const ws = createWorkspace({ root: src });
  for (const f of files) setFileText(ws, f, readFileSync(f, 'utf8'));
  cached = { src, ws, files };
  return cached;
}

export function offsetOf(text: string, needle: string, within = 0): number {
  const i = text.indexOf(needle);
  if (i === -1) throw new Error(`not found: ${needle}`);
  return i + within;
}

export { join };
