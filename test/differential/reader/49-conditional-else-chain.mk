# else ifeq / else ifdef chains.
X = 2
ifeq (1,2)
A = one
else ifeq (2,2)
A = two
else ifdef X
A = three
else
A = four
endif
ifdef NOPE
B = one
else ifndef NOPE
B = two
endif
