"""Where extraction runs: in this process, in a pool of local worker processes, or on a
Dask distributed cluster. Every executor runs the same function on each source file
(``analyse_source``) and hands back the same bytes, so the graph does not depend on
which one ran it; results arrive in any order and the build puts them back in order.

Workers load jieba and the LAC model once, when they start their first file.
"""
from __future__ import annotations

import dataclasses
import json
import os
import zlib
from collections import deque
from pathlib import Path
from typing import Iterator

from .procs import end_with_parent

EXECUTORS = ("local", "dask")


def analyse_source(path: str, year: int | None = None) -> tuple[str, bytes]:
    """Analyse one source file: (fingerprint of the analysis code, payload), the payload
    being zlib-compressed JSON {"docs": [DocResult dicts], "warnings": [...],
    "error": null or [file, reason]}. Never raises for a bad file."""
    from loaders import LoadError, load

    from . import nlp
    from .analyse import analyse_page, analysed_text
    from .cache import fingerprint
    from .extract import sentences

    warnings: list[str] = []
    docs, error = [], None
    try:
        articles = load(Path(path), year=year, warnings=warnings)
        with nlp.primed([s for a in articles for s in sentences(analysed_text(a))]):
            docs = analyse_page(articles)
    except LoadError as e:
        docs, error = [], [e.path, e.reason]
    except Exception as e:   # a bug on one odd document must not cost the others
        docs, error = [], [str(path), f"could not be analysed ({type(e).__name__}: {e})"]
    # DocResult.to_dict (dataclasses.asdict) as JSON, without asdict's deep copies
    payload = json.dumps({"docs": docs, "warnings": warnings, "error": error}, default=_fields,
                         ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return fingerprint(), zlib.compress(payload, 1)


def _fields(obj):
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def decode_payload(payload: bytes) -> dict:
    return json.loads(zlib.decompress(payload))


def _die_with_parent() -> None:
    """Worker initialiser: end with the build (a killed build leaves no workers)."""
    end_with_parent()
    os.environ.setdefault("GOVKG_ORT_THREADS", "1")


class Executor:
    """Runs ``analyse_source`` over paths; ``run`` yields (path, (fingerprint, payload))
    as they finish."""

    def run(self, paths: list[str], year: int | None) -> Iterator[tuple[str, tuple[str, bytes]]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class InProcess(Executor):
    def run(self, paths, year):
        for p in paths:
            yield p, analyse_source(p, year)


class LocalPool(Executor):
    """A pool of ``workers`` processes on this machine (spawned, so that nothing of the
    parent's state is shared by accident)."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = None

    def run(self, paths, year):
        import multiprocessing as mp
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                            initializer=_die_with_parent)
        todo = deque(paths)
        running = {}
        while todo or running:
            while todo and len(running) < 4 * self.workers:   # a bounded queue: results are not piled up
                p = todo.popleft()
                running[self.pool.submit(analyse_source, p, year)] = p
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for f in done:
                yield running.pop(f), f.result()

    def close(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class DaskExecutor(Executor):
    """Tasks on a Dask distributed cluster: the scheduler at ``address``, or a local
    cluster of ``workers`` processes when no address is given. The workers need govkg
    installed (the same version: results carry the analysis fingerprint, and the build
    refuses results of other code)."""

    def __init__(self, address: str | None, workers: int = 1):
        from distributed import Client, LocalCluster

        self.cluster = None
        if address:
            self.client = Client(address, timeout="30s")
        else:
            self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                        dashboard_address=None, host="127.0.0.1")
            self.client = Client(self.cluster)

    def run(self, paths, year):
        from distributed import as_completed

        futures = {}
        for p in paths:
            f = self.client.submit(analyse_source, p, year, pure=False, key=f"govkg-analyse-{os.getpid()}-{len(futures)}")
            futures[f] = p
        for f in as_completed(futures):
            yield futures[f], f.result()
            f.release()

    def close(self):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(kind: str = "local", workers: int = 1, scheduler: str | None = None) -> Executor:
    if kind == "dask":
        return DaskExecutor(scheduler, workers)
    if kind != "local":
        raise ValueError(f"unknown executor {kind!r}; expected one of {', '.join(EXECUTORS)}")
    return LocalPool(workers) if workers > 1 else InProcess()
