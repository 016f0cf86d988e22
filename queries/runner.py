"""Run a Cypher query of the library (``queries/*.cypher``), of a file, or given as
text, on Neo4j or on the embedded graph database (``graph.store.embedded``).

A library file starts with ``//`` comment lines: the first states the question, then
one ``// $param: meaning`` line per parameter.

Queries run read-only with real parameters on both. The library is written in Neo4j's
Cypher; ``queries/dialect.py`` gives the embedded engine's form of it. A query the
embedded engine cannot run fails with a message that names ``--neo4j``.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

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
    from neo4j import READ_ACCESS, WRITE_ACCESS, NotificationMinimumSeverity
    from neo4j import exceptions as ex

    check(q, params, write)

    def work(tx):
        res = tx.run(q.text, params)
        return list(res.keys()), [list(r.values()) for r in res]

    try:
        # the server's notes (a property no node has yet: `former` in a graph without former
        # posts) are no errors; they would only clutter the output
        with driver.session(database=database, default_access_mode=WRITE_ACCESS if write else READ_ACCESS,
                            notifications_min_severity=NotificationMinimumSeverity.OFF) as s:
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


def open_embedded(graph):
    """A reader of the embedded database for ``graph``: a graph.json path (its
    ``graph.db``, written first if missing or stale), a ``Reader``, or a graph in
    memory (a KnowledgeGraph or an exported networkx graph: copied into an in-memory
    database)."""
    from graph.store import embedded

    if isinstance(graph, embedded.Reader):
        return graph
    if isinstance(graph, (str, Path)):
        path = Path(graph)
        if path.suffix == ".db":
            return embedded.Reader(path)
        return embedded.Reader(embedded.current(path))
    if hasattr(graph, "frozen"):
        graph = graph.frozen()
    return embedded.Reader(frozen=graph)


def run_embedded(q: Query, params: dict, reader) -> Result:
    """Run on the embedded database (``graph.store.embedded``), in its dialect, with
    real parameters."""
    from .dialect import embedded

    check(q, params, False)
    try:
        res = reader.execute(embedded(q.text), params)
        cols = list(res.get_column_names())
        rows = []
        while res.has_next():
            rows.append([_plain_embedded(v) for v in res.get_next()])
    except RuntimeError as e:
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise QueryError(f"the embedded engine cannot run query {q.name}: {first}; "
                         "run it on Neo4j with --neo4j URI") from None
    return Result(cols, rows)


def _plain_embedded(v):
    """Engine values as Neo4j's driver gives them (see ``_plain``): a node as its
    properties, a relationship with its type, a path as its names; no nulls in maps."""
    from decimal import Decimal

    if isinstance(v, dict):
        if "_nodes" in v and "_rels" in v:      # a path
            return [n.get("name") for n in v["_nodes"]]
        props = {k: _plain_embedded(x) for k, x in v.items() if not k.startswith("_") and x is not None}
        return {"type": v["_LABEL"], **props} if "_SRC" in v else props
    if isinstance(v, list):
        return [_plain_embedded(x) for x in v]
    if isinstance(v, Decimal):                  # SUM of integers
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def run(ref, params: dict | None = None, *, graph=None, driver=None, write: bool = False,
        database: str | None = None) -> Result:
    """Run a query (name, file, text or Query) on ``driver`` (Neo4j) if given, else on
    the embedded database of ``graph`` (see ``open_embedded``)."""
    q = ref if isinstance(ref, Query) else load(ref)
    params = dict(params or {})
    if driver is not None:
        return run_neo4j(q, params, driver, write, database)
    if graph is None:
        raise QueryError("no graph to query: give --graph FILE or --neo4j URI")
    if write:
        raise QueryError("the embedded database is read-only; write queries need --neo4j URI")
    reader = open_embedded(graph)
    try:
        return run_embedded(q, params, reader)
    finally:
        if reader is not graph:
            reader.close()


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
