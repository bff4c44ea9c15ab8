# $$ in values, targets and recipes.
A = $$x
B := $$$$y
t$$: ; @echo $$HOME
