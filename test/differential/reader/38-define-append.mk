# define +=
A = start
define A +=
appended
endef
define B +=
fresh
endef
