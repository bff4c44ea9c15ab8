# A pattern target in a static pattern rule.
a%.o: %.o: %.c
	@:
