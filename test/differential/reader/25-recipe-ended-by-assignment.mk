# An assignment ends the recipe: the tab-indented line after it is an assignment.
all:
	@echo one
X = 1
	Y = 2
