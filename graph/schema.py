"""The graph contract shared by extraction, the stores, the page and the queries.

The same names are used as networkx attributes, Neo4j labels and relationship types,
in the HTML legend and in ``queries/``.
"""
from __future__ import annotations

import hashlib

# Entity labels, in the order the legend and summaries show them.
ENTITY_LABELS = ("Official", "Person", "District", "Organization", "Project", "Policy", "Meeting")
LABELS = ("Document",) + ENTITY_LABELS

# Relations extracted from sentences (the gold's types) ...
EXTRACTED_RELATIONS = ("HOLDS_POSITION", "VISITED", "ATTENDED", "ACCOMPANIED", "LOCATED_IN", "ISSUED")
# ... and the ones the graph adds from structure: the division hierarchy, provenance.
RELATION_TYPES = EXTRACTED_RELATIONS + ("PART_OF", "MENTIONED_IN", "WROTE")

# Which labels each relation may join (source labels, target labels).
RELATION_ENDS = {
    "HOLDS_POSITION": ({"Official"}, {"Organization", "District"}),
    "VISITED": ({"Official"}, {"District", "Organization", "Project"}),
    "ATTENDED": ({"Official"}, {"Meeting"}),
    "ACCOMPANIED": ({"Official"}, {"Official"}),
    "LOCATED_IN": ({"Project", "Organization", "District"}, {"District"}),
    "ISSUED": ({"Organization"}, {"Policy"}),
    "PART_OF": ({"District"}, {"District"}),
    "MENTIONED_IN": (set(ENTITY_LABELS), {"Document"}),
    "WROTE": ({"Person", "Official"}, {"Document"}),
}

# Colours of the page's legend, one per label.
COLORS = {
    "Document": "#9e9e9e",
    "Official": "#d62728",
    "Person": "#ff9896",
    "District": "#2ca02c",
    "Organization": "#1f77b4",
    "Project": "#ff7f0e",
    "Policy": "#9467bd",
    "Meeting": "#8c564b",
}


def node_id(label: str, name: str) -> str:
    """A stable id from label and canonical name: the same entity gets the same id in
    every build, whatever order documents come in."""
    digest = hashlib.sha1(f"{label}\x1f{name}".encode("utf-8")).hexdigest()[:12]
    return f"{label.lower()}-{digest}"
