"""Push a KnowledgeGraph into Neo4j and pull it back, with the official driver.

The graph in Neo4j
------------------
* Every node has its label (``Official``, ``District`` ...) and the common label
  ``GovKG``; govkg only ever reads or writes ``:GovKG`` nodes. Properties are the
  exported node attributes (``kg.frozen()``): ``id``, ``label``, ``name``,
  ``aliases`` ... Values Neo4j cannot hold (maps, lists of maps) are stored as JSON
  text under ``<key>_json``. ``None`` is simply absent.
* Relationships have the relation type as Neo4j type and carry ``key`` (the networkx
  edge key: the type, or ``HOLDS_POSITION|<title>``), ``count``, the relation
  attributes (``title`` ...) and the evidence as three parallel lists, one entry per
  evidence sentence: ``evidence_docs``, ``evidence_sentences``, ``evidence_dates``
  (``""`` for an unknown date; Neo4j lists cannot hold null).
* A uniqueness constraint on ``id`` of ``GovKG`` nodes, indexes on ``name`` per label.
  No constraint on the labels themselves: a database shared with other data may hold
  ``:Document`` or ``:Official`` nodes of its own, with ids of its own, and govkg must
  neither fail on them nor restrict them.

Pushing is a MERGE on ids (nodes) and on (source, target, type, key) (relationships):
pushing the same graph twice changes nothing, a larger build adds what is new and
updates what grew. Each batch is one transaction, so a push cut off (the server
stopped, the network gone) leaves whole batches only, and pushing again completes it:
the result is the same as one uninterrupted push. Into a database that holds no
``GovKG`` node yet, the push CREATEs instead (there is nothing to find, and looking
for it on every row costs a quarter of a whole-corpus push); a push cut off part-way
leaves ``GovKG`` nodes behind, so pushing again MERGEs. Document text only ever travels as
query parameters; the only names formatted into Cypher are labels and types of
``graph.schema``.

A transaction that fails for a passing reason (the server restarting, a leader
election) is retried for ``GOVKG_NEO4J_RETRY`` seconds (default 30) before the push
gives up with a StoreError.
"""
from __future__ import annotations

import json
import logging
import os
import re
import threading
from itertools import zip_longest
from typing import TYPE_CHECKING

from ..schema import LABELS

if TYPE_CHECKING:   # networkx is imported where a graph is made (see graph.builder.job)
    import networkx as nx

    from ..merge.knowledge import KnowledgeGraph

BASE_LABEL = "GovKG"
# Rows per transaction. The server's work per row falls with the batch up to a few
# thousand (the whole cctv graph: 57.7 s on average with 1,000, 52.0 s with 5,000, 68 s
# with 10,000, on one day of this 2-core machine).
BATCH = 5000
EVIDENCE_FIELDS = (("doc", "evidence_docs"), ("sentence", "evidence_sentences"), ("date", "evidence_dates"))
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class StoreError(RuntimeError):
    """A failure talking to Neo4j, with a one-line message for the user."""


# ---- the property form shared by Neo4j, the exports and the embedded query engine ----

def _scalar_ok(v) -> bool:
    return isinstance(v, (str, int, float, bool))


def _prop_value(v) -> bool:
    """Whether Neo4j can hold ``v`` as a property as it is."""
    if _scalar_ok(v):
        return True
    if isinstance(v, (list, tuple)):
        kinds = {type(x) for x in v}
        return all(_scalar_ok(x) for x in v) and len(kinds) <= 1
    return False


def _props(d: dict, skip=()) -> dict:
    out = {}
    for k, v in d.items():
        if k in skip or v is None:
            continue
        if _prop_value(v):
            out[k] = list(v) if isinstance(v, tuple) else v
        else:
            out[f"{k}_json"] = json.dumps(v, ensure_ascii=False, sort_keys=True)
    return out


def node_props(d: dict) -> dict:
    """Neo4j properties of an exported node."""
    return _props(d)


def rel_props(key: str, d: dict) -> dict:
    """Neo4j properties of an exported edge (evidence as parallel lists)."""
    out = _props(d, skip=("evidence", "type"))
    out["key"] = key
    evidence = d.get("evidence") or []
    for field, prop in EVIDENCE_FIELDS:
        out[prop] = [ev.get(field) or "" for ev in evidence]
    return out


def _unprops(p: dict) -> dict:
    out = {}
    for k, v in p.items():
        if k.endswith("_json") and isinstance(v, str):
            out[k[:-5]] = json.loads(v)
        else:
            out[k] = v
    return out


def node_attrs(props: dict) -> dict:
    """Exported node attributes back from Neo4j properties."""
    d = _unprops(props)
    defaults = ("date", "publication", "first_date", "last_date") if d.get("label") == "Document" \
        else ("first_date", "last_date")
    for k in defaults:
        d.setdefault(k, None)
    # empty arrays may come back absent (neo4j-admin import drops them)
    lists = {"Document": ("aliases", "authors")}.get(d.get("label"), ("aliases", "doc_ids"))
    for k in lists + (("titles",) if d.get("label") == "Official" else ()):
        d.setdefault(k, [])
    return d


def edge_attrs(rtype: str, props: dict) -> tuple[str, dict]:
    """(edge key, exported edge attributes) back from a relationship's properties."""
    d = _unprops(props)
    key = d.pop("key", rtype)
    cols = [d.pop(prop, None) or [] for _, prop in EVIDENCE_FIELDS]
    d["evidence"] = [{"doc": doc, "sentence": sentence, "date": date or None}
                     for doc, sentence, date in zip_longest(*cols, fillvalue="")]
    d["type"] = rtype
    d.setdefault("first_date", None)   # null properties are not stored
    d.setdefault("last_date", None)
    return key, d


def _ident(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"not a label or type name: {name!r}")
    return name


# ---- connecting ----------------------------------------------------------------------

def credentials(user: str | None = None, password: str | None = None, uri: str | None = None) -> tuple[str, str]:
    """(user, password), from the arguments or NEO4J_USER / NEO4J_PASSWORD, else the
    password of the project's own server when ``uri`` is its (``govkg neo4j start``)."""
    user = user or os.environ.get("NEO4J_USER") or "neo4j"
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    if not password:
        from .server import running
        local = running()
        if local is not None and uri in (None, local.uri):
            password = local.password()
            if not password:
                raise StoreError(f"the project's server in {local.dir} keeps no password file (its password was "
                                 "chosen with NEO4J_PASSWORD when it first started): set NEO4J_PASSWORD")
    if not password:
        raise StoreError("set NEO4J_PASSWORD (and NEO4J_USER, default neo4j) to reach Neo4j, "
                         "or start the project's server: govkg neo4j start")
    return user, password


def default_uri(uri: str | None = None) -> str | None:
    """``uri``; ``local`` or nothing: ``NEO4J_URI``, else the project's running server."""
    if uri and uri != LOCAL:
        return uri
    if uri != LOCAL and os.environ.get("NEO4J_URI"):
        return os.environ["NEO4J_URI"]
    from .server import running
    local = running()
    return local.uri if local else None


# what --neo4j given without a URI stands for: the project's own server
LOCAL = "local"


def _retry_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("GOVKG_NEO4J_RETRY") or 30))
    except ValueError:
        raise StoreError(f"GOVKG_NEO4J_RETRY must be a number of seconds, not {os.environ['GOVKG_NEO4J_RETRY']!r}") from None


def _first_line(e: BaseException) -> str:
    msg = getattr(e, "message", None) or str(e)
    return (msg.strip().splitlines() or [type(e).__name__])[0]


def connect(uri: str, user: str | None = None, password: str | None = None):
    """A driver whose server answered and accepted the credentials."""
    from neo4j import GraphDatabase
    from neo4j import exceptions as ex

    user, password = credentials(user, password, uri)
    try:
        # a deadlock between the push's own sessions clears at once: retry soon (the
        # driver's first wait is a second), then back off as for a restarting server
        driver = GraphDatabase.driver(uri, auth=(user, password), max_transaction_retry_time=_retry_seconds(),
                                      initial_retry_delay=0.1, connection_timeout=10.0,
                                      connection_acquisition_timeout=30.0)
    except (ValueError, ex.ConfigurationError) as e:
        raise StoreError(f"not a Neo4j URI: {uri} ({e})") from None
    try:
        driver.verify_connectivity()
        driver.execute_query("RETURN 1")
    except ex.AuthError:
        driver.close()
        raise StoreError(f"Neo4j at {uri} refused the credentials of user {user!r} "
                         "(check NEO4J_USER / NEO4J_PASSWORD)") from None
    except (ex.ServiceUnavailable, ex.SessionExpired, OSError) as e:
        driver.close()
        raise StoreError(f"cannot reach Neo4j at {uri} (is it running? scripts/neo4j.sh start): "
                         f"{str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    except ex.Neo4jError as e:
        driver.close()
        raise StoreError(f"Neo4j at {uri}: {_first_line(e)}") from None
    except ex.DriverError as e:
        driver.close()
        raise StoreError(f"Neo4j at {uri}: {_first_line(e)}") from None
    return driver


# ---- writing -------------------------------------------------------------------------

def schema_statements() -> list[str]:
    """The constraint and indexes, idempotent (IF NOT EXISTS). Only ``GovKG`` ids are
    constrained: a uniqueness constraint on ``Document`` or ``Official`` would fail on,
    or forbid, other data's nodes of those labels."""
    out = [f"CREATE CONSTRAINT govkg_id IF NOT EXISTS FOR (n:{BASE_LABEL}) REQUIRE n.id IS UNIQUE"]
    for label in LABELS:
        out.append(f"CREATE INDEX govkg_{label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
    return out


def _node_query(label: str, fresh: bool = False) -> str:
    if fresh:   # the uniqueness constraint still refuses a node that another push made
        return (f"UNWIND $rows AS row CREATE (n:{BASE_LABEL}:{_ident(label)}) SET n = row.props "
                "RETURN count(n) AS changed")
    return (f"UNWIND $rows AS row MERGE (n:{BASE_LABEL}:{_ident(label)} {{id: row.id}}) "
            "WITH n, row WHERE properties(n) <> row.props SET n = row.props RETURN count(n) AS changed")


def _rel_query(rtype: str, fresh: bool = False) -> str:
    ends = f"UNWIND $rows AS row MATCH (a:{BASE_LABEL} {{id: row.s}}) MATCH (b:{BASE_LABEL} {{id: row.t}}) "
    if fresh:
        return ends + f"CREATE (a)-[r:{_ident(rtype)}]->(b) SET r = row.props RETURN count(r) AS changed"
    return (ends + f"MERGE (a)-[r:{_ident(rtype)} {{key: row.key}}]->(b) "
            "WITH r, row WHERE properties(r) <> row.props SET r = row.props RETURN count(r) AS changed")


def _holds_govkg(session) -> bool:
    return session.run(f"MATCH (n:{BASE_LABEL}) RETURN count(n) > 0 AS any").single()["any"]


def graph_rows(g: nx.MultiDiGraph):
    """Rows of an exported graph: {label: [{id, props}]}, {type: [{s, t, key, props}]}."""
    return node_rows(g), rel_rows(g)


def node_rows(g: nx.MultiDiGraph) -> dict[str, list[dict]]:
    nodes: dict[str, list[dict]] = {}
    for n, d in g.nodes(data=True):
        nodes.setdefault(d["label"], []).append({"id": n, "props": node_props({**d, "id": n})})
    return nodes


def rel_rows(g: nx.MultiDiGraph) -> dict[str, list[dict]]:
    rels: dict[str, list[dict]] = {}
    for s, t, k, d in g.edges(keys=True, data=True):
        rels.setdefault(d["type"], []).append({"s": s, "t": t, "key": k, "props": rel_props(k, d)})
    return rels


def _write(tx, query: str, rows: list) -> tuple[int, int]:
    """(changed rows, created nodes or relationships) of one batch."""
    result = tx.run(query, rows=rows)
    changed = result.single()["changed"]
    c = result.consume().counters
    return changed, c.nodes_created + c.relationships_created


class _Retries(logging.Filter):
    """Counts the transactions the driver retries instead of letting it print each."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def filter(self, record):
        if "will be retried" in record.getMessage():
            self.count += 1
            return False
        return True


class PushInterrupted(StoreError):
    """A push cut off part-way; ``counts`` says how far it got (whole batches only)."""

    def __init__(self, message: str, counts: dict):
        super().__init__(message)
        self.counts = counts


def push_frozen(driver, g: nx.MultiDiGraph, database: str | None = None, threads: int | None = None) -> dict:
    """MERGE an exported graph into Neo4j. Returns counts: nodes/relationships in the
    graph, how many of them were created or updated by this push, and how many were
    written (``nodes_written``, ``relationships_written``: all of them, unless the push
    is cut off), how many transactions the driver retried (``retried``) and whether the
    database held no govkg node before (``fresh``: CREATE, not MERGE). Driver and
    server errors propagate with ``push_progress`` (the counts so far) attached to the
    exception.

    Batches run on ``threads`` sessions at once (default GOVKG_NEO4J_THREADS, else 2):
    the server runs each transaction on one core. All nodes are written before any
    relationship. Each session takes a share of each type's relationships (``_shares``)
    that seldom locks what the other's locks; a deadlock all the same is retried by the
    driver, quietly."""
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    threads = max(1, threads or int(os.environ.get("GOVKG_NEO4J_THREADS") or 2))
    counts = dict(nodes=g.number_of_nodes(), relationships=g.number_of_edges(), nodes_created=0,
                  nodes_updated=0, relationships_created=0, relationships_updated=0,
                  nodes_written=0, relationships_written=0, retried=0, fresh=False)
    retries = _Retries()
    driver_log = logging.getLogger("neo4j.session")
    driver_log.addFilter(retries)
    lock = threading.Lock()
    failed = threading.Event()   # a session failed: the others stop after their batch
    local = threading.local()
    sessions = []

    def run(what, query, rows):
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = driver.session(database=database)
            with lock:
                sessions.append(session)
        for i in range(0, len(rows), BATCH):
            if failed.is_set():
                return
            batch = rows[i:i + BATCH]
            changed, created = session.execute_write(_write, query, batch)
            with lock:
                counts[f"{what}_created"] += created
                counts[f"{what}_updated"] += changed - created
                counts[f"{what}_written"] += len(batch)

    def finish(jobs):
        wait(jobs, return_when=FIRST_EXCEPTION)
        errors = [j.exception() for j in jobs if j.done() and not j.cancelled() and j.exception()]
        if errors:
            failed.set()
            wait(jobs)
            raise errors[0]

    try:
        with driver.session(database=database) as session:
            for stmt in schema_statements():
                session.run(stmt).consume()
            fresh = counts["fresh"] = not _holds_govkg(session)
        with ThreadPoolExecutor(threads) as pool:
            node_jobs = [pool.submit(run, "nodes", _node_query(label, fresh), share)
                         for label, share in _split(node_rows(g), threads, False)]
            rel_shares = _split(rel_rows(g), threads, True)   # made while the server writes the nodes
            finish(node_jobs)                                 # all nodes before any relationship
            finish([pool.submit(run, "relationships", _rel_query(rtype, fresh), share)
                    for rtype, share in rel_shares])
    except Exception as e:
        e.push_progress = counts
        raise
    finally:
        for session in sessions:
            session.close()
        driver_log.removeFilter(retries)
        counts["retried"] = retries.count
    return counts


def _split(groups: dict[str, list[dict]], n: int, by_source: bool) -> list[tuple[str, list[dict]]]:
    """(label or type, share) of each group's n shares, groups in name order."""
    return [(name, share) for name in sorted(groups) for share in _shares(groups[name], n, by_source)]


def _shares(rows: list[dict], n: int, by_source: bool) -> list[list[dict]]:
    """A type's rows in n contiguous shares, one per session. Relationships: each share
    has sources of its own, so that an entity linked to thousands of documents is locked
    by one session only, and each share runs in target order, so that the sessions take
    the documents they share in the same order (neither waits on the other in a cycle)."""
    if by_source:
        rows = sorted(rows, key=lambda r: (r["s"], r["t"], r["key"]))
    size = max(1, -(-len(rows) // n))
    out, start = [], 0
    while start < len(rows):
        end = min(len(rows), start + size)
        while by_source and end < len(rows) and rows[end]["s"] == rows[end - 1]["s"]:
            end += 1
        share = rows[start:end]
        out.append(sorted(share, key=lambda r: (r["t"], r["s"], r["key"])) if by_source else share)
        start = end
    return out


def push_graph(kg: KnowledgeGraph, uri: str, user: str | None = None, password: str | None = None,
               database: str | None = None) -> dict:
    """Push ``kg`` to the Neo4j at ``uri`` (credentials default to NEO4J_USER /
    NEO4J_PASSWORD). Returns counts, see ``push_frozen``. Raises StoreError."""
    return push_to(kg.frozen(), uri, user, password, database)


def push_to(g: nx.MultiDiGraph, uri: str, user: str | None = None, password: str | None = None,
            database: str | None = None) -> dict:
    """Push an exported graph to the Neo4j at ``uri`` on a connection of its own.
    Every failure is a StoreError (PushInterrupted once writing has begun)."""
    from neo4j import exceptions as ex

    driver = connect(uri, user, password)
    try:
        return push_frozen(driver, g, database)
    except (ex.Neo4jError, ex.DriverError, OSError) as e:
        c = getattr(e, "push_progress", None)
        done = "" if c is None else (
            f"; {c['nodes_written']} of {c['nodes']} nodes and {c['relationships_written']} of "
            f"{c['relationships']} relationships were written, in whole batches")
        lost = isinstance(e, (ex.ServiceUnavailable, ex.SessionExpired, OSError)) or (
            isinstance(e, ex.DriverError) and not isinstance(e, ex.ConfigurationError))
        what = "lost the connection to Neo4j" if lost else "Neo4j refused the push"
        raise PushInterrupted(f"{what} at {uri} ({_first_line(e)}){done}. Push again when the server "
                              "answers: it merges, and ends with the same graph as one whole push",
                              c or {}) from None
    finally:
        driver.close()


# ---- reading -------------------------------------------------------------------------

def pull_frozen(driver, database: str | None = None) -> nx.MultiDiGraph:
    """The govkg graph in Neo4j, in exported form (as ``kg.frozen()`` gives it)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    nodes, _, _ = driver.execute_query(
        f"MATCH (n:{BASE_LABEL}) RETURN n.id AS id, properties(n) AS p ORDER BY id", database_=database)
    for r in nodes:
        g.add_node(r["id"], **node_attrs(r["p"]))
    rels, _, _ = driver.execute_query(
        f"MATCH (a:{BASE_LABEL})-[r]->(b:{BASE_LABEL}) "
        "RETURN a.id AS s, b.id AS t, type(r) AS type, properties(r) AS p ORDER BY s, t, p.key",
        database_=database)
    for r in rels:
        key, d = edge_attrs(r["type"], r["p"])
        g.add_edge(r["s"], r["t"], key=key, **d)
    return g


def pull(uri: str, auth: tuple[str, str] | None = None, database: str | None = None) -> KnowledgeGraph:
    """Read the govkg graph back from Neo4j into a KnowledgeGraph. ``auth`` is
    (user, password), by default from NEO4J_USER / NEO4J_PASSWORD."""
    from neo4j import exceptions as ex

    from ..merge.knowledge import KnowledgeGraph

    user, password = auth or (None, None)
    driver = connect(uri, user, password)
    try:
        return KnowledgeGraph.from_frozen(pull_frozen(driver, database))
    except (ex.Neo4jError, ex.DriverError, OSError) as e:
        raise StoreError(f"Neo4j at {uri}: {_first_line(e)}") from None
    finally:
        driver.close()
