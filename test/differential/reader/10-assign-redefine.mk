# The last definition wins, whatever its flavor.
A = one
A := two
A = three
B := x
B = y
B ::= z
