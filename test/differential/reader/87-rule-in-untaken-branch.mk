# Rules and recipes in an untaken branch are not read.
ifeq (a,b)
skipped: ; @:
S = skipped
else
taken:
	@echo taken
endif
