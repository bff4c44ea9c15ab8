# Comment lines do not end a recipe: the tab line after them is still recipe.
all:
	@echo one
# a comment
	V = recipe-not-assignment
    # an indented comment
	@echo three
