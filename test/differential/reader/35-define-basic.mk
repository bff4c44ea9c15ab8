# define ... endef: a recursive multi-line variable located at the define line.
define TWO_LINES
first
second
endef
define ONE_LINE
only
endef
define WITH_REFS
$(A) $$B
endef
