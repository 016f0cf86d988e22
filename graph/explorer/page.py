"""The explorer page: one self-contained, offline HTML file of the knowledge graph.

The page inlines vis-network (from the pyvis package, licence header kept) and the
graph data: JSON (escaped for a script element all the same), gzip-compressed and
base64-encoded in a ``<script type="application/octet-stream">`` block, which the page
inflates with the browser's DecompressionStream. The page's own script renders every
document-derived string with ``textContent`` (never as HTML), and gives vis-network
its tooltips as DOM elements.

Entities only are drawn. Documents appear in the side panel (the evidence of each
relation, the documents that mention an entity), not as nodes. The ``max_nodes`` most
connected entities that have a relation are drawn; entities without relations are not
drawn but listed, and every entity is in the page's search index and is drawn when
found. Drawn entities get their positions here (a deterministic force layout), so the
browser runs no physics and shows the graph as soon as it has parsed the page.

The embedded data is compact: entities, relations and evidence are rows of arrays that
point into a documents table and a sentences table, and entities that are not drawn
carry less evidence. The output is byte-for-byte deterministic (the layout is
floating-point arithmetic in a fixed order: the same on a given numpy and CPU).
"""
from __future__ import annotations

import base64
import copy
import gzip
import heapq
import html
import json
import math
import re
from collections import deque
from pathlib import Path

import networkx as nx
import numpy as np
import pyvis

from ..merge.knowledge import KnowledgeGraph
from ..schema import COLORS, ENTITY_LABELS, node_id
from ..atomic import atomic_write

# Provenance relations: shown in the side panel, never drawn as edges.
PROVENANCE = ("MENTIONED_IN", "WROTE")
MAX_NODES = 1500          # entities drawn by default (the most connected)
# Evidence embedded per relation (``count`` tells the rest): between drawn entities,
# and for relations of entities that are drawn only when found.
PAGE_EVIDENCE = 5
OTHER_EVIDENCE = 2
# Documents listed per entity (the latest ones), and how many of them with the sentence
# that mentions the entity: drawn entities, other entities with relations, the rest.
PAGE_MENTIONS = (30, 5)
OTHER_MENTIONS = (10, 1)
UNLINKED_MENTIONS = (3, 0)
# The layout: force iterations, and how many entities get the full (quadratic) force
# computation; beyond that, entities are put next to a laid-out neighbour.
LAYOUT_ITERATIONS = 200
LAYOUT_MAX = 2500
NODE_SPACING = 90.0       # pixels between neighbouring dots (median)

ASSETS = Path(__file__).with_name("assets")
VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"

# Fields of an entity row in the page data, in order; trailing empty fields are left out.
NODE_FIELDS = ("name", "label", "ndocs", "mentions", "degree", "first", "last", "aliases", "titles", "role")
EDGE_FIELDS = ("from", "to", "type", "count", "evidence", "title", "first", "last")


def _vis_js() -> str:
    js = VIS_JS.read_text(encoding="utf-8")
    assert js.startswith("/**\n * vis-network") and "@license" in js[:1200], "vis-network licence header missing"
    # no source map to look for: the page makes no request at all
    js = "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL="))
    assert "</script" not in js.lower() and "<!--" not in js
    return js


def _json_for_script(obj) -> str:
    """JSON safe inside a <script> element: no '<', '>', '&' or line separators as is."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _frozen(graph) -> nx.MultiDiGraph:
    """The exported form of a graph: ``KnowledgeGraph.frozen()``, or a graph read with
    ``store.files.load_frozen`` (already exported: no copy)."""
    return graph.frozen() if isinstance(graph, KnowledgeGraph) else graph


def _trim(row: list, keep: int) -> list:
    """The row without its trailing empty fields (the page reads them as empty), but at
    least its first ``keep`` fields."""
    while len(row) > keep and row[-1] in ("", 0, [], None):
        row.pop()
    return row


def data_block(data: dict) -> str:
    """The page data as the page embeds it: its JSON, gzip-compressed (no timestamp:
    deterministic) and base64-encoded; the page inflates it with DecompressionStream."""
    raw = _json_for_script(data).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")


def read_data_block(page: str) -> dict:
    """The page data embedded in a page written by ``render`` (tests, benchmarks)."""
    m = re.search(r'<script type="application/octet-stream" id="govkg-data">([A-Za-z0-9+/=]*)</script>', page)
    return json.loads(gzip.decompress(base64.b64decode(m.group(1))).decode("utf-8"))


def layout(n: int, pairs, iterations: int = LAYOUT_ITERATIONS) -> list[tuple[int, int]]:
    """Positions in pixels of ``n`` entities (in rank order, the most connected first)
    joined by ``pairs`` of indices: a ForceAtlas2-like layout (repulsion weighted by
    degree, linear springs, gravity towards the centre) from a sunflower start, hubs in
    the middle. Deterministic: no random numbers, a fixed number of steps."""
    if n == 0:
        return []
    pairs = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    m = min(n, LAYOUT_MAX)
    inner = [(a, b) for a, b in pairs if b < m]
    i = np.arange(m, dtype=np.float64)
    radius, angle = np.sqrt(i + 0.5), i * math.pi * (3 - math.sqrt(5))
    x, y = (radius * np.cos(angle)).astype(np.float32), (radius * np.sin(angle)).astype(np.float32)
    src = np.array([a for a, _ in inner], dtype=np.intp)
    dst = np.array([b for _, b in inner], dtype=np.intp)
    mass = (np.bincount(np.concatenate([src, dst]), minlength=m) + 1).astype(np.float32)
    mm = mass[:, None] * mass[None, :]
    step = max(1.0, math.sqrt(m)) * 0.5
    cool = (0.02 / step) ** (1.0 / max(iterations, 1))
    dx, dy, w = (np.empty((m, m), np.float32) for _ in range(3))
    for _ in range(iterations if m > 1 else 0):
        np.subtract(x[:, None], x[None, :], out=dx)
        np.subtract(y[:, None], y[None, :], out=dy)
        np.multiply(dx, dx, out=w)
        w += dy * dy
        np.maximum(w, 1e-4, out=w)
        np.divide(mm, w, out=w)                      # repulsion mass_i mass_j / d
        fx, fy = (dx * w).sum(1) / mass, (dy * w).sum(1) / mass
        if len(src):                                 # springs: force d along the edge
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            np.subtract.at(fx, src, ex / mass[src])
            np.add.at(fx, dst, ex / mass[dst])
            np.subtract.at(fy, src, ey / mass[src])
            np.add.at(fy, dst, ey / mass[dst])
        fx -= 0.05 * x                               # gravity: keeps small components near
        fy -= 0.05 * y
        length = np.sqrt(fx * fx + fy * fy)
        scale = np.minimum(length, step) / np.maximum(length, 1e-9)
        x += fx * scale
        y += fy * scale
        step *= cool
    pos = np.stack([x, y], 1).astype(np.float64)
    if m > 1:                                        # pixels: median nearest-neighbour gap
        d2 = ((pos[:, None, :] - pos[None, :, :]) ** 2).sum(-1)
        np.fill_diagonal(d2, np.inf)
        gap = float(np.median(np.sqrt(d2.min(1))))
        pos *= NODE_SPACING / max(gap, 1e-6)
    out = [(int(round(px)), int(round(py))) for px, py in pos]
    # the rest: around a laid-out neighbour, or on an outer ring
    near = {}
    for a, b in pairs:
        if b >= m and a < b:
            near.setdefault(b, a)
    rim = max((math.hypot(*p) for p in out), default=0.0) + 2 * NODE_SPACING
    for k in range(m, n):
        t = k * math.pi * (3 - math.sqrt(5))
        a = near.get(k)
        if a is not None and a < len(out):
            cx, cy = out[a]
            r = NODE_SPACING * (1 + (k % 3))
        else:
            cx, cy, r = 0, 0, rim + NODE_SPACING * math.sqrt(k - m)
        out.append((int(round(cx + r * math.cos(t))), int(round(cy + r * math.sin(t)))))
    return out


def _drawn(ranked: list[str], rels, max_nodes: int) -> list[str]:
    """The entities drawn by default: the ``max_nodes`` most connected (``ranked``: the
    entities with relations, most connected first), less those with no relation to
    another of them (a dot without lines tells nothing; the first one always stays),
    replaced by the next most connected that have one."""
    top = ranked[:max_nodes]
    near = {n: set() for n in ranked}
    for s, t, _ in rels:
        near[s].add(t)
        near[t].add(s)
    chosen = set(top)
    drawn = [n for i, n in enumerate(top) if i == 0 or near[n] & chosen]
    chosen = set(drawn)
    for n in ranked[max_nodes:]:
        if len(drawn) >= max_nodes:
            break
        if near[n] & chosen:
            drawn.append(n)
            chosen.add(n)
    return drawn                      # still in rank order


def page_data(graph, *, max_nodes: int = MAX_NODES, title: str = "govkg") -> dict:
    """The data the page embeds (``graph``: a KnowledgeGraph or an exported graph).

    ``nodes``: entity rows (``NODE_FIELDS``), most connected first; the first ``drawn``
    are drawn, at ``pos`` (x, y pairs). ``edges``: relation rows (``EDGE_FIELDS``)
    between entity indices. Evidence and mentions are flat lists of (document index,
    sentence index) pairs into ``docs`` (id, title, date) and ``sents``; a sentence
    index of -1 means the sentence is not embedded."""
    g = _frozen(graph)
    docs = {d["doc_id"]: (d.get("title") or d["doc_id"], d.get("date") or "")
            for _, d in g.nodes(data=True) if d["label"] == "Document"}
    entities = {n: d for n, d in g.nodes(data=True) if d["label"] != "Document"}
    degree = dict.fromkeys(entities, 0)
    mentions = {n: [] for n in entities}
    rels = []
    for s, t, d in g.edges(data=True):
        if s not in entities:
            continue
        evs = d.get("evidence") or ()
        for ev in evs:                # evidence may cite a document that has no node
            if ev.get("doc"):
                docs.setdefault(ev["doc"], (ev["doc"], ev.get("date") or ""))
        if d["type"] in PROVENANCE:
            if d["type"] == "MENTIONED_IN":
                if evs:               # one per document: its first sentence naming the entity
                    mentions[s].append(evs[0])
            continue
        if t not in entities:
            continue
        degree[s] += 1
        degree[t] += 1
        rels.append((s, t, d))

    order = sorted(entities, key=lambda n: (-degree[n], -(entities[n].get("documents") or 0), n))
    linked = sum(1 for n in order if degree[n])
    drawn = _drawn(order[:linked], rels, max(max_nodes, 0))
    chosen = set(drawn)
    order = drawn + [n for n in order if n not in chosen]      # drawn first, in rank order
    rank = {n: i for i, n in enumerate(order)}
    drawn = len(drawn)

    doc_list = sorted(docs.items())
    doc_index = {k: i for i, (k, _) in enumerate(doc_list)}
    sents: dict[str, int] = {}

    def cites(evs, limit, with_sentence):
        """Evidence as [document, sentence] index pairs, or a document index alone when
        its sentence is not embedded; the documents' dates are in ``docs``."""
        out = []
        for j, ev in enumerate(evs[:limit]):
            doc, sentence = doc_index.get(ev.get("doc"), -1), ev.get("sentence") or ""
            out.append([doc, sents.setdefault(sentence, len(sents))] if sentence and j < with_sentence else doc)
        return out

    counts = {lab: 0 for lab in ENTITY_LABELS}
    for d in entities.values():
        counts[d["label"]] = counts.get(d["label"], 0) + 1
    labels = list(ENTITY_LABELS) + sorted(set(counts) - set(ENTITY_LABELS))   # unknown ones last
    label_index = {lab: i for i, lab in enumerate(labels)}

    nodes = []
    for i, n in enumerate(order):
        d = entities[n]
        cap = PAGE_MENTIONS if i < drawn else OTHER_MENTIONS if degree[n] else UNLINKED_MENTIONS
        ms = heapq.nlargest(cap[0], mentions[n], key=lambda ev: (ev.get("date") or "", ev.get("doc") or ""))
        first, last = (d.get("first_date") or "", d.get("last_date") or "") if degree[n] else ("", "")
        nodes.append(_trim([d.get("name") or n, label_index[d["label"]], d.get("documents") or 0,
                            cites(ms, cap[0], cap[1]), degree[n], first, "" if last == first else last,
                            list(d.get("aliases") or ()), list(d.get("titles") or ()), d.get("role") or ""], 1))
    types = sorted({d["type"] for _, _, d in rels})
    edges = []
    for s, t, d in sorted(rels, key=lambda r: (rank[r[0]], rank[r[1]], r[2]["type"], r[2].get("title") or "")):
        evs = d.get("evidence") or []
        cap = PAGE_EVIDENCE if rank[s] < drawn and rank[t] < drawn else OTHER_EVIDENCE
        first, last = d.get("first_date") or "", d.get("last_date") or ""
        edges.append(_trim([rank[s], rank[t], types.index(d["type"]), d.get("count", len(evs)),
                            cites(evs, cap, cap), d.get("title") or "", first, "" if last == first else last], 2))
    pos = layout(drawn, [(e[0], e[1]) for e in edges if e[0] < drawn and e[1] < drawn])

    return {"title": title, "drawn": drawn, "linked": linked,
            "labels": [[lab, COLORS.get(lab, "#777777"), counts[lab]] for lab in labels],
            "types": types, "nodes": nodes, "edges": edges, "pos": [c for p in pos for c in p],
            "docs": [[k, t, dt] for k, (t, dt) in doc_list],
            "sents": list(sents)}


def render_html(graph, *, max_nodes: int = MAX_NODES, title: str = "govkg") -> str:
    data = page_data(graph, max_nodes=max_nodes, title=title)
    page = (ASSETS / "explorer.html").read_text(encoding="utf-8")
    parts = {
        "__TITLE__": html.escape(title),
        "__CSS__": (ASSETS / "explorer.css").read_text(encoding="utf-8"),
        "__VIS_JS__": _vis_js(),
        "__DATA__": data_block(data),
        "__APP_JS__": (ASSETS / "explorer.js").read_text(encoding="utf-8"),
    }
    # one pass: text put in is never scanned for placeholders again
    page = re.sub(r"__(TITLE|CSS|VIS_JS|DATA|APP_JS)__", lambda m: parts[m.group(0)], page)
    return page


def render(graph, path, *, max_nodes: int = MAX_NODES, title: str = "govkg") -> Path:
    """Write the explorer page of ``graph`` (a KnowledgeGraph or an exported graph) to
    ``path``; return the path."""
    path = Path(path)
    atomic_write(path, render_html(graph, max_nodes=max_nodes, title=title).encode("utf-8"))
    return path


def _neighbourhood(g: nx.MultiDiGraph, start: list[str], hops: int) -> set[str]:
    seen, queue = set(start), deque((n, 0) for n in start)
    while queue:
        n, dist = queue.popleft()
        if dist >= hops:
            continue
        for m in sorted(set(g.successors(n)) | set(g.predecessors(n))):
            if m not in seen and g.nodes[m]["label"] != "Document":
                seen.add(m)
                queue.append((m, dist + 1))
    return seen


def _evidence_docs(evidence) -> list[str]:
    """The documents evidence cites: a list of dicts in an exported graph, a dict keyed
    by (date, document, sentence) in a KnowledgeGraph being built."""
    if isinstance(evidence, dict):
        return [k[1] for k in evidence if k[1]]
    return [ev["doc"] for ev in evidence or () if ev.get("doc")]


def focus_subgraph(graph, name: str, hops: int = 1):
    """The entities within ``hops`` relations of the entity named ``name`` (name or
    alias), the relations among them and the documents that back them. Of a
    KnowledgeGraph, a KnowledgeGraph (a copy); of an exported graph, an exported graph
    (a view)."""
    g = graph.g if isinstance(graph, KnowledgeGraph) else graph
    start = sorted(n for n, d in g.nodes(data=True) if d["label"] != "Document"
                   and (d.get("name") == name or name in (d.get("aliases") or ())))
    if not start:
        raise KeyError(f"no entity named {name!r}")
    seen = _neighbourhood(g, start, hops)
    docs = set()
    for s, t, d in g.edges(data=True):
        if s in seen and (t in seen or d["type"] in PROVENANCE):
            docs.update(node_id("Document", doc) for doc in _evidence_docs(d.get("evidence")))
    keep = seen | {n for n in docs if n in g}
    sub = g.subgraph(keep)
    if isinstance(graph, KnowledgeGraph):
        return KnowledgeGraph(copy.deepcopy(sub.copy()))
    return sub


def render_focus(graph, name: str, hops: int, path, *, max_nodes: int = MAX_NODES) -> Path:
    """Write the page of the neighbourhood of one entity."""
    return render(focus_subgraph(graph, name, hops), path, max_nodes=max_nodes, title=f"govkg: {name} ({hops} hops)")
