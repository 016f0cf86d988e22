"""Offline exports of a KnowledgeGraph for Neo4j, in the same property form as
``graph.store.neo4j`` pushes (``:GovKG`` on every node, evidence as parallel lists).

* ``cypher``: one script for ``cypher-shell -f graph.cypher``: constraints, then
  batched ``UNWIND [...literal rows...] MERGE`` statements. No parameters: every value
  is a Cypher literal, strings single-quoted with backslash escapes.
* ``neo4j-admin``: a directory of CSV files (one per label, one per relationship
  type) with typed headers for ``neo4j-admin database import full``, plus
  ``import.sh`` giving the exact command and ``constraints.cypher`` to run after.
  Arrays are separated by U+001F so that no text can collide with the delimiter.
"""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx

from ..merge.knowledge import KnowledgeGraph
from ..atomic import atomic_write
from .neo4j import BASE_LABEL, _IDENT, _node_query, _rel_query, graph_rows, schema_statements

ARRAY_DELIMITER = "\x1f"
ROWS_PER_STATEMENT = 200


# ---- Cypher literals ----------------------------------------------------------------

def cypher_string(s: str) -> str:
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) in (0x2028, 0x2029, 0x85):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def cypher_key(k: str) -> str:
    return k if _IDENT.match(k) else "`" + k.replace("`", "``") + "`"


def cypher_literal(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"cannot write {v} as a Cypher literal")
        return repr(v)
    if isinstance(v, str):
        return cypher_string(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(cypher_literal(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{cypher_key(str(k))}: {cypher_literal(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(v).__name__}")


def _inline(query: str, rows: list) -> str:
    """A push statement with its $rows parameter written out as a literal."""
    return query.replace("$rows", cypher_literal(rows), 1)


def to_cypher(g: nx.MultiDiGraph) -> str:
    """A cypher-shell script (statements end with ';' at the end of a line)."""
    nodes, rels = graph_rows(g)
    out = ["// govkg graph: load with  cypher-shell -u neo4j -f graph.cypher", ""]
    out += [s + ";" for s in schema_statements()]
    for groups, query in ((nodes, _node_query), (rels, _rel_query)):
        for name in sorted(groups):
            rows = sorted(groups[name], key=lambda r: (r.get("s", ""), r.get("t", ""), r.get("key", ""), r.get("id", "")))
            for i in range(0, len(rows), ROWS_PER_STATEMENT):
                out.append(_inline(query(name), rows[i:i + ROWS_PER_STATEMENT]) + ";")
    return "\n".join(out) + "\n"


def cypher_statements(script: str) -> list[str]:
    """The statements of a script written by ``to_cypher`` (string literals never hold
    a raw newline there, so a statement ends where a line ends with ';')."""
    stmts, cur = [], []
    for line in script.splitlines():
        if not cur and (not line.strip() or line.startswith("//")):
            continue
        cur.append(line)
        if line.endswith(";"):
            stmts.append("\n".join(cur)[:-1])
            cur = []
    return stmts


# ---- neo4j-admin CSV ----------------------------------------------------------------

def _csv_type(values) -> str:
    kinds = set()
    for v in values:
        if isinstance(v, list):
            kinds |= {"list:" + _csv_type([x]) for x in v} or {"list:string"}
        elif isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("long")
        elif isinstance(v, float):
            kinds.add("double")
        else:
            kinds.add("string")
    if len(kinds) == 1:
        kind = kinds.pop()
        return kind[5:] + "[]" if kind.startswith("list:") else kind
    if kinds <= {"long", "double"}:
        return "double"
    return "string[]" if all(k.startswith("list:") for k in kinds) else "string"


def _csv_value(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ARRAY_DELIMITER.join(str(_csv_value(x)) for x in v)
    return v if isinstance(v, (int, float)) else str(v)


def _csv_field(v) -> str:
    # strings always quoted, so an empty unquoted field means "no value"
    if v is None:
        return ""
    if isinstance(v, (int, float)):
        return repr(v) if isinstance(v, float) else str(v)
    return '"' + str(v).replace('"', '""') + '"'


def _csv_bytes(header: list[str], rows: list[list]) -> bytes:
    lines = [",".join(_csv_field(h) for h in header)]
    lines += [",".join(_csv_field(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _table(records: list[dict], fixed: list[tuple[str, str]]) -> tuple[list[str], list[list]]:
    """Header and rows: the fixed (column, header) pairs, then every property."""
    keys = sorted({k for r in records for k in r["props"]} - {c for c, _ in fixed})
    header = [h for _, h in fixed]
    for k in keys:
        header.append(f"{k}:{_csv_type([r['props'][k] for r in records if k in r['props']])}")
    rows = []
    for r in records:
        row = [r[c] if c in r else r["props"].get(c) for c, _ in fixed]
        row += [_csv_value(r["props"].get(k)) for k in keys]
        rows.append(row)
    return header, rows


def write_neo4j_admin(g: nx.MultiDiGraph, out: Path) -> list[Path]:
    out = Path(out)
    nodes, rels = graph_rows(g)
    written, args = [], []
    for label in sorted(nodes):
        records = sorted(nodes[label], key=lambda r: r["id"])
        for r in records:
            r["labels"] = f"{BASE_LABEL}{ARRAY_DELIMITER}{label}"
        header, rows = _table(records, [("id", "id:ID"), ("labels", ":LABEL")])
        path = out / f"nodes_{label}.csv"
        atomic_write(path, _csv_bytes(header, rows))
        written.append(path)
        args.append(f"--nodes={path.name}")
    for rtype in sorted(rels):
        records = sorted(rels[rtype], key=lambda r: (r["s"], r["t"], r["key"]))
        for r in records:
            r["type"] = rtype
        header, rows = _table(records, [("s", ":START_ID"), ("t", ":END_ID"), ("type", ":TYPE")])
        path = out / f"relationships_{rtype}.csv"
        atomic_write(path, _csv_bytes(header, rows))
        written.append(path)
        args.append(f"--relationships={path.name}")
    script = ("#!/usr/bin/env bash\n"
              "# Import into an empty database of a stopped server, then run constraints.cypher.\n"
              "# With the project's server: scripts/neo4j.sh admin DIR database import full ... (same arguments)\n"
              'cd "$(dirname "$0")"\n'
              'exec neo4j-admin database import full "${1:-neo4j}" --overwrite-destination=true \\\n'
              "  --array-delimiter=U+001F --multiline-fields=true --quote='\"' \\\n  "
              + " \\\n  ".join(args) + "\n")
    for name, data in (("import.sh", script), ("constraints.cypher",
                                               "\n".join(s + ";" for s in schema_statements()) + "\n")):
        atomic_write(out / name, data.encode("utf-8"))
        written.append(out / name)
    return written


def export(kg: KnowledgeGraph, fmt: str, out: Path) -> list[Path]:
    """Write ``kg`` as ``cypher`` (a file) or ``neo4j-admin`` (a directory)."""
    g = kg.frozen()
    if fmt == "cypher":
        atomic_write(Path(out), to_cypher(g).encode("utf-8"))
        return [Path(out)]
    if fmt == "neo4j-admin":
        return write_neo4j_admin(g, Path(out))
    raise ValueError(f"unknown export format {fmt!r} (cypher, neo4j-admin)")
