# A target-specific assignment for several targets.
a b: V = both
c: V = one
c: W = $(V)
