"""JSON Lines: one article per line, ``{"title", "date", "text", "source"?, "publication"?, "authors"?}``."""
from __future__ import annotations

import datetime as dt
import json
import re

from .ocr import lines as _lines

_DATE = re.compile(r"^\s*((?:19|20)\d\d)\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})")


def iso_date(value) -> str | None:
    """``2020-04-21``, ``2020/4/21``, ``2020年4月21日``, ``20200421`` → ISO; else None."""
    if not isinstance(value, str):
        return None
    m = _DATE.match(value)
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups())).isoformat()
    except ValueError:
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(value: str) -> tuple[str, bool]:
    """A string as JSON gave it, without what no text holds: lone surrogates (``\\ud800``
    is valid JSON but no character) become U+FFFD, control characters are dropped."""
    out = _SURROGATE.sub("\ufffd", value)
    out = _CONTROL.sub("", out)
    return out, out != value


def parse_jsonl(src: str, max_chars: int | None = None) -> tuple[list[dict], list[str]]:
    """Article fields per usable line, and one problem message per skipped line (or per
    line whose text had to be cleaned). A record whose text is longer than
    ``max_chars`` is skipped."""
    out, problems = [], []
    for n, (s, e) in enumerate(_lines(src), start=1):
        raw = src[s:e]
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as err:
            problems.append(f"line {n}: not valid JSON ({err.msg} at column {err.colno})")
            continue
        except RecursionError:
            problems.append(f"line {n}: JSON nested too deeply to read")
            continue
        except ValueError as err:       # e.g. a number of more digits than int() takes
            problems.append(f"line {n}: JSON not readable ({str(err).split(':')[0][:80]})")
            continue
        if not isinstance(rec, dict):
            problems.append(f"line {n}: expected a JSON object, got {type(rec).__name__}")
            continue
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"line {n}: no \"text\" string")
            continue
        if max_chars is not None and len(text) > max_chars:
            problems.append(f"line {n}: text of {len(text):,} characters, longer than an article "
                            f"can be ({max_chars:,}); skipped")
            continue
        authors = rec.get("authors") or ()
        if isinstance(authors, str):
            authors = re.split(r"[\s、，,；;]+", authors)
        elif not isinstance(authors, (list, tuple)):
            problems.append(f"line {n}: \"authors\" is neither a list nor a string; left empty")
            authors = ()
        meta = {"line": n}
        if rec.get("date") and not iso_date(rec.get("date")):
            problems.append(f"line {n}: date {str(rec.get('date'))[:40]!r} not understood; left empty")
        if isinstance(rec.get("source"), str):
            meta["origin"] = _clean(rec["source"])[0]   # where the record came from (a URL, a file)
        fields = dict(
            text=text.strip(),
            title=str(rec.get("title") or "").strip(),
            publication=(str(rec["publication"]).strip() or None) if rec.get("publication") else None,
            authors=tuple(str(a).strip() for a in authors if str(a).strip()),
        )
        cleaned = False
        for k in ("text", "title", "publication"):
            if fields[k]:
                fields[k], changed = _clean(fields[k])
                cleaned |= changed
        authors = []
        for a in fields["authors"]:
            a, changed = _clean(a)
            cleaned |= changed
            if a:
                authors.append(a)
        if cleaned:
            problems.append(f"line {n}: control characters or lone surrogates removed from the text")
        if not fields["text"].strip():
            problems.append(f"line {n}: no \"text\" string")
            continue
        out.append(dict(
            fields,
            authors=tuple(authors),
            span=(s, e),
            date=iso_date(rec.get("date")),
            home=None,
            meta=meta,
        ))
    return out, problems
