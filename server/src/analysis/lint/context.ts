// What a rule sees when it lints one file: the source (files and the
// workspace's answers), the file, the files of its context (itself, what it
// includes, the Makefiles that read it), where each variable is assigned
// there, and the optional shell parser and evaluated values.
import { literalText } from '../../syntax/expr';
import type { ShellParser } from '../shell/parser';
import { readClosure } from './includers';
import { type AssignEntry, fileModel, type FileModel } from './model';
import type { EvaluatedValues, LintFile, LintSource } from './types';

export interface Definition {
  file: string;
  entry: AssignEntry;
}

export interface LintContext {
  src: LintSource;
  file: string;
  entry: LintFile;
  model: FileModel;
  /** The file and its include closure: one make run's reading of it. */
  closure: string[];
  /** Closure plus the Makefiles whose context the file is read in, nearest first. */
  contextFiles: string[];
  parser?: ShellParser;
  values?: EvaluatedValues;
  /** Assignments of a variable anywhere in contextFiles, in their order. */
  definitions(name: string): Definition[];
  /** Whether a computed name (`cmd_$(x)`, `feature-$(1)`) defined in the context could be `name`. */
  computedDefinition(name: string): Definition | undefined;
}

interface FileDefs {
  literal: Map<string, AssignEntry[]>;
  computed: Array<{ re: RegExp; entry: AssignEntry }>;
}

const defsCache = new WeakMap<FileModel, FileDefs>();

/** A computed name's template as a pattern: each reference may be any non-empty text. */
export function templatePattern(template: string): RegExp | undefined {
  const pieces = template.split(/\$[({][^)}]*[)}]|\$./);
  if (pieces.every((p) => p === '')) return undefined; // `$(1)` alone could be anything: no evidence
  return new RegExp(`^${pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}

function fileDefs(entry: LintFile): FileDefs {
  const model = fileModel(entry.parse.stmts);
  const hit = defsCache.get(model);
  if (hit) return hit;
  const defs: FileDefs = { literal: new Map(), computed: [] };
  for (const a of model.assigns) {
    const name = literalText(a.stmt.name)?.trim();
    if (name !== undefined) {
      const list = defs.literal.get(name);
      if (list) list.push(a);
      else defs.literal.set(name, [a]);
      continue;
    }
    const re = templatePattern(entry.text.slice(a.stmt.name.span.start, a.stmt.name.span.end).trim());
    if (re) defs.computed.push({ re, entry: a });
  }
  defsCache.set(model, defs);
  return defs;
}

/** Lookups of assignments over a set of files, in their order. */
export function definitionsOver(src: LintSource, files: string[]): Pick<LintContext, 'definitions' | 'computedDefinition'> {
  const tables = files.flatMap((f) => {
    const e = src.files.get(f);
    return e ? [{ file: f, defs: fileDefs(e) }] : [];
  });
  return {
    definitions: (name) => tables.flatMap((t) => (t.defs.literal.get(name) ?? []).map((e) => ({ file: t.file, entry: e }))),
    computedDefinition: (name) => {
      for (const t of tables) {
        const hit = t.defs.computed.find((c) => c.re.test(name));
        if (hit) return { file: t.file, entry: hit.entry };
      }
      return undefined;
    },
  };
}

export function createLintContext(args: { src: LintSource; file: string; parser?: ShellParser; values?: EvaluatedValues }): LintContext | undefined {
  const { src, file } = args;
  const entry = src.files.get(file);
  if (!entry) return undefined;
  const contextFiles = src.contextFiles(file);
  return {
    src,
    file,
    entry,
    model: fileModel(entry.parse.stmts),
    closure: readClosure(src, file),
    contextFiles,
    parser: args.parser,
    values: args.values,
    ...definitionsOver(src, contextFiles),
  };
}
