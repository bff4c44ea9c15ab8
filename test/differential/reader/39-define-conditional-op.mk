# define ?= only defines an undefined variable.
A = first
define A ?=
ignored
endef
define B ?=
taken
endef
