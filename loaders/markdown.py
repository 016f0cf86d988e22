"""Markdown: the cctv_news 新闻联播 transcripts, and plain markdown documents.

cctv_news: ``# 《新闻联播》（20230301）``, a ``## 新闻摘要`` summary (not an article: it
repeats the items), then ``## 详细新闻`` with one ``### heading`` + body per item.
Other markdown with ``###`` headings gives one article per heading; without, the
whole file is one article titled by its first heading.
"""
from __future__ import annotations

import bisect
import re

from .ocr import lines as _lines

# Bracket and parenthesis contents stop at the next bracket, so that a line of
# thousands of unclosed ``[`` or ``[查看原文](`` costs linear time, not quadratic.
_LINK_ORIG = re.compile(r"\[查看原文\]\(([^()\s]*)\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")
_TITLE_DATE = re.compile(r"^#\s.*?[（(]((?:19|20)\d\d)(\d\d)(\d\d)[）)]")
_STEM_DATE = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)$")
_FOOTER = re.compile(r"^(---+|更新时间[：:].*)$")


def _iso(y: str, m: str, d: str) -> str | None:
    import datetime as dt
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _strip_comments(body: str) -> str:
    """``<!-- … -->`` removed, in one pass; an unclosed ``<!--`` is left as written."""
    out, pos = [], 0
    while True:
        start = body.find("<!--", pos)
        end = body.find("-->", start + 4) if start >= 0 else -1
        if end < 0:
            out.append(body[pos:])
            return "".join(out)
        out.append(body[pos:start])
        pos = end + 3


def _clean(body: str) -> tuple[str, list[str]]:
    """Text of a markdown body: comments, 查看原文 links, footer and emphasis removed."""
    urls = _LINK_ORIG.findall(body)
    body = _LINK_ORIG.sub("", _strip_comments(body))
    paras = []
    for line in body.splitlines():
        line = line.strip()
        if not line or _FOOTER.match(line):
            continue
        line = re.sub(r"\*\*(.+?)\*\*", r"\1", line)
        line = _LINK.sub(r"\1", line)   # other links keep their text
        line = re.sub(r"^#+\s*", "", line)
        if line:
            paras.append(line)
    return "\n".join(paras), urls


def split_markdown(src: str, stem: str = "") -> list[dict]:
    """Articles of a markdown text, as dicts of Article fields (no doc_id/source/index)."""
    lns = _lines(src)
    heads = [(s, e, len(src[s:e]) - len(src[s:e].lstrip("#")))
             for s, e in lns if src[s:e].startswith("#")]
    date = None
    m = _STEM_DATE.match(stem)
    if m:
        date = _iso(*m.groups())
    h1 = next((src[s:e] for s, e, lv in heads if lv == 1), "")
    if not date and (m := _TITLE_DATE.match(h1)):
        date = _iso(*m.groups())
    cctv = "新闻联播" in h1 or any(src[s:e].strip() == "## 详细新闻" for s, e, _ in heads)
    publication = "新闻联播" if cctv else None

    # where articles may start: after "## 详细新闻" when the file has it
    region = 0
    for s, e, lv in heads:
        if lv == 2 and src[s:e].strip() == "## 详细新闻":
            region = e
    items = [(s, e) for s, e, lv in heads if lv == 3 and s >= region]
    out = []
    if not items:
        title = next((src[s:e].lstrip("#").strip() for s, e, _ in heads), "")
        first_head = next(((s, e) for s, e, _ in heads), None)
        body = src if first_head is None else src[:first_head[0]] + src[first_head[1]:]
        text, urls = _clean(body)
        if text or title:
            out.append(dict(text=text, span=(0, len(src)), title=title, date=date,
                            publication=publication, authors=(), home=None,
                            meta={"url": urls[0]} if urls else {}))
        return out
    upper = [hs for hs, _, lv in heads if lv < 3]     # in order: level-1/2 heading starts
    for k, (s, e) in enumerate(items):
        end = items[k + 1][0] if k + 1 < len(items) else len(src)
        # a later level-1/2 heading ends the item too
        i = bisect.bisect_right(upper, s)
        if i < len(upper) and upper[i] < end:
            end = upper[i]
        text, urls = _clean(src[e:end])
        while end > e and src[end - 1].isspace():
            end -= 1
        out.append(dict(text=text, span=(s, end), title=src[s:e].lstrip("#").strip(), date=date,
                        publication=publication, authors=(), home=None,
                        meta={"url": urls[0]} if urls else {}))
    return out
