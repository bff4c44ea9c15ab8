# After a blank line, a line of words after a recipe is no recipe.
all:
	@:

foo
