# first level
A += from-a
include inc/88-b.mk
B = from-a
