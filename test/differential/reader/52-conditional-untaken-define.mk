# An untaken branch holding a define whose body looks like endif.
ifeq (a,b)
define X
endif
else
endef
NOT = read
endif
Y = read
