# Nested define/endef pairs stay in the outer value.
define OUTER
define INNER
inner body
endef
outer body
endef
AFTER = after
