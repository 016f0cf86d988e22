"""The main job: files → articles → DocResults → KnowledgeGraph → output folder.

Each file is processed on its own (loaders, then ``analyse`` per article); a file that
cannot be read is reported and skipped, and never stops the rest. Documents are merged
in doc_id order, so the graph does not depend on the order files were found in.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from loaders import LoadError, display_name, iter_sources, load

from ..atomic import Staged, atomic_write, remove_leftovers
from ..extract.records import DocResult
from ..merge.audit import audit_of, records
from ..merge.officials import Officials
from .outputs import OUTPUTS, BuildReport, dump, write_all
from .update import Full, add_documents, read_last, signatures

if TYPE_CHECKING:
    from ..merge.knowledge import KnowledgeGraph
# The analysis (graph.extract: the model, jieba) and the merge (graph.merge: networkx)
# are imported where they are used: adding a day analyses it in a child process while
# this one imports the merge and reads the last build (see build).


def analyse_file(path: Path, year: int | None = None, warnings: list | None = None) -> list[DocResult]:
    """DocResults of every article of one file; LoadError when it cannot be read."""
    from ..extract.pipeline import analyse_page
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
    from ..merge.knowledge import KnowledgeGraph
    results = [r for _, rs in results_of(paths, year, report, progress) for r in rs]
    kg = KnowledgeGraph(officials=Officials.of(results))
    for r in sorted(results, key=lambda r: r.doc_id):
        kg.add(r)
    return kg


def _write_database(out: Path, kg, partial) -> Path:
    """OUT/graph.db, the embedded database Cypher runs on without a server: written
    whole from the merged graph, or, after an added day, updated with what the day
    changed (written whole from graph.json when it cannot be)."""
    from ..store import embedded

    db, graph_json = out / "graph.db", out / "graph.json"
    if partial is not None:
        nodes = dict(partial.frozen_nodes())
        edges = {(s, t, k): d for s, t, k, d in partial.frozen_edges()}
        if embedded.upsert(db, nodes, edges, lambda n: nodes[n]["label"], graph_json):
            return db
        from ..store.files import load_frozen
        embedded.write(load_frozen(graph_json), db, graph_json)
    elif kg is not None:
        embedded.write_items(kg.frozen_nodes(), kg.frozen_edges(), db, graph_json)
    else:
        from ..store.files import load_frozen
        embedded.write(load_frozen(graph_json), db, graph_json)
    return db


def write_outputs(kg: KnowledgeGraph, out: Path, report: BuildReport, html: bool = True,
                  max_nodes: int = 1500) -> dict[str, Path]:
    """graph.json, graph.graphml, graph.html, merges.json (which surface forms became
    which node) and report.json (files read and skipped), each written atomically."""
    paths, _ = write_all(kg, Path(out), report, html, max_nodes)
    return paths


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
                    from ..merge import knowledge as model  # noqa: F401  (networkx: a quarter of a second)
                    from ..extract.divisions import divisions
                    divisions()          # the merge places officials by their regions
                    summaries = {k: cache.summary(k) for k in sorted(known)}
                    last = read_last(cache, out)
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
        from ..store.embedded import is_current
        db_current = (out / "graph.db").exists() and (out / "graph.json").exists() \
            and is_current(out / "graph.db", out / "graph.json")   # an update may then be written into it
        if incremental:
            try:
                kg_partial, touched, stats, rows = add_documents(cache, out, state, keys, order, load_docs, staged,
                                                                  last or read_last(cache, out))
                result.incremental = True
                result.stats = stats
                state["officials"] = kg_partial.officials.summary()
                state["audit"] = rows
                report.audit = audit_of(rows)
            except Full:
                pass
        last = None   # its index is large: not held through a full merge
        if not result.incremental:
            from ..merge.knowledge import KnowledgeGraph
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
            state["audit"] = records(kg.g.nodes(data=True), kg.g.edges(data="type"))
            report.audit = audit_of(state["audit"])
            written, index = write_all(kg, out, report, html=False, max_nodes=max_nodes,
                                        sync=sync, staged=staged)
            result.written = written
            result.stats = kg.stats()
            cache.save_index(index, sync, staged)
        else:
            result.written = {"json": out / "graph.json", "graphml": out / "graph.graphml",
                              "merges": out / "merges.json", "report": out / "report.json"}
            atomic_write(result.written["report"], dump(report.to_dict()), sync, staged)
        state["stats"] = result.stats
        state["outputs"] = signatures(out, staged)
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
        result.written["db"] = _write_database(out, kg, kg_partial if result.incremental and db_current else None)
        result.seconds["embedded database"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        if html:
            from ..explorer.page import render
            if kg is None:
                from ..store.files import read_json
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
                    from ..store.files import read_json
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
    from ..store.neo4j import push_to
    return push_to(g, uri)      # a server lost mid-push is a StoreError too


