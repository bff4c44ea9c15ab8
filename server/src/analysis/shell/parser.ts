// tree-sitter-bash through web-tree-sitter. The wasm binaries come in as
// bytes from the caller (lsp/ or the CLI reads them next to the bundle):
// no IO here. One parser per process is enough; parsing is synchronous.
import { Language, Parser, type Node } from 'web-tree-sitter';

export type ShellNode = Node;

export interface ShellParser {
  /** Parses one shell command line; calls `use` with the root while the tree is alive, then frees it. */
  parse<T>(text: string, use: (root: ShellNode) => T): T | undefined;
}

export interface ShellWasm {
  /** web-tree-sitter.wasm */
  engine: Uint8Array;
  /** tree-sitter-bash.wasm */
  grammar: Uint8Array;
}

let engineReady: Promise<void> | undefined;

export async function createShellParser(wasm: ShellWasm): Promise<ShellParser> {
  // Emscripten takes the engine's bytes as `wasmBinary` instead of fetching a file.
  engineReady ??= Parser.init({ wasmBinary: wasm.engine } as object);
  await engineReady;
  const language = await Language.load(wasm.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(text, use) {
      const tree = parser.parse(text);
      if (!tree) return undefined;
      try {
        return use(tree.rootNode);
      } finally {
        tree.delete();
      }
    },
  };
}
