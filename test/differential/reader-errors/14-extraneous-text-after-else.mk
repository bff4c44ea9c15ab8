# Text after else that is not a conditional.
ifeq (a,b)
A = 1
else junk
A = 2
endif
