# A condition on an expansion (evaluator).
ARCH = x86
ifeq ($(ARCH),x86)
A = x86
else
A = other
endif
