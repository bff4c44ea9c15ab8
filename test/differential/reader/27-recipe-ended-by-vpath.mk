# A vpath directive ends the recipe.
all:
	@echo one
vpath %.c src
	W = 4
