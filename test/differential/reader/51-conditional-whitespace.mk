# Blanks around ifeq arguments.
ifeq ( a , a )
A = spaces-around
endif
ifeq (a, a)
B = space-after-comma
endif
ifeq (a ,a)
C = space-before-comma
endif
ifeq  (a,a)
D = two-spaces
endif
ifeq (a,a) # comment
E = comment
endif # comment
