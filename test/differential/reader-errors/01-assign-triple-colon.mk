# `:::=` is make 4.4. Make 4.3 reads `A ::` (a double-colon rule) with the
# target-specific assignment `:= value`, whose variable name is empty.
A :::= value
B = after
