"""The govkg command line (main.py), with its Neo4j and page commands."""
