# ifeq (a,b) with literal text.
ifeq (a,a)
A = taken
else
A = not-taken
endif
ifeq (a,b)
B = not-taken
else
B = taken
endif
