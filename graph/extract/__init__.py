"""One document: the pipeline (pipeline.py) and the components it runs, from the
language model to the relations a document implies, with their lexicons."""
