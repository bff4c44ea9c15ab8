# An assignment with no name.
A = 1
 = 2
