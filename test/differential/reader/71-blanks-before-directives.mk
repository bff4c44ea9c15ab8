# Blanks before directives and assignments.
  A = spaces-before-assignment
  ifeq (a,a)
    B = in-conditional
  else
    B = no
  endif
  define C
body
  endef
   -include no-such-file.mk
