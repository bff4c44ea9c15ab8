# ifndef.
DEF = 1
ifndef DEF
A = not-taken
else
A = taken
endif
ifndef NOPE
B = taken
endif
