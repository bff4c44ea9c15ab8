// The shape of a builtin: make's function table row (function.c of GNU make
// 4.3: name, minimum arguments, whether arguments are expanded before the
// call) plus its implementation. The maximum is the reader's (syntax/functions.ts),
// since it decides how arguments are split.
import type { Expr } from '../../syntax/ast';
import type { Ctx } from '../state';

export interface BuiltinCall {
  cx: Ctx;
  /** Expanded arguments (empty for builtins that expand their own). */
  args: string[];
  /** Unexpanded arguments. */
  exprs: Expr[];
}

export interface Builtin {
  name: string;
  minArgs: number;
  expandArgs: boolean;
  impl: (call: BuiltinCall) => string;
}
