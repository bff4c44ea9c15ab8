// Multi-file fixtures written as one string, rust-analyzer style:
//   //- /Makefile
//   X = 1
//   //- /sub/Kbuild
//   obj-y += $0a.o
// `$0` marks the cursor (removed from the text). `$$0` is not special.
import { createWorkspace, setFileText, type Workspace } from '../../server/src/workspace/workspace';

export interface Fixture {
  ws: Workspace;
  /** File holding the cursor, and its offset. */
  cursor?: { file: string; offset: number };
  texts: Map<string, string>;
}

export function loadFixture(spec: string, root = '/w'): Fixture {
  const ws = createWorkspace({ root });
  const texts = new Map<string, string>();
  let cursor: Fixture['cursor'];
  const parts = spec.split(/^\/\/- /m).filter((p) => p.trim() !== '');
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const path = root + part.slice(0, nl).trim();
    let text = part.slice(nl + 1);
    const at = text.indexOf('$0');
    if (at !== -1 && text[at - 1] !== '$') {
      text = text.slice(0, at) + text.slice(at + 2);
      cursor = { file: path, offset: at };
    }
    texts.set(path, text);
    setFileText(ws, path, text);
  }
  return { ws, cursor, texts };
}

/** `path:line: text of that line` for a span start, to assert readable results. */
export function describe(fixture: Fixture, file: string, offset: number): string {
  const text = fixture.texts.get(file) ?? '';
  const line = text.slice(0, offset).split('\n').length;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return `${file.slice('/w'.length)}:${line}: ${text.slice(start, end === -1 ? undefined : end)}`;
}
