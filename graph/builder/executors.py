"""Where extraction runs: in this process, in a pool of local worker processes, or on a
Dask distributed cluster. Every executor runs the same function on the source files
(``analyse_sources``, a few files at a time) and hands back the same bytes, so the graph
does not depend on which one ran it; results arrive in any order and the build puts
them back in order.

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

from .procs import Forked, end_with_parent

EXECUTORS = ("local", "dask")


# Files are analysed a few at a time: the model's batches are made of sentences of like
# length, and one file's few hundred sentences leave a fifth of each batch padding; the
# sentences of some ten files together leave almost none. A group is consecutive files
# up to this many bytes (fewer when the corpus is small, so that every worker has some).
GROUP_BYTES = 256 * 1024


def analyse_sources(paths: list[str], year: int | None = None) -> list[tuple[str, tuple[str, bytes, list]]]:
    """Analyse a few source files, each to (fingerprint of the analysis code, payload,
    summary): the payload zlib-compressed JSON {"docs": [DocResult dicts], "warnings":
    [...], "error": null or [file, reason]}, the summary [warnings, error, doc ids,
    the officials' regions (``regions.observations`` of each document, in a list)]. The
    model tags the sentences of all of them in one go (the same tags as one by one).
    Never raises for a bad file."""
    from loaders import LoadError, load

    from ..extract import nlp

    loaded = []
    for path in paths:
        warnings: list[str] = []
        try:
            loaded.append((path, load(Path(path), year=year, warnings=warnings), warnings, None))
        except LoadError as e:
            loaded.append((path, [], warnings, [e.path, e.reason]))
        except Exception as e:   # a bug on one odd file must not cost the others
            loaded.append((path, [], warnings, [str(path), f"could not be read ({type(e).__name__}: {e})"]))
    try:
        with nlp.primed([s for _, articles, _, _ in loaded for s in _sentences(articles)]):
            return [(path, _analysed(path, articles, warnings, error)) for path, articles, warnings, error in loaded]
    except Exception:
        # tagging them together failed: each file on its own, so that only a bad one fails
        return [(path, _analysed(path, articles, warnings, error, prime=True))
                for path, articles, warnings, error in loaded]


def _sentences(articles) -> list[str]:
    from ..extract.pipeline import analysed_text
    from ..extract.sentences import sentences
    return [s for a in articles for s in sentences(analysed_text(a))]


def _analysed(path, articles, warnings, error, prime=False) -> tuple[str, bytes, list]:
    from ..extract import nlp
    from ..extract.pipeline import analyse_page
    from .cache import fingerprint
    from ..extract.regions import observations

    docs, observed = [], []
    if error is None:
        try:
            if prime:
                with nlp.primed(_sentences(articles)):
                    docs = analyse_page(articles)
            else:
                docs = analyse_page(articles)
            observed = [o for d in docs for o in observations(d)]
        except Exception as e:   # a bug on one odd document must not cost the others
            docs, observed, error = [], [], [str(path), f"could not be analysed ({type(e).__name__}: {e})"]
    # DocResult.to_dict (dataclasses.asdict) as JSON, without asdict's deep copies
    payload = json.dumps({"docs": docs, "warnings": warnings, "error": error}, default=_fields,
                         ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    summary = [warnings, error, [d.doc_id for d in docs], observed]
    return fingerprint(), zlib.compress(payload, 1), summary


def groups(paths: list[str], workers: int = 1) -> list[list[str]]:
    """Consecutive paths in groups of up to GROUP_BYTES (a larger file alone), and at
    least sixteen groups per worker when there are files enough."""
    sizes = []
    for p in paths:
        try:
            sizes.append(os.stat(p).st_size)
        except OSError:
            sizes.append(0)
    limit = min(GROUP_BYTES, sum(sizes) // (16 * max(1, workers)) + 1)
    out, size = [], 0
    for p, n in zip(paths, sizes):
        if not out or size + n > limit:
            out.append([])
            size = 0
        out[-1].append(p)
        size += n
    return out


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


def load_analysis() -> None:
    """Load what analysing a file needs (the modules, the model, the datasets) before
    the first file asks for it."""
    from ..extract import pipeline as analyse, nlp  # noqa: F401
    from ..extract.divisions import divisions

    nlp.lac()
    nlp.is_idiom("")
    divisions()


class Early:
    """A forked child that loads the analysis as soon as it is made, then analyses the
    few files ``give`` hands it. The build makes one first thing when it may have only a
    day to add: the loading (most of a second) runs on a second core while the build
    works out which files are new. ``cancel`` ends it when it is not wanted."""

    def __init__(self, year: int | None):
        r, w = os.pipe()

        def work():
            os.close(w)
            load_analysis()
            with os.fdopen(r, "rb") as f:
                return analyse_sources(json.loads(f.read()), year)

        self.child = Forked(work)
        os.close(r)
        self._send: int | None = w

    def give(self, paths: list[str]) -> Forked:
        """Hand the child its files (a few: the list must fit in a pipe's buffer); call
        what is returned for [(path, (fingerprint, payload, summary))]."""
        try:
            os.write(self._send, json.dumps(paths).encode())
        except BrokenPipeError:   # the child failed already: calling it says how
            pass
        finally:
            os.close(self._send)
            self._send = None
        return self.child

    def cancel(self) -> None:
        if self._send is not None:
            os.close(self._send)
            self._send = None
        self.child.cancel()


class Executor:
    """Runs ``analyse_sources`` over groups of paths; ``run`` yields (path, (fingerprint,
    payload, summary)) as they finish."""

    def run(self, paths: list[str], year: int | None) -> Iterator[tuple[str, tuple[str, bytes, list]]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class InProcess(Executor):
    def run(self, paths, year):
        for group in groups(paths):
            yield from analyse_sources(group, year)


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
        todo = deque(groups(paths, self.workers))
        running = set()
        while todo or running:
            while todo and len(running) < 2 * self.workers:   # a bounded queue: results are not piled up
                running.add(self.pool.submit(analyse_sources, todo.popleft(), year))
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for f in done:
                yield from f.result()

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
            workers = len(self.client.scheduler_info()["workers"])
        else:
            self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                        dashboard_address=None, host="127.0.0.1")
            self.client = Client(self.cluster)
        self.workers = max(1, workers)

    def run(self, paths, year):
        from distributed import as_completed

        futures = [self.client.submit(analyse_sources, group, year, pure=False, key=f"govkg-analyse-{os.getpid()}-{k}")
                   for k, group in enumerate(groups(paths, self.workers))]
        for f in as_completed(futures):
            yield from f.result()
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
