# A target-specific assignment ends the recipe.
all:
	@echo one
all: T = t
	U = 6
