// output-source-write: in a tools-style Makefile, a recipe writes a
// generated file to a relative path (a literal one, or `$@` of a target
// without the prefix among prefixed ones): under O= it lands in the
// source tree. Writes after a `cd` and source indexes (tags, cscope) aside.
import type { RecipeWrite } from '../shell/recipe';
import type { LintContext } from './context';
import type { RuleEntry } from './model';
import type { OutputStyle } from './output';
import type { Finding } from './types';
import { pathKind } from './values';
import { literalWord, refName, splitWords, type Word } from './words';

/** Source indexes belong next to the sources: `make tags` or `cscope` writing there is the point. */
const SOURCE_INDEX = /^(tags|TAGS|etags|ctags|gtags|GTAGS|cscope)$/;

export function sourceWrites(args: { ctx: LintContext; rule: RuleEntry; writes: RecipeWrite[]; style: OutputStyle }): Finding[] {
  const { ctx, rule, writes, style } = args;
  const targets = splitWords(rule.stmt.targets, ctx.entry.text);
  if (targets.some((t) => SOURCE_INDEX.test(literalWord(t) ?? ''))) return [];
  const out: Finding[] = [];
  for (const w of writes) {
    if (w.afterCd) continue;
    if (w.parts.length === 1 && refName(w.parts[0]) === '@') {
      const bare = targets.filter((t) => pathKind(ctx, t.parts) === 'relative' && !style.isPhony(literalWord(t)));
      if (bare.length > 0 && prefixesOthers(ctx, style)) out.push(sourceWrite({ ctx, write: w, style, bareTargets: bare }));
      continue;
    }
    if (w.parts[0]?.kind === 'text' && pathKind(ctx, w.parts) === 'relative') out.push(sourceWrite({ ctx, write: w, style }));
  }
  return out;
}

/** Some rule of the file has a prefixed target: the file means to build under the output directory. */
function prefixesOthers(ctx: LintContext, style: OutputStyle): boolean {
  return ctx.model.rules.some((r) => splitWords(r.stmt.targets, ctx.entry.text).some((w) => style.vars.has(refName(w.parts[0]) ?? '')));
}

/** The prefix as the file writes it: `$(OUTPUT)` when OUTPUT ends in a slash (tools/scripts/Makefile.include), else `$(VAR)/`. */
function prefixText(ctx: LintContext, style: OutputStyle): string {
  const own = [...style.vars].filter((v) => v !== 'OUTPUT');
  const name = ctx.definitions('OUTPUT').length > 0 || own.length === 0 ? 'OUTPUT' : own[0];
  const uses = [...ctx.entry.text.matchAll(new RegExp(`\\$\\(${name}\\)(/?)`, 'g'))];
  const slashed = uses.filter((m) => m[1] === '/').length;
  return slashed * 2 > uses.length ? `$(${name})/` : `$(${name})`;
}

function sourceWrite(args: { ctx: LintContext; write: RecipeWrite; style: OutputStyle; bareTargets?: Word[] }): Finding {
  const { ctx, write, bareTargets } = args;
  const text = ctx.entry.text;
  const prefix = prefixText(ctx, args.style);
  const path = text.slice(write.span.start, write.span.end);
  const where = bareTargets ?? [{ parts: [], span: write.span }];
  const names = bareTargets ? ` (target ${bareTargets.map((t) => `\`${text.slice(t.span.start, t.span.end)}\``).join(', ')})` : '';
  return {
    code: 'output-source-write',
    file: ctx.file,
    span: write.span,
    message: `The recipe writes \`${path}\`${names} relative to the source directory: with O= it lands in the source tree instead of ${prefix.replace(/\/$/, '')}.`,
    related: bareTargets ? bareTargets.map((t) => ({ file: ctx.file, span: t.span, message: 'the target, without the prefix' })) : [],
    fixes: [
      {
        title: bareTargets ? 'Add the output prefix to the target' : 'Write it under the output directory',
        edits: where.map((t) => ({ file: ctx.file, span: { start: t.span.start, end: t.span.start }, newText: prefix })),
      },
    ],
  };
}
