# `!=` runs the shell at read time; the variable is recursive.
A != echo hello
B != printf 'a b'
