# Pattern-specific variables: make keeps every assignment.
%.o: A = 1
%.o: A += 2
lib%.a: B := b
