# A static pattern rule whose target pattern has no %.
a.o: b.o: c.c
	@:
