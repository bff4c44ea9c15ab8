# `:=`: expanded once; a literal value stays as written (with $$ reduced).
A := one
B := two $$HOME
C := $(A) three
