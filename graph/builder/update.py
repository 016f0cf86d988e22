"""Adding documents to the graph files of the last build in place: only the nodes and
edges the new documents touch are written anew, the rest is copied from the old files
by the offsets the last build indexed. The same bytes as a full build, or ``Full``."""
from __future__ import annotations

import json
import os
from array import array
from dataclasses import dataclass
from pathlib import Path

from ..atomic import Staged, atomic_file
from ..extract.records import DocResult
from ..merge.audit import records
from ..merge.officials import Officials
from ..schema import node_id
from ..store.files import Sizes, json_text
from .outputs import merge_entry


class Full(Exception):
    """The incremental update does not apply: merge everything from the cache."""


def signatures(out: Path, staged: Staged | None = None) -> dict:
    sig = {}
    for name in ("graph.json", "graph.graphml", "merges.json"):
        st = os.stat(staged.path_of(out / name) if staged else out / name)
        sig[name] = [st.st_size, st.st_mtime_ns, st.st_ino]
    return sig


@dataclass
class Last:
    """What the last build left that an update reads: its state and, when its graph
    files are still those it wrote, where each node and edge sits in them."""
    state: dict | None
    index: dict | None = None
    layout: "Layout | None" = None


def read_last(cache, out: Path) -> Last:
    state = cache.get_meta("state")
    if not state or state.get("outputs") != _signatures_or_none(out):
        return Last(state)
    index = cache.load_index()
    return Last(state, index, Layout(index["sizes"], index) if index is not None else None)


def add_documents(cache, out: Path, state: dict, keys, order, load_docs, staged: Staged, last: Last):
    """Add the documents of new files to the graph files of the last build, when that
    gives what a full build gives: the files of the last build are all still there,
    unchanged (and were synced to disk or written in this boot), every new document sorts
    after all of theirs, and the merge code is the one that made them. Raises Full
    otherwise."""
    from ..merge.knowledge import KnowledgeGraph

    old = last.state
    if not old or any(old.get(k) != state[k] for k in ("format", "fingerprint", "merge", "year")) \
            or "audit" not in old:
        raise Full
    if old.get("boot") not in (None, state["boot"]):   # files not synced, by another boot
        raise Full
    prev = {p: k for p, k in old["files"]}
    now = {p: k for p, k in state["files"]}
    if any(k is None for k in keys) or any(now.get(p) != k for p, k in prev.items()):
        raise Full
    new_files = [i for i, (p, k) in enumerate(state["files"]) if p not in prev]
    index, layout = last.index, last.layout
    if index is None:   # none, or the graph files are not those it describes (read_last)
        raise Full
    last_doc = old["last"][0]
    added = set(new_files)
    new_order = [o for o in order if o[2] in added]
    if new_order and not new_order[0][0] > last_doc:
        raise Full

    # the new documents alone: which nodes and edges they touch
    new_docs = []
    current, docs = None, None
    for _, _, i, j in new_order:
        if i != current:
            current, docs = i, load_docs(i)
        new_docs.append(DocResult.from_dict(docs[j]))
    officials = _officials_after(old, new_docs, layout)
    scratch = KnowledgeGraph(officials=officials)
    for d in new_docs:
        scratch.add(d)
    touched_nodes = sorted(scratch.g.nodes)
    touched_edges = sorted(scratch.g.edges(keys=True))

    sizes: Sizes = index["sizes"]
    partial = KnowledgeGraph(officials=officials)
    with open(out / "graph.json", "rb") as fj:
        for n in touched_nodes:
            pos = layout.find_node(n)
            if pos is not None:
                fj.seek(layout.node_json[pos])
                d = json.loads(fj.read(sizes.node_json[pos]))
                partial.add_frozen_node(n, d)
        for e in touched_edges:
            pos = layout.find_edge(e)
            if pos is not None:
                fj.seek(layout.edge_json[pos])
                d = json.loads(fj.read(sizes.edge_json[pos]))
                for k in ("source", "target", "key"):
                    d.pop(k)
                partial.add_frozen_edge(*e, d)
    for d in new_docs:
        partial.add(d)
    new_nodes = dict(partial.frozen_nodes())
    new_edges = {(s, t, k): d for s, t, k, d in partial.frozen_edges()}

    stats = json.loads(json.dumps(old["stats"]))
    for n, d in new_nodes.items():
        if layout.find_node(n) is None:
            stats["nodes"][d["label"]] = stats["nodes"].get(d["label"], 0) + 1
    for e, d in new_edges.items():
        if layout.find_edge(e) is None:
            stats["relations"][d["type"]] = stats["relations"].get(d["type"], 0) + 1
    # the audit's rows: those of the touched nodes anew (a node's name may have grown);
    # documents are only added, so a node related before still is
    rows = dict(old["audit"])
    for n, row in records(partial.g.nodes(data=True), partial.g.edges(data="type")).items():
        row[3] = row[3] or (n in rows and rows[n][3])
        rows[n] = row
    _splice(out, sizes, layout, index, new_nodes, new_edges, cache, state["boot"] is None, staged)
    return partial, (touched_nodes, touched_edges), stats, rows


def _officials_after(old: dict, new_docs: list[DocResult], layout=None) -> Officials:
    """Who each official is once the new documents are counted in. Raises Full when
    they change it for a name the graph files already hold (a name split anew, a new
    province for a split one, another official taking the unplaced mentions)."""
    if "officials" not in old:
        raise Full
    officials = Officials(old["officials"])
    names = sorted({e.key for d in new_docs for e in d.entities if e.label == "Official"})
    before = [officials.decision(n) for n in names]
    known = officials.official_names()
    bare_before = set(officials.bare)
    places = sorted({n for d in new_docs for n in d.not_people if not officials.is_no_person(n)})
    for d in new_docs:
        officials.observe(d)
    if [officials.decision(n) for n in names] != before:
        raise Full
    # a name first shown to be a place's or a group's: the Person nodes of that name go
    if layout is not None and any(layout.find_node(node_id("Person", n)) is not None for n in places):
        raise Full
    if layout is not None:
        # a name first seen as an official's (here, or by a list it is named in): the Person
        # nodes of that name become it, and the documents that named it bare, which gave no
        # node, give the Official theirs
        if any(layout.find_node(node_id("Person", n)) is not None or n in bare_before
               for n in sorted(officials.official_names() - known)):
            raise Full
        # a name no longer an official's (a role that is no post, 航天员, given it now): its
        # Official node becomes a Person
        if any(layout.find_node(node_id("Official", n)) is not None for n in sorted(known - officials.official_names())):
            raise Full
    return officials


def _signatures_or_none(out: Path):
    try:
        return signatures(out)
    except OSError:
        return None


class Layout:
    """Where each node and edge of the last build sits in its graph files."""

    def __init__(self, sizes: Sizes, index: dict):
        import numpy as np
        from ..store.files import JSON_EMPTY_MIDDLE, JSON_FIRST, JSON_HEAD, JSON_MIDDLE, JSON_SEP

        self.sizes = sizes
        f, s = len(JSON_FIRST), len(JSON_SEP)

        def starts(lengths, base, first, sep):
            # where each item starts, and where the last one ends
            n = np.asarray(lengths, dtype=np.int64)
            if not len(n):
                return [], base
            out = np.empty(len(n), dtype=np.int64)
            out[0] = base + first
            np.cumsum(n[:-1] + sep, out=out[1:])
            out[1:] += base + first
            return out.tolist(), int(out[-1] + n[-1])

        self.edge_json, end = starts(sizes.edge_json, len(JSON_HEAD), f, s)
        middle = JSON_MIDDLE if len(sizes.edge_json) else JSON_EMPTY_MIDDLE   # a graph without edges: "links": []
        self.node_json, _ = starts(sizes.node_json, end + len(middle), f, s)
        self.node_graphml, end = starts(sizes.node_graphml, sizes.graphml_header, 0, 0)
        self.edge_graphml, _ = starts(sizes.edge_graphml, end, 0, 0)
        self.merge_ids = index["merge_ids"]
        self.merge_sizes = index["merge_sizes"]
        self.merge_starts, _ = starts(index["merge_sizes"], 1, 2, 3)

    def find_node(self, n):
        from bisect import bisect_left
        ids = self.sizes.node_ids
        i = bisect_left(ids, n)
        return i if i < len(ids) and ids[i] == n else None

    def find_edge(self, e):
        from bisect import bisect_left
        ids = self.sizes.edge_ids
        i = bisect_left(ids, e)
        return i if i < len(ids) and ids[i] == e else None


def _splice(out: Path, sizes: Sizes, layout: Layout, index: dict, new_nodes: dict, new_edges: dict, cache,
            sync: bool, staged: Staged) -> None:
    """Write the graph files anew from the old ones and the changed parts."""
    from concurrent.futures import ThreadPoolExecutor
    from ..store.files import (JSON_EMPTY_MIDDLE, JSON_FIRST, JSON_HEAD, JSON_MIDDLE, JSON_SEP, JSON_TAIL, GraphmlKeys,
                              copy_into, edge_graphml, edge_json, node_graphml, node_json, _GRAPHML_CLOSE)

    # GraphML key ids are numbered in the order keys are first met: the update applies
    # only if no key is new and none is met earlier than before
    keys = GraphmlKeys(sizes.keys, sizes.key_first)
    keys.track = True
    g_nodes, g_edges, used = {}, {}, {}
    for n, d in new_nodes.items():
        keys.item, keys.used = (0, n), []
        g_nodes[n] = node_graphml(n, d, keys)
        used[(0, n)] = keys.used
    for e, d in new_edges.items():
        keys.item, keys.used = (1, e), []
        g_edges[e] = edge_graphml(*e, d, keys)
        used[(1, e)] = keys.used
    keys = _key_table(sizes, used)
    j_nodes = {n: node_json(n, d) for n, d in new_nodes.items()}
    j_edges = {e: edge_json(*e, d) for e, d in new_edges.items()}
    m_new = {}
    for n, d in new_nodes.items():
        entry = merge_entry(n, d)
        m_new[n] = None if entry is None else json_text(entry, 1).encode("utf-8")

    node_ids = _merged(sizes.node_ids, [n for n in new_nodes if layout.find_node(n) is None])
    edge_ids = _merged(sizes.edge_ids, [e for e in new_edges if layout.find_edge(e) is None])
    header = keys.header()
    ns = Sizes(node_ids=node_ids, edge_ids=edge_ids, keys=list(keys.order), key_first=list(keys.first),
               graphml_header=len(header))

    def section(fout, fold, ids, old_ids, old_starts, old_lens, changed, new_lens, first, sep):
        """The items of a section in id order (``ids``): the changed ones written from
        ``changed`` (None: left out), the runs of unchanged ones between them copied
        from the old file in one piece each."""
        from bisect import bisect_left
        wrote_any = False
        prev = 0   # the next old item to copy

        def copy_run(a, b):
            nonlocal wrote_any
            if b <= a:
                return
            fout.write(sep if wrote_any else first)
            start = old_starts[a]
            copy_into(fold, fout, start, old_starts[b - 1] + old_lens[b - 1] - start)
            new_lens.extend(old_lens[a:b])
            wrote_any = True

        for x in sorted(changed):
            i = bisect_left(old_ids, x)
            known = i < len(old_ids) and old_ids[i] == x
            copy_run(prev, i)
            chunk = changed[x]
            if chunk is not None:
                fout.write(sep if wrote_any else first)
                fout.write(chunk)
                new_lens.append(len(chunk))
                wrote_any = True
            prev = i + 1 if known else max(prev, i)
        copy_run(prev, len(old_ids))
        return wrote_any

    def reserve(fout, fold, *parts, extra=0):
        # disk for the whole new file, taken at once (at most the old file and all the
        # changed parts with separators; cut to size at the end): on ext4 a file whose
        # blocks are not yet allocated is allocated and written out by the rename over
        # the old one, half a second for both files
        size = os.fstat(fold.fileno()).st_size + extra + sum(len(c) + 8 for p in parts for c in p.values() if c)
        try:
            os.posix_fallocate(fout.fileno(), 0, size)
        except OSError:     # a file system without it
            pass

    def write_json():
        with open(out / "graph.json", "rb") as fold, atomic_file(out / "graph.json", sync, staged) as fout:
            reserve(fout, fold, j_edges, j_nodes)
            fout.write(JSON_HEAD)
            edges = section(fout, fold, edge_ids, sizes.edge_ids, layout.edge_json, sizes.edge_json, j_edges,
                            ns.edge_json, JSON_FIRST, JSON_SEP)
            fout.write(JSON_MIDDLE if edges else JSON_EMPTY_MIDDLE)
            section(fout, fold, node_ids, sizes.node_ids, layout.node_json, sizes.node_json, j_nodes, ns.node_json,
                    JSON_FIRST, JSON_SEP)
            fout.write(JSON_TAIL)
            fout.truncate()

    def write_graphml():
        with open(out / "graph.graphml", "rb") as fold, atomic_file(out / "graph.graphml", sync, staged) as fout:
            reserve(fout, fold, g_nodes, g_edges, extra=len(header))
            fout.write(header)
            section(fout, fold, node_ids, sizes.node_ids, layout.node_graphml, sizes.node_graphml, g_nodes,
                    ns.node_graphml, b"", b"")
            section(fout, fold, edge_ids, sizes.edge_ids, layout.edge_graphml, sizes.edge_graphml, g_edges,
                    ns.edge_graphml, b"", b"")
            fout.write(_GRAPHML_CLOSE)
            fout.truncate()

    # graph.graphml is written in a thread while graph.json is written here (the copies
    # run in the kernel, a core each)
    with ThreadPoolExecutor(1) as pool:
        graphml = pool.submit(write_graphml)
        write_json()
        known = set(layout.merge_ids)
        merge_ids = _merged(layout.merge_ids, [n for n, c in m_new.items() if c is not None and n not in known])
        merge_lens = array("q")
        with open(out / "merges.json", "rb") as fold, atomic_file(out / "merges.json", sync, staged) as fout:
            fout.write(b"[")
            wrote = section(fout, fold, merge_ids, layout.merge_ids, layout.merge_starts,
                            layout.merge_sizes, m_new, merge_lens, b"\n ", b",\n ")
            fout.write(b"\n]\n" if wrote else b"]\n")
        graphml.result()
    kept = [m for m in merge_ids if m not in m_new or m_new[m] is not None]
    cache.save_index({"sizes": ns, "merge_ids": kept, "merge_sizes": merge_lens}, sync, staged)


def _merged(old: list, new: list) -> list:
    """The sorted list ``old`` with the items of ``new`` (not in it) put in their places:
    a few new items among hundreds of thousands, so the runs between them are copied
    whole."""
    from bisect import bisect_left
    out, prev = [], 0
    for x in sorted(new):
        i = bisect_left(old, x, prev)
        out += old[prev:i]
        out.append(x)
        prev = i
    out += old[prev:]
    return out


def _key_table(sizes: Sizes, used: dict):
    """GraphML's key table after the update. Keys are numbered in the order a full
    build meets them first (nodes, then edges, each in id order; within one item in
    attribute order); the update applies when the keys of the last build keep their
    numbers, new keys coming after them. Raises Full otherwise."""
    from ..store.files import GraphmlKeys

    first = {k: tuple(f) for k, f in zip(sizes.keys, sizes.key_first)}
    rank = {k: i for i, k in enumerate(sizes.keys)}
    for k, f in first.items():   # a touched item that was the first to use a key must still use it
        if f in used and k not in used[f]:
            raise Full
    for item in sorted(used):
        for k in used[item]:
            if k not in first or item < first[k]:
                first[k] = item

    def place(k):
        h = first[k]
        return (h, used[h].index(k) if h in used else rank[k])

    order = sorted(first, key=place)
    if order[:len(sizes.keys)] != list(sizes.keys):
        raise Full
    return GraphmlKeys(order, [first[k] for k in order])
