// output-prefix-prereq: a prerequisite names `foo.h` where the only rule
// making it is `$(OUTPUT)foo.h`, and no rule or pattern makes the bare name.
import type { Span } from '../../syntax/ast';
import type { LintContext } from './context';
import { fileModel, type FileModel } from './model';
import type { OutputStyle } from './output';
import type { Finding, LintFile } from './types';
import { literalWord, refName, splitWords } from './words';

interface MadeTargets {
  /** `foo.h` for a rule making `$(OUTPUT)foo.h` (or `$(OUTPUT)/foo.h`): where, as written. */
  prefixed: Map<string, { span: Span; raw: string }>;
  bare: Set<string>;
  patterns: RegExp[];
}

const madeCache = new WeakMap<FileModel, MadeTargets>();

function madeTargets(entry: LintFile): MadeTargets {
  const model = fileModel(entry.parse.stmts);
  const hit = madeCache.get(model);
  if (hit) return hit;
  const made: MadeTargets = { prefixed: new Map(), bare: new Set(), patterns: [] };
  for (const rule of model.rules) {
    for (const w of splitWords(rule.stmt.targets, entry.text)) {
      const rest = refName(w.parts[0]) === 'OUTPUT' ? literalWord({ parts: w.parts.slice(1), span: w.span })?.replace(/^\/+/, '') : undefined;
      if (rest && !rest.includes('%') && !made.prefixed.has(rest)) made.prefixed.set(rest, { span: w.span, raw: entry.text.slice(w.span.start, w.span.end) });
      const literal = literalWord(w);
      if (literal === undefined) continue;
      if (literal.includes('%')) made.patterns.push(new RegExp(`^${literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('%', '.+')}$`));
      else made.bare.add(literal);
    }
  }
  madeCache.set(model, made);
  return made;
}

/** Prerequisites naming `foo.h` where only `$(OUTPUT)foo.h` has a rule. */
export function prereqFindings(ctx: LintContext, style: OutputStyle): Finding[] {
  const { vpath } = style;
  const sources = ctx.contextFiles.flatMap((file) => {
    const entry = ctx.src.files.get(file);
    return entry ? [{ file, made: madeTargets(entry) }] : [];
  });
  const maker = (name: string) => {
    if (sources.some((s) => s.made.bare.has(name) || s.made.patterns.some((p) => p.test(name)))) return undefined;
    for (const s of sources) {
      const hit = s.made.prefixed.get(name);
      if (hit) return { file: s.file, ...hit };
    }
    return undefined;
  };
  const out: Finding[] = [];
  for (const rule of ctx.model.rules) {
    const lists = [rule.stmt.prereqs, ...(rule.stmt.orderOnly ? [rule.stmt.orderOnly] : [])];
    for (const w of lists.flatMap((e) => splitWords(e, ctx.entry.text))) {
      const name = literalWord(w);
      const made = name !== undefined ? maker(name.replace(/^\.\//, '')) : undefined;
      if (!name || !made) continue;
      const bare = name.replace(/^\.\//, '');
      const prefix = made.raw.endsWith(bare) ? made.raw.slice(0, made.raw.length - bare.length) : '$(OUTPUT)';
      out.push({
        code: 'output-prefix-prereq',
        file: ctx.file,
        span: w.span,
        message: vpath
          ? `Prerequisite \`${name}\` is made as \`${made.raw}\`; only VPATH += $(OUTPUT) finds it once it exists, and make never rebuilds it through this name.`
          : `Prerequisite \`${name}\` is made as \`${made.raw}\`: no rule makes \`${name}\`, so make fails or uses a stale file under O=.`,
        severity: vpath ? 'warning' : undefined,
        related: [{ file: made.file, span: made.span, message: 'the rule that makes it, with the prefix' }, ...(vpath ? [vpath] : [])],
        fixes: [{ title: `Add the ${prefix} prefix`, edits: [{ file: ctx.file, span: { start: w.span.start, end: w.span.start + name.length - bare.length }, newText: prefix }] }],
      });
    }
  }
  return out;
}
