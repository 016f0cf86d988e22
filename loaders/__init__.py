"""Reading source files into Articles.

    iter_sources(paths) -> list[Path]
    load(path, year=None, warnings=None) -> list[Article]

Formats by suffix: ``.txt`` (OCR'd newspaper pages: repaired and split into articles),
``.md``/``.markdown`` (cctv_news transcripts or plain markdown), ``.html``/``.htm``,
``.jsonl``. Problems that do not stop a file from loading (a broken JSON Lines line, an
encoding that had to be guessed) are appended as ``"<path>: <problem>"`` strings to
``warnings`` when the caller passes a list; anything that leaves nothing to load raises
``LoadError`` naming the file and the reason.

Limits: a page (``.txt``, ``.md``; an ``.html`` file may hold ten times as much with
its markup) and a JSON Lines record hold at most ``MAX_TEXT_CHARS`` characters of text
(a newspaper page has some tens of thousands); longer ones are refused with that
reason, so that one runaway file cannot take the memory or the hours of a build. File names that are not valid UTF-8 are shown (in
reasons, sources and document ids) with the bad bytes as ``\\xNN``.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .article import Article, LoadError
from .encoding import decode

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
MAX_TEXT_CHARS = 1_000_000
# characters of source a file may have per character of text (markup); None: no limit
# on the file, JSON Lines records are checked one by one
_SOURCE_FACTOR = {".html": 10, ".htm": 10, ".jsonl": None}

__all__ = ["Article", "LoadError", "MAX_TEXT_CHARS", "SUFFIXES", "display_name", "iter_sources", "load"]


def display_name(path) -> str:
    """``path`` as printable text: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become ``\\xNN``, so the name can be written to JSON, Neo4j or a page."""
    s = os.fspath(path)
    if isinstance(s, bytes):
        return s.decode("utf-8", "backslashreplace")
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def iter_sources(paths) -> list[Path]:
    """Supported files among ``paths`` (files, or folders searched recursively), sorted,
    without duplicates. Hidden files and folders are skipped; a symlinked folder is
    followed once, so link loops end. A named path that does not exist raises LoadError.

    Entries with a supported name that cannot be files to read (a named pipe, a broken
    or looping symbolic link) and folders that cannot be listed are returned too, so
    that ``load`` reports each with its reason instead of their vanishing unseen."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            seen: set[str] = set()
            unlisted: list[Path] = []

            def onerror(e: OSError, _unlisted=unlisted):
                if e.filename is not None:
                    _unlisted.append(Path(e.filename))

            for root, dirs, files in os.walk(p, followlinks=True, onerror=onerror):
                real = os.path.realpath(root)
                if real in seen:       # reached again through a link: a loop
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / f)
            found += unlisted
        elif os.path.lexists(p) and not p.is_dir():
            if p.suffix.lower() in SUFFIXES:
                found.append(p)        # a file, or something load() will explain
        else:
            raise LoadError(display_name(p), "no such file or directory")
    return sorted(dict.fromkeys(found))


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _not_a_file(path: Path, name: str, mode: int) -> LoadError:
    if stat.S_ISDIR(mode):
        try:
            os.listdir(path)
        except OSError as e:
            return LoadError(name, f"is a folder that cannot be listed ({e.strerror or e})")
        return LoadError(name, "is a directory, not a file")
    kind = next((what for test, what in _KINDS if test(mode)), "not a regular file")
    return LoadError(name, f"is {kind}, not a regular file")


def _stat_error(path: Path, name: str, e: OSError) -> LoadError:
    if e.errno == errno.ELOOP:
        return LoadError(name, "cannot be read (a loop of symbolic links)")
    if e.errno == errno.ENOENT and os.path.islink(path):
        return LoadError(name, f"cannot be read (a broken symbolic link to {display_name(os.readlink(path))})")
    return LoadError(name, f"cannot be read ({e.strerror or e})")


def _read_bytes(path: Path, name: str, limit: int | None) -> bytes:
    """The bytes of a regular file. Opened without blocking and checked before reading,
    so a named pipe or a device called ``x.txt`` is refused instead of hanging."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise _stat_error(path, name, e) from None
    if not stat.S_ISREG(st.st_mode):
        raise _not_a_file(path, name, st.st_mode)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise _stat_error(path, name, e) from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())       # what was opened, should the name have changed
        if not stat.S_ISREG(st.st_mode):
            raise _not_a_file(path, name, st.st_mode)
        if limit is not None and st.st_size > limit:
            raise LoadError(name, _too_long(f"{st.st_size / 1e6:.1f} MB"))
        try:
            return f.read()
        except OSError as e:
            raise LoadError(name, f"cannot be read ({e.strerror or e})") from None


def _too_long(size: str) -> str:
    return (f"too large to be one page ({size}; a page is read up to {MAX_TEXT_CHARS:,} characters "
            "of text — give a long collection as .jsonl, one article per line)")


def _read(path: Path, name: str, warnings: list | None, suffix: str) -> str:
    factor = _SOURCE_FACTOR.get(suffix, 1)
    limit = None if factor is None else factor * MAX_TEXT_CHARS
    # at most 4 bytes a character in every encoding read here: larger is too long unread
    data = _read_bytes(path, name, None if limit is None else 4 * limit + 4)
    text, enc = decode(data, name)
    del data
    if "(" in enc and warnings is not None:     # guessed, truncated, mixed
        warnings.append(f"{name}: encoding {enc}")
    if limit is not None and len(text) > limit:
        raise LoadError(name, _too_long(f"{len(text):,} characters"))
    return text


def load(path, year: int | None = None, warnings: list | None = None) -> list[Article]:
    """Articles of one file. ``year`` completes month-day dates when the page itself
    states no year. Raises LoadError (never anything else) for unusable input."""
    name = display_name(path)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        try:
            st = os.stat(p)
        except OSError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise _not_a_file(p, name, st.st_mode)     # an unreadable folder iter_sources found
        raise LoadError(name, f"unsupported file type {suffix or '(no suffix)'!r}; "
                              f"expected one of {', '.join(sorted(SUFFIXES))}")
    text = _read(p, name, warnings, suffix)
    try:
        if suffix == ".txt":
            from .split import split_page
            items = split_page(text, year)
        elif suffix in (".md", ".markdown"):
            from .markdown import split_markdown
            items = split_markdown(text, p.stem)
        elif suffix in (".html", ".htm"):
            from .html import parse_html
            items = [parse_html(text)]
        else:
            from .jsonl import parse_jsonl
            items, problems = parse_jsonl(text, max_chars=MAX_TEXT_CHARS)
            if warnings is not None:
                warnings.extend(f"{name}: {msg}" for msg in problems)
            if not items:
                detail = f" ({problems[0]})" if problems else ""
                raise LoadError(name, f"no usable JSON Lines record{detail}")
    except LoadError:
        raise
    except (RecursionError, MemoryError) as e:
        raise LoadError(name, f"too deeply nested or too large to parse ({type(e).__name__})")
    except Exception as e:   # a parser bug must not stop a batch: report it against the file
        raise LoadError(name, f"could not be parsed ({type(e).__name__}: {e})")
    items = [it for it in items if it["text"].strip() or it["title"].strip()]
    if not items:
        raise LoadError(name, "no article text found")
    longest = max(len(it["text"]) for it in items)
    if longest > MAX_TEXT_CHARS:
        raise LoadError(name, _too_long(f"{longest:,} characters of text"))
    stem = display_name(p.stem)
    return [Article(doc_id=f"{stem}#{i}", source=name, index=i, **it)
            for i, it in enumerate(items)]
