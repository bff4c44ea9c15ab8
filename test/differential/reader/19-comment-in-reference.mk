# make 4.3: a # inside a reference or function call is not a comment.
A = $(subst #,x,a#b) # comment
B := $(words a # b)
C = ${x#y}
