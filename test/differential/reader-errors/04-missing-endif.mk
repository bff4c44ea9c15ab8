# An ifeq without endif.
A = 1
ifeq (a,a)
B = 2
