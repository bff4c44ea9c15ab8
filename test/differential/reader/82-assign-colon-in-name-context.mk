# An assignment whose value holds colons, and a rule whose prerequisite holds =.
A = a:b:c
B := x: y
t: p=q
p=q: ; @:
