// Shared by the lint tests: one shell parser per process (wasm from
// node_modules, as the CLI does outside the bundle), and fixture trees
// rooted at a kernel-shaped `/` so that Kbuild and tools/ contexts apply.
import { readFileSync } from 'node:fs';
import { createShellParser, type ShellParser } from '../../../server/src/analysis/lint';
import { loadFixture, type Fixture } from '../../helpers/fixture';

let parser: Promise<ShellParser> | undefined;

export function shellParser(): Promise<ShellParser> {
  parser ??= createShellParser({
    engine: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
    grammar: readFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')),
  });
  return parser;
}

/** A fixture tree with an empty /scripts/Kbuild.include added (the kernel-root marker) unless it has one. */
export function loadTree(spec: string): Fixture {
  return loadFixture(spec.includes('//- /scripts/Kbuild.include') ? spec : `//- /scripts/Kbuild.include\n${spec}`);
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
