"""The builder: files in, graph files out; the cache of analyses, the executors that
analyse files, and adding a day to a graph in place."""
