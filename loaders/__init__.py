"""Reading source files into Articles.

    iter_sources(paths) -> list[Path]
    load(path, year=None, warnings=None) -> list[Article]

Formats by suffix: ``.txt`` (OCR'd newspaper pages: repaired and split into articles),
``.md``/``.markdown`` (cctv_news transcripts or plain markdown), ``.html``/``.htm``,
``.jsonl``. Problems that do not stop a file from loading (a broken JSON Lines line, an
encoding that had to be guessed) are appended as ``"<path>: <problem>"`` strings to
``warnings`` when the caller passes a list; anything that leaves nothing to load raises
``LoadError`` naming the file and the reason.
"""
from __future__ import annotations

import os
from pathlib import Path

from .article import Article, LoadError
from .encoding import decode

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}

__all__ = ["Article", "LoadError", "SUFFIXES", "iter_sources", "load"]


def iter_sources(paths) -> list[Path]:
    """Supported files among ``paths`` (files, or folders searched recursively), sorted,
    without duplicates. Hidden files and folders are skipped; a symlinked folder is
    followed once, so link loops end. A named path that does not exist raises LoadError."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_file():
            if p.suffix.lower() in SUFFIXES:
                found.append(p)
        elif p.is_dir():
            seen: set[str] = set()
            for root, dirs, files in os.walk(p, followlinks=True):
                real = os.path.realpath(root)
                if real in seen:       # reached again through a link: a loop
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    fp = Path(root) / f
                    if not f.startswith(".") and fp.suffix.lower() in SUFFIXES and fp.is_file():
                        found.append(fp)
        else:
            raise LoadError(str(p), "no such file or directory")
    return sorted(dict.fromkeys(found))


def _read(path: Path, name: str, warnings: list | None) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise LoadError(name, "is a directory, not a file")
    except OSError as e:
        raise LoadError(name, f"cannot be read ({e.strerror or e})")
    text, enc = decode(data, name)
    if "guessed" in enc and warnings is not None:
        warnings.append(f"{name}: encoding {enc}")
    return text


def load(path, year: int | None = None, warnings: list | None = None) -> list[Article]:
    """Articles of one file. ``year`` completes month-day dates when the page itself
    states no year. Raises LoadError (never anything else) for unusable input."""
    name = str(path)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise LoadError(name, f"unsupported file type {suffix or '(no suffix)'!r}; "
                              f"expected one of {', '.join(sorted(SUFFIXES))}")
    text = _read(p, name, warnings)
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
            items, problems = parse_jsonl(text)
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
    return [Article(doc_id=f"{p.stem}#{i}", source=name, index=i, **it)
            for i, it in enumerate(items)]
