"""KnowledgeGraph: the merged graph of many documents, over a networkx MultiDiGraph.

Nodes carry ``id``, ``label``, ``name``, ``aliases`` and mention statistics
(``documents``, ``first_date``, ``last_date``); Officials also ``titles``, Persons
``role``. Edges are keyed by relation type (HOLDS_POSITION also by title), carry
``type`` and ``evidence`` (a list of {doc, sentence, date}), ``count``, and the
first and last date of the documents that state it (``first_date``, ``last_date``; a
post written as a past one, 时任…, dates nothing: the document's date is not when it
was held); a HOLDS_POSITION that every document writes as a past post is ``former``.

The graph depends only on the set of documents added, not on their order: lists are
kept as sets while building and sorted when the graph is exported.
"""
from __future__ import annotations

import heapq
from collections import Counter

import networkx as nx

from .officials import Officials, Person
from ..extract.records import DocResult
from ..schema import LABELS, RELATION_TYPES, node_id

# Evidence kept per edge and per node. A relation seen in thousands of documents keeps
# the earliest ones; ``count`` still tells how often it was seen.
MAX_EVIDENCE = 20


def _evidence_key(ev: dict) -> tuple:
    return (ev.get("date") or "", ev.get("doc") or "", ev.get("sentence") or "")


_NO_DATE = 0


def _evidence_of(key: tuple, value) -> dict:
    if value is None:
        return {"doc": key[1], "sentence": key[2], "date": key[0]}
    if value is _NO_DATE:
        return {"doc": key[1], "sentence": key[2], "date": None}
    return value


class KnowledgeGraph:
    def __init__(self, g: nx.MultiDiGraph | None = None, officials: Officials | None = None):
        self.g = g if g is not None else nx.MultiDiGraph()
        # which official each name is across documents; without it one name is one official
        self.officials = officials

    # ---- building -------------------------------------------------------------------
    def add(self, doc: DocResult) -> None:
        """Merge one document's entities and relations into the graph."""
        g = self.g
        doc_node = node_id("Document", doc.doc_id)
        g.add_node(
            doc_node, id=doc_node, label="Document", name=doc.title or doc.doc_id,
            aliases=[], doc_id=doc.doc_id, source=doc.source, title=doc.title,
            date=doc.date, publication=doc.publication, authors=list(doc.authors),
            span=list(doc.span), documents=1, first_date=doc.date, last_date=doc.date,
        )
        local = {}  # (label, key) -> node id
        if self.officials:
            doc = self.officials.typed(doc)
        split = self.officials.keys_of(doc) if self.officials else {}
        for e in doc.entities:
            person = split.get(e.key) if e.label == "Official" else None
            nid = node_id(e.label, person.key if person else e.key)
            local[(e.label, e.key)] = nid
            self._merge_node(nid, e, doc)
            if person:
                self._mark_homonym(nid, e.key, person)
            self._merge_edge(nid, doc_node, "MENTIONED_IN", {}, doc, e.sentence)
        for author in doc.authors:
            nid = local.get(("Person", author)) or local.get(("Official", author))
            if nid is None:
                continue
            self._merge_edge(nid, doc_node, "WROTE", {}, doc, "")
        for r in doc.relations:
            s, t = local.get(tuple(r.source)), local.get(tuple(r.target))
            if s is None or t is None or s == t:
                continue
            self._merge_edge(s, t, r.type, r.attrs, doc, r.sentence)

    def _merge_node(self, nid: str, e, doc: DocResult) -> None:
        g = self.g
        if nid not in g:
            g.add_node(nid, id=nid, label=e.label, name=e.name, aliases=set(), titles=set(),
                       role=None, docs=set(), first_date=None, last_date=None)
            g.nodes[nid].update({k: v for k, v in e.attrs.items() if k not in g.nodes[nid]})
        n = g.nodes[nid]
        # the longest name seen is the canonical one (北碚 < 北碚区); ties by code point
        if (len(e.name), e.name) > (len(n["name"]), n["name"]):
            n["aliases"].add(n["name"])
            n["name"] = e.name
        n["aliases"].update(a for a in e.aliases if a)
        if e.name != n["name"]:
            n["aliases"].add(e.name)
        n["aliases"].discard(n["name"])
        n["titles"].update(e.titles)
        if e.role and (n["role"] is None or e.role < n["role"]):
            n["role"] = e.role
        n["docs"].add(doc.doc_id)
        if doc.date:
            n["first_date"] = min(filter(None, [n["first_date"], doc.date]))
            n["last_date"] = max(filter(None, [n["last_date"], doc.date]))

    def _mark_homonym(self, nid: str, name: str, person: Person) -> None:
        """An official of a split name: the regions of its posts and its namesakes' keys."""
        n = self.g.nodes[nid]
        if "region" not in n:
            n["region"] = "、".join(person.regions)
            n["homonyms"] = sorted(p.key for p in self.officials.persons(name) if p != person)

    def _merge_edge(self, s: str, t: str, rtype: str, attrs: dict, doc: DocResult, sentence: str) -> None:
        g = self.g
        key = rtype if rtype != "HOLDS_POSITION" else f"{rtype}|{attrs.get('title_norm') or attrs.get('title', '')}"
        if not g.has_edge(s, t, key):
            g.add_edge(s, t, key=key, type=rtype, evidence={}, first_date=None, last_date=None, **attrs)
        elif not attrs.get("former"):
            g.adj[s][t][key].pop("former", None)   # a post some document says is held now
        e = g.adj[s][t][key]
        if doc.date and not attrs.get("former"):
            e["first_date"] = min(e["first_date"] or doc.date, doc.date)
            e["last_date"] = max(e["last_date"] or doc.date, doc.date)
        # evidence is held as its sort key; the value says how to rebuild the dict
        # (None: from the key alone, _NO_DATE: the same with date None)
        ev = (doc.date or "", doc.doc_id or "", sentence or "")
        if doc.date and doc.doc_id and isinstance(sentence, str):
            value = None
        elif doc.date is None and doc.doc_id and isinstance(sentence, str):
            value = _NO_DATE
        else:
            value = {"doc": doc.doc_id, "sentence": sentence, "date": doc.date}
        g.adj[s][t][key]["evidence"][ev] = value

    # ---- reading --------------------------------------------------------------------
    def nodes(self, label: str | None = None):
        """(id, attributes) of the nodes, optionally of one label, in id order."""
        return [(n, d) for n, d in sorted(self.g.nodes(data=True)) if label is None or d["label"] == label]

    def find(self, name: str, label: str | None = None) -> list[str]:
        """Ids of nodes whose name or an alias is ``name``."""
        return [n for n, d in self.nodes(label)
                if d.get("name") == name or name in (d.get("aliases") or ())]

    def stats(self) -> dict:
        labels = Counter(d["label"] for _, d in self.g.nodes(data=True))
        types = Counter(d["type"] for _, _, d in self.g.edges(data=True))
        return {"nodes": {k: labels.get(k, 0) for k in LABELS},
                "relations": {k: types.get(k, 0) for k in RELATION_TYPES}}

    def frozen(self) -> nx.MultiDiGraph:
        """A copy with every attribute in its exported form: sorted lists, counts, and
        evidence capped and ordered. What the stores, the page and the queries read."""
        out = nx.MultiDiGraph()
        for n, d in self.frozen_nodes():
            out.add_node(n, **d)
        for s, t, k, d in self.frozen_edges():
            out.add_edge(s, t, key=k, **d)
        return out

    def frozen_nodes(self):
        """(id, exported attributes) of each node in id order, one at a time (what
        ``frozen`` holds, without a copy of the whole graph)."""
        for n in sorted(self.g.nodes):
            yield n, _freeze_node(self.g.nodes[n])

    def frozen_edges(self):
        """(source, target, key, exported attributes) of each edge in that order."""
        adj = self.g.adj
        for s in sorted(adj):
            nbrs = adj[s]
            for t in sorted(nbrs):
                keys = nbrs[t]
                for k in sorted(keys):
                    yield s, t, k, _freeze_edge(keys[k])

    @classmethod
    def from_frozen(cls, g: nx.MultiDiGraph) -> "KnowledgeGraph":
        """Rebuild a mutable graph from its exported form (e.g. read from graph.json).
        Adding documents to it gives what adding them to the original would have, as
        long as their ids are new to it (the evidence that the export capped is still
        counted)."""
        kg = cls()
        for n, d in g.nodes(data=True):
            kg.add_frozen_node(n, d)
        for s, t, k, d in g.edges(keys=True, data=True):
            kg.add_frozen_edge(s, t, k, d)
        return kg

    def add_frozen_node(self, n: str, d: dict) -> None:
        d = dict(d)
        if d["label"] != "Document":
            d["aliases"] = set(d.get("aliases") or ())
            d["titles"] = set(d.get("titles") or ())
            d["docs"] = set(d.pop("doc_ids", None) or ())
            d.setdefault("role", None)
            d.pop("documents", None)
        self.g.add_node(n, **d)

    def add_frozen_edge(self, s: str, t: str, k: str, d: dict) -> None:
        d = dict(d)
        count = d.pop("count", None)
        d["evidence"] = {_evidence_key(ev): ev for ev in d.get("evidence") or ()}
        d.setdefault("first_date", None)
        d.setdefault("last_date", None)
        if count and count > len(d["evidence"]):
            d["_uncounted"] = count - len(d["evidence"])
        self.g.add_edge(s, t, key=k, **d)


def _freeze_node(d: dict) -> dict:
    out = dict(d)
    if d["label"] == "Document":
        return out
    out["aliases"] = sorted(d.get("aliases") or ())
    out["doc_ids"] = sorted(d.get("docs") or ())
    out["documents"] = len(out["doc_ids"])
    out.pop("docs", None)
    if d["label"] == "Official":
        out["titles"] = sorted(d.get("titles") or ())
    else:
        out.pop("titles", None)
    if d["label"] != "Person" or not out.get("role"):
        out.pop("role", None)
    return out


def _freeze_edge(d: dict) -> dict:
    out = dict(d)
    extra = out.pop("_uncounted", 0)   # evidence left out of a graph read back (from_frozen)
    ev = d["evidence"]
    keys = sorted(ev) if len(ev) <= MAX_EVIDENCE else heapq.nsmallest(MAX_EVIDENCE, ev)
    out["count"] = len(ev) + extra
    out["evidence"] = [_evidence_of(k, ev[k]) for k in keys]
    return out
