# A recipe line before any rule.
A = 1
	@echo no rule yet
