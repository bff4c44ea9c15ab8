# else without a conditional.
A = 1
else
B = 2
