# Rules without prerequisites or recipe.
empty:
also-empty: ;
