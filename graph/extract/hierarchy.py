"""PART_OF: every division of the document up the division table (北碚区 → 重庆市 →
中国), and what the text writes one inside the other (湖南省郴州市汝城县)."""
from __future__ import annotations

import re

from .divisions import COUNTRY_CODE, divisions
from .doc import Doc
from .resolve import implied
from .places import _written_inside


def part_of(doc: Doc) -> None:
    _hierarchy(doc.entities, doc.add, doc.placed, _written_within(doc.entities, doc.sents))


def _hierarchy(entities: dict, add, placed: set, written: dict) -> None:
    """PART_OF up the division table, for every division of the document; a place
    below county level that the text already put in a town or street hangs from that
    one only, so that the hierarchy stays a tree. A link the text states (``written``,
    or the district a place below county level was found in) is marked ``stated``;
    one the text states across levels (湖南汝城县) is a LOCATED_IN of its own."""
    d = divisions()
    linked = set()
    for e in [e for e in entities.values() if e.label == "District"]:
        code = e.attrs.get("adcode") or e.attrs.get("parent")
        if not code or code not in d.by_code or (e.key in placed and not e.attrs.get("adcode")):
            continue
        child = e
        chain = d.ancestors(code) if e.attrs.get("adcode") else [d.by_code[code]] + d.ancestors(code)
        for a in chain:
            parent = implied(entities, "District", a.name, d.path(a.code), adcode=a.code, level=a.level)
            pair = (child.key, parent.key)
            stated = pair in written or (child is e and not e.attrs.get("adcode"))
            si = written.get(pair, e.first[0] if child is e else 10**9)
            add("PART_OF", child, parent, si, **({"stated": True} if stated else {}))
            linked.add(pair)
            child = parent
    for (inner, outer), si in sorted(written.items()):
        if (inner, outer) not in linked:
            add("LOCATED_IN", entities[("District", inner)], entities[("District", outer)], si)


# 台湾, 香港, 澳门: the divisions whose place in China a text states when it writes them in it
_SAID_TO_BE_CHINA = ("71", "81", "82")


def _written_within(entities: dict, sents) -> dict[tuple[str, str], int]:
    """Divisions the text writes one inside the other, the outer first: 广东湛江,
    湖南省郴州市汝城县 (each level in the next), 甘肃省金昌、武威 (a list after its
    province), 安徽阜阳四水厂 (inside a name).
    Returns {(inner key, outer key): sentence}."""
    districts = sorted((e for e in entities.values() if e.label == "District" and not e.attrs.get("implied")),
                       key=lambda e: e.key)
    starts = {(si, start): e for e in districts for si, start, _ in e.spans}
    by_code = {e.attrs["adcode"]: e for e in districts if e.attrs.get("adcode")}
    text = {s.index: s.text for s in sents}
    out: dict[tuple[str, str], int] = {}
    for outer in districts:
        # that a province is in China goes without saying; that 香港, 澳门 or 台湾 is, the
        # text says (中华人民共和国香港特别行政区)
        beyond = outer.attrs.get("adcode") == COUNTRY_CODE
        for si, _, end in outer.spans:
            chain, pos, top = outer, end, None
            while True:
                inner, n = _written_inside(text[si], pos, chain, starts, si, by_code)
                if inner is None and top is not None and text[si][pos:pos + 1] == "、":
                    inner, n = _written_inside(text[si], pos + 1, top, starts, si, by_code)
                    if inner is not None:
                        chain, pos = top, pos + 1   # the next item of a list in ``top``
                if inner is None or beyond and not str(inner.attrs.get("adcode")).startswith(_SAID_TO_BE_CHINA):
                    break
                out.setdefault((inner.key, chain.key), si)
                top, chain, pos = chain, inner, pos + n
    for pair, si in _said_part(districts, text).items():
        out.setdefault(pair, si)
    # a place written inside another (扶绥县渠黎镇) is in the scene through that one only
    written_in = {inner for inner, _ in out}
    for pair, si in _in_the_scene(districts, by_code, text).items():
        if pair[0] not in written_in:
            out.setdefault(pair, si)
    return out


# 台湾是中国领土不可分割的一部分: a place said to be part of another
_PART = re.compile(r"是(?:[^，,。；;是]{0,6}?)的?(?:领土|国土)?(?:神圣)?(?:不可分割|不可分离)?的一部分")


def _said_part(districts, text: dict) -> dict[tuple[str, str], int]:
    """The divisions a sentence says are part of another that the division table puts
    above them (台湾是中国领土不可分割的一部分): {(inner key, outer key): sentence}."""
    d = divisions()
    ends = {(si, b): e for e in districts if e.attrs.get("adcode") for si, _, b in e.spans}
    starts = {(si, a): e for e in districts if e.attrs.get("adcode") for si, a, _ in e.spans}
    out = {}
    for si, t in text.items():
        for m in _PART.finditer(t):
            inner, outer = ends.get((si, m.start())), starts.get((si, m.start() + 1))
            if inner is None or outer is None:
                continue
            if outer.attrs["adcode"] in {a.code for a in d.ancestors(inner.attrs["adcode"])}:
                out[(inner.key, outer.key)] = si
    return out


# A sentence that opens in a place (在云南西双版纳，李强来到勐腊县…) sets its scene there.
_SCENE = re.compile(r"^[^，,。；;]{0,12}?在([^，,。；;]{2,16})[，,]")


def _in_the_scene(districts, by_code: dict, text: dict) -> dict[tuple[str, str], int]:
    """The divisions a sentence names after opening in a place, each within that place
    when the division table puts it there: {(inner key, scene key): sentence}."""
    d = divisions()
    out = {}
    for si, t in text.items():
        m = _SCENE.match(t)
        if not m:
            continue
        scene = max((e for e in districts if e.attrs.get("adcode") for s, a, b in e.spans
                     if s == si and m.start(1) <= a and b <= m.end(1)), key=lambda e: e.attrs.get("level", 0), default=None)
        if scene is None:
            continue
        for e in districts:
            code = e.attrs.get("adcode")
            if e is scene or not code or code not in d.by_code or not any(s == si and a > m.end() for s, a, _ in e.spans):
                continue
            if scene.attrs["adcode"] in {a.code for a in d.ancestors(code)}:
                out[(e.key, scene.key)] = si
    return out
