# Empty and blank values.
A =
B :=
C ?=
D = \
 
