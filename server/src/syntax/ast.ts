// The make syntax tree: closed unions of plain objects, every node with a
// span (offsets into the file text). Produced by reader.ts; nothing here
// knows about evaluation or Kbuild.

export interface Span {
  start: number;
  end: number;
}

/** A piece of make text: literal runs and references, in order. */
export interface Expr {
  nodes: ExprNode[];
  span: Span;
}

/** `(` for $(…), `{` for ${…}, `` for a one-character reference like $@ or $x. */
export type Brace = '(' | '{' | '';

export type ExprNode =
  /** Literal text; `$$` already reduced to `$`. */
  | { kind: 'text'; text: string; span: Span }
  /** $(name) — name may itself contain references: $($(x)_y). */
  | { kind: 'ref'; name: Expr; brace: Brace; span: Span }
  /** $(name:from=to) */
  | { kind: 'subst'; name: Expr; from: Expr; to: Expr; brace: Brace; span: Span }
  /** $(fn arg,arg…) for a builtin function name. */
  | { kind: 'call'; fn: string; fnSpan: Span; args: Expr[]; brace: Brace; span: Span };

export type AssignOp = '=' | ':=' | '::=' | '?=' | '+=' | '!=';

export interface Modifiers {
  export: boolean;
  override: boolean;
  private: boolean;
}

export type Cond =
  | { kind: 'ifeq' | 'ifneq'; left: Expr; right: Expr; span: Span }
  | { kind: 'ifdef' | 'ifndef'; name: Expr; span: Span };

export interface Branch {
  /** null for the final plain `else`. */
  cond: Cond | null;
  body: Stmt[];
  /** The directive line (`ifeq …` / `else …`). */
  span: Span;
}

export type RuleSep = ':' | '::' | '&:' | '&::';

export type Stmt =
  | {
      kind: 'assign';
      name: Expr;
      op: AssignOp;
      /** Raw value text as make stores it (leading blanks stripped, continuations folded). */
      valueText: string;
      value: Expr;
      mods: Modifiers;
      span: Span;
    }
  | {
      kind: 'define';
      name: Expr;
      op: AssignOp;
      valueText: string;
      value: Expr;
      mods: Modifiers;
      /** Span of the body between the define and endef lines. */
      bodySpan: Span;
      span: Span;
    }
  | {
      kind: 'rule';
      targets: Expr;
      sep: RuleSep;
      /** For a static pattern rule `targets: target-pattern: prereqs`. */
      targetPattern: Expr | null;
      prereqs: Expr;
      orderOnly: Expr | null;
      /** Recipe given after `;` on the rule line. */
      inlineRecipe: Expr | null;
      span: Span;
    }
  | {
      /** `targets: [private|override|export] VAR op value` */
      kind: 'targetAssign';
      targets: Expr;
      name: Expr;
      op: AssignOp;
      valueText: string;
      value: Expr;
      mods: Modifiers;
      span: Span;
    }
  /** One recipe line (prefix removed), attached to the nearest preceding rule. */
  | { kind: 'recipe'; text: string; expr: Expr; span: Span }
  | { kind: 'if'; branches: Branch[]; span: Span }
  | { kind: 'include'; mode: 'include' | '-include' | 'sinclude'; files: Expr; span: Span }
  | { kind: 'export'; names: Expr | null; unexport: boolean; span: Span }
  | { kind: 'undefine'; name: Expr; mods: Modifiers; span: Span }
  | { kind: 'vpath'; pattern: Expr | null; dirs: Expr | null; span: Span }
  /** A line that is only expansions, e.g. `$(eval …)`: must expand to nothing. */
  | { kind: 'expr'; expr: Expr; span: Span }
  /** Kept where it stands, like make does; reported only if reached. */
  | { kind: 'error'; message: string; span: Span };

export interface SyntaxDiagnostic {
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

export interface ParseResult {
  file: string;
  text: string;
  stmts: Stmt[];
  diagnostics: SyntaxDiagnostic[];
}
