// ifeq/ifneq/ifdef/ifndef as conditional_line() in read.c of GNU make 4.3
// decides them. The reader already split the arguments with make's
// whitespace rules (left argument: trailing blanks gone; right: leading
// blanks gone); here they are expanded and compared. `ifdef` looks at the
// unexpanded value: defined and non-empty. A comparison that involves an
// unknown value (a $(shell) not run) is decided with the unknown parts taken
// as empty, and noted: `ifneq ($(shell … | grep clang),)` then reads as "no",
// the usual answer for feature probes.
import type { Cond } from '../syntax/ast';
import { expandExpr } from './expand';
import { type Ctx, fatalAt, note } from './state';
import { hasUnknown, withoutUnknown } from './unknown';
import { lookup } from './variables';
import { isSpace } from './words';

export function evalCondition(cx: Ctx, cond: Cond): boolean {
  if ('name' in cond) {
    const text = expandExpr(cx, cond.name);
    let e = 0;
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
    let rest = e;
    while (rest < text.length && isSpace(text.charCodeAt(rest))) rest++;
    if (rest < text.length) fatalAt({ message: 'invalid syntax in conditional', loc: cx.reading });
    const name = text.slice(0, e);
    if (hasUnknown(name)) note(cx, `'${cond.kind}' of a variable whose name is unknown: taken as undefined`);
    const v = lookup(cx, name);
    const defined = v !== undefined && v.value !== '';
    return cond.kind === 'ifdef' ? defined : !defined;
  }
  let left = expandExpr(cx, cond.left);
  let right = expandExpr(cx, cond.right);
  if (hasUnknown(left) || hasUnknown(right)) {
    note(cx, `'${cond.kind}' compares an unknown value (a $(shell) that was not run): decided taking it as empty`);
    left = withoutUnknown(left);
    right = withoutUnknown(right);
  }
  return (left === right) === (cond.kind === 'ifeq');
}
