# A tab before an assignment outside any rule is still an assignment.
	A = tab-indented
	B := also
all:
	@echo recipe
