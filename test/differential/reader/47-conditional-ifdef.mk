# ifdef: defined with a non-empty value.
DEF = 1
EMPTY =
ifdef DEF
A = taken
endif
ifdef EMPTY
B = not-taken
else
B = empty-is-undefined
endif
ifdef NEVER_DEFINED
C = not-taken
endif
