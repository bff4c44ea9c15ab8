// What the raw text of a Makefile says beyond its statements: names
// assigned inside define bodies and $(eval …) text (templates too), loop
// variables, names a recipe tests, words of comments, and names handed to
// functions. Regular expressions over the text, cached per content.
import { templatePattern } from './context';

const ASSIGNED_IN_TEXT = /(?:^|[\s(,;])(?:override\s+|export\s+)?((?:[A-Za-z0-9_.-]|\$[({][^)}\s]*[)}])+)\s*(?:\+|\?|:{1,3}|!)?=/gm;
/** A recipe testing a variable for emptiness: `[ -n "$(X)" ]`, `"X$(X)" != "X"`. */
const SHELL_TEST = /-[nz]\s+"?\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]|"X\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]"/g;
const LOOP_VARIABLE = /\$[({](?:foreach|let)\s+([A-Za-z_][A-Za-z0-9_.-]*)\s*,/g;
const COMMENT = /(?:^|\s)#.*$/gm;
/** `$(call allow-override,CC,…)`, `$(call detected_var,LIBDIR)`: the function's body assigns the variable named $(1). */
const CALL_WITH_NAME = /\$[({]call\s+([A-Za-z_][A-Za-z0-9_.-]*)\s*,\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*[,)}]/g;
export const ASSIGNS_FIRST_ARGUMENT = /\$[({]eval\s+\$[({]1[)}]|\$[({]1[)}]\s*(?:\+|\?|:{1,3})?=/;

export interface TextFacts {
  /** Names that look assigned: define bodies, $(eval …) arguments, sub-make command lines. */
  assigned: Set<string>;
  /** Computed names assigned that way: `$(1)_PATH :=` in a define body. */
  templates: RegExp[];
  /** $(foreach) and $(let) variables, names a recipe tests for emptiness. */
  bound: Set<string>;
  /** Words of comments: a knob the Makefile documents is meant to come from outside. */
  commented: Set<string>;
  calls: Array<{ fn: string; name: string }>;
}

const textCache = new WeakMap<object, TextFacts>();

/** Facts read from a file's raw text, cached by its parse (shared by content). */
export function textFacts(key: object, text: string): TextFacts {
  const hit = textCache.get(key);
  if (hit) return hit;
  const facts: TextFacts = { assigned: new Set(), templates: [], bound: new Set(), commented: new Set(), calls: [] };
  for (const m of text.matchAll(ASSIGNED_IN_TEXT)) {
    if (!m[1].includes('$')) facts.assigned.add(m[1]);
    else {
      const re = templatePattern(m[1]);
      if (re) facts.templates.push(re);
    }
  }
  for (const m of text.matchAll(SHELL_TEST)) facts.bound.add(m[1] ?? m[2]);
  for (const m of text.matchAll(LOOP_VARIABLE)) facts.bound.add(m[1]);
  for (const m of text.matchAll(COMMENT)) for (const w of m[0].matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) facts.commented.add(w[0]);
  for (const m of text.matchAll(CALL_WITH_NAME)) facts.calls.push({ fn: m[1], name: m[2] });
  textCache.set(key, facts);
  return facts;
}
