# Plain recipes.
all: a b
	@echo all
a:
	@echo a
	@echo a2
b: ; @echo b
