# A recipe indented with 8 spaces instead of a tab.
all:
        @echo spaces
