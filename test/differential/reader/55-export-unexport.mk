# export/unexport with and without assignments.
export A = 1
export B
unexport C
export D E
D = later
export
unexport F := 2
