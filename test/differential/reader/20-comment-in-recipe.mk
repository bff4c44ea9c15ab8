# In a recipe, # goes to the shell; a # line at column 0 is a make comment.
all:
	@echo one # shell comment
# make comment inside the recipe
	@echo two
X = after
