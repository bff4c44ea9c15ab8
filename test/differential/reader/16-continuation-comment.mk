# A comment ending in a backslash continues onto the next line \
A = swallowed by the comment
B = kept
# and again \
\
C = also swallowed
