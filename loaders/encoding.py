"""Turn the bytes of a file into text, or say clearly why they are not text."""
from __future__ import annotations

import codecs
import unicodedata

from .article import LoadError

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_ALLOWED_CONTROLS = set("\n\r\t\f\v")
# characters that show nothing: a text of these and whitespace is empty
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"))
_MAX_BAD_RATIO = 0.02


def _bad_ratio(text: str) -> float:
    """Share of characters that no text file contains (controls, U+FFFD)."""
    sample = text[:20000]
    bad = sum(1 for c in sample
              if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS))
    return bad / max(1, len(sample))


_CJK_MIN = "\u4e00"
_CJK_MAX = "\u9fff"


def _cjk_count(text: str) -> int:
    return sum(1 for c in text if _CJK_MIN <= c <= _CJK_MAX)


def _truncated(data: bytes, name: str) -> tuple[str, str] | None:
    """Text of ``data`` in ``name`` when its only flaw is a character cut off at the very
    end (a file truncated while being copied), with a note for the warning."""
    try:
        data.decode(name)
        return None
    except UnicodeDecodeError as e:
        start = e.start
    if start < len(data) - 3:
        return None
    try:
        text = data[:start].decode(name)
    except UnicodeDecodeError:
        return None
    if name == "utf-8" and _cjk_count(text) < 2:
        return None     # ASCII up to a last odd byte or two: no sign that it is UTF-8 at all
    cut = len(data) - start
    what = f"the last {cut} bytes end" if cut > 1 else "the last byte ends"
    return text, f"{name} (truncated: {what} inside a character; dropped)"


def _mixed(data: bytes) -> tuple[str, str] | None:
    """Text of a file whose lines are partly UTF-8 and partly GB18030/GBK (pieces of two
    files pasted together), decoded line by line; None when it is not such a file.

    A line counts as UTF-8 when it decodes as UTF-8 and has at least two ideographs
    that way: GBK text almost never does."""
    raw = data.split(b"\n")
    kinds, utf8, other = [], 0, 0
    for line in raw:
        if line.isascii():
            kinds.append("ascii")
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            kinds.append("other")
            other += 1
            continue
        if _cjk_count(text) >= 2:
            kinds.append("utf-8")
            utf8 += 1
        else:
            kinds.append("other")
            other += 1
    if not utf8 or not other:
        return None
    out, bad, cut = [], 0, ""
    for n, (line, kind) in enumerate(zip(raw, kinds)):
        if kind in ("ascii", "utf-8"):
            out.append(line.decode("utf-8"))
            continue
        try:
            out.append(line.decode("gb18030"))
            continue
        except UnicodeDecodeError:
            pass
        last = _truncated(line, "gb18030") if n == len(raw) - 1 else None
        if last is not None:
            out.append(last[0])
            cut = "; the last line ends inside a character"
            continue
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("gb18030", "replace"))
            bad += 1
    if bad * 2 > other:
        return None
    note = f"{utf8} line{'s' * (utf8 > 1)} UTF-8, {other} GB18030"
    if bad:
        note += f", {bad} undecodable (shown as \ufffd)"
    note += cut
    return "\n".join(out), f"utf-8 and gb18030 mixed ({note})"


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; the BOM, if any, is not part of ``text``.

    Order: BOM, strict UTF-8, UTF-8 with a character cut off at the end, UTF-8 and
    GB18030 mixed line by line, strict GB18030 (a superset of GBK and GB2312), GB18030
    with a character cut off at the end, then charset-normalizer's guess. Raises LoadError for empty, binary or undecodable
    input. An encoding with a note in parentheses (guessed, truncated, mixed) is worth a
    warning.
    """
    if not data.strip():
        raise LoadError(path, "empty file")
    text = enc = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, enc = data[len(bom):].decode(name), name + "-bom"
            except UnicodeDecodeError as e:
                raise LoadError(path, f"has a {name} byte-order mark but is not valid {name} ({e.reason} at byte {e.start})")
            break
    if text is None:
        # NUL bytes never occur in UTF-8/GB18030 text; without a BOM they mean binary.
        if b"\x00" in data[:65536]:
            raise LoadError(path, "binary file (contains NUL bytes), not text")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if text is None:
        found = _truncated(data, "utf-8") or _mixed(data)
        if found is None:
            try:
                found = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                found = _truncated(data, "gb18030")
        if found is not None:
            text, enc = found
    if text is None:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is None:
            raise LoadError(path, "undecodable: not UTF-8, not GB18030, and no other encoding fits")
        text, enc = str(best), f"{best.encoding} (guessed)"
    text = text.lstrip("\ufeff")       # more byte-order marks (files pasted together)
    if _bad_ratio(text) > _MAX_BAD_RATIO:
        raise LoadError(path, f"binary or garbled content (too many control characters when read as {enc})")
    if not text.translate(_INVISIBLE).strip():
        raise LoadError(path, "empty file (only whitespace)")
    return text, enc
