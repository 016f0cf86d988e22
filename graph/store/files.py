"""graph.json (networkx node-link) and graph.graphml, written byte-for-byte
deterministically and atomically (a temporary name, then a rename). GraphML is XML,
which cannot hold most control characters: those become U+FFFD there (graph.json keeps
every character)."""
from __future__ import annotations

import io
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import atomic_file


if TYPE_CHECKING:   # networkx is imported where a graph is read (see graph.builder.job)
    import networkx as nx

    from ..merge.knowledge import KnowledgeGraph


def to_json_bytes(kg: KnowledgeGraph) -> bytes:
    buf = io.BytesIO()
    write_graph_files(kg.frozen_nodes(), kg.frozen_edges(), json_out=buf)
    return buf.getvalue()


def write_json(kg: KnowledgeGraph, path: Path) -> None:
    with atomic_file(path) as f:
        write_graph_files(kg.frozen_nodes(), kg.frozen_edges(), json_out=f)


def read_json(path: Path) -> KnowledgeGraph:
    from ..merge.knowledge import KnowledgeGraph
    return KnowledgeGraph.from_frozen(load_frozen(path))


def load_frozen(path: Path) -> nx.MultiDiGraph:
    """The exported graph as stored in graph.json (what queries and the page read)."""
    import networkx as nx

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


# Characters XML 1.0 cannot hold, even escaped: a GraphML file with one of them is not
# XML at all. A control character in a file name or a sentence becomes U+FFFD there.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(s: str) -> str:
    return _NOT_XML.sub("\ufffd", s)


# json.dumps(v, ensure_ascii=False, sort_keys=True), without making an encoder per call
_json_value = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _graphml_value(v):
    # GraphML holds scalars only: lists and dicts go in as JSON text.
    if v is None:
        return ""
    if isinstance(v, (list, tuple, dict)):
        v = _json_value(v)
    return _xml_text(v) if isinstance(v, str) else v


def to_graphml_bytes(kg: KnowledgeGraph) -> bytes:
    buf = io.BytesIO()
    write_graph_files(kg.frozen_nodes(), kg.frozen_edges(), graphml_out=buf)
    return buf.getvalue()


def write_graphml(kg: KnowledgeGraph, path: Path) -> None:
    with atomic_file(path) as f:
        write_graph_files(kg.frozen_nodes(), kg.frozen_edges(), graphml_out=f)


# ---- streaming writers -----------------------------------------------------------------
# graph.json is ``json.dumps(node_link_data(frozen), ensure_ascii=False, sort_keys=True,
# indent=1) + "\n"`` and graph.graphml is networkx's ``generate_graphml`` of the frozen
# graph, lines joined by "\n": the writers below produce the same bytes one node or edge
# at a time, so that neither the whole document nor a second copy of the graph is held.

_encode_str = json.encoder.encode_basestring   # ensure_ascii=False, C-accelerated
_INF = float("inf")


def json_text(obj, level: int = 0) -> str:
    """``json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1)`` as it would be
    written at nesting depth ``level`` (its first line not indented)."""
    if type(obj) is dict and obj:
        return _dict_text(obj, level)
    if isinstance(obj, str):
        return _encode_str(obj)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return int.__repr__(obj)
    if isinstance(obj, float):
        if obj != obj:
            return "NaN"
        if obj == _INF:
            return "Infinity"
        if obj == -_INF:
            return "-Infinity"
        return float.__repr__(obj)
    inner = "\n" + " " * (level + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = sorted(obj.items())
        return "{" + inner + ("," + inner).join(
            _encode_str(k if isinstance(k, str) else _json_key(k)) + ": " + json_text(v, level + 1)
            for k, v in items) + "\n" + " " * level + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        if all(type(x) is str for x in obj):
            body = ("," + inner).join(map(_encode_str, obj))
        else:
            body = ("," + inner).join(json_text(x, level + 1) for x in obj)
        return "[" + inner + body + "\n" + " " * level + "]"
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def _dict_text(obj: dict, level: int) -> str:
    # json_text of a non-empty dict, with the common values written here
    inner = "\n" + " " * (level + 1)
    parts = []
    for k, v in sorted(obj.items()):
        tv = type(v)
        if tv is str:
            text = _encode_str(v)
        elif v is None:
            text = "null"
        elif tv is int:
            text = int.__repr__(v)
        elif tv is list and v and all(type(x) is str for x in v):
            inner2 = inner + " "
            text = "[" + inner2 + ("," + inner2).join(map(_encode_str, v)) + inner + "]"
        else:
            text = json_text(v, level + 1)
        parts.append((_encode_str(k) if type(k) is str else _encode_str(_json_key(k))) + ": " + text)
    return "{" + inner + ("," + inner).join(parts) + "\n" + " " * level + "}"


def _json_key(k) -> str:
    if k is True:
        return "true"
    if k is False:
        return "false"
    if k is None:
        return "null"
    if isinstance(k, (int, float)):
        return json_text(k)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")


def node_json(n: str, d: dict) -> bytes:
    return json_text({**d, "id": n}, 2).encode("utf-8")


def edge_json(s: str, t: str, k: str, d: dict) -> bytes:
    return json_text({**d, "source": s, "target": t, "key": k}, 2).encode("utf-8")


_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_GRAPHML_OPEN = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')


class GraphmlKeys:
    """GraphML's <key> table: an id (d0, d1 ...) per (name, type, scope) in the order
    they are first met, declared newest first, as networkx does."""

    def __init__(self, table: list | None = None, first: list | None = None):
        self.order: list[tuple[str, str, str]] = [tuple(k) for k in table or ()]
        self.ids = {k: f"d{i}" for i, k in enumerate(self.order)}
        self.first = list(first or [None] * len(self.order))   # the item each key was first met in
        self.item = None      # the item being written
        self.used = []        # keys the item being written uses, in order
        self.track = False    # whether to keep ``used`` (an incremental update does)

    def id(self, name: str, xml_type: str, scope: str) -> str:
        key = (name, xml_type, scope)
        self.used.append(key)
        i = self.ids.get(key)
        if i is None:
            i = self.ids[key] = f"d{len(self.order)}"
            self.order.append(key)
            self.first.append(self.item)
        return i

    def header(self) -> bytes:
        lines = [_GRAPHML_OPEN]
        for name, xml_type, scope in reversed(self.order):
            lines.append(f'  <key id="{self.ids[(name, xml_type, scope)]}" for="{_attr(scope)}" '
                         f'attr.name="{_attr(name)}" attr.type="{_attr(xml_type)}" />\n')
        lines.append('  <graph edgedefault="directed">\n')
        return "".join(lines).encode("ascii", "xmlcharrefreplace")


def _attr(s: str) -> str:
    return ET._escape_attrib(s)


def _graphml_data(d: dict, scope: str, keys: GraphmlKeys) -> list[str]:
    out = []
    ids = keys.ids
    for k, v in sorted(d.items()):
        # _graphml_value, inline
        if v is None:
            v = ""
        elif isinstance(v, (list, tuple, dict)):
            v = _json_value(v)
        tv = type(v)
        if tv is str:
            v = _NOT_XML.sub("\ufffd", v)
        xml_type = _XML_TYPES.get(tv)
        if xml_type is None:
            raise TypeError(f"GraphML does not support type {tv} as data values.")
        text = str(v)
        key = (str(k), xml_type, scope)
        kid = ids.get(key)
        if kid is None or keys.track:
            kid = keys.id(*key)
        if text:
            out.append(f'      <data key="{kid}">{ET._escape_cdata(text)}</data>\n')
        else:
            out.append(f'      <data key="{kid}" />\n')
    return out


def _graphml_lines(text: str) -> bytes:
    # generate_graphml yields the document's lines (str.splitlines) joined with "\n";
    # after the escapes only a carriage return can break a line besides "\n"
    data = text.encode("ascii", "xmlcharrefreplace")
    if b"\r" not in data:
        return data
    return ("\n".join(data.decode("ascii").splitlines()) + "\n").encode("ascii")


def node_graphml(n: str, d: dict, keys: GraphmlKeys) -> bytes:
    parts = [f'    <node id="{_attr(_xml_text(n))}">\n', *_graphml_data(d, "node", keys), "    </node>\n"]
    return _graphml_lines("".join(parts))


def edge_graphml(s: str, t: str, k: str, d: dict, keys: GraphmlKeys) -> bytes:
    parts = [f'    <edge source="{_attr(_xml_text(s))}" target="{_attr(_xml_text(t))}" id="{_attr(_xml_text(k))}">\n',
             *_graphml_data(d, "edge", keys), "    </edge>\n"]
    return _graphml_lines("".join(parts))


_GRAPHML_CLOSE = b"  </graph>\n</graphml>\n"
JSON_HEAD = b'{\n "directed": true,\n "graph": {},\n "links": ['
JSON_MIDDLE = b'\n ],\n "multigraph": true,\n "nodes": ['
JSON_EMPTY_MIDDLE = b'],\n "multigraph": true,\n "nodes": ['
JSON_TAIL = b"\n ]\n}\n"
JSON_SEP = b",\n  "
JSON_FIRST = b"\n  "


@dataclass
class Sizes:
    """Byte sizes of each node's and each edge's part of the files, in file order
    (what an incremental build needs to copy the parts that did not change)."""
    node_ids: list = field(default_factory=list)
    edge_ids: list = field(default_factory=list)
    node_json: array = field(default_factory=lambda: array("q"))
    node_graphml: array = field(default_factory=lambda: array("q"))
    edge_json: array = field(default_factory=lambda: array("q"))
    edge_graphml: array = field(default_factory=lambda: array("q"))
    keys: list = field(default_factory=list)
    key_first: list = field(default_factory=list)
    graphml_header: int = 0

    def take_graphml(self, other: "Sizes") -> None:
        """The GraphML parts of ``other`` (the same graph written to GraphML alone)."""
        self.node_graphml, self.edge_graphml = other.node_graphml, other.edge_graphml
        self.keys, self.key_first, self.graphml_header = other.keys, other.key_first, other.graphml_header


def write_graph_files(nodes, edges, json_out=None, graphml_out=None, sizes: Sizes | None = None) -> Sizes:
    """Write graph.json to ``json_out`` and graph.graphml to ``graphml_out`` (binary
    files; either may be None) from the exported nodes (id, attributes) and edges
    (source, target, key, attributes), each in id order, as ``kg.frozen_nodes()`` and
    ``kg.frozen_edges()`` give them. GraphML lists nodes first and graph.json links
    first, so one of each goes to an unnamed temporary file and is copied in at the end."""
    sizes = sizes if sizes is not None else Sizes()
    keys = GraphmlKeys()
    with tempfile.TemporaryFile() as json_nodes, tempfile.TemporaryFile() as graphml_body:
        first = True
        for n, d in nodes:
            sizes.node_ids.append(n)
            if json_out is not None:
                chunk = node_json(n, d)
                json_nodes.write(JSON_FIRST if first else JSON_SEP)
                json_nodes.write(chunk)
                sizes.node_json.append(len(chunk))
            if graphml_out is not None:
                keys.item = (0, n)
                chunk = node_graphml(n, d, keys)
                graphml_body.write(chunk)
                sizes.node_graphml.append(len(chunk))
            first = False
        no_nodes = first
        if json_out is not None:
            json_out.write(JSON_HEAD)
        first = True
        for s, t, k, d in edges:
            sizes.edge_ids.append((s, t, k))
            if json_out is not None:
                chunk = edge_json(s, t, k, d)
                json_out.write(JSON_FIRST if first else JSON_SEP)
                json_out.write(chunk)
                sizes.edge_json.append(len(chunk))
            if graphml_out is not None:
                keys.item = (1, (s, t, k))
                chunk = edge_graphml(s, t, k, d, keys)
                graphml_body.write(chunk)
                sizes.edge_graphml.append(len(chunk))
            first = False
        if json_out is not None:
            json_out.write(JSON_EMPTY_MIDDLE if first else JSON_MIDDLE)
            if no_nodes:
                json_out.write(b"]\n}\n")
            else:
                copy_into(json_nodes, json_out)
                json_out.write(JSON_TAIL)
        if graphml_out is not None:
            if no_nodes and first:
                graphml_out.write(keys.header()[:-2] + b" />\n</graphml>\n")
            else:
                header = keys.header()
                sizes.graphml_header = len(header)
                graphml_out.write(header)
                copy_into(graphml_body, graphml_out)
                graphml_out.write(_GRAPHML_CLOSE)
    sizes.keys = list(keys.order)
    sizes.key_first = list(keys.first)
    return sizes


def copy_into(src, dst, start: int = 0, length: int | None = None) -> None:
    """Copy ``length`` bytes (default: to the end) of ``src`` from ``start`` to
    ``dst``'s current position (in the kernel when both are files)."""
    src.flush()
    if length is None:
        src.seek(0, os.SEEK_END)
        length = src.tell() - start
    if length <= 0:
        return
    try:
        dst.flush()
        out_fd, in_fd = dst.fileno(), src.fileno()
        pos, left = start, length
        while left > 0:
            n = os.copy_file_range(in_fd, out_fd, left, pos)
            if n <= 0:
                break
            pos += n
            left -= n
        if left == 0:
            return
        start, length = pos, left
    except (AttributeError, OSError, io.UnsupportedOperation):
        pass
    src.seek(start)
    left = length
    while left > 0:
        block = src.read(min(left, 1 << 20))
        if not block:
            break
        dst.write(block)
        left -= len(block)
