# override/export/private before define.
override define O
over
endef
export define E
exp
endef
O = ignored because O is override
