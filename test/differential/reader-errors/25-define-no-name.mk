# define without a name.
define
body
endef
