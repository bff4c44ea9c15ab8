# ifeq without parentheses or quotes.
ifeq a b
A = 1
endif
