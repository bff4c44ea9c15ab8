# Pattern rules, with several targets.
%.o: %.c
	cc -c $< -o $@
%.tab.c %.tab.h: %.y
	bison $<
%.x: %.y %.z | dir
	@:
