# A rule line continued over several lines.
all: one \
     two \
     three
	@echo $^
one two three: ; @:
