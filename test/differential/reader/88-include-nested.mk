# An included file includes another; make names files as written (relative to the cwd).
A = main
include inc/88-a.mk
C = main-after
