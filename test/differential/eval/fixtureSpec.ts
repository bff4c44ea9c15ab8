// A fixture's header comments and the dump appended to its copy.
//
//   # args: -e A=1 'B=x y'     switches, -I dirs and variables for both make and us
//   # env: FOO=1 BAR='a b'     extra environment (PATH and LC_ALL are always set)
//   # goals: all               MAKECMDGOALS (default: the dump's own no-op goal)
//   # nodump: X Y              variables whose expansion must not run in the dump ($(error) inside)
//   # recipes: t1 t2           also run these targets' recipes (make -s) and compare their output
//                              with ours: each line expanded in the target's context and run with
//                              the environment we compute for it
//
// The dump is GNU make text appended to a copy of the fixture: after the
// fixture is read it prints every variable of origin file, command line,
// override or environment with its flavor, origin and expanded value. Its
// own variables start with __kbe and are left out of all comparisons.

export const NOTHING_GOAL = '.__kbe_nothing';
export const DUMP_BEGIN = '@@KBE-DUMP-BEGIN@@';
export const DUMP_END = '@@KBE-DUMP-END@@';
export const VAR_HEAD = '@@KBE-VAR@@';
export const VAR_END = '@@KBE-END@@';

export interface FixtureSpec {
  /** Single-letter switches. */
  flags: string;
  includeDirs: string[];
  vars: string[];
  env: Record<string, string>;
  goals: string[];
  nodump: string[];
  recipes: string[];
}

/** Split like a shell would for simple cases: blanks separate, quotes group. */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let any = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      any = true;
    } else if (c === ' ' || c === '\t') {
      if (any || cur) out.push(cur);
      cur = '';
      any = false;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      any = true;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any || cur) out.push(cur);
  return out;
}

export function readSpec(text: string): FixtureSpec {
  const spec: FixtureSpec = { flags: '', includeDirs: [], vars: [], env: {}, goals: [NOTHING_GOAL], nodump: [], recipes: [] };
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const m = /^#\s*(args|env|goals|nodump|recipes):(.*)$/.exec(line);
    if (!m) continue;
    const words = shellWords(m[2].trim());
    if (m[1] === 'args') {
      for (let k = 0; k < words.length; k++) {
        const w = words[k];
        if (w === '-I') spec.includeDirs.push(words[++k]);
        else if (w.startsWith('-I')) spec.includeDirs.push(w.slice(2));
        else if (w.startsWith('-')) spec.flags += w.slice(1);
        else spec.vars.push(w);
      }
    } else if (m[1] === 'env') {
      for (const w of words) {
        const eq = w.indexOf('=');
        if (eq > 0) spec.env[w.slice(0, eq)] = w.slice(eq + 1);
      }
    } else if (m[1] === 'goals') spec.goals = words;
    else if (m[1] === 'recipes') spec.recipes = words;
    else spec.nodump = words;
  }
  return spec;
}

/** The make text appended to each fixture copy. */
export function dumpText(spec: FixtureSpec): string {
  return [
    '',
    '# ---- kbuild-analyzer differential dump (appended) ----',
    `__kbe_skip := ${spec.nodump.join(' ')}`,
    `__kbe_origins := file command% override environment%`,
    `$(info ${DUMP_BEGIN})`,
    '$(foreach __kbe_v,$(filter-out __kbe% $(__kbe_skip),$(sort $(.VARIABLES))),$(if $(filter $(__kbe_origins),$(origin $(__kbe_v))),' +
      `$(eval __kbe_val := $$($(__kbe_v)))$(info ${VAR_HEAD} $(__kbe_v) $(flavor $(__kbe_v)) $(origin $(__kbe_v)))$(info $(__kbe_val))$(info ${VAR_END})))`,
    `$(info ${DUMP_END})`,
    `${NOTHING_GOAL}: ; @:`,
    '',
  ].join('\n');
}
