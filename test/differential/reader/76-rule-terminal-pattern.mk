# A terminal (double-colon) pattern rule.
%:: %.v
	co $<
