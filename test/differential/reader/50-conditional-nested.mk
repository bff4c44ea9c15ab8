# Nested conditionals.
ifeq (a,a)
  ifeq (b,c)
    A = inner-not-taken
  else
    A = inner-else
  endif
  B = outer
else
  ifeq (x,x)
    C = not-taken
  endif
endif
