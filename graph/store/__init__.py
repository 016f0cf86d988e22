"""Where a built graph goes: files (graph.json, graph.graphml) and Neo4j."""
