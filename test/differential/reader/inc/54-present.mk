P = present
