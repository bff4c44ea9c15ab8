# included second
B = from-b
A += more
