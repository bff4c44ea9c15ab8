# Blank lines do not end a recipe.
all:
	@echo one

	@echo two


	@echo three
