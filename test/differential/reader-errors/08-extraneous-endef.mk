# A line "endef" with no define: make 4.3 does not know it as a directive here.
A = 1
endef
