"""The embedded graph database that answers Cypher without a server: LadybugDB (the
maintained successor of Kùzu), in the process, in one file beside the graph files
(``OUT/graph.db``). ``docs/embedded-cypher.md`` says why this engine.

The build writes it whole after a full merge and updates it in place after an added
day (``upsert``); it is derived from graph.json and nothing else, so a database that
does not match its graph.json (an older build, an update cut off, another engine
version: ``OUT/graph.db.json`` records what it was made from) is written again from
graph.json before a query reads it (``current``).

The schema mirrors the Neo4j push (``graph.store.neo4j``): one node table per label
(primary key ``id``) and one relationship table per type with every (from, to) pair of
``graph.schema.RELATION_ENDS``, holding the properties ``node_props``/``rel_props``
give. There is no ``GovKG`` label: every node here is govkg's (``queries/dialect.py``
drops it from the queries). Document text only ever travels as parameters or Arrow
columns; the only names formatted into statements are labels, types and column names
of the graph, quoted.
"""
from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..schema import LABELS, RELATION_ENDS, RELATION_TYPES
from .neo4j import _first_line, node_props, rel_props

if TYPE_CHECKING:
    import networkx as nx

# The properties every graph has, with their types; others are typed from their values.
_NODE_COLUMNS = [("id", "STRING"), ("label", "STRING"), ("name", "STRING"), ("aliases", "STRING[]"),
                 ("doc_ids", "STRING[]"), ("documents", "INT64"), ("first_date", "STRING"), ("last_date", "STRING")]
_NODE_EXTRA = {
    "Document": [("doc_id", "STRING"), ("title", "STRING"), ("date", "STRING"), ("publication", "STRING"),
                 ("source", "STRING"), ("authors", "STRING[]"), ("span", "INT64[]")],
    "Official": [("titles", "STRING[]"), ("region", "STRING"), ("homonyms", "STRING[]")],
    "Person": [("role", "STRING")],
    "District": [("adcode", "STRING"), ("level", "INT64"), ("parent", "STRING"), ("implied", "BOOL")],
    "Organization": [("implied", "BOOL")],
}
_REL_COLUMNS = [("key", "STRING"), ("count", "INT64"), ("first_date", "STRING"), ("last_date", "STRING"),
                ("evidence_docs", "STRING[]"), ("evidence_sentences", "STRING[]"), ("evidence_dates", "STRING[]")]
_REL_EXTRA = {"HOLDS_POSITION": [("title", "STRING"), ("title_norm", "STRING"), ("former", "BOOL")],
              "PART_OF": [("stated", "BOOL")]}
# Memory and threads the engine may take (by default it reserves most of the memory
# and every core of the machine).
BUFFER_POOL = int(os.environ.get("GOVKG_EMBEDDED_MEMORY_MB", "512")) * 1024 * 1024
THREADS = int(os.environ.get("GOVKG_EMBEDDED_THREADS", "2"))


class EmbeddedError(RuntimeError):
    """The embedded database cannot be read or written, with a one-line message."""


def engine():
    import ladybug
    return ladybug


def version() -> str:
    return engine().__version__


# ---- columns --------------------------------------------------------------------------

def _type_of(v) -> str:
    if isinstance(v, bool):
        return "BOOL"
    if isinstance(v, int):
        return "INT64"
    if isinstance(v, float):
        return "DOUBLE"
    if isinstance(v, (list, tuple)):
        return (_type_of(v[0]) if v else "STRING") + "[]"
    return "STRING"


class Columns:
    """The columns of each node label and relation type: the known ones, then the
    others a graph has, in name order (the same graph gives the same schema)."""

    def __init__(self, nodes: dict | None = None, rels: dict | None = None):
        self.nodes = nodes or {label: dict(_NODE_COLUMNS + _NODE_EXTRA.get(label, [])) for label in LABELS}
        self.rels = rels or {t: dict(_REL_COLUMNS + _REL_EXTRA.get(t, [])) for t in RELATION_TYPES}

    def see_node(self, label: str, props: dict) -> bool:
        """Note a node's properties; True when one is new."""
        return _see(self.nodes[label], props)

    def see_rel(self, rtype: str, props: dict) -> bool:
        return _see(self.rels[rtype], props)

    def to_dict(self) -> dict:
        return {"nodes": self.nodes, "rels": self.rels}


def _see(cols: dict, props: dict) -> bool:
    new = False
    for k, v in props.items():
        if k not in cols and v is not None:
            cols[k] = _type_of(v)
            new = True
    return new


def _ddl(cols: Columns) -> list[str]:
    out = []
    for label in LABELS:
        body = ", ".join(f"`{c}` {t}" + (" PRIMARY KEY" if c == "id" else "") for c, t in _ordered(cols.nodes[label]))
        out.append(f"CREATE NODE TABLE `{label}`({body})")
    for rtype in RELATION_TYPES:
        src, dst = RELATION_ENDS[rtype]
        pairs = ", ".join(f"FROM `{a}` TO `{b}`" for a in sorted(src) for b in sorted(dst))
        body = ", ".join(f"`{c}` {t}" for c, t in _ordered(cols.rels[rtype]))
        out.append(f"CREATE REL TABLE `{rtype}`({pairs}, {body})")
    return out


def _ordered(cols: dict) -> list[tuple[str, str]]:
    known = [c for c in cols if c in _KNOWN]
    return [(c, cols[c]) for c in known + sorted(c for c in cols if c not in _KNOWN)]


_KNOWN = {c for c, _ in _NODE_COLUMNS + _REL_COLUMNS} | {c for v in (*_NODE_EXTRA.values(), *_REL_EXTRA.values())
                                                         for c, _ in v}


# ---- writing ----------------------------------------------------------------------------

def _rows(nodes: Iterable, edges: Iterable, cols: Columns):
    """(node rows by label, relationship rows by (type, from label, to label)) in the
    property form of the Neo4j push."""
    by_label, label_of = defaultdict(list), {}
    for n, d in nodes:
        p = node_props({**d, "id": n})
        cols.see_node(d["label"], p)
        by_label[d["label"]].append(p)
        label_of[n] = d["label"]
    by_type = defaultdict(list)
    for s, t, k, d in edges:
        p = rel_props(k, d)
        cols.see_rel(d["type"], p)
        by_type[(d["type"], label_of[s], label_of[t])].append((s, t, p))
    return by_label, by_type


def _open(path, read_only: bool = False):
    lb = engine()
    try:
        db = lb.Database(str(path), buffer_pool_size=BUFFER_POOL, max_num_threads=THREADS, read_only=read_only)
    except RuntimeError as e:
        raise EmbeddedError(f"cannot open the embedded database {path}: {_first_line(e)}") from None
    return db, lb.Connection(db, num_threads=THREADS)


@contextmanager
def _connection(where: Path, verb: str, path: Path):
    """A connection to the database at ``where``, closed with its database after; an
    engine error on the way says it could not ``verb`` the database ``path``."""
    db, conn = _open(where)
    try:
        yield conn
    except RuntimeError as e:
        raise EmbeddedError(f"cannot {verb} the embedded database {path}: {_first_line(e)}") from None
    finally:
        conn.close()
        db.close()


def write(frozen: "nx.MultiDiGraph", path: Path, graph_json: Path | None = None) -> Columns:
    """Write the database of an exported graph anew at ``path`` (via a temporary file:
    a reader never sees half a database). ``graph_json``: the file it is derived from,
    recorded beside it."""
    return write_items(frozen.nodes(data=True), frozen.edges(keys=True, data=True), path, graph_json)


def write_items(nodes: Iterable, edges: Iterable, path: Path, graph_json: Path | None = None) -> Columns:
    path = Path(path)
    tmp = path.with_name(path.name + ".new")
    _remove(tmp)
    with _connection(tmp, "write", path) as conn:
        cols = _fill(conn, nodes, edges)
        conn.execute("CHECKPOINT")
    _remove(path)
    os.replace(tmp, path)
    _record(path, graph_json, cols)
    return cols


def _fill(conn, nodes: Iterable, edges: Iterable) -> Columns:
    """Create the tables of an empty database and copy the graph in (from Arrow tables
    in memory, a table at a time)."""
    import pyarrow as pa

    cols = Columns()
    by_label, by_type = _rows(nodes, edges, cols)
    for stmt in _ddl(cols):
        conn.execute(stmt)
    arrow = {"STRING": pa.string(), "INT64": pa.int64(), "BOOL": pa.bool_(), "DOUBLE": pa.float64()}

    def column(values, t):
        return pa.array(values, type=pa.list_(arrow[t[:-2]]) if t.endswith("[]") else arrow[t])

    for label in LABELS:
        rows = by_label.get(label)
        if rows:
            frame = pa.table({c: column([r.get(c) for r in rows], t)  # noqa: F841 (COPY reads it by name)
                              for c, t in _ordered(cols.nodes[label])})
            conn.execute(f"COPY `{label}` FROM frame")
    for (rtype, a, b), rows in sorted(by_type.items()):
        data = {"from": pa.array([s for s, _, _ in rows], pa.string()),
                "to": pa.array([t for _, t, _ in rows], pa.string())}
        data.update({c: column([p.get(c) for _, _, p in rows], t) for c, t in _ordered(cols.rels[rtype])})
        frame = pa.table(data)  # noqa: F841
        conn.execute(f"COPY `{rtype}` FROM frame (from='{a}', to='{b}')")
    return cols


def upsert(path: Path, nodes: dict, edges: dict, label_of, graph_json: Path | None = None) -> bool:
    """Write the changed ``nodes`` ({id: exported attributes}) and ``edges`` ({(s, t,
    key): attributes}) into the database in one transaction; ``label_of(id)`` gives the
    label of an end not among ``nodes``. False (nothing written) when the database is
    not current or they bring a property it has no column for: write it anew then."""
    path = Path(path)
    meta = _meta(path)
    if meta is None or meta.get("engine") != version():
        return False
    cols = Columns(meta["columns"]["nodes"], meta["columns"]["rels"])
    node_rows = defaultdict(list)
    for n, d in sorted(nodes.items()):
        p = node_props({**d, "id": n})
        if cols.see_node(d["label"], p):
            return False
        node_rows[d["label"]].append(p)
    rel_rows = defaultdict(list)
    for (s, t, k), d in sorted(edges.items()):
        p = rel_props(k, d)
        if cols.see_rel(d["type"], p):
            return False
        ends = (label_of(s) if s not in nodes else nodes[s]["label"], label_of(t) if t not in nodes else nodes[t]["label"])
        rel_rows[(d["type"], *ends)].append({"s": s, "t": t, **p})
    with _connection(path, "update", path) as conn:
        conn.execute("BEGIN TRANSACTION")
        for label, rows in sorted(node_rows.items()):
            sets = ", ".join(f"n.`{c}` = CAST(row.`{c}` AS {t})" for c, t in _ordered(cols.nodes[label]) if c != "id")
            for chunk in _chunks([{c: r.get(c) for c in cols.nodes[label]} for r in rows]):
                conn.execute(f"UNWIND $rows AS row MERGE (n:`{label}` {{id: row.id}}) SET {sets}", {"rows": chunk})
        for (rtype, a, b), rows in sorted(rel_rows.items()):
            names = list(cols.rels[rtype])
            sets = ", ".join(f"r.`{c}` = CAST(row.`{c}` AS {t})" for c, t in _ordered(cols.rels[rtype]) if c != "key")
            for chunk in _chunks([{"s": r["s"], "t": r["t"], **{c: r.get(c) for c in names}} for r in rows]):
                conn.execute(f"UNWIND $rows AS row MATCH (a:`{a}` {{id: row.s}}), (b:`{b}` {{id: row.t}}) "
                             f"MERGE (a)-[r:`{rtype}` {{key: row.key}}]->(b) SET {sets}", {"rows": chunk})
        conn.execute("COMMIT")
        conn.execute("CHECKPOINT")
    _record(path, graph_json, cols)
    return True


def _chunks(rows: list, size: int = 5000):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _remove(path: Path) -> None:
    for p in (path, Path(str(path) + ".wal"), Path(str(path) + ".shadow")):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


# ---- what a database was made from ----------------------------------------------------

def meta_path(path: Path) -> Path:
    return Path(str(path) + ".json")


def _signature(graph_json: Path) -> list:
    st = os.stat(graph_json)
    return [st.st_size, st.st_mtime_ns]


def _record(path: Path, graph_json: Path | None, cols: Columns) -> None:
    meta = {"engine": version(), "graph": _signature(graph_json) if graph_json else None, "columns": cols.to_dict()}
    tmp = meta_path(path).with_suffix(".tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True), "utf-8")
    os.replace(tmp, meta_path(path))


def _meta(path: Path) -> dict | None:
    try:
        meta = json.loads(meta_path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return meta if path.exists() and isinstance(meta, dict) and "columns" in meta else None


def is_current(path: Path, graph_json: Path) -> bool:
    """Was the database at ``path`` made from ``graph_json`` as it is now, by this
    engine version?"""
    meta = _meta(Path(path))
    return meta is not None and meta.get("engine") == version() and meta.get("graph") == _signature(graph_json)


def stamp(path: Path, graph_json: Path) -> None:
    """Record that the database matches ``graph_json`` as it is now (after the build
    has put the graph files in place)."""
    meta = _meta(Path(path))
    if meta is not None:
        _record(Path(path), graph_json, Columns(meta["columns"]["nodes"], meta["columns"]["rels"]))


def current(graph_json: Path, path: Path | None = None, say=None) -> Path:
    """The database of ``graph_json`` (``graph.db`` beside it), written anew first when
    it is missing or does not match the file."""
    graph_json = Path(graph_json)
    path = Path(path) if path else graph_json.with_name("graph.db")
    if not is_current(path, graph_json):
        from .files import load_frozen

        if say:
            say(f"writing the embedded database {path} from {graph_json}")
        write(load_frozen(graph_json), path, graph_json)
    return path


# ---- reading ----------------------------------------------------------------------------

class Reader:
    """A connection to read a database with; ``memory`` holds one written from a graph
    in memory (a notebook's KnowledgeGraph)."""

    def __init__(self, path: Path | None = None, frozen: "nx.MultiDiGraph | None" = None):
        if frozen is not None:
            self.db, self.conn = _open(":memory:")
            _fill(self.conn, frozen.nodes(data=True), frozen.edges(keys=True, data=True))
        else:
            self.db, self.conn = _open(path, read_only=True)
        # a variable-length pattern matches each relationship once, as in Neo4j
        self.conn.execute("CALL recursive_pattern_semantic='TRAIL'")

    def execute(self, text: str, params: dict):
        return self.conn.execute(text, params)

    def close(self) -> None:
        self.conn.close()
        self.db.close()
