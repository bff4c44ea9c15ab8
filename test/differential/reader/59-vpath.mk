# vpath directives.
vpath %.c src
vpath %.h inc:include
vpath %.c
vpath
VPATH = a:b
