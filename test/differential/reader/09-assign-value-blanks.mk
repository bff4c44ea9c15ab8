# Leading blanks of a value are dropped, trailing ones kept.
A =    leading
B = trailing   
C =		tabs
D := 	 mixed 	
