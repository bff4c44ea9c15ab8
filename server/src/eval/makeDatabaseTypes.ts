// The data GNU make's `-p` data base is read into (see makeDatabase.ts).

import type { DbLocation, DbOrigin } from './makeDatabaseLines';

export type { DbLocation, DbOrigin } from './makeDatabaseLines';

export interface DbVariable {
  name: string;
  /** `=` and `+=` lines and define blocks are recursive; `:=` lines simple. */
  flavor: 'recursive' | 'simple';
  /** Printed with `+=`: a target/pattern-specific append. */
  append: boolean;
  origin: DbOrigin;
  private: boolean;
  loc: DbLocation | null;
  /**
   * The value as printed: unexpanded text for recursive variables; for
   * simple ones make doubles each `$`, and that doubling is kept here.
   */
  value: string;
  /** Printed as `define NAME` … `endef` (a recursive value with a newline). */
  define: boolean;
}

export interface DbRecipe {
  /** `(built-in)`: from make's default rules. */
  builtin: boolean;
  /** Location of the first recipe line (the rule line for `; recipe`). */
  loc: DbLocation | null;
  /** Logical recipe lines without the recipe prefix; continuations keep `\`+newline. */
  lines: string[];
}

export interface DbTarget {
  name: string;
  doubleColon: boolean;
  /** False for make's `# Not a target:` entries (files known only as prerequisites, makefiles…). */
  isTarget: boolean;
  prereqs: string[];
  orderOnly: string[];
  phony: boolean;
  /** `#  Builtin rule`: one of make's default suffix rules. */
  builtin: boolean;
  precious: boolean;
  intermediate: boolean;
  /** Other targets of the same grouped (`&:`) or pattern rule. */
  alsoMakes: string[];
  /** Stem of the static pattern or implicit rule that matched. */
  stem: string | null;
  recipe: DbRecipe | null;
  /** Target-specific variables. */
  vars: DbVariable[];
}

export interface DbPatternRule {
  targets: string[];
  /** `%:: …` (terminal match-anything). */
  terminal: boolean;
  prereqs: string[];
  orderOnly: string[];
  recipe: DbRecipe | null;
  /** The recipe is one of make's built-in rules. */
  builtin: boolean;
}

export interface DbPatternVariable {
  pattern: string;
  variable: DbVariable;
}

export interface DbVpath {
  pattern: string;
  dirs: string[];
}

export interface DbProblem {
  /** 1-based line in the `make -p` output. */
  line: number;
  message: string;
}

export interface MakeDatabase {
  /** `4.3` from `# GNU Make 4.3`; null when the banner is missing. */
  version: string | null;
  /** The `CURDIR` make ran in (tells sub-make data bases apart). */
  directory: string | null;
  variables: DbVariable[];
  patternVariables: DbPatternVariable[];
  patternRules: DbPatternRule[];
  /** In print order; a double-colon target has one entry per rule. */
  targets: DbTarget[];
  vpaths: DbVpath[];
  /** The `VPATH` variable's directories. */
  generalVpath: string[];
  /** Lines in a known section that did not read as expected. */
  problems: DbProblem[];
}
