# ifneq.
ifneq (a,b)
A = taken
endif
ifneq "x" "x"
B = not-taken
else
B = taken
endif
