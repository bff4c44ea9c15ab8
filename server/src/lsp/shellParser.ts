// The recipe shell parser (web-tree-sitter + tree-sitter-bash), from the
// wasm files next to the bundle (dist/), else from node_modules in a checkout.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShellParser, type ShellParser } from '../analysis/lint';

/** web-tree-sitter's and tree-sitter-bash's wasm: next to the bundle (dist/), else from node_modules. */
export async function loadShellParser(): Promise<ShellParser> {
  const find = (file: string, pkg: string) => {
    const bundled = join(__dirname, file);
    return existsSync(bundled) ? bundled : require.resolve(`${pkg}/${file}`);
  };
  return createShellParser({
    engine: readFileSync(find('web-tree-sitter.wasm', 'web-tree-sitter')),
    grammar: readFileSync(find('tree-sitter-bash.wasm', 'tree-sitter-bash')),
  });
}
