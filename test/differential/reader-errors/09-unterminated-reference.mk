# An unterminated reference expanded while reading (in a rule line).
A = 1
all: $(A
