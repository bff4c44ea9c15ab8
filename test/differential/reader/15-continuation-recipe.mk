# Recipe continuations stay in the recipe; the next tab line is a new recipe line.
all:
	echo one \
  two \
	three
	echo four
X = after
