"""Many documents, one graph: the KnowledgeGraph and the officials across documents."""
