# An unterminated reference in a := value.
A := $(B
