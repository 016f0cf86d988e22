"""HTML pages: one article per file, the visible text with block elements as paragraphs."""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lhtml

_SKIP = {"script", "style", "noscript", "template", "head", "title", "iframe", "svg"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
          "footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "hr",
          "main", "aside", "nav", "figure", "figcaption", "form", "td", "th"}
_FULL_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _iso(y, m, d):
    import datetime as dt
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


_RAW = ("script", "style", "noscript", "template", "title")   # their content is no text
_TAG_AT = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
_RAW_END = {t: re.compile(rf"</{t}\s*>", re.I) for t in _RAW}


def _regex_text(src: str) -> str:
    """Tag-stripping fallback for markup lxml gives up on (it drops text beyond its depth
    cap). One pass from left to right, so hostile markup (thousands of unclosed ``<!--``,
    ``<script`` or ``<``) costs linear time: an unclosed comment or script ends the text,
    as in a browser; a ``<`` that opens no tag is text."""
    import html as _html
    out: list[str] = []
    pos, n = 0, len(src)
    while pos < n:
        lt = src.find("<", pos)
        if lt < 0:
            out.append(src[pos:])
            break
        out.append(src[pos:lt])
        if src.startswith("<!--", lt):
            end = src.find("-->", lt + 4)
            if end < 0:
                break
            out.append(" ")
            pos = end + 3
            continue
        m = _TAG_AT.match(src, lt)
        if not m:
            out.append("<")
            pos = lt + 1
            continue
        closing, name = m.group(1), m.group(2).lower()
        pos = m.end()
        if name in _RAW and not closing:
            end = _RAW_END[name].search(src, pos)
            if end is None:
                break
            out.append(" ")
            pos = end.end()
        else:
            out.append("\n" if name in _BLOCK else "")
    s = _html.unescape("".join(out))
    return "\n".join(p for p in (" ".join(x.split()) for x in s.split("\n")) if p)


def _weight(text: str) -> int:
    return sum(c.isalnum() for c in text)


def parse_html(src: str) -> dict:
    """Article fields of one HTML page. Raises ValueError when lxml can make nothing of it."""
    # lxml refuses str input carrying an encoding declaration (even a broken one), and
    # would obey one in bytes: the text is already decoded, so it gets UTF-8 bytes and is
    # told they are UTF-8
    src_clean = re.sub(r"^\s*<\?xml[^>]*>", "", src).encode("utf-8", "replace")
    parser = lhtml.HTMLParser(recover=True, remove_comments=True, remove_pis=True, encoding="utf-8")
    try:
        root = lhtml.document_fromstring(src_clean, parser=parser)
    except etree.ParserError:          # "Document is empty": nothing lxml calls markup
        root = lhtml.document_fromstring("<html></html>", parser=parser)
    title = ""
    t = root.find(".//title")
    if t is not None and (t.text or "").strip():
        title = " ".join(t.text.split())
    h1 = root.find(".//h1")
    if not title and h1 is not None:
        title = " ".join(h1.text_content().split())
    date = None
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        if "date" in name or "time" in name:
            m = _FULL_DATE.search(meta.get("content") or "")
            if m:
                date = _iso(*m.groups())
                break

    # iterwalk is iterative, so deeply nested markup cannot exhaust the Python stack
    parts: list[str] = []
    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if tag in _SKIP:
                skipping += 1
            elif not skipping:
                if tag in _BLOCK:
                    parts.append("\n")
                if el.text:
                    parts.append(el.text)
        else:
            if tag in _SKIP:
                skipping -= 1
            elif not skipping and tag in _BLOCK:
                parts.append("\n")
            if not skipping and el.tail:
                parts.append(el.tail)
    paras = [" ".join(p.split()) for p in "".join(parts).split("\n")]
    text = "\n".join(p for p in paras if p)
    fallback = _regex_text(src)
    if _weight(text) * 2 < _weight(fallback):
        text = fallback
    if not date:
        m = _FULL_DATE.search(text[:300])
        if m:
            date = _iso(*m.groups())
    return dict(text=text, span=(0, len(src)), title=title, date=date,
                publication=None, authors=(), home=None, meta={})
