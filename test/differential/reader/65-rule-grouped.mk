# Grouped targets with &:.
x y &: z
	touch x y
p q &:: r
	touch p q
