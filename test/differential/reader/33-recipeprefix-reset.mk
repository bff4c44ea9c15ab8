# Setting .RECIPEPREFIX empty returns to tab.
.RECIPEPREFIX := >
a:
>@echo a
.RECIPEPREFIX :=
b:
	@echo b
