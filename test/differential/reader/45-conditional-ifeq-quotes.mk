# Quoted forms of ifeq.
ifeq "a" "a"
A = double
endif
ifeq 'a' 'a'
B = single
endif
ifeq 'a' "a"
C = mixed
endif
ifeq "a b" "a b"
D = blanks-inside
endif
