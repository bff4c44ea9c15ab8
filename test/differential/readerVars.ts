// Make's assignment semantics for the differential harness, on literal text
// only: which definition wins (override, ?=), what += appends, and where
// make then says the variable was defined.

import type { Expr, Stmt } from '../../server/src/syntax/ast';

export interface VarState {
  loc: string;
  flavor: 'recursive' | 'simple' | 'append';
  /** Stored value: unexpanded for recursive, expanded for simple; null when not literal. */
  value: string | null;
  override: boolean;
}

type AssignStmt = Extract<Stmt, { kind: 'assign' | 'define' | 'targetAssign' }>;

/**
 * Applies one assignment to `vars[key]`. `scope: 'target'`: a target-specific
 * `+=` with nothing before it stays an append (make prints it with `+=`).
 */
export function applyAssignment(args: {
  vars: Map<string, VarState>;
  key: string;
  stmt: AssignStmt;
  loc: string;
  scope: 'global' | 'target';
}): void {
  const { vars, key, stmt } = args;
  const old = vars.get(key);
  // Without `override`, an assignment cannot touch an override variable.
  if (old?.override && !stmt.mods.override) return;
  const override = stmt.mods.override;
  const raw = stmt.valueText;
  const set = (flavor: VarState['flavor'], value: string | null) => vars.set(key, { loc: args.loc, flavor, value, override });
  switch (stmt.op) {
    case '=':
      return void set('recursive', raw);
    case ':=':
    case '::=':
      return void set('simple', literal(stmt.value));
    case '!=':
      return void set('recursive', null);
    case '?=':
      if (!old) set('recursive', raw);
      return;
    case '+=':
      if (!old) return void set(args.scope === 'target' ? 'append' : 'recursive', raw);
      // Appending nothing leaves the variable, and its location, alone.
      if (raw === '') return;
      if (old.flavor === 'simple') return void set('simple', join(old.value, literal(stmt.value)));
      return void set(old.flavor, join(old.value, raw));
    default: {
      const never: never = stmt.op;
      return never;
    }
  }
}

/** make pastes `old value` and the new text with one space, none after an empty value. */
function join(old: string | null, added: string | null): string | null {
  if (old === null || added === null) return null;
  return old === '' ? added : `${old} ${added}`;
}

/** The text of an expression made only of literal text; null if it has references. */
export function literal(e: Expr): string | null {
  let text = '';
  for (const n of e.nodes) {
    if (n.kind !== 'text') return null;
    text += n.text;
  }
  return text;
}
