# An unterminated ${ in a target.
${A: b
	@:
