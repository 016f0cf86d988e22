"""Run a Cypher query of the library (``queries/*.cypher``), of a file, or given as
text, on Neo4j or on the embedded networkx graph (with grand-cypher).

A library file starts with ``//`` comment lines: the first states the question, then
one ``// $param: meaning`` line per parameter.

On Neo4j, queries run in read transactions with real parameters. The embedded engine
(grand-cypher) understands a subset of Cypher (MATCH, WHERE, RETURN, DISTINCT,
ORDER BY, LIMIT, COUNT/SUM/..., variable-length paths; strings in double quotes); its
graph has the same properties as Neo4j (``graph.store.neo4j.node_props``/``rel_props``)
and every node the ``GovKG`` label. Parameters are substituted there as literals.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent
WRITE_CLAUSES = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "LOAD CSV", "CALL", "FOREACH")
_WRITE = re.compile(r"\b(" + "|".join(w.replace(" ", r"\s+") for w in WRITE_CLAUSES) + r")\b", re.I)
# string literals, comments (// and /* */), backquoted names: skipped when looking at the
# query's words. One pattern, so that whichever starts first wins: a quote inside a
# comment opens no string, and a /* inside a string opens no comment.
_SKIP = r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`|//[^\n]*|/\*.*?(?:\*/|\Z)'
_NON_CODE = re.compile(_SKIP, re.S)
_PARAM = re.compile(_SKIP + r'|\$([A-Za-z_][A-Za-z0-9_]*)', re.S)


class QueryError(RuntimeError):
    """A query that cannot be run as asked, with a one-line message."""


@dataclass
class Query:
    name: str
    text: str
    question: str = ""
    params: dict = field(default_factory=dict)   # name -> meaning

    @classmethod
    def parse(cls, name: str, text: str) -> "Query":
        question, params = "", {}
        for line in text.splitlines():
            if not line.startswith("//"):
                break
            body = line[2:].strip()
            m = re.match(r"\$(\w+)\s*:\s*(.*)", body)
            if m:
                params[m.group(1)] = m.group(2)
            elif not question:
                question = body
        return cls(name, text, question, params)

    def used_params(self) -> set[str]:
        return {m.group(1) for m in _PARAM.finditer(self.text) if m.group(1)}


def library() -> dict[str, Query]:
    """The named queries of ``queries/``."""
    return {p.stem: Query.parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(HERE.glob("*.cypher"))}


def load(ref: str) -> Query:
    """A library query by name, a ``.cypher`` file, or literal Cypher."""
    lib = library()
    if ref in lib:
        return lib[ref]
    path = Path(ref)
    if ref.endswith(".cypher") or (len(ref) < 300 and "\n" not in ref and path.is_file()):
        if not path.is_file():
            raise QueryError(f"no query file {ref} (library: {', '.join(lib)})")
        return Query.parse(path.stem, path.read_text(encoding="utf-8"))
    if re.fullmatch(r"[\w-]+", ref):
        raise QueryError(f"no query named {ref!r} (library: {', '.join(lib)})")
    return Query.parse("<query>", ref)


def write_clauses(text: str) -> list[str]:
    """The write clauses a query uses (outside strings and comments)."""
    code = _NON_CODE.sub(" ", text)
    return sorted({re.sub(r"\s+", " ", m.group(1).upper()) for m in _WRITE.finditer(code)})


def parse_param(value: str):
    """A ``k=v`` value: an integer or a number when it reads as one, else text."""
    for conv in (int, float):
        try:
            return conv(value)
        except ValueError:
            pass
    return value


def parse_params(pairs) -> dict:
    out = {}
    for pair in pairs or ():
        if "=" not in pair:
            raise QueryError(f"parameter {pair!r} is not k=v")
        k, v = pair.split("=", 1)
        out[k.strip()] = parse_param(v)
    return out


@dataclass
class Result:
    columns: list[str]
    rows: list[list]


# ---- running --------------------------------------------------------------------------

def check(q: Query, params: dict, write: bool) -> None:
    """Refuse write clauses unless ``write``, and missing parameters."""
    used = write_clauses(q.text)
    if used and not write:
        raise QueryError(f"query {q.name} writes ({', '.join(used)}); refused without --write")
    missing = sorted(q.used_params() - set(params))
    if missing:
        hints = "; ".join(f"{m}: {q.params[m]}" for m in missing if m in q.params)
        raise QueryError(f"query {q.name} needs parameter(s) {', '.join(missing)}"
                         + (f" ({hints})" if hints else ""))


def run_neo4j(q: Query, params: dict, driver, write: bool = False, database: str | None = None) -> Result:
    from neo4j import READ_ACCESS, WRITE_ACCESS
    from neo4j import exceptions as ex

    check(q, params, write)

    def work(tx):
        res = tx.run(q.text, params)
        return list(res.keys()), [list(r.values()) for r in res]

    try:
        with driver.session(database=database, default_access_mode=WRITE_ACCESS if write else READ_ACCESS) as s:
            cols, rows = (s.execute_write if write else s.execute_read)(work)
    except ex.Neo4jError as e:
        raise QueryError(f"Neo4j: {((e.message or str(e)).splitlines() or [type(e).__name__])[0]}") from None
    except ex.DriverError as e:       # the server went away during the query
        raise QueryError(f"Neo4j: {(str(e).splitlines() or [type(e).__name__])[0]}") from None
    return Result(cols, [[_plain(v) for v in row] for row in rows])


def _plain(v):
    """Driver values (nodes, relationships, paths, temporals) as JSON-friendly values."""
    from neo4j.graph import Node, Path as GPath, Relationship

    if isinstance(v, Node):
        return dict(v)
    if isinstance(v, Relationship):
        return {"type": v.type, **dict(v)}
    if isinstance(v, GPath):
        return [n.get("name") for n in v.nodes]
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v


def embedded_graph(frozen: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The exported graph with Neo4j's properties and labels, for grand-cypher."""
    from graph.store.neo4j import BASE_LABEL, node_props, rel_props

    g = nx.MultiDiGraph()
    for n, d in frozen.nodes(data=True):
        g.add_node(n, **node_props({**d, "id": n}), __labels__={d["label"], BASE_LABEL})
    for s, t, k, d in frozen.edges(keys=True, data=True):
        g.add_edge(s, t, k)
        g.edges[s, t, k].update(rel_props(k, d), __labels__={d["type"]})
    return g


def _literal(v) -> str:
    if isinstance(v, bool) or v is None:
        return {True: "true", False: "false", None: "null"}[v]
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)   # a double-quoted string with escapes grand-cypher reads back
    raise QueryError(f"the embedded engine takes only text and number parameters, not {type(v).__name__}")


def run_embedded(q: Query, params: dict, g: nx.MultiDiGraph) -> Result:
    """Run on an ``embedded_graph``; parameters are substituted as literals."""
    from grandcypher import GrandCypher

    check(q, params, False)
    text = _PARAM.sub(lambda m: _literal(params[m.group(1)]) if m.group(1) else m.group(0), q.text)
    try:
        out = GrandCypher(g).run(text)
    except Exception as e:
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise QueryError(f"the embedded engine (grand-cypher) cannot run query {q.name}: {first}; "
                         "run it on Neo4j with --neo4j URI") from None
    cols = [str(c) for c in out]
    values = list(out.values())
    rows = [[_plain_embedded(col[i]) for col in values] for i in range(len(values[0]) if values else 0)]
    return Result(cols, rows)


def _plain_embedded(v):
    if isinstance(v, dict):  # a node or edge
        return {k: x for k, x in v.items() if k != "__labels__"}
    return v


def run(ref, params: dict | None = None, *, graph=None, driver=None, write: bool = False,
        database: str | None = None) -> Result:
    """Run a query (name, file, text or Query) on ``driver`` (Neo4j) if given, else on
    ``graph`` (a KnowledgeGraph, an exported nx graph, or an ``embedded_graph``)."""
    q = ref if isinstance(ref, Query) else load(ref)
    params = dict(params or {})
    if driver is not None:
        return run_neo4j(q, params, driver, write, database)
    if graph is None:
        raise QueryError("no graph to query: give --graph FILE or --neo4j URI")
    if write:
        raise QueryError("the embedded graph is read-only; write queries need --neo4j URI")
    if hasattr(graph, "frozen"):
        graph = graph.frozen()
    if not any("__labels__" in d for _, d in graph.nodes(data=True)):
        graph = embedded_graph(graph)
    return run_embedded(q, params, graph)


# ---- output ---------------------------------------------------------------------------

def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def format_result(res: Result, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps([dict(zip(res.columns, r)) for r in res.rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(res.columns)
        w.writerows([[_cell(v) for v in r] for r in res.rows])
        return buf.getvalue().rstrip("\n")
    if fmt == "table":
        cells = [res.columns] + [[_cell(v) for v in r] for r in res.rows]
        widths = [max(_width(row[i]) for row in cells) for i in range(len(res.columns))]
        lines = ["  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip() for row in cells]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines + [f"({len(res.rows)} rows)"])
    raise QueryError(f"unknown format {fmt!r} (table, json, csv)")


def _width(s: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)
