# A backslash-escaped colon in a target name; make names the target a:b.
a\:b: c ; @:
c: ; @:
