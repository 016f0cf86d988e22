"""Cut an OCR'd newspaper page into articles.

The page is read line by line. Article starts are the markers a page prints
(本报讯, a 新华社…电 dateline, （上接…版）, a □author line, a ``## `` heading, a ● brief);
（下转…版） ends one. Between starts, text falls into blocks (runs of non-blank lines):
body, short heading-like blocks, photo captions and bracketed notes. A page prints a
headline AFTER its body, so the short blocks that follow a body are that article's
title; a run of two or more headline lines between two bodies (not a numbered
subheading) is such a title too and cuts an unmarked article off. A start with no
body of its own (a ``## `` heading over a □byline, column labels) joins the next one.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from .ocr import ends_sentence, is_heading, is_note, lines as _lines, repair_lines

CJK = "\u4e00-\u9fff"
_DISPATCH = re.compile(rf"^[{CJK}]{{1,5}}社[{CJK}]{{0,8}}\d{{1,2}}月\d{{1,2}}日电")
_CONTINUED = re.compile(r"^[（(]上接[^）)]{0,6}[）)]")
_TO_NEXT = re.compile(r"[（(]下转[^）)]{0,6}[）)]$")
_CAPTION = re.compile(rf"^(图+\d|图[{CJK}]{{0,2}}\d|(本报)?记者([{CJK}]{{2,4}}){{1,3}}摄$)")
_BYLINE_LINE = re.compile(rf"^([（(](本报)?记者[^）)]*[）)]|本报记者[{CJK}]{{2,}}|[（(]作者.*[）)])$")
_YEAR_LINE = re.compile(r"^[（(]?((?:19|20)\d\d)年(\d{1,2}月\d{1,2}日)?(星期.)?[）)]?$")
_ORDINAL = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[，、])")
_NAME = re.compile(rf"^[{CJK}]{{2,4}}$")
_NOT_NAME_END = set("员组部会委社报局处厅院校司站办室队团刊")
_NOT_PAPER = ("简报", "汇报", "通报", "公报", "喜报", "捷报", "海报", "预报", "申报", "举报",
              "情报", "电报", "年报", "月报", "季报", "本报", "回报", "上报", "日报告")
_MASTHEAD = re.compile(rf"^([{CJK}]{{2,8}}报)(社)?((?:19|20)\d\d年.*|第.*版.*)?$")
_PAPER_CUE = re.compile(rf"(?<![{CJK}])[据在由从经向]?([{CJK}]{{2,6}}报)社?(?:讯|记者)")
_ATTRIBUTION = re.compile(rf"(?<![{CJK}])[据在由从经向]?([{CJK}]{{2,6}}报)(?:\d{{1,2}}月\d{{1,2}}日)?(?:评论员|社论)")
_FULL_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")
_MD_DATE = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")
_DATELINE = re.compile(r"(?:((?:19|20)\d\d)年)?(\d{1,2})月(\d{1,2})日电")


def _key(s: str) -> str:
    return "".join(s.split())


@dataclass
class _Line:
    s: int
    e: int
    key: str
    kind: str = "text"     # text | blank | year | caption | note | heading | byline | cont
    start: bool = False    # an article starts at this line


@dataclass
class _Block:
    kind: str              # body | short | caption | note | marker
    lines: list[_Line] = field(default_factory=list)


def _classify(src: str) -> list[_Line]:
    out = []
    for s, e in _lines(src):
        raw = src[s:e]
        k = _key(raw)
        ln = _Line(s, e, k)
        if not k:
            ln.kind = "blank"
        elif raw.lstrip().startswith("#"):
            ln.kind, ln.start = "heading", True
        elif k[0] in "□■":
            ln.kind, ln.start = "byline", True
        elif k.startswith("本报讯") or _DISPATCH.match(k):
            ln.start = True
        elif k[0] == "●":
            ln.start = True
            ln.s = s + raw.index("●") + 1
        elif m := _CONTINUED.match(k):
            ln.start = True
            rest = k[m.end():]
            if rest:       # body text follows the marker on the same line
                ln.s = s + raw.index(rest[0], raw.index("接"))
            else:
                ln.kind = "cont"
        elif _YEAR_LINE.match(k):
            ln.kind = "year"
        elif _CAPTION.match(k):
            ln.kind = "caption"
        elif _BYLINE_LINE.match(k) or is_note(k):
            ln.kind = "note"
        out.append(ln)
    return out


def _blocks(lines: list[_Line]) -> list[_Block]:
    blocks: list[_Block] = []
    cur: list[_Line] = []

    def flush():
        if not cur:
            return
        texts = [ln.key for ln in cur if ln.kind != "year"]
        first = cur[0].kind
        # text continued from another page starts mid-sentence: never a headline
        after_cont = bool(blocks) and blocks[-1].lines[-1].kind == "cont"
        if first in ("heading", "byline", "cont"):
            kind = "marker"
        elif first == "caption":
            kind = "caption"
        elif all(ln.kind in ("note", "year") for ln in cur) or is_note("".join(texts)):
            kind = "note"
        elif not texts:
            kind = "marker"
        elif is_heading(texts) and not cur[0].start and not after_cont:
            kind = "short"
        else:
            kind = "body"
        blocks.append(_Block(kind, cur[:]))
        cur.clear()

    for ln in lines:
        if ln.kind == "blank":
            flush()
        elif ln.kind in ("heading", "byline", "cont"):
            flush()
            cur.append(ln)
            flush()
        else:
            cur.append(ln)
    flush()
    return blocks


def _segments(lines: list[_Line]) -> list[list[_Line]]:
    segs: list[list[_Line]] = [[]]
    cut_next = False
    for ln in lines:
        if (ln.start or (cut_next and ln.kind != "blank")) and segs[-1]:
            segs.append([])
            cut_next = False
        segs[-1].append(ln)
        if _TO_NEXT.search(ln.key):
            cut_next = True
    return [s for s in segs if s]


def _has_body(blocks: list[_Block]) -> bool:
    return any(b.kind == "body" for b in blocks)


def _cut_unmarked(blocks: list[_Block]) -> list[list[_Block]]:
    """Split where two or more headline lines sit between two bodies."""
    out: list[list[_Block]] = [[]]
    pending: list[_Block] = []
    seen_body = False
    for b in blocks:
        if b.kind in ("short", "caption"):
            pending.append(b)
            continue
        if b.kind == "body" and seen_body and pending:
            shorts = [ln for p in pending if p.kind == "short" for ln in p.lines if ln.kind != "year"]
            prev_text = "".join(ln.key for ln in out[-1][-1].lines) if out[-1] else ""
            if len(shorts) >= 2 and not _ORDINAL.match(shorts[0].key) and ends_sentence(prev_text):
                out[-1].extend(pending)
                out.append([])
                pending = []
        out[-1].extend(pending)
        pending = []
        out[-1].append(b)
        seen_body = seen_body or b.kind == "body"
    out[-1].extend(pending)
    return [o for o in out if o]


def _join_title(parts: list[str]) -> str:
    title = ""
    for p in parts:
        if title and len(p) > 2 and len(title.split(" ")[-1]) > 2:
            title += " "
        title += p
    return title


def _names(chunk: str) -> list[str]:
    names = []
    for tok in re.split(r"[\s、，,；;]+", chunk.strip()):
        if _NAME.match(tok) and tok[-1] not in _NOT_NAME_END and "记者" not in tok:
            names.append(tok)
    return names


def _authors(text: str) -> list[str]:
    found: list[str] = []
    pats = [
        rf"[（(]\s*(?:本报)?记者\s*([{CJK}\s、]+?)\s*[）)]",
        rf"本报记者\s*([{CJK}][{CJK} 　、]*)",
        r"^\s*[□■]\s*(.+)$",
        rf"(?<![{CJK}])(?:本报)?记者\s*((?:[{CJK}]{{2,4}}\s*){{1,3}})摄",
        rf"[；;，,]([{CJK}、]{{2,30}})对此文亦有贡献",
    ]
    for p in pats:
        for m in re.finditer(p, text, re.M):
            found += _names(m.group(1))
    return list(dict.fromkeys(found))


def _iso(y, m, d) -> str | None:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


def find_date(text: str, title: str, year: int | None) -> str | None:
    """Dateline (…日电) anywhere, else a date in the title, else in the lead."""
    for where, pat in ((text, _DATELINE), (title, _FULL_DATE), (title, _MD_DATE),
                       (text[:100], _FULL_DATE), (text[:100], _MD_DATE)):
        m = pat.search(where)
        if m:
            g = m.groups()
            y = g[0] if len(g) == 3 else None
            y = y or year
            return _iso(y, g[-2], g[-1]) if y else None
    return None


_NEAR_YEAR = re.compile(r"\d{1,2}月\d{1,2}日[^。\n\d]{0,6}?((?:19|20)\d\d)年(?!\d{1,2}月)")


def page_year(src: str, lines: list[_Line]) -> int | None:
    """The year a page states for itself: a lone ``2020年`` or ``（2020年3月6日）`` line,
    else a year printed right after a month-day date (``4月21日，2020年全市…``)."""
    for ln in lines:
        m = _YEAR_LINE.match(ln.key) if ln.kind != "blank" else None
        if m:
            return int(m.group(1))
    m = _NEAR_YEAR.search(_key(src))
    return int(m.group(1)) if m else None


def _paper(name: str) -> str | None:
    return None if name.startswith("本") or name.endswith(_NOT_PAPER) else name


def page_publication(src: str, lines: list[_Line]) -> str | None:
    for ln in lines:
        m = _MASTHEAD.match(ln.key)
        if m and _paper(m.group(1)):
            return m.group(1)
    for m in _PAPER_CUE.finditer(src):
        if _paper(m.group(1)):
            return m.group(1)
    return None


def split_page(src: str, year: int | None = None) -> list[dict]:
    """Articles of one OCR'd page, as dicts of Article fields (no doc_id/source/index)."""
    lines = _classify(src)
    pyear = page_year(src, lines) or year
    pub = page_publication(src, lines)
    home = None
    if pub and re.fullmatch(rf"[{CJK}]{{2,3}}报", pub) and not pub.endswith(("日报", "晚报")):
        home = pub[:-1] + ("区" if "我区" in src else "县" if "我县" in src else "")
        home = home if home[-1] in "区县" else None

    # starts with no body of their own join the next start
    groups: list[list[_Block]] = []
    carry: list[_Block] = []
    for seg in _segments(lines):
        blocks = _blocks(seg)
        if not _has_body(blocks):
            carry += blocks
            continue
        groups.extend(_cut_unmarked(carry + blocks))
        carry = []
    if carry:
        if groups:
            groups[-1] += carry
        else:
            groups.append(carry)

    out = []
    for blocks in groups:
        out.append(_article(src, blocks, pyear, pub, home))
    return [a for a in out if a["text"] or a["title"]]


def _article(src: str, blocks: list[_Block], year, pub, home) -> dict:
    kinds = [b.kind for b in blocks]
    body_idx = [i for i, k in enumerate(kinds) if k in ("body", "note")]
    first = next((i for i, k in enumerate(kinds) if k == "body"), len(blocks))
    last = body_idx[-1] if body_idx else -1
    lead, trail = blocks[:first], blocks[last + 1:] if last >= first else []

    def texts(bs, kind="short"):
        return [_key(src[ln.s:ln.e]) for b in bs if b.kind == kind for ln in b.lines if ln.kind != "year"]

    headings = [src[ln.s:ln.e].strip().lstrip("#").strip() for b in lead for ln in b.lines if ln.kind == "heading"]
    trail_shorts = [b for b in trail if b.kind == "short"]
    authors: list[str] = []
    meta: dict = {}
    # a lone 2-3 character block after a trailing headline is its author (习近平 under a speech)
    if len(trail_shorts) > 1:
        last_short = texts(trail_shorts[-1:])
        if len(last_short) == 1 and _NAME.match(last_short[0]) and len(last_short[0]) <= 3:
            authors.append(last_short[0])
            trail_shorts = trail_shorts[:-1]
    lead_title = _join_title(texts(lead))
    if headings:
        title = headings[0]
    elif trail_shorts:
        title = _join_title(texts(trail_shorts))
    else:
        title, lead_title = lead_title, ""
    if lead_title:
        meta["kicker"] = lead_title

    body_lines: list[tuple[int, int]] = []
    for b in blocks[first:last + 1] if last >= first else []:
        if b.kind in ("body", "note", "short"):
            if body_lines:
                body_lines.append((b.lines[0].s, b.lines[0].s))   # blank: block boundary
            body_lines += [(ln.s, ln.e) for ln in b.lines if ln.kind != "year"]
    rep = repair_lines(src, body_lines)
    start = blocks[0].lines[0].s
    end = blocks[-1].lines[-1].e

    non_caption = "\n".join(src[ln.s:ln.e] for b in blocks if b.kind != "caption" for ln in b.lines)
    # a □ line's own start was moved past nothing, so scan the full marker lines too
    authors += _authors(non_caption)
    credits = _authors("\n".join(src[ln.s:ln.e] for b in blocks if b.kind == "caption" for ln in b.lines))
    if credits:
        meta["photo_credits"] = credits
    note = re.search(r"[（(]作者[^）)]{0,120}[）)]", non_caption)
    if note:
        meta["author_note"] = _key(note.group(0))
    if re.search(r"新华社", rep.text[:20]) or re.search(r"新华社[^）)]{0,8}电[）)]?\s*$", rep.text):
        meta["agency"] = "新华社"
    attributed = _ATTRIBUTION.search(non_caption) or _PAPER_CUE.search(non_caption)
    apub = _paper(attributed.group(1)) if attributed else None
    return dict(
        text=rep.text,
        span=(start, end),
        title=title,
        date=find_date(rep.text, title, year),
        publication=apub or pub,
        authors=tuple(dict.fromkeys(authors)),
        home=home,
        meta=meta,
    )
