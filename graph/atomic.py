"""Files written whole or not at all: a temporary name in the same folder, then a rename.
The ground floor of the house: every writer of govkg (the graph files, the page, the
caches) goes through it, and it imports nothing of govkg."""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path


def atomic_write(path: Path, data: bytes, sync: bool = True, staged: "Staged | None" = None) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one,
    never half of one (as ``atomic_file``)."""
    with atomic_file(path, sync, staged) as f:
        f.write(data)


@contextmanager
def atomic_file(path: Path, sync: bool = True, staged: "Staged | None" = None):
    """A binary file to write ``path`` through: a temporary name in the same folder,
    synced to disk (unless not ``sync``) and renamed over ``path`` when the block ends
    without an exception (or left to ``staged`` to rename), removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)   # mkstemp makes 0600; outputs are ordinary files
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as f:
            yield f
            f.flush()
            if sync:
                os.fsync(f.fileno())
        if staged is None:
            os.replace(tmp, path)
        else:
            staged.add(Path(tmp), path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# atomic_file's temporary names: .NAME.XXXXXXXX.tmp (tempfile's eight random characters)
_TEMPORARY = re.compile(r"\.(.+)\.[a-z0-9_]{8}\.tmp")


def remove_leftovers(folder: Path, names) -> list[Path]:
    """Remove the temporary files a killed writer left in ``folder`` for the files
    ``names`` (only those: the folder may hold other things); the paths removed."""
    names = set(names)
    gone = []
    for p in sorted(Path(folder).glob(".*.tmp")):
        m = _TEMPORARY.fullmatch(p.name)
        if m and m.group(1) in names and p.is_file():
            p.unlink(missing_ok=True)
            gone.append(p)
    return gone


class Staged:
    """Files written in full under temporary names, to be renamed over their targets
    together (``commit``) or removed (``discard``)."""

    def __init__(self):
        self._files: dict[Path, Path] = {}     # target: temporary

    def add(self, tmp: Path, path: Path) -> None:
        self._files[path] = tmp

    def path_of(self, path: Path) -> Path:
        """Where the content of ``path`` is now."""
        return self._files.get(Path(path), Path(path))

    def commit(self) -> None:
        while self._files:
            path, tmp = next(iter(self._files.items()))
            os.replace(tmp, path)
            del self._files[path]

    def discard(self) -> None:
        for tmp in self._files.values():
            tmp.unlink(missing_ok=True)
        self._files.clear()
