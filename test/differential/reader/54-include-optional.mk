# -include and sinclude of missing files are silent.
-include no-such-file.mk
sinclude also-missing.mk inc/54-present.mk
A = after
