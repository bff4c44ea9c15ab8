// A recipe line that runs a sub-make, read back into make's arguments: the
// line as the shell would get it (already expanded) → directory (-C),
// makefiles (-f), include dirs (-I), switches, command-line variables and
// goals. Words are split like sh does for plain words and simple quotes;
// anything after a shell operator (`;`, `&&`, `|`) is not make's.

export interface MakeInvocation {
  /** `-C DIR`, as written (relative to the recipe's directory). */
  directory: string | null;
  /** `-f FILE`, in order. */
  makefiles: string[];
  includeDirs: string[];
  /** Single-letter switches (`-s`, `-k`); `-j` is left out (it changes no variable). */
  flags: string;
  /** Long options make shows in MAKEFLAGS (`--no-print-directory`). */
  longOptions: string[];
  /** `NAME=VALUE` (any assignment operator). */
  variables: string[];
  goals: string[];
}

/** Split like sh splits one simple command: blanks separate, quotes group, a shell operator ends it. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === ';' || c === '|' || c === '&') {
      break;
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, k + 1);
      const stop = end === -1 ? line.length : end;
      word = (word ?? '') + line.slice(k + 1, stop);
      k = stop;
    } else if (c === '\\' && line[k + 1] === '\n') {
      k++; // a continued line: sh drops both
    } else if (c === '\\' && k + 1 < line.length) {
      word = (word ?? '') + line[++k];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

const ASSIGNMENT = /^[^\s=:+?!-][^\s=]*?(?::{1,3}=|[+?!]?=)/;

/**
 * The make invocation of one expanded recipe line, when the line runs
 * `makeCommand` (what $(MAKE) expands to); undefined otherwise.
 */
export function parseMakeInvocation(line: string, makeCommand: string): MakeInvocation | undefined {
  const words = shellWords(line.replace(/^[\s@+-]+/, ''));
  const start = words.indexOf(makeCommand);
  // Only `make …` itself, or after an environment assignment (`VAR=x make …`).
  if (start === -1 || words.slice(0, start).some((w) => !ASSIGNMENT.test(w))) return undefined;
  const inv: MakeInvocation = { directory: null, makefiles: [], includeDirs: [], flags: '', longOptions: [], variables: [], goals: [] };
  const flags = new Set<string>();
  for (let k = start + 1; k < words.length; k++) {
    const w = words[k];
    const withArg = (opt: string): string | undefined => (w.length > opt.length ? w.slice(opt.length) : words[++k]);
    if (w === '--') continue;
    if (w.startsWith('--')) {
      const [name, value] = w.split(/=(.*)/s);
      if (name === '--directory') inv.directory = value ?? words[++k] ?? null;
      else if (name === '--file' || name === '--makefile') inv.makefiles.push(value ?? words[++k] ?? '');
      else if (name === '--include-dir') inv.includeDirs.push(value ?? words[++k] ?? '');
      else if (!name.startsWith('--jobs')) inv.longOptions.push(w);
    } else if (w.startsWith('-C')) inv.directory = withArg('-C') ?? null;
    else if (w.startsWith('-f')) inv.makefiles.push(withArg('-f') ?? '');
    else if (w.startsWith('-I')) inv.includeDirs.push(withArg('-I') ?? '');
    else if (w.startsWith('-j') || w.startsWith('-l')) {
      if (w.length === 2 && /^\d+$/.test(words[k + 1] ?? '')) k++;
    }
    else if (w.startsWith('-') && w.length > 1) for (const c of w.slice(1)) flags.add(c);
    else if (ASSIGNMENT.test(w)) inv.variables.push(w);
    else if (w !== '') inv.goals.push(w);
  }
  inv.flags = [...flags].join('');
  return inv;
}
