# .RECIPEPREFIX changes the recipe prefix character.
.RECIPEPREFIX = >
all:
>@echo one
> @echo two
	V = tab-line-is-not-recipe-now
