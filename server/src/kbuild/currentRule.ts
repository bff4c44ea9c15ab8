// The rule make would use for a target of an evaluated makefile, and the
// automatic variables its recipe gets. The evaluator keeps the rules as read
// and does no implicit rule search, so this does the part Kbuild needs
// (GNU make 4.3 pattern_search, one level): an explicit rule with a recipe
// wins; else the matching pattern rules with a recipe, shortest stem first
// (stable), and the first whose prerequisites all exist or ought to exist
// (a file, found directly or through VPATH/vpath, or a target of the
// makefile). No intermediate-file chains, no match-anything special cases.
import { variableValue, type Evaluation } from '../eval';
import type { Host } from '../eval/host';
import { resolvePath } from '../eval/paths';
import type { RecipeLine } from '../eval/types';
import { matchPattern, parsePattern, splitWords } from '../eval/words';

export interface FoundRule {
  recipe: RecipeLine[];
  /** Where make found the rule: the pattern (`init/%.o`) or the target itself. */
  pattern: string | undefined;
  /** $@ $< $^ $+ $| $*, as make sets them (prerequisites after VPATH search). */
  automatic: Record<string, string>;
}

export interface RuleQuery {
  ev: Evaluation;
  /** As the makefile names it: relative to the evaluation's directory. */
  target: string;
  host: Host;
  /** The directory make runs in (CURDIR). */
  cwd: string;
}

function stripDot(name: string): string {
  let n = name;
  while (n.startsWith('./') && n.length > 2) n = n.slice(2);
  return n;
}

/** Directories make searches for a prerequisite not found as named: matching `vpath` directives in order, then VPATH. */
function searchDirs(q: RuleQuery, name: string): string[] {
  const dirs: string[] = [];
  for (const v of q.ev.vpaths) if (matchPattern(parsePattern(v.pattern), name) !== null) dirs.push(...v.dirs);
  const vpath = variableValue(q.ev, 'VPATH').value;
  dirs.push(...splitWords(vpath.replace(/:/g, ' ')));
  return dirs;
}

/** The name make uses for a prerequisite: as written when it exists or is a target, else the first VPATH hit. */
function located(q: RuleQuery, name: string): { name: string; found: boolean } {
  const exists = (p: string) => q.host.stat(resolvePath(q.cwd, p)) !== undefined;
  if (exists(name) || q.ev.targets.has(name)) return { name, found: true };
  if (!name.startsWith('/')) {
    for (const dir of searchDirs(q, name)) {
      const candidate = `${dir.replace(/\/+$/, '')}/${name}`;
      if (exists(candidate)) return { name: candidate, found: true };
    }
  }
  return { name, found: false };
}

function uniq(words: string[]): string[] {
  return [...new Set(words)];
}

function automatic(args: { target: string; stem: string; prereqs: string[]; orderOnly: string[] }): Record<string, string> {
  return {
    '@': args.target,
    '<': args.prereqs[0] ?? '',
    '^': uniq(args.prereqs).join(' '),
    '+': args.prereqs.join(' '),
    '?': uniq(args.prereqs).join(' '),
    '|': uniq(args.orderOnly).join(' '),
    '*': args.stem,
  };
}

interface Candidate {
  pattern: string;
  stem: string;
  /** The target's directory, prepended to prerequisites when the pattern has no slash. */
  dir: string;
  prereqs: string[];
  orderOnly: string[];
  recipe: RecipeLine[];
}

function candidates(ev: Evaluation, target: string): Candidate[] {
  const out: Candidate[] = [];
  const slash = target.lastIndexOf('/');
  for (const rule of ev.patternRules) {
    if (rule.recipe.length === 0) continue;
    for (const raw of rule.targets) {
      const pattern = stripDot(raw);
      const inDir = !pattern.includes('/');
      const dir = inDir && slash !== -1 ? target.slice(0, slash + 1) : '';
      const stem = matchPattern(parsePattern(pattern), inDir ? target.slice(slash + 1) : target);
      // A `%` matches a non-empty stem only.
      if (stem === null || stem === '') continue;
      out.push({ pattern, stem, dir, prereqs: rule.prereqs, orderOnly: rule.orderOnly, recipe: rule.recipe });
    }
  }
  // make 3.82+: the most specific match (shortest stem) first, otherwise in definition order.
  return out.map((c, k) => ({ c, k })).sort((a, b) => a.c.stem.length - b.c.stem.length || a.k - b.k).map((x) => x.c);
}

function instantiate(c: Candidate, word: string): string {
  const k = word.indexOf('%');
  if (k === -1) return word;
  return c.dir + word.slice(0, k) + c.stem + word.slice(k + 1);
}

/** The rule make would run for `target`, or undefined when the makefile has none with a recipe. */
export function findRule(q: RuleQuery): FoundRule | undefined {
  const target = stripDot(q.target);
  const explicit = q.ev.targets.get(target);
  const names = (words: readonly string[]) => words.map((w) => located(q, w).name);
  if (explicit?.recipe && explicit.recipe.length > 0) {
    const prereqs = names(explicit.prereqs);
    return { recipe: explicit.recipe, pattern: undefined, automatic: automatic({ target, stem: explicit.stem ?? '', prereqs, orderOnly: names(explicit.orderOnly) }) };
  }
  for (const c of candidates(q.ev, target)) {
    const wanted = c.prereqs.map((w) => located(q, instantiate(c, w)));
    if (!wanted.every((w) => w.found)) continue;
    // The pattern's prerequisites come first ($<), then those of rules without recipe for the target.
    const prereqs = [...wanted.map((w) => w.name), ...names(explicit?.prereqs ?? [])];
    const orderOnly = [...c.orderOnly.map((w) => located(q, instantiate(c, w)).name), ...names(explicit?.orderOnly ?? [])];
    return { recipe: c.recipe, pattern: c.pattern, automatic: automatic({ target, stem: c.dir + c.stem, prereqs, orderOnly }) };
  }
  return undefined;
}
