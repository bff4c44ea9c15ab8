# private on global and target-specific variables.
private A = 1
all: private B = 2
all: ; @:
