# $(eval) defines what the reader cannot see (evaluator).
$(eval X = 1)
Y = 2
