# Static pattern rules: targets: target-pattern: prereq-patterns.
a.o b.o: %.o: %.c
	cc -c $<
liba.a x.a: %.a: %.o | dir
	ar r $@ $<
