# Text after endef (make reports it and goes on).
define A
body
endef junk
B = 1
