# Conditional directives inside a define body are body text.
define A
ifeq (a,b)
else
endif
endef
B = after
