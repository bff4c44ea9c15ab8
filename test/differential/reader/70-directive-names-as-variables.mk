# Variables named like directives (an assignment wins in make).
export = 1
define = 2
ifdef = 3
include = 4
override = 5
vpath = 6
endif = 7
