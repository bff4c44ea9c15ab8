// Reader cases: make text in, a stable dump out (server/src/syntax/print.ts).
// Each expectation was checked against GNU make 4.3's reading of the same text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMakefile } from '../../../server/src/syntax/reader';
import { printParse } from '../../../server/src/syntax/print';

function check(name: string, input: string, expected: string): void {
  test(name, () => assert.equal(printParse(parseMakefile(input, 't.mk')), expected));
}

check("computed names (Kbuild lists)", "obj-$(CONFIG_X) += a.o b.o\n$(foo)-y := c.o\n", "assign \"obj-ref(CONFIG_X)\" += \"a.o b.o\"\nassign \"ref(foo)-y\" := \"c.o\"");

check("references, substitution refs, $$", "X = $(patsubst %.c,%.o,$(SRCS)) ${Y} $@ $$HOME $(a:.c=.o)\n", "assign \"X\" = \"call(patsubst|%.c|%.o|ref(SRCS)) ref(Y) ref(@) $HOME subst(a|.c|.o)\"");

check("call argument splitting by max args and paren kind", "$(info a, b (c), d)\nZ := $(if $(A),x,y,z)\nW := $(call f,${a,b},$(c,d))\n", "expr \"call(info|a, b (c), d)\"\nassign \"Z\" := \"call(if|ref(A)|x|y,z)\"\nassign \"W\" := \"call(call|f|ref(a)|b}|ref(c,d))\"\n! 3: error: unterminated variable reference");

check("rule with order-only, inline recipe, recipe continuation", "a: b c | d e ; echo '#no comment'  # still\n\techo $@ \\\n\t  next # shell\n", "rule \"a\" : \"b c\" | \"d e\" ; \"echo '#no comment'  # still\"\nrecipe \"echo ref(@) \\\\\\n  next # shell\"");

check("static pattern rule", "$(OBJS): %.o: %.c\n\t$(CC) -o $@ $<\n", "rule \"ref(OBJS)\" : pattern \"%.o\" \"%.c\"\nrecipe \"ref(CC) -o ref(@) ref(<)\"");

check("target- and pattern-specific assignments", "t: private export CFLAGS += -O2 # c\n%.o: V = 1;2\n", "targetAssign export private \"t\": \"CFLAGS\" += \"-O2 \"\ntargetAssign \"%.o\": \"V\" = \"1;2\"");

check("conditional chains", "ifeq ($(A),1)\nB = 1\nelse ifneq \"$(A)\" '2'\nB = 2\nelse ifdef C\nB = 3\nelse\nB = 4\nendif\n", "ifeq \"ref(A)\" \"1\"\n  assign \"B\" = \"1\"\nelse ifneq \"ref(A)\" \"2\"\n  assign \"B\" = \"2\"\nelse ifdef \"C\"\n  assign \"B\" = \"3\"\nelse\n  assign \"B\" = \"4\"\nendif");

check("define with operator, folded body, override define", "define F :=\n  line1 \\\n   line2\n\t# kept\nendef\noverride define G\nendef\n", "define \"F\" := \"  line1 line2\\n\\t# kept\"\ndefine override \"G\" = \"\"");

check("escaped # and # inside references", "V := a\\#b # comment\nW := $(x #y)\n$(eval $(call f,http://x#y))\n", "assign \"V\" := \"a#b \"\nassign \"W\" := \"ref(x #y)\"\nexpr \"call(eval|call(call|f|http://x#y))\"");

check(".RECIPEPREFIX", ".RECIPEPREFIX = >\nall:\n> echo hi\n", "assign \".RECIPEPREFIX\" = \">\"\nrule \"all\" : \"\"\nrecipe \" echo hi\"");

check("an assignment ends a recipe; tab lines then are assignments", "all:\n\techo a\nV = 1\n\tW = 2\n", "rule \"all\" : \"\"\nrecipe \"echo a\"\nassign \"V\" = \"1\"\nassign \"W\" = \"2\"");

check("extraneous endif/else", "\tX = 1\nifdef X\nendif\nendif\nelse\n", "assign \"X\" = \"1\"\nifdef \"X\"\nendif\n! 4: error: extraneous 'endif'\n! 5: error: extraneous 'else'");

check("missing endif, missing separator", "ifeq (a,b)\nfoo\n", "ifeq \"a\" \"b\"\n  error \"missing separator\"\nendif\n! 2: error: missing separator\n! 3: error: missing 'endif'");

check("unterminated variable reference", "X := $(foo\n", "assign \"X\" := \"ref(foo)\"\n! 1: error: unterminated variable reference");

check("missing endef", "define X\nno end\n", "define \"X\" = \"no end\"\n! 1: error: missing 'endef', unterminated 'define'");

check("export/unexport/undefine/vpath forms", "export\nexport A B\nunexport C\nundefine D\noverride undefine E\nvpath\nvpath %.h\nvpath %.c src:lib\n", "export -\nexport \"A B\"\nunexport \"C\"\nundefine \"D\"\nundefine override \"E\"\nvpath - -\nvpath \"%.h\" -\nvpath \"%.c\" \"src:lib\"");

check("include forms", "include a.mk b.mk\n-include $(wildcard *.d)\nsinclude c.mk\n", "include \"a.mk b.mk\"\n-include \"call(wildcard|*.d)\"\nsinclude \"c.mk\"");

check("grouped and double-colon rules", "a b &: c\nd:: e\nf &:: g\n", "rule \"a b\" &: \"c\"\nrule \"d\" :: \"e\"\nrule \"f\" &:: \"g\"");

check("variables named like directives", "export = 1\nifdef = 2\ndefine = 3\n", "assign \"export\" = \"1\"\nassign \"ifdef\" = \"2\"\nassign \"define\" = \"3\"");

check("::=, != and ?=", "X ::= 1\nY != echo hi\nZ ?= 2\n", "assign \"X\" ::= \"1\"\nassign \"Y\" != \"echo hi\"\nassign \"Z\" ?= \"2\"");
