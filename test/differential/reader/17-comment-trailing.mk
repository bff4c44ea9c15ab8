# A comment after a value: the blanks before it stay in the value.
A = one # comment
B = two#no-blank
all: prereq # comment after prerequisites
	@echo recipe # not a make comment
prereq: ; @:
