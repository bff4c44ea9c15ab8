# `::=` is the POSIX spelling of `:=`.
A ::= one
B ::= $$x
