# Order-only prerequisites after |.
all: a | b c
	@:
t: | only
u: n1 n2 | o1
u: n3 | n1
