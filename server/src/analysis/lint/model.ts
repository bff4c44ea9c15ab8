// A file's rules with their recipe lines, and its assignments, each with
// the conditional branches it sits in. Built once per parse (parses are
// shared by content, so this is too).
import type { Expr, Stmt } from '../../syntax/ast';

export type RuleStmt = Extract<Stmt, { kind: 'rule' }>;
export type RecipeStmt = Extract<Stmt, { kind: 'recipe' }>;
export type IfStmt = Extract<Stmt, { kind: 'if' }>;
export type AssignStmt = Extract<Stmt, { kind: 'assign' | 'define' | 'targetAssign' }>;

/** One step into a conditional: which `if` and which of its branches. */
export interface BranchStep {
  stmt: IfStmt;
  branch: number;
}

export interface RuleEntry {
  stmt: RuleStmt;
  /** Recipe lines after the rule line (the `;` recipe is stmt.inlineRecipe). */
  recipes: RecipeStmt[];
  path: BranchStep[];
}

export interface AssignEntry {
  stmt: AssignStmt;
  path: BranchStep[];
}

export interface FileModel {
  rules: RuleEntry[];
  assigns: AssignEntry[];
  includes: Array<{ stmt: Extract<Stmt, { kind: 'include' }>; path: BranchStep[] }>;
  vpaths: Array<{ stmt: Extract<Stmt, { kind: 'vpath' }>; path: BranchStep[] }>;
}

const cache = new WeakMap<Stmt[], FileModel>();

export function fileModel(stmts: Stmt[]): FileModel {
  const hit = cache.get(stmts);
  if (hit) return hit;
  const model: FileModel = { rules: [], assigns: [], includes: [], vpaths: [] };
  let current: RuleEntry | null = null;
  const walk = (list: Stmt[], path: BranchStep[]) => {
    for (const s of list) {
      switch (s.kind) {
        case 'recipe':
          current?.recipes.push(s);
          continue;
        case 'if':
          s.branches.forEach((b, i) => walk(b.body, [...path, { stmt: s, branch: i }]));
          continue;
        case 'rule':
          current = { stmt: s, recipes: [], path };
          model.rules.push(current);
          continue;
        case 'assign':
        case 'define':
        case 'targetAssign':
          model.assigns.push({ stmt: s, path });
          break;
        case 'include':
          model.includes.push({ stmt: s, path });
          break;
        case 'vpath':
          model.vpaths.push({ stmt: s, path });
          break;
        case 'export':
        case 'undefine':
        case 'expr':
        case 'error':
          break;
        default: {
          const never: never = s;
          return never;
        }
      }
      current = null;
    }
  };
  walk(stmts, []);
  cache.set(stmts, model);
  return model;
}

/** Whether two statements can both be read in one make run: no conditional sends them down different branches. */
export function compatible(a: BranchStep[], b: BranchStep[]): boolean {
  for (const x of a) {
    for (const y of b) if (x.stmt === y.stmt && x.branch !== y.branch) return false;
  }
  return true;
}

/** The rule's recipe lines, the `;` one first. */
export function recipeLines(rule: RuleEntry): Expr[] {
  return [...(rule.stmt.inlineRecipe ? [rule.stmt.inlineRecipe] : []), ...rule.recipes.map((r) => r.expr)];
}

export function hasRecipe(rule: RuleEntry): boolean {
  return rule.recipes.length > 0 || rule.stmt.inlineRecipe !== null;
}
