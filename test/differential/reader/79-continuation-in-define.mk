# Backslash-newline inside a define body is kept as written.
define A
one \
two
endef
B = after
