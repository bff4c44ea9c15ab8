# export and define end a recipe too.
all:
	@echo one
export E1
	E2 = 7
other:
	@echo other
define D
body
endef
	E3 = 8
