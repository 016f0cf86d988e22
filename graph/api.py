"""A small Python API for notebooks: load or pull a graph, look at it as pandas
DataFrames, run the query library, draw charts whose Chinese text renders.

    from graph import api

    kg = api.load()                          # $GOVKG_GRAPH, else the sample corpus graph
    api.entities(kg, "Official")             # one row per node
    api.relations(kg, "VISITED")             # one row per relation, with its evidence
    api.evidence(kg, "MENTIONED_IN", source_label="Policy")   # one row per evidence sentence
    api.query("official_posts", name="刘强", graph=kg)       # the library, embedded
    api.query("official_posts", name="刘强", neo4j=api.neo4j_uri())
    api.use_cjk_font()                       # matplotlib draws 中文 with Noto Sans CJK

Configuration comes from the environment, so a notebook runs unchanged on another
build or server:

``GOVKG_GRAPH``
    a ``graph.json`` (or the folder holding one) that ``load()`` reads; without it
    ``load()`` reads the sample corpus graph ``out/graph.json``, building ``samples/``
    into ``out/`` first when it is missing (what ``make demo`` does).
``GOVKG_NEO4J_URI`` (or ``NEO4J_URI``), ``NEO4J_USER``, ``NEO4J_PASSWORD``
    the Neo4j server of ``pull()``, ``push()`` and ``query(..., neo4j=True)``.
``GOVKG_FIGURES``
    a folder where ``save_figure()`` writes charts as PNG; unset, nothing is written.

Every function that takes a graph accepts a ``KnowledgeGraph`` or its exported form
(an ``nx.MultiDiGraph`` as stored in graph.json).
"""
from __future__ import annotations

import logging
import os
import weakref
from pathlib import Path
from typing import Iterable

import networkx as nx
import pandas as pd

from .merge.knowledge import KnowledgeGraph
from .schema import LABELS, RELATION_TYPES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_OUT = ROOT / "out"

# Chinese names of the labels and relation types, for chart and table headings.
LABEL_ZH = {"Document": "文档", "Official": "官员", "Person": "人物", "District": "行政区",
            "Organization": "机构", "Project": "项目", "Policy": "政策", "Meeting": "会议"}
RELATION_ZH = {"HOLDS_POSITION": "任职", "VISITED": "视察", "ATTENDED": "出席", "ACCOMPANIED": "陪同",
               "LOCATED_IN": "位于", "PART_OF": "隶属", "ISSUED": "发布", "MENTIONED_IN": "提及",
               "WROTE": "撰写"}
# Relations that say where a fact was read, not what it says.
PROVENANCE = ("MENTIONED_IN", "WROTE")

__all__ = ["load", "sample_graph", "graph_path", "pull", "push", "neo4j_uri", "close", "entities", "relations",
           "evidence", "entity_graph", "query", "queries", "row_diff", "cjk_font", "use_cjk_font", "layout",
           "save_figure", "LABEL_ZH", "RELATION_ZH", "PROVENANCE"]


# ---- getting a graph -------------------------------------------------------------------

def graph_path() -> Path | None:
    """The graph named by ``GOVKG_GRAPH`` (a graph.json or its folder), if set."""
    value = os.environ.get("GOVKG_GRAPH", "").strip()
    return _json_path(value) if value else None


def _json_path(path) -> Path:
    path = Path(path).expanduser()
    return path / "graph.json" if path.is_dir() else path


def load(path=None) -> KnowledgeGraph:
    """The graph of a build: ``path`` (a graph.json or the folder holding one), else
    ``$GOVKG_GRAPH``, else the sample corpus graph (``sample_graph()``)."""
    target = _json_path(path) if path is not None else graph_path()
    if target is None:
        return sample_graph()
    if not target.is_file():
        raise FileNotFoundError(f"no graph at {target} (build one with: govkg build PATH --out DIR)")
    return _read(target)


def _read(path: Path) -> KnowledgeGraph:
    from .store.files import load_frozen

    kg = _thawed(load_frozen(path))
    _source[kg] = (_shape(kg.g), path)   # queries read the build's database while kg is unchanged
    return kg


def _thawed(frozen: nx.MultiDiGraph) -> KnowledgeGraph:
    """A KnowledgeGraph of an exported graph, which the tables then read as it is (its
    counts are the build's, even past the evidence kept per relation)."""
    kg = KnowledgeGraph.from_frozen(frozen)
    _frozen_cache[kg] = (_shape(kg.g), frozen)
    return kg


def sample_graph(out=None, rebuild: bool = False) -> KnowledgeGraph:
    """The graph of ``samples/``: ``out/graph.json`` (``out`` defaults to the project's
    ``out/``), built there first when it is missing or ``rebuild`` is true."""
    out = Path(out) if out is not None else SAMPLE_OUT
    if rebuild or not (out / "graph.json").is_file():
        from .builder.job import BuildReport, build_graph, write_outputs

        if not SAMPLES.is_dir():
            raise FileNotFoundError(f"no sample corpus at {SAMPLES}; set GOVKG_GRAPH to a graph.json")
        report = BuildReport()
        kg = build_graph([SAMPLES], report=report)
        write_outputs(kg, out, report, html=False)
    return _read(out / "graph.json")


def neo4j_uri(uri: str | None = None) -> str:
    """``uri``, else ``$GOVKG_NEO4J_URI``, else ``$NEO4J_URI``, else the project's own
    server started with ``govkg neo4j start``."""
    from .store.neo4j import default_uri

    uri = uri or os.environ.get("GOVKG_NEO4J_URI") or default_uri()
    if not uri:
        raise RuntimeError("no Neo4j server: start one with `govkg neo4j start`, or set GOVKG_NEO4J_URI "
                           "(or NEO4J_URI), NEO4J_USER and NEO4J_PASSWORD")
    return uri


_drivers: dict[tuple, object] = {}


def _driver(uri: str | None = None, user: str | None = None, password: str | None = None):
    """One open driver per (uri, user), reused by every call of this process."""
    from .store.neo4j import connect, credentials

    uri = neo4j_uri(uri)
    user, password = credentials(user, password, uri)
    key = (uri, user, password)
    if key not in _drivers:
        _drivers[key] = connect(uri, user, password)
    return _drivers[key]


def close() -> None:
    """Close the Neo4j drivers opened by this module."""
    while _drivers:
        _drivers.popitem()[1].close()


def pull(uri: str | None = None, user: str | None = None, password: str | None = None,
         database: str | None = None) -> KnowledgeGraph:
    """The govkg graph held by the Neo4j at ``uri`` (default ``neo4j_uri()``);
    credentials from the arguments or NEO4J_USER / NEO4J_PASSWORD."""
    from .store.neo4j import pull_frozen

    return _thawed(pull_frozen(_driver(uri, user, password), database))


def push(kg, uri: str | None = None, user: str | None = None, password: str | None = None,
         database: str | None = None, reset: bool = False) -> dict:
    """MERGE ``kg`` into the Neo4j at ``uri``; with ``reset`` first delete the govkg
    nodes it holds (``:GovKG`` only; nothing else is touched), so that the server holds
    exactly this graph. Returns the counts of ``graph.store.neo4j.push_frozen``."""
    from .store.neo4j import BASE_LABEL, push_frozen

    driver = _driver(uri, user, password)
    if reset:
        while driver.execute_query(f"MATCH (n:{BASE_LABEL}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n",
                                   database_=database).records[0]["n"]:
            pass
    return push_frozen(driver, _frozen(kg), database)


# ---- tables ----------------------------------------------------------------------------

# exported graphs of KnowledgeGraphs, remembered while the graph is unchanged
_frozen_cache: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_embedded_cache: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_source: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _shape(g: nx.MultiDiGraph) -> tuple[int, int]:
    return g.number_of_nodes(), g.number_of_edges()


def _frozen(kg) -> nx.MultiDiGraph:
    if isinstance(kg, nx.MultiDiGraph):
        return kg
    if not isinstance(kg, KnowledgeGraph):
        raise TypeError(f"expected a KnowledgeGraph or an exported nx.MultiDiGraph, not {type(kg).__name__}")
    hit = _frozen_cache.get(kg)
    if hit is None or hit[0] != _shape(kg.g):
        hit = (_shape(kg.g), kg.frozen())
        _frozen_cache[kg] = hit
    return hit[1]


_index_cache: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _index(g: nx.MultiDiGraph) -> tuple[dict, dict]:
    """({label: [node ids]}, {type: [(s, t, key, attrs)]}) of an exported graph, made
    once per graph: a table of one label or type reads only its own part of a large build."""
    hit = _index_cache.get(g)
    if hit is None or hit[0] != _shape(g):
        nodes, edges = {}, {}
        for n, d in g.nodes(data=True):
            nodes.setdefault(d["label"], []).append(n)
        for e in g.edges(keys=True, data=True):
            edges.setdefault(e[3]["type"], []).append(e)
        hit = (_shape(g), nodes, edges)
        _index_cache[g] = hit
    return hit[1], hit[2]


def _names(value, known: Iterable[str], what: str) -> set[str] | None:
    if value is None:
        return None
    names = {value} if isinstance(value, str) else set(value)
    unknown = sorted(names - set(known))
    if unknown:
        raise ValueError(f"unknown {what} {', '.join(unknown)} (known: {', '.join(known)})")
    return names


def _table(rows: list[dict], columns: list[str], ints=()) -> pd.DataFrame:
    """A DataFrame of Python values: text, lists and None as they are (not NaN), the
    ``ints`` columns as integers."""
    df = pd.DataFrame([[r.get(c) for c in columns] for r in rows], columns=columns, dtype=object)
    for c in ints:
        if c in df and df[c].notna().all():
            df[c] = df[c].astype("int64")
    return df


NODE_COLUMNS = ["id", "label", "name", "aliases", "titles", "role", "documents", "first_date", "last_date"]


def entities(kg, label=None) -> pd.DataFrame:
    """One row per node (of ``label``, a label or a list of them): id, label, name,
    aliases, titles (officials), role (persons), documents (how many mention it),
    first_date, last_date, then the label's own attributes (a district's level and
    adcode, a document's title, date and publication ...). Sorted by label and name."""
    labels = _names(label, LABELS, "label")
    g = _frozen(kg)
    by_label, _ = _index(g)
    rows = [{"id": n, **g.nodes[n]} for lab in (labels or by_label) for n in by_label.get(lab, ())]
    extra = sorted({k for r in rows for k in r} - set(NODE_COLUMNS), key=lambda k: (k == "doc_ids", k))
    cols = [c for c in NODE_COLUMNS if any(c in r for r in rows) or c in ("id", "label", "name")] + extra
    order = {lab: i for i, lab in enumerate(LABELS)}
    rows.sort(key=lambda r: (order[r["label"]], r["name"], r["id"]))
    return _table(rows, cols, ints=("documents",))


def _edge_rows(kg, type, source_label, target_label, per_evidence: bool) -> tuple[list[dict], list[str]]:
    types = _names(type, RELATION_TYPES, "relation type")
    sources = _names(source_label, LABELS, "label")
    targets = _names(target_label, LABELS, "label")
    g = _frozen(kg)
    _, by_type = _index(g)
    rows, attrs = [], set()
    for s, t, key, d in (e for typ in (types or by_type) for e in by_type.get(typ, ())):
        a, b = g.nodes[s], g.nodes[t]
        if (sources is not None and a["label"] not in sources) or (targets is not None and b["label"] not in targets):
            continue
        own = {k: v for k, v in d.items() if k not in ("type", "evidence", "count", "first_date", "last_date")}
        attrs.update(own)
        base = {"source": s, "source_label": a["label"], "source_name": a["name"], "type": d["type"],
                "target": t, "target_label": b["label"], "target_name": b["name"], **own}
        evidence = d.get("evidence") or []
        if per_evidence:
            rows += [{**base, "doc": ev.get("doc"), "date": ev.get("date"), "sentence": ev.get("sentence")}
                     for ev in evidence]
        else:
            # the relation's own dates (all its documents), else those of the evidence kept
            dates = sorted(ev["date"] for ev in evidence if ev.get("date"))
            first = d.get("first_date") if "first_date" in d else (dates[0] if dates else None)
            last = d.get("last_date") if "last_date" in d else (dates[-1] if dates else None)
            rows.append({**base, "key": key, "count": d.get("count", len(evidence)),
                         "first_date": first, "last_date": last,
                         "evidence_docs": [ev.get("doc") for ev in evidence],
                         "evidence_dates": [ev.get("date") for ev in evidence],
                         "evidence_sentences": [ev.get("sentence") for ev in evidence]})
    return rows, sorted(attrs)


_EDGE_HEAD = ["source", "source_label", "source_name", "type", "target", "target_label", "target_name"]


def relations(kg, type=None, source_label=None, target_label=None) -> pd.DataFrame:
    """One row per relation (of ``type``, a type or a list of them; from and to nodes of
    ``source_label`` and ``target_label`` when given): source and target (id, label,
    name), type, the relation's attributes (``title``, ``title_norm`` of a post),
    ``count`` (evidence sentences seen), first_date and last_date of the documents that
    state it (a post written as a past one dates nothing), and
    the evidence kept (up to 20 per relation) as the parallel lists ``evidence_docs``,
    ``evidence_dates``, ``evidence_sentences``."""
    rows, attrs = _edge_rows(kg, type, source_label, target_label, per_evidence=False)
    cols = _EDGE_HEAD + attrs + ["key", "count", "first_date", "last_date",
                                 "evidence_docs", "evidence_dates", "evidence_sentences"]
    rows.sort(key=lambda r: (r["type"], r["source_name"], r["target_name"], r["key"]))
    return _table(rows, cols, ints=("count",))


def evidence(kg, type=None, source_label=None, target_label=None) -> pd.DataFrame:
    """One row per evidence sentence of the relations chosen as in ``relations``: source
    and target, type, attributes, and the sentence's ``doc``, ``date`` (None when
    unknown) and ``sentence``. Sorted by date (unknown last), source and target."""
    rows, attrs = _edge_rows(kg, type, source_label, target_label, per_evidence=True)
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["source_name"], r["target_name"],
                             r["type"], r["doc"] or ""))
    return _table(rows, _EDGE_HEAD + attrs + ["doc", "date", "sentence"])


def entity_graph(kg, exclude: Iterable[str] = PROVENANCE) -> nx.Graph:
    """The entities and what joins them as a simple undirected graph (no documents, no
    provenance relations by default): what degree and betweenness are computed on.
    Nodes keep ``label`` and ``name``; an edge's ``types`` lists the relation types
    between its two ends and ``weight`` counts them."""
    g = _frozen(kg)
    out = nx.Graph()
    for n, d in g.nodes(data=True):
        if d["label"] != "Document":
            out.add_node(n, label=d["label"], name=d["name"])
    skip = set(exclude)
    for s, t, d in g.edges(data=True):
        if d["type"] in skip or s not in out or t not in out or s == t:
            continue
        if out.has_edge(s, t):
            out.edges[s, t]["types"] = sorted(set(out.edges[s, t]["types"]) | {d["type"]})
            out.edges[s, t]["weight"] += 1
        else:
            out.add_edge(s, t, types=[d["type"]], weight=1)
    return out


# ---- the query library ------------------------------------------------------------------

def queries() -> pd.DataFrame:
    """The library: one row per named query, with its question and parameters."""
    from queries.runner import library

    return pd.DataFrame([{"name": q.name, "question": q.question, "params": q.params}
                         for q in library().values()], columns=["name", "question", "params"])


def query(ref, /, graph=None, neo4j=None, database: str | None = None, **params) -> pd.DataFrame:
    """Run a library query (by name), a ``.cypher`` file or Cypher text, and return its
    rows as a DataFrame with the query's columns.

    ``neo4j``: a URI, ``True`` (``neo4j_uri()``) or a driver: run on Neo4j. Otherwise on
    the embedded graph database of ``graph`` (a KnowledgeGraph or exported graph;
    default ``load()``): the build's ``graph.db`` for a graph read from a build and not
    changed since, else a database in memory made from it. ``params`` are the query's
    parameters: ``query("official_posts", name="刘强", graph=kg)``. Read-only."""
    from queries.runner import run

    if neo4j is not None and neo4j is not False:
        driver = neo4j if hasattr(neo4j, "session") else _driver(None if neo4j is True else neo4j)
        res = run(ref, params, driver=driver, database=database)
    else:
        res = run(ref, params, graph=_embedded(graph if graph is not None else load()))
    return _result_table(res.rows, res.columns)


def _result_table(rows: list[list], columns: list[str]) -> pd.DataFrame:
    """Query rows as a DataFrame: numeric columns typed, the others Python values with
    None (not NaN) where Cypher gave null."""
    df = pd.DataFrame(rows, columns=columns, dtype=object)
    for c in df.columns:
        values = [v for v in df[c] if v is not None]
        if len(values) == len(df) and values:
            if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                df[c] = df[c].astype("int64")
            elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
                df[c] = df[c].astype("float64")
    return df


def _embedded(kg):
    """A reader of the embedded database for a graph, kept while the graph is unchanged."""
    from queries.runner import open_embedded

    source = _source.get(kg) if isinstance(kg, KnowledgeGraph) else None
    built = source is not None and source[0] == _shape(kg.g)   # as read from the build
    key = kg if built else _frozen(kg)
    shape = _shape(kg.g) if built else _shape(key)
    hit = _embedded_cache.get(key)
    if hit is None or hit[0] != shape:
        if hit is not None:
            hit[1].close()
        reader = open_embedded(source[1] if built else key)
        hit = (shape, reader)
        _embedded_cache[key] = hit
    return hit[1]


def _plain(v):
    if hasattr(v, "item") and not isinstance(v, (list, tuple, dict, str)):
        try:
            v = v.item()   # numpy scalars
        except (ValueError, AttributeError):
            pass
    if isinstance(v, float) and v != v:
        return None
    if isinstance(v, (list, tuple)) or type(v).__name__ == "ndarray":
        return tuple(_plain(x) for x in v)
    if isinstance(v, (set, frozenset)):
        return tuple(sorted(_plain(x) for x in v))
    if isinstance(v, dict):
        return tuple(sorted((k, _plain(x)) for k, x in v.items()))
    return v


def row_diff(a: pd.DataFrame, b: pd.DataFrame, columns=None) -> pd.DataFrame:
    """The rows that are in one table and not in the other (as multisets, order aside;
    lists compare as tuples, NaN as None), with a ``side`` column (``left``/``right``).
    Empty when the two tables give the same answer. ``columns`` (default: the left
    table's) are compared, positionally renamed in ``b`` when the names differ."""
    from collections import Counter

    columns = list(columns if columns is not None else a.columns)
    if list(b.columns) != columns:
        if b.shape[1] != len(columns):
            raise ValueError(f"cannot compare columns {list(a.columns)} with {list(b.columns)}")
        b = b.set_axis(columns, axis=1)
    rows = lambda df: Counter(tuple(_plain(v) for v in r) for r in df[columns].itertuples(index=False, name=None))
    ra, rb = rows(a), rows(b)
    out = [(*r, "left") for r in sorted((ra - rb).elements(), key=repr)]
    out += [(*r, "right") for r in sorted((rb - ra).elements(), key=repr)]
    return pd.DataFrame(out, columns=columns + ["side"])


# ---- charts ------------------------------------------------------------------------------

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Noto Sans CJK TC", "Noto Sans CJK JP",
             "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")


def cjk_font() -> str:
    """The name of an installed font that has the Chinese glyphs (Noto Sans CJK SC from
    Debian's fonts-noto-cjk first). Fonts installed after matplotlib made its font
    cache are found too."""
    from matplotlib import font_manager as fm

    def known():
        return {f.name for f in fm.fontManager.ttflist}

    names = known()
    if not any(n in names for n in CJK_FONTS):
        for path in fm.findSystemFonts():
            if any(k in Path(path).name for k in ("NotoSansCJK", "NotoSansSC", "SourceHanSans", "wqy")):
                try:
                    fm.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    pass
        names = known()
    for name in CJK_FONTS:
        if name in names:
            return name
    raise RuntimeError("no CJK font for matplotlib: install Debian's fonts-noto-cjk (scripts/setup.sh does)")


def use_cjk_font() -> str:
    """Make matplotlib draw Chinese text with a CJK font (Noto Sans CJK SC), falling back
    to DejaVu Sans for what it lacks, and minus signs as '-'. Returns the font's name."""
    import matplotlib

    name = cjk_font()
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    matplotlib.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    logging.getLogger("matplotlib.font_manager").setLevel(logging.WARNING)
    return name


def layout(g: nx.Graph, seed: int = 7) -> dict:
    """Positions for drawing ``g``: each connected component laid out on its own (spring
    layout, seeded) and the components placed on a grid, largest first, so that small
    separate groups neither fly apart nor pile up."""
    import math

    und = g.to_undirected(as_view=True) if g.is_directed() else g
    comps = sorted((sorted(c) for c in nx.connected_components(und)), key=lambda c: (-len(c), c))
    if not comps:
        return {}
    cols = math.ceil(math.sqrt(len(comps)))
    pos = {}
    for i, comp in enumerate(comps):
        sub = und.subgraph(comp)
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        else:
            local = nx.spring_layout(sub, seed=seed, k=1.5 / math.sqrt(len(comp)))
            local = nx.rescale_layout_dict(local, scale=0.4)
        cx, cy = i % cols, -(i // cols)
        pos.update({n: (cx + x, cy + y) for n, (x, y) in local.items()})
    return pos


def save_figure(fig, name: str, folder=None) -> Path | None:
    """Write ``fig`` as ``NAME.png`` into ``folder`` (default ``$GOVKG_FIGURES``); when
    neither is given nothing is written and None is returned."""
    folder = folder if folder is not None else os.environ.get("GOVKG_FIGURES", "").strip() or None
    if folder is None:
        return None
    path = Path(folder) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, bbox_inches="tight", facecolor="white")
    return path
