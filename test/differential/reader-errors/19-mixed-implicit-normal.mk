# Pattern and normal targets in one rule.
a %.o: %.c
	@:
