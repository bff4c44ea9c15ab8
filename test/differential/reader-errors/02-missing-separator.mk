# A line that is neither assignment, rule nor directive.
A = 1
just some words
