"""graph.json (networkx node-link) and graph.graphml, written byte-for-byte
deterministically and atomically (a temporary name, then a rename)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import networkx as nx

from ..model import KnowledgeGraph


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one,
    never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)   # mkstemp makes 0600; outputs are ordinary files
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json_bytes(kg: KnowledgeGraph) -> bytes:
    data = nx.node_link_data(kg.frozen(), edges="links")
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def write_json(kg: KnowledgeGraph, path: Path) -> None:
    atomic_write(path, to_json_bytes(kg))


def read_json(path: Path) -> KnowledgeGraph:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    return KnowledgeGraph.from_frozen(g)


def load_frozen(path: Path) -> nx.MultiDiGraph:
    """The exported graph as stored in graph.json (what queries and the page read)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def _graphml_value(v):
    # GraphML holds scalars only: lists and dicts go in as JSON text.
    if v is None:
        return ""
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return v


def to_graphml_bytes(kg: KnowledgeGraph) -> bytes:
    frozen = kg.frozen()
    g = nx.MultiDiGraph()
    for n, d in frozen.nodes(data=True):
        g.add_node(n, **{k: _graphml_value(v) for k, v in sorted(d.items())})
    for s, t, k, d in frozen.edges(keys=True, data=True):
        g.add_edge(s, t, key=k, **{k2: _graphml_value(v) for k2, v in sorted(d.items())})
    return "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)).encode("utf-8") + b"\n"


def write_graphml(kg: KnowledgeGraph, path: Path) -> None:
    atomic_write(path, to_graphml_bytes(kg))
