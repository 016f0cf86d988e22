"""The explorer page: one self-contained, offline HTML file of the knowledge graph.

The page inlines vis-network (from the pyvis package, licence header kept) and the
graph data as JSON in a ``<script type="application/json">`` block; the page's own
script renders every document-derived string with ``textContent`` (never as HTML),
and gives vis-network its tooltips as DOM elements.

Entities only are drawn. Documents appear in the side panel (the evidence of each
relation, the documents that mention an entity), not as nodes. The ``max_nodes`` most
connected entities are drawn by default; every entity is in the page's search index
and is drawn when found. The output is byte-for-byte deterministic.
"""
from __future__ import annotations

import copy
import html
import json
import re
from collections import deque
from pathlib import Path

import pyvis

from .model import KnowledgeGraph
from .schema import COLORS, ENTITY_LABELS, node_id
from .store.files import atomic_write

# Provenance relations: shown in the side panel, never drawn as edges.
PROVENANCE = ("MENTIONED_IN", "WROTE")
PAGE_EVIDENCE = 5     # evidence sentences embedded per relation (``count`` tells the rest)
PAGE_MENTIONS = 30    # documents listed per entity (the latest ones)

ASSETS = Path(__file__).with_name("assets")
VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"


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


def page_data(kg: KnowledgeGraph, *, max_nodes: int = 1500, title: str = "govkg") -> dict:
    """The data the page embeds: entities (most connected first), the relations between
    them with evidence, and the documents table the evidence points into."""
    g = kg.frozen()
    docs = {d["doc_id"]: (d.get("title") or d["doc_id"], d.get("date") or "")
            for _, d in g.nodes(data=True) if d["label"] == "Document"}
    for _, _, d in g.edges(data=True):     # evidence may cite a document that has no node
        for ev in d.get("evidence") or ():
            if ev.get("doc"):
                docs.setdefault(ev["doc"], (ev["doc"], ev.get("date") or ""))
    docs = sorted(docs.items())
    doc_index = {k: i for i, (k, _) in enumerate(docs)}

    def evidence(evs, limit):
        return [[doc_index[ev["doc"]] if ev.get("doc") in doc_index else -1, ev.get("sentence") or "", ev.get("date") or ""]
                for ev in evs[:limit]]

    entities = {n: d for n, d in g.nodes(data=True) if d["label"] != "Document"}
    degree = dict.fromkeys(entities, 0)
    mentions = {n: [] for n in entities}
    edges = []
    for s, t, d in g.edges(data=True):
        if s not in entities:
            continue
        if d["type"] in PROVENANCE:
            if d["type"] == "MENTIONED_IN":
                mentions[s] += d.get("evidence") or ()
            continue
        if t not in entities:
            continue
        degree[s] += 1
        degree[t] += 1
        edges.append({"from": s, "to": t, "type": d["type"], "title": d.get("title") or "",
                      "count": d.get("count", len(d.get("evidence") or ())),
                      "evidence": evidence(d.get("evidence") or [], PAGE_EVIDENCE)})
    edges.sort(key=lambda e: (e["from"], e["to"], e["type"], e["title"]))

    order = sorted(entities, key=lambda n: (-degree[n], -(entities[n].get("documents") or 0), n))
    nodes = []
    for n in order:
        d = entities[n]
        ms = sorted(mentions[n], key=lambda ev: (ev.get("date") or "", ev.get("doc") or ""), reverse=True)
        nodes.append({"id": n, "label": d["label"], "name": d.get("name") or n,
                      "aliases": list(d.get("aliases") or ()), "titles": list(d.get("titles") or ()),
                      "role": d.get("role") or "", "first": d.get("first_date") or "",
                      "last": d.get("last_date") or "", "ndocs": d.get("documents") or 0,
                      "degree": degree[n], "mentions": evidence(ms, PAGE_MENTIONS)})
    counts = {lab: 0 for lab in ENTITY_LABELS}
    for d in entities.values():
        counts[d["label"]] = counts.get(d["label"], 0) + 1
    return {"title": title, "drawn": min(max(max_nodes, 0), len(nodes)),
            "labels": [[lab, COLORS.get(lab, "#777777"), c] for lab, c in counts.items()],
            "nodes": nodes, "edges": edges, "docs": [[k, t, dt] for k, (t, dt) in docs]}


def render_html(kg: KnowledgeGraph, *, max_nodes: int = 1500, title: str = "govkg") -> str:
    data = page_data(kg, max_nodes=max_nodes, title=title)
    page = (ASSETS / "explorer.html").read_text(encoding="utf-8")
    parts = {
        "__TITLE__": html.escape(title),
        "__CSS__": (ASSETS / "explorer.css").read_text(encoding="utf-8"),
        "__VIS_JS__": _vis_js(),
        "__DATA__": _json_for_script(data),
        "__APP_JS__": (ASSETS / "explorer.js").read_text(encoding="utf-8"),
    }
    # one pass: text put in is never scanned for placeholders again
    page = re.sub(r"__(TITLE|CSS|VIS_JS|DATA|APP_JS)__", lambda m: parts[m.group(0)], page)
    return page


def render(kg: KnowledgeGraph, path, *, max_nodes: int = 1500, title: str = "govkg") -> Path:
    """Write the explorer page of ``kg`` to ``path``; return the path."""
    path = Path(path)
    atomic_write(path, render_html(kg, max_nodes=max_nodes, title=title).encode("utf-8"))
    return path


def focus_subgraph(kg: KnowledgeGraph, name: str, hops: int = 1) -> KnowledgeGraph:
    """The entities within ``hops`` relations of the entity named ``name`` (name or
    alias), the relations among them and the documents that back them."""
    g = kg.g
    start = [n for n in kg.find(name) if g.nodes[n]["label"] != "Document"]
    if not start:
        raise KeyError(f"no entity named {name!r}")
    seen, queue = set(start), deque((n, 0) for n in start)
    while queue:
        n, dist = queue.popleft()
        if dist >= hops:
            continue
        for m in sorted(set(g.successors(n)) | set(g.predecessors(n))):
            if m not in seen and g.nodes[m]["label"] != "Document":
                seen.add(m)
                queue.append((m, dist + 1))
    docs = set()
    for s, t, d in g.edges(data=True):
        if s in seen and (t in seen or d["type"] in PROVENANCE):
            docs.update(node_id("Document", ev["doc"]) for ev in d["evidence"].values() if ev.get("doc"))
    keep = seen | {n for n in docs if n in g}
    return KnowledgeGraph(copy.deepcopy(g.subgraph(keep).copy()))


def render_focus(kg: KnowledgeGraph, name: str, hops: int, path, *, max_nodes: int = 1500) -> Path:
    """Write the page of the neighbourhood of one entity."""
    return render(focus_subgraph(kg, name, hops), path, max_nodes=max_nodes, title=f"govkg: {name} ({hops} hops)")
