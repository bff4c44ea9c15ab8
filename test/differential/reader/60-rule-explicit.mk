# Several targets and prerequisites per rule.
all: a b c
a b: x y
	@echo $@
c: ; @:
x y:
