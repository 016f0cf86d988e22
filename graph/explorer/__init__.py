"""The explorer page: one self-contained HTML file of a graph, and its assets."""
