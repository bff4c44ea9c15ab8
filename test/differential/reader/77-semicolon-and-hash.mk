# After `;` the recipe text goes to the shell, # included.
all: ; @echo a # b
X = 1 ; not a recipe
