# include reads files in order; later definitions win.
A = from-main
include inc/53-a.mk inc/53-b.mk
C = from-main-after
