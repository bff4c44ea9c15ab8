# Two words in the target-pattern position.
a.o: x%.o y%.o: %.c
	@:
