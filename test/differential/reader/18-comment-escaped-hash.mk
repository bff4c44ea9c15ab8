# `\#` is a literal number sign.
A = \#one
B = a\#b # real comment
C = \\#c
