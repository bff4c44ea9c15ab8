# `=`: make stores the value unexpanded.
A = 1
B = $(A) two
C = $(B) $(undefined-variable)
