# Conditionals inside a recipe select recipe lines; they do not end it.
all:
	@echo one
ifeq (a,a)
	V = recipe-line-in-taken-branch
else
	@echo not-taken
endif
	@echo three
