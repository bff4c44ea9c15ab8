# An even number of backslashes before the newline is not a continuation.
A = ends-with-two\\
B = ends-with-three\\\
continued
C = after
