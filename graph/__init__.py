"""govkg: Chinese government news into a knowledge graph."""
