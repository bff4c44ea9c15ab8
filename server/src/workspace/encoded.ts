// Occurrences in a compact form: numbers in one Int32Array per file and one
// string table shared by many files. The index snapshot (lsp/indexSnapshot.ts)
// stores files this way; a restored file joins the name indexes straight from
// the numbers and makes its Occurrence objects only when something asks for
// them. Creating every object of a kernel tree at start-up costs as much as
// reading the tree again.
import type { Occurrence, OccurrenceKind } from './occurrences';

const KINDS: readonly OccurrenceKind[] = ['varDef', 'varRef', 'target', 'prereq', 'include', 'object', 'subdir'];
const KIND_CODES = new Map(KINDS.map((k, i) => [k, i]));
/** kind, name, span start/end, statement span start/end, detail, owner, value, aliases. */
export const FIELDS = 10;
const ABSENT = -1;
/** `aliases: []`, which is not the same as no aliases. */
const NO_ALIASES = -2;
const ALIAS_SEPARATOR = '\0';

export interface EncodedOccurrences {
  data: Int32Array;
  strings: readonly string[];
}

export class StringTable {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}

export function encodeOccurrences(occs: readonly Occurrence[], table: StringTable): Int32Array {
  const data = new Int32Array(occs.length * FIELDS);
  const optional = (s: string | undefined) => (s === undefined ? ABSENT : table.id(s));
  occs.forEach((o, i) => {
    const at = i * FIELDS;
    data[at] = KIND_CODES.get(o.kind) as number;
    data[at + 1] = table.id(o.name);
    data[at + 2] = o.span.start;
    data[at + 3] = o.span.end;
    data[at + 4] = o.stmtSpan.start;
    data[at + 5] = o.stmtSpan.end;
    data[at + 6] = optional(o.detail);
    data[at + 7] = optional(o.owner);
    data[at + 8] = optional(o.value);
    data[at + 9] = o.aliases === undefined ? ABSENT : o.aliases.length === 0 ? NO_ALIASES : table.id(o.aliases.join(ALIAS_SEPARATOR));
  });
  return data;
}

export function decodeOccurrences({ data, strings }: EncodedOccurrences): Occurrence[] {
  const out: Occurrence[] = [];
  for (let at = 0; at < data.length; at += FIELDS) {
    const occ: Occurrence = {
      kind: KINDS[data[at]],
      name: strings[data[at + 1]],
      span: { start: data[at + 2], end: data[at + 3] },
      stmtSpan: { start: data[at + 4], end: data[at + 5] },
    };
    const aliases = aliasesAt({ data, strings }, at);
    if (aliases !== undefined) occ.aliases = aliases;
    if (data[at + 6] !== ABSENT) occ.detail = strings[data[at + 6]];
    if (data[at + 7] !== ABSENT) occ.owner = strings[data[at + 7]];
    if (data[at + 8] !== ABSENT) occ.value = strings[data[at + 8]];
    out.push(occ);
  }
  return out;
}

/** The kind of the occurrence whose fields start at `at`. */
export function kindAt(e: EncodedOccurrences, at: number): OccurrenceKind {
  return KINDS[e.data[at]];
}

export function nameAt(e: EncodedOccurrences, at: number): string {
  return e.strings[e.data[at + 1]];
}

export function aliasesAt(e: EncodedOccurrences, at: number): string[] | undefined {
  const id = e.data[at + 9];
  if (id === ABSENT) return undefined;
  return id === NO_ALIASES ? [] : e.strings[id].split(ALIAS_SEPARATOR);
}

/** The same occurrences with their strings moved into another table (a kept file saved again without decoding it). */
export function reencode(e: EncodedOccurrences, table: StringTable): Int32Array {
  const data = e.data.slice();
  for (let at = 0; at < data.length; at += FIELDS) {
    data[at + 1] = table.id(e.strings[data[at + 1]]);
    for (const field of [6, 7, 8, 9]) if (data[at + field] >= 0) data[at + field] = table.id(e.strings[data[at + field]]);
  }
  return data;
}
