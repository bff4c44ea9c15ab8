# define with an operator: `:=` expands the body once.
define A :=
literal body
endef
define B ::=
two
lines
endef
define C =
recursive
endef
