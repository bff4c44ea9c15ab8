# An empty target-pattern position.
a.o: : %.c
	@:
