# Kbuild's obj-$(CONFIG_FOO): the name is known only after expansion (evaluator).
CONFIG_FOO = y
obj-$(CONFIG_FOO) += foo.o
obj-$(CONFIG_BAR) += bar.o
