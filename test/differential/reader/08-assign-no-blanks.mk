# Operators without blanks around them.
A=1
B:=2
C+=3
D?=4
E!=echo 5
F::=6
G=a=b
