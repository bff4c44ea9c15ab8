# A line that is only a function call ends the recipe.
all:
	@echo one
$(info reading)
	I = 5
