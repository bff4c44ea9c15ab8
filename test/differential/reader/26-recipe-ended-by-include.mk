# An include ends the recipe.
all:
	@echo one
-include no-such-file.mk
	Z = 3
