# ifeq whose argument list is not closed.
ifeq (a,b
A = 1
endif
