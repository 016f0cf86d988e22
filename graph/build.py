"""The main job: files → articles → DocResults → KnowledgeGraph → output folder.

Each file is processed on its own (loaders, then ``analyse`` per article); a file that
cannot be read is reported and skipped, and never stops the rest. Documents are merged
in doc_id order, so the graph does not depend on the order files were found in.
"""
from __future__ import annotations

import json
import os
import time
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from loaders import LoadError, display_name, iter_sources, load

from .officials import Officials
from .records import DocResult
from .schema import node_id
from .procs import Forked
from .store.files import Sizes, Staged, atomic_file, atomic_write, json_text, remove_leftovers, write_graph_files

if TYPE_CHECKING:
    from .model import KnowledgeGraph
# The analysis (graph.analyse: the model, jieba) and the merge (graph.model: networkx)
# are imported where they are used: adding a day analyses it in a child process while
# this one imports the merge and reads the last build (see build).


@dataclass
class BuildReport:
    files: int = 0                      # files found
    read: int = 0                       # files that gave at least one article
    documents: int = 0                  # articles analysed
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"files": self.files, "read": self.read, "documents": self.documents,
                "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
                "warnings": list(self.warnings)}


def analyse_file(path: Path, year: int | None = None, warnings: list | None = None) -> list[DocResult]:
    """DocResults of every article of one file; LoadError when it cannot be read."""
    from .analyse import analyse_page
    return analyse_page(load(path, year=year, warnings=warnings))


def results_of(paths: Iterable, year: int | None = None, report: BuildReport | None = None,
               progress: Callable[[Path], None] | None = None) -> Iterable[tuple[Path, list[DocResult]]]:
    """(file, its DocResults) for each readable file; problems go to ``report``."""
    report = report if report is not None else BuildReport()
    files = iter_sources(paths)
    report.files = len(files)
    for path in files:
        try:
            results = analyse_file(path, year, report.warnings)
        except LoadError as e:
            report.skipped.append((e.path, e.reason))
            results = None
        except Exception as e:   # a bug on one odd document must not cost the others
            report.skipped.append((str(path), f"could not be analysed ({type(e).__name__}: {e})"))
            results = None
        if progress:
            progress(path)
        if results is None:
            continue
        report.read += 1
        report.documents += len(results)
        yield path, results


def build_graph(paths, year: int | None = None, report: BuildReport | None = None,
                progress: Callable[[Path], None] | None = None) -> KnowledgeGraph:
    from .model import KnowledgeGraph
    results = [r for _, rs in results_of(paths, year, report, progress) for r in rs]
    officials = Officials()
    for r in results:
        officials.observe(r)
    kg = KnowledgeGraph(officials=officials)
    for r in sorted(results, key=lambda r: r.doc_id):
        kg.add(r)
    return kg


def write_outputs(kg: KnowledgeGraph, out: Path, report: BuildReport, html: bool = True,
                  max_nodes: int = 1500) -> dict[str, Path]:
    """graph.json, graph.graphml, graph.html, merges.json (which surface forms became
    which node) and report.json (files read and skipped), each written atomically."""
    paths, _ = _write_all(kg, Path(out), report, html, max_nodes)
    return paths


# nodes and edges from which the two graph files are written by two processes
FORK_AT = 50_000


def _write_all(kg: KnowledgeGraph, out: Path, report: BuildReport, html: bool, max_nodes: int,
               sync: bool = True, staged: Staged | None = None):
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "graph.json", "graphml": out / "graph.graphml",
             "merges": out / "merges.json", "report": out / "report.json"}
    merge_ids, merge_sizes = [], array("q")
    with atomic_file(paths["json"], sync, staged) as fj, atomic_file(paths["graphml"], sync, staged) as fg, \
            atomic_file(paths["merges"], sync, staged) as fm:

        def graphml():
            sizes = write_graph_files(kg.frozen_nodes(), kg.frozen_edges(), graphml_out=fg)
            fg.flush()
            return sizes
        # on a big graph GraphML is written beside graph.json, by a child process
        graphml_sizes = Forked(graphml, kg.g.number_of_nodes() + kg.g.number_of_edges() >= FORK_AT)
        fm.write(b"[")

        def nodes():
            for n, d in kg.frozen_nodes():
                entry = _merge_entry(n, d)
                if entry is not None:
                    chunk = json_text(entry, 1).encode("utf-8")
                    fm.write(b"\n " if not merge_ids else b",\n ")
                    fm.write(chunk)
                    merge_ids.append(n)
                    merge_sizes.append(len(chunk))
                yield n, d

        try:
            sizes = write_graph_files(nodes(), kg.frozen_edges(), json_out=fj)
            fm.write(b"\n]\n" if merge_ids else b"]\n")
        finally:
            written = graphml_sizes()
        sizes.take_graphml(written)
    atomic_write(paths["report"], _dump(report.to_dict()), sync, staged)
    if html:
        from .render import render
        paths["html"] = render(kg, out / "graph.html", max_nodes=max_nodes)
    return paths, {"sizes": sizes, "merge_ids": merge_ids, "merge_sizes": merge_sizes}


def _merge_entry(n: str, d: dict) -> dict | None:
    if d["label"] == "Document" or not (d.get("aliases") or d.get("region")):
        return None
    entry = {"id": n, "label": d["label"], "name": d["name"], "forms": sorted(d.get("aliases") or ())}
    if d.get("region"):
        entry["split"] = {
            "region": d["region"],
            "homonyms": [{"id": node_id("Official", k), "key": k} for k in d["homonyms"]],
            "reason": f"the posts of this {d['name']} are in {d['region']}, those of {'、'.join(d['homonyms'])} "
                      "elsewhere; no document gives one official posts in both, and their dates do not "
                      "follow one another as a transfer's do",
        }
    return entry


def merges(kg: KnowledgeGraph) -> list[dict]:
    """Nodes that more than one surface form became, with those forms, and the
    officials of a name split by province, with their namesakes."""
    return [e for e in (_merge_entry(nid, d) for nid, d in kg.nodes()) if e is not None]


def _dump(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1, default=sorted) + "\n").encode("utf-8")


# ---- the build command: cache, workers, merge, incremental update ------------------------

@dataclass
class BuildResult:
    report: BuildReport
    written: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    analysed: int = 0          # files analysed by this build (the others came from the cache)
    incremental: bool = False  # the graph files were updated in place of being rewritten
    seconds: dict = field(default_factory=dict)   # wall time of each step
    pushed: dict | None = None


_IN_PROCESS_UP_TO = 2   # files analysed in the build's own process even with --workers


class _Full(Exception):
    """The incremental update does not apply: merge everything from the cache."""


# what a build writes into its output folder, and into OUT/.cache beside the results
OUTPUTS = ("graph.json", "graph.graphml", "merges.json", "report.json", "graph.html")


def build(paths, out, *, year: int | None = None, workers: int = 1, executor: str = "local",
          scheduler: str | None = None, html: bool = True, max_nodes: int = 1500,
          neo4j_uri: str | None = None, progress: Callable[[str], None] | None = None,
          incremental: bool = True) -> BuildResult:
    """Build the graph of ``paths`` into ``out``: files analysed by the executor (only
    those the output folder's cache does not know), documents merged in doc_id order,
    the files written. When the corpus only grew by documents that sort after all the
    others, the graph files are updated: only the nodes and edges the new documents
    touch are written anew, the rest is copied. Same bytes either way. Nothing is written
    when nothing could be read (``result.report.read == 0``). Neo4j errors raise
    ``StoreError`` after the files are written; ``Busy`` when another build is writing
    into ``out``."""
    from .cache import INDEX, Cache, held

    out = Path(out)
    existed = out.exists()
    with held(out):
        # what a build killed while writing left behind
        remove_leftovers(out, OUTPUTS)
        remove_leftovers(Cache.dir_of(out), [INDEX])
        return _build(paths, out, existed, year=year, workers=workers, executor=executor,
                      scheduler=scheduler, html=html, max_nodes=max_nodes, neo4j_uri=neo4j_uri,
                      progress=progress, incremental=incremental)


def _build(paths, out: Path, existed: bool, *, year, workers, executor, scheduler, html, max_nodes,
           neo4j_uri, progress, incremental) -> BuildResult:
    from .cache import Cache, boot_id, fingerprint, merge_fingerprint
    from .executors import Early, analyse_sources, decode_payload, make_executor

    t0 = time.perf_counter()
    # a folder built before may only need a day added: its analysis is loaded at once,
    # in a child, while the files are listed and keyed
    early = (Early(year) if executor == "local" and workers > 1 and incremental and hasattr(os, "fork")
             and Cache.made_in(out) else None)
    staged, cache = Staged(), None
    try:
        files = iter_sources(paths)
        report = BuildReport(files=len(files))
        result = BuildResult(report)
        cache = Cache(out)
        keys = cache.keys_of(files, year)
        names = [str(p) for p in files]
        known = cache.known(keys)
        todo = [i for i, k in enumerate(keys) if k is None or k not in known]
        fresh: dict[int, tuple[dict, list]] = {}   # (result, summary) of files that cannot be cached
        if progress:
            todo_set = set(todo)
            for i in range(len(keys)):
                if i not in todo_set:
                    progress(names[i])
        few = executor == "local" and len(todo) <= _IN_PROCESS_UP_TO
        if early and not (todo and few):
            early.cancel()
            early = None
        summaries: dict[str, tuple] = {}   # of files analysed before, when read early
        last = None                          # what the last build left, when read early
        if todo:
            by_name = {names[i]: i for i in todo}
            todo_names = [names[i] for i in todo]

            def take(name, analysis):
                fp, payload, summary = analysis
                if fp != fingerprint():
                    raise RuntimeError(f"a worker runs other analysis code ({fp} here {fingerprint()}): "
                                       "install the same govkg on every worker")
                i = by_name[name]
                if keys[i] is None:
                    fresh[i] = (decode_payload(payload), summary)
                else:
                    cache.put(keys[i], payload, summary)
                if progress:
                    progress(name)

            if few:
                # a pool's start (each worker loading the models) costs more than a few files
                if early:
                    # analysed by the early child while this process imports the merge
                    # and reads what the last build left
                    analysed = early.give(todo_names)
                    from . import model  # noqa: F401  (networkx: a quarter of a second)
                    from .divisions import divisions
                    divisions()          # the merge places officials by their regions
                    summaries = {k: cache.summary(k) for k in sorted(known)}
                    last = _read_last(cache, out)
                    analysed = analysed()
                else:
                    analysed = analyse_sources(todo_names, year)
                for name, analysis in analysed:
                    take(name, analysis)
            else:
                with make_executor(executor, workers, scheduler) as ex:
                    for name, analysis in ex.run(todo_names, year):
                        take(name, analysis)
            cache.commit()
        result.analysed = len(todo)
        result.seconds["analyse"] = time.perf_counter() - t0
        t0 = time.perf_counter()

        # the report, in file order, the documents of each file and its officials' regions
        docs_of: list[list[str]] = []
        observed_of: list[list] = []
        for i, k in enumerate(keys):
            warnings, error, doc_ids, observed = (fresh[i][1] if k is None else
                                                  summaries[k] if k in summaries else cache.summary(k))
            report.warnings.extend(warnings)
            if error:
                report.skipped.append(tuple(error))
            elif doc_ids:
                report.read += 1
                report.documents += len(doc_ids)
            docs_of.append(doc_ids if not error else [])
            observed_of.append(observed if not error else [])
        # document ids come from file names: a.txt in two folders (or a.txt beside a.jsonl)
        # would merge two files' documents into one without a word
        first_of: dict[str, int] = {}
        for i, ids in enumerate(docs_of):
            clashes = [first_of[d] for d in ids if first_of.setdefault(d, i) != i]
            if clashes:
                report.warnings.append(f"{display_name(names[i])}: same document ids as {display_name(names[clashes[0]])} "
                                       "(files of the same name): their documents are merged; rename one")
        if report.read == 0:
            cache.close()
            if not existed:
                import shutil
                shutil.rmtree(out, ignore_errors=True)
            return result
        cache.save_manifest()

        # format 2: the officials' summary holds the dates of each region set
        # the graph files are not synced to disk when the machine's boot is known (see boot_id)
        state = {"format": 2, "fingerprint": fingerprint(), "merge": merge_fingerprint(), "year": year,
                 "boot": boot_id(),
                 "files": [[os.fsencode(p).hex(), k] for p, k in zip(files, keys)]}
        order = sorted((d, files[i], i, j) for i, ids in enumerate(docs_of) for j, d in enumerate(ids))
        state["last"] = [order[-1][0], os.fsencode(order[-1][1]).hex()]
        sync = state["boot"] is None

        def load_docs(i):
            return (fresh[i][0] if i in fresh else decode_payload(cache.payload(keys[i])))["docs"]

        kg = None
        t0 = time.perf_counter()
        if incremental:
            try:
                kg_partial, touched, stats = _update(cache, out, state, keys, order, load_docs, staged,
                                                     last or _read_last(cache, out))
                result.incremental = True
                result.stats = stats
                state["officials"] = kg_partial.officials.summary()
            except _Full:
                pass
        last = None   # its index is large: not held through a full merge
        if not result.incremental:
            from .model import KnowledgeGraph
            cache.del_meta("state")
            officials = Officials()
            for observed in observed_of:
                officials.count(observed)
            state["officials"] = officials.summary()
            kg = KnowledgeGraph(officials=officials)
            current, docs = None, None
            for _, _, i, j in order:
                if i != current:
                    current, docs = i, load_docs(i)
                kg.add(DocResult.from_dict(docs[j]))
            docs = None
            written, index = _write_all(kg, out, report, html=False, max_nodes=max_nodes,
                                        sync=sync, staged=staged)
            result.written = written
            result.stats = kg.stats()
            cache.save_index(index, sync, staged)
        else:
            result.written = {"json": out / "graph.json", "graphml": out / "graph.graphml",
                              "merges": out / "merges.json", "report": out / "report.json"}
            atomic_write(result.written["report"], _dump(report.to_dict()), sync, staged)
        state["stats"] = result.stats
        state["outputs"] = _signatures(out, staged)
        prev_push = (cache.get_meta("state") or {}).get("pushed") if result.incremental else None
        cache.set_meta("state", state)
        cache.keep_only(keys)
        # the cache reaches the disk before the new files are renamed into place: on ext4
        # a rename over a file starts writing the new one out, and a sync after that
        # (SQLite's) would wait for all of it
        cache.checkpoint()
        staged.commit()

        result.seconds["merge and write"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        if html:
            from .render import render
            if kg is None:
                from .store.files import read_json
                kg = read_json(out / "graph.json")
            result.written["html"] = render(kg, out / "graph.html", max_nodes=max_nodes)
        if neo4j_uri:
            if result.incremental and prev_push == neo4j_uri:
                import networkx as nx
                g = nx.MultiDiGraph()
                for n, d in kg_partial.frozen_nodes():
                    g.add_node(n, **d)
                for s, t, k, d in kg_partial.frozen_edges():
                    g.add_edge(s, t, key=k, **d)
                result.pushed = _push_frozen(g, neo4j_uri)
            else:
                if kg is None:
                    from .store.files import read_json
                    kg = read_json(out / "graph.json")
                result.pushed = _push_frozen(kg.frozen(), neo4j_uri)
            state["pushed"] = neo4j_uri
            cache.set_meta("state", state)
        result.seconds["page and push"] = time.perf_counter() - t0
        return result
    finally:
        if early:
            early.cancel()
        staged.discard()
        if cache is not None:
            cache.close()


def _push_frozen(g, uri: str) -> dict:
    from .store.neo4j import push_to
    return push_to(g, uri)      # a server lost mid-push is a StoreError too


def _signatures(out: Path, staged: Staged | None = None) -> dict:
    sig = {}
    for name in ("graph.json", "graph.graphml", "merges.json"):
        st = os.stat(staged.path_of(out / name) if staged else out / name)
        sig[name] = [st.st_size, st.st_mtime_ns, st.st_ino]
    return sig


@dataclass
class _Last:
    """What the last build left that an update reads: its state and, when its graph
    files are still those it wrote, where each node and edge sits in them."""
    state: dict | None
    index: dict | None = None
    layout: "_Layout | None" = None


def _read_last(cache, out: Path) -> _Last:
    state = cache.get_meta("state")
    if not state or state.get("outputs") != _signatures_or_none(out):
        return _Last(state)
    index = cache.load_index()
    return _Last(state, index, _Layout(index["sizes"], index) if index is not None else None)


def _update(cache, out: Path, state: dict, keys, order, load_docs, staged: Staged, last: _Last):
    """Add the documents of new files to the graph files of the last build, when that
    gives what a full build gives: the files of the last build are all still there,
    unchanged (and were synced to disk or written in this boot), every new document sorts
    after all of theirs, and the merge code is the one that made them. Raises _Full
    otherwise."""
    from .model import KnowledgeGraph

    old = last.state
    if not old or any(old.get(k) != state[k] for k in ("format", "fingerprint", "merge", "year")):
        raise _Full
    if old.get("boot") not in (None, state["boot"]):   # files not synced, by another boot
        raise _Full
    prev = {p: k for p, k in old["files"]}
    now = {p: k for p, k in state["files"]}
    if any(k is None for k in keys) or any(now.get(p) != k for p, k in prev.items()):
        raise _Full
    new_files = [i for i, (p, k) in enumerate(state["files"]) if p not in prev]
    index, layout = last.index, last.layout
    if index is None:   # none, or the graph files are not those it describes (_read_last)
        raise _Full
    last_doc = old["last"][0]
    added = set(new_files)
    new_order = [o for o in order if o[2] in added]
    if new_order and not new_order[0][0] > last_doc:
        raise _Full

    # the new documents alone: which nodes and edges they touch
    new_docs = []
    current, docs = None, None
    for _, _, i, j in new_order:
        if i != current:
            current, docs = i, load_docs(i)
        new_docs.append(DocResult.from_dict(docs[j]))
    officials = _officials_after(old, new_docs)
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
    _splice(out, sizes, layout, index, new_nodes, new_edges, cache, state["boot"] is None, staged)
    return partial, (touched_nodes, touched_edges), stats


def _officials_after(old: dict, new_docs: list[DocResult]) -> Officials:
    """Who each official is once the new documents are counted in. Raises _Full when
    they change it for a name the graph files already hold (a name split anew, a new
    province for a split one, another official taking the unplaced mentions)."""
    if "officials" not in old:
        raise _Full
    officials = Officials(old["officials"])
    names = sorted({e.key for d in new_docs for e in d.entities if e.label == "Official"})
    before = [officials.decision(n) for n in names]
    for d in new_docs:
        officials.observe(d)
    if [officials.decision(n) for n in names] != before:
        raise _Full
    return officials


def _signatures_or_none(out: Path):
    try:
        return _signatures(out)
    except OSError:
        return None


class _Layout:
    """Where each node and edge of the last build sits in its graph files."""

    def __init__(self, sizes: Sizes, index: dict):
        import numpy as np
        from .store.files import JSON_FIRST, JSON_HEAD, JSON_MIDDLE, JSON_SEP

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
        self.node_json, _ = starts(sizes.node_json, end + len(JSON_MIDDLE), f, s)
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


def _splice(out: Path, sizes: Sizes, layout: _Layout, index: dict, new_nodes: dict, new_edges: dict, cache,
            sync: bool, staged: Staged) -> None:
    """Write the graph files anew from the old ones and the changed parts."""
    from concurrent.futures import ThreadPoolExecutor
    from .store.files import (JSON_FIRST, JSON_HEAD, JSON_MIDDLE, JSON_SEP, JSON_TAIL, GraphmlKeys,
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
        entry = _merge_entry(n, d)
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
            section(fout, fold, edge_ids, sizes.edge_ids, layout.edge_json, sizes.edge_json, j_edges, ns.edge_json,
                    JSON_FIRST, JSON_SEP)
            fout.write(JSON_MIDDLE)
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
    numbers, new keys coming after them. Raises _Full otherwise."""
    from .store.files import GraphmlKeys

    first = {k: tuple(f) for k, f in zip(sizes.keys, sizes.key_first)}
    rank = {k: i for i, k in enumerate(sizes.keys)}
    for k, f in first.items():   # a touched item that was the first to use a key must still use it
        if f in used and k not in used[f]:
            raise _Full
    for item in sorted(used):
        for k in used[item]:
            if k not in first or item < first[k]:
                first[k] = item

    def place(k):
        h = first[k]
        return (h, used[h].index(k) if h in used else rank[k])

    order = sorted(first, key=place)
    if order[:len(sizes.keys)] != list(sizes.keys):
        raise _Full
    return GraphmlKeys(order, [first[k] for k in order])
