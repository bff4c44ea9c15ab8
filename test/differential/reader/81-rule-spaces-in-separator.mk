# Blanks around the rule colon.
a   :   b
c:d
e :: f
b d f: ; @:
