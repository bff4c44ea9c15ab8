# A second recipe for the same target replaces the first (make warns).
t:
	@echo first
t:
	@echo second
