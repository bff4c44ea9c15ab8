# Comments in a define body are kept; after endef one is dropped.
define A
# kept in the value
text # also kept
endef # comment after endef
B = after
