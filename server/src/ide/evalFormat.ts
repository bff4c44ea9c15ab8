// Markdown pieces for hovers over an evaluated context: code spans, places
// as links, and values folded at about 40 lines / 2,000 characters with a
// command link that opens the whole text in an editor.
import { displayValue } from '../eval/unknown';
import type { Location } from '../eval/types';

export const FOLD_LINES = 40;
export const FOLD_CHARS = 2000;
/** Values are wrapped at word boundaries to this width in code blocks. */
const WRAP = 100;

/** The client command that opens the full text (client/src/commands/showExpansion.ts). */
export const SHOW_EXPANSION_COMMAND = 'kbuild-analyzer.showExpansion';

export function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

export function relativeTo(root: string, file: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

function fileUri(path: string): string {
  return 'file://' + encodeURI(path).replace(/[?#]/g, encodeURIComponent);
}

/** `[Makefile:12](file:///…#L12)`; `$(eval)` places say so. */
export function placeLink(root: string, loc: Location | null): string {
  if (!loc) return '(no file)';
  const text = `${relativeTo(root, loc.path)}:${loc.line}`;
  return `[${text}](${fileUri(loc.path)}#L${loc.line})${loc.inEval ? ' (from `$(eval)`)' : ''}`;
}

/** A value as a person reads it: unknown parts as «unknown», long lines wrapped at blanks. */
export function readable(value: string): string {
  const shown = displayValue(value);
  return shown
    .split('\n')
    .flatMap((line) => wrapLine(line))
    .join('\n');
}

function wrapLine(line: string): string[] {
  if (line.length <= WRAP) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/[ \t]+/)) {
    if (current !== '' && current.length + 1 + word.length > WRAP) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') out.push(current);
  return out;
}

export interface Folded {
  /** What the hover shows. */
  shown: string;
  /** Set when something was cut. */
  folded: boolean;
}

export function fold(text: string): Folded {
  const lines = text.split('\n');
  let shown = lines.length > FOLD_LINES ? lines.slice(0, FOLD_LINES).join('\n') : text;
  if (shown.length > FOLD_CHARS) shown = shown.slice(0, FOLD_CHARS);
  return { shown, folded: shown.length < text.length };
}

/** A fenced block that no line of the text can close. */
export function block(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** The arguments of the show-expansion command link: where the hover was, in which context. */
export interface ExpansionTarget {
  uri: string;
  offset: number;
  contextId: string;
}

export function expansionLink(target: ExpansionTarget): string {
  return `command:${SHOW_EXPANSION_COMMAND}?${encodeURIComponent(JSON.stringify([target]))}`;
}

/** A value block, folded with a link to the whole text when long. */
export function valueBlock(args: { value: string; link: ExpansionTarget | undefined }): string {
  const text = readable(args.value);
  const { shown, folded } = fold(text);
  if (!folded) return block(text);
  const total = `${text.split('\n').length} lines, ${text.length} characters`;
  const more = args.link ? `[Open the full expansion](${expansionLink(args.link)}) (${total})` : `(${total})`;
  return `${block(shown + '\n…')}\n\n${more}`;
}
