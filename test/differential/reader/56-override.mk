# override protects a variable from plain assignments.
override A = 1
A = 2
A += 3
override A += 4
B = plain
override B := forced
