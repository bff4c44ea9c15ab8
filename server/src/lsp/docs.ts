// Where the diagnostics' explanation pages are: docs/diagnostics/ shipped
// beside the bundle (the extension or a checkout), linked as file URLs so
// they open offline in the editor.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The base that `docs/diagnostics/CODE.md` is appended to, or undefined when the pages are not here. */
export function localDocsBase(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'docs', 'diagnostics'))) return `${pathToFileURL(dir).href}/`;
    if (dirname(dir) === dir) return undefined;
  }
}
