"""Reading source files into Articles."""
