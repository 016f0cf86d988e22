"""The Cypher query library and its runner."""
