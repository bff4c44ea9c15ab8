# A define body can hold tab lines; `endef` after a tab is body text.
define RECIPE
	@echo one
	endef
	@echo two
endef
all: ; @:
