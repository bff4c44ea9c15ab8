# The inner conditional is closed, the outer is not.
ifeq (a,a)
ifdef X
A = 1
endif
