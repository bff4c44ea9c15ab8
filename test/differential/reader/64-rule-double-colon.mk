# Double-colon rules: each is independent.
d:: a
	@echo 1
d:: b
	@echo 2
e:: ; @echo e
