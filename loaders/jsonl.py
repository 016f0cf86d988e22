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


def parse_jsonl(src: str) -> tuple[list[dict], list[str]]:
    """Article fields per usable line, and one problem message per skipped line."""
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
        if not isinstance(rec, dict):
            problems.append(f"line {n}: expected a JSON object, got {type(rec).__name__}")
            continue
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"line {n}: no \"text\" string")
            continue
        authors = rec.get("authors") or ()
        if isinstance(authors, str):
            authors = re.split(r"[\s、，,；;]+", authors)
        meta = {"line": n}
        if rec.get("date") and not iso_date(rec.get("date")):
            problems.append(f"line {n}: date {rec.get('date')!r} not understood; left empty")
        if isinstance(rec.get("source"), str):
            meta["origin"] = rec["source"]   # where the record came from (a URL, a file)
        out.append(dict(
            text=text.strip(),
            span=(s, e),
            title=str(rec.get("title") or "").strip(),
            date=iso_date(rec.get("date")),
            publication=(str(rec["publication"]).strip() or None) if rec.get("publication") else None,
            authors=tuple(str(a).strip() for a in authors if str(a).strip()),
            home=None,
            meta=meta,
        ))
    return out, problems
