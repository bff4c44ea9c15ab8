# A false conditional between recipe lines keeps the recipe going.
all:
	@echo one
ifeq (a,b)
X = not-read
endif
	V = still-recipe
