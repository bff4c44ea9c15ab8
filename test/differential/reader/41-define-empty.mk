# Empty bodies and blank lines in bodies.
define EMPTY
endef
define BLANKS

middle

endef
