# undefine removes a variable; override ones need override undefine.
A = 1
undefine A
override B = 2
undefine B
override C = 3
override undefine C
D = 4
undefine D
D = 5
