# Backslash-newline in a value: one blank; make reports the first physical line.
A = one \
    two \
	three
B = x\
y
C = last
