"""The tokenizer that takes a title apart (重庆市经信委副主任 → 重庆市经信委 | 副主任):
jieba, with every title head and organisation ending of the lexicons as a word.

jieba keeps its prefix dictionary (half a million words and prefixes) in a dict that
each process loads whole, which costs a second and a half: more than analysing a day's
news. A process takes apart a few thousand titles at most, which need a few dozen
entries each, so the dictionary is kept as a SQLite table in GOVKG_CACHE (default
~/.cache/govkg) and read an entry at a time. The table is written from the tokenizer
jieba builds, so the words are the same; it is named by a hash of all that makes it.
"""
from __future__ import annotations

import hashlib
import inspect
import os
import sqlite3
from functools import lru_cache
from pathlib import Path

from .derived import cache_dir, keep, signature
from .lexicon import read_list
from .nlp import jieba    # jieba as nlp imports it


def _full_tokenizer() -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.initialize()
    for word in read_list("title_heads.txt"):
        tk.add_word(word, freq=200000, tag="title")
    for word in read_list("org_suffixes.txt"):
        tk.add_word(word, freq=100000, tag="org")
    return tk


@lru_cache(maxsize=1)
def title_tokenizer() -> jieba.Tokenizer:
    """The title tokenizer on the table; when there is none yet, on jieba's dictionary
    loaded whole (and the table is written for the next processes)."""
    path = table_path()
    tk = _from_table(path)
    if tk is None:
        tk = _full_tokenizer()
        _save(tk, path)
    return tk


def table_path() -> Path:
    h = hashlib.sha256(jieba.__version__.encode())
    h.update(signature(Path(jieba.__file__).parent / "dict.txt"))
    for name in ("title_heads.txt", "org_suffixes.txt"):
        h.update("\n".join(read_list(name)).encode() + b"\0")
    h.update(inspect.getsource(_full_tokenizer).encode())
    return cache_dir() / f"title_words-{h.hexdigest()[:16]}.sqlite"


class _Entries:
    """The part of a prefix dictionary that jieba's cut reads (``in``, ``[]``, ``get``),
    looked up in the table and remembered."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db
        self._seen: dict[str, int | None] = {}

    def get(self, word: str, default=None):
        try:
            n = self._seen[word]
        except KeyError:
            row = self._db.execute("SELECT n FROM freq WHERE word = ?", (word,)).fetchone()
            n = self._seen[word] = row[0] if row else None
        return default if n is None else n

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        n = self.get(word)
        if n is None:
            raise KeyError(word)
        return n


def _from_table(path: Path) -> jieba.Tokenizer | None:
    """A tokenizer on the table; None when there is no table or it is damaged."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        if pages * db.execute("PRAGMA page_size").fetchone()[0] != os.path.getsize(path):
            db.close()          # cut short
            return None
        total = db.execute("SELECT n FROM total").fetchone()[0]
    except (sqlite3.Error, OSError, TypeError):
        return None
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = _Entries(db), total, True
    return tk


def _save(tk: jieba.Tokenizer, path: Path) -> None:
    """Write the tokenizer's dictionary as the table (made in memory, then kept in the
    cache whole or not at all)."""
    db = sqlite3.connect(":memory:")
    with db:
        db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO freq VALUES (?, ?)", sorted(tk.FREQ.items()))
        db.execute("CREATE TABLE total (n INTEGER NOT NULL)")
        db.execute("INSERT INTO total VALUES (?)", (tk.total,))
    keep(path, db.serialize())
    db.close()
