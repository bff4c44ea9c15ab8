# A define without endef.
A = 1
define B
body
