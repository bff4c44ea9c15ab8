# `+=` appends with one space and moves the location to the `+=` line.
A = one
A += two
B := simple
B += more
C += from-nothing
D =
D += after-empty
E = x
E +=
