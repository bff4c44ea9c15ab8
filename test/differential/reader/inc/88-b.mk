# second level
B = from-b
C = from-b
t: ; @:
