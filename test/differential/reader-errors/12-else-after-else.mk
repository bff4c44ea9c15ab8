# Two else branches.
ifeq (a,a)
A = 1
else
A = 2
else
A = 3
endif
