# Target-specific variables and their operators.
t: A = 1
t: B := 2
t: C += 3
t: D = 4
t: D += 5
t: E ?= 6
t: override F = 7
t: F = ignored
t: ; @:
