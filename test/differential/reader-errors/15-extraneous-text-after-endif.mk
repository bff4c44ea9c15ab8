# Text after endif.
ifeq (a,a)
A = 1
endif junk
