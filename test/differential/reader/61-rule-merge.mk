# Rules for one target merge their prerequisites; one has the recipe.
t: a
t: b c
	@echo t
t: d
a b c d: ; @:
