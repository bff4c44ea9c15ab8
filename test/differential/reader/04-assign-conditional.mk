# `?=` only assigns when the variable is undefined; make keeps the first location.
A ?= first
A ?= second
B = defined
B ?= ignored
C =
C ?= empty-but-defined
