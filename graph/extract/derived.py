"""What govkg derives once from installed data and keeps for later processes, in
GOVKG_CACHE (default ~/.cache/govkg): the patched LAC model and its character table
(nlp.py), jieba's dictionary as a table (title_words.py), the divisions table and
jieba's idioms. Each file is named by a hash of everything it is made from, so a new
version of a package or of govkg's code makes a new one. A file is written whole or not
at all (processes may race to write it); a damaged one is made again."""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path


def cache_dir() -> Path:
    return Path(os.environ.get("GOVKG_CACHE") or Path.home() / ".cache" / "govkg")


def keep(path: Path, data: bytes) -> None:
    """Put ``data`` in the cache as ``path``, whole or not at all; a read-only home
    leaves it to be made again next time."""
    from ..atomic import atomic_file

    try:
        with atomic_file(path, sync=False) as f:
            f.write(data)
    except OSError:
        pass


def signature(path: Path) -> bytes:
    """An installed data file, by its place, size and modification time: a package
    installed anew writes its files anew (hashing the 31 MB model took 50 ms a start)."""
    st = path.stat()
    return f"{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode()


def kept(name: str, made_of: list[bytes], make):
    """``make()``, pickled in the cache the first time and read back by later processes.
    ``made_of``: all that decides the value (the data it is made from, the code that
    makes it)."""
    h = hashlib.sha256(name.encode())
    for part in made_of:
        h.update(part + b"\0")
    path = cache_dir() / f"{name}-{h.hexdigest()[:16]}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:   # none yet, or a damaged copy (any error unpickling it)
        pass
    value = make()
    keep(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
