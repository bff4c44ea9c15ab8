# endif without a conditional.
A = 1
endif
