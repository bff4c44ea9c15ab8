# A recipe after `;` starts on the rule line; tab lines after it continue it.
all: a ; @echo one
	@echo two
a: ; 
b:;@echo b
