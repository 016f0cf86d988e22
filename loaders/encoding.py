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
_MAX_BAD_RATIO = 0.02


def _bad_ratio(text: str) -> float:
    """Share of characters that no text file contains (controls, U+FFFD)."""
    sample = text[:20000]
    bad = sum(1 for c in sample
              if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS))
    return bad / max(1, len(sample))


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; the BOM, if any, is not part of ``text``.

    Order: BOM, strict UTF-8, strict GB18030 (a superset of GBK and GB2312), then
    charset-normalizer's guess. Raises LoadError for empty, binary or undecodable input.
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
        for name in ("utf-8", "gb18030"):
            try:
                text, enc = data.decode(name), name
                break
            except UnicodeDecodeError:
                continue
    if text is None:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is None:
            raise LoadError(path, "undecodable: not UTF-8, not GB18030, and no other encoding fits")
        text, enc = str(best), f"{best.encoding} (guessed)"
    if _bad_ratio(text) > _MAX_BAD_RATIO:
        raise LoadError(path, f"binary or garbled content (too many control characters when read as {enc})")
    if not text.strip():
        raise LoadError(path, "empty file (only whitespace)")
    return text, enc
