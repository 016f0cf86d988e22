"""Reading the lexicon data files in graph/extract/lexicons/ (one entry a line, ``#`` comments)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str):
    text = resources.files("graph.extract.lexicons").joinpath(name).read_text("utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            yield line


@lru_cache(maxsize=None)
def read_list(name: str) -> tuple[str, ...]:
    """Entries of a one-column list, longest first (so prefixes never shadow words)."""
    return tuple(sorted(set(_lines(name)), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def read_set(name: str) -> frozenset[str]:
    """Entries of a one-column list, for membership tests."""
    return frozenset(read_list(name))


@lru_cache(maxsize=None)
def read_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """Rows of a two-column, tab-separated file."""
    return tuple(tuple(line.split("\t")[:2]) for line in _lines(name))
