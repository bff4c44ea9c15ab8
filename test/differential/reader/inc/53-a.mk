# included first
A = from-a
B = from-a
