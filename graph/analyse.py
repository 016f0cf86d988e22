"""One article in, one DocResult out: extract → resolve → relate, plus the relations
that follow from names and the division table (LOCATED_IN, PART_OF, HOLDS_POSITION).

Entities that the text implies but does not name (the organisation behind a post, the
province above a county) are added for the graph with ``attrs["implied"] = True``;
the gold-schema output leaves them out.
"""
from __future__ import annotations

import re

from loaders.article import Article

from .divisions import divisions
from .extract import analyse_sentences, mentions
from .records import DocResult, Entity, Relation
from .relate import relate
from .resolve import Home, Resolved, _qualify, resolve
from .titles import split_title

# Posts whose organisation is implied by the post alone.
_HEAD_ORG = {
    "总理": "国务院", "副总理": "国务院", "国务委员": "国务院",
    "总书记": "中共中央", "国家主席": "中华人民共和国",
}
_CITY_GOV = ("市长", "副市长", "常务副市长", "代市长")
_COUNTY_GOV = ("区长", "副区长", "代区长", "县长", "副县长")


def analysed_text(article: Article) -> str:
    # the headline is text too: it often names the meeting or the visit
    return f"{article.title}\n{article.text}" if article.title else article.text


def analyse(article: Article) -> DocResult:
    sents = analyse_sentences(analysed_text(article))
    found = mentions(sents, article.authors)
    entities, spans, home = resolve(found, sents, article.publication)
    for name in article.authors:
        if not any(e.name == name for e in entities.values()):
            entities[("Person", name)] = Resolved("Person", name, name, role="记者")
    rels: list[Relation] = []
    sentence = {s.index: s.text for s in sents}

    def add(rtype, src: Resolved, dst: Resolved, si, **attrs):
        rels.append(Relation(rtype, (src.label, src.key), (dst.label, dst.key), sentence.get(si, ""), attrs))

    speaker = _speaker(article, entities)
    for f in relate(sents, spans, entities, speaker):
        add(f.type, entities[f.source], entities[f.target], f.sentence)
    _positions(entities, home, add)
    placed = _located(entities, sents, add)
    _visited_places(entities, rels, add)
    _home_places(entities, rels, home, add)
    _issued_by_title(entities, add)
    _hierarchy(entities, add, placed)

    out = [Entity(e.label, e.name, e.key, sorted(e.aliases), list(e.titles), e.role, dict(e.attrs),
                  sentence.get(e.first[0], ""), sorted(e.forms)) for e in entities.values()]
    out.sort(key=lambda e: (e.label, e.key))
    uniq = {(r.type, r.source, r.target, r.attrs.get("title", "")): r for r in rels}
    relations = [uniq[k] for k in sorted(uniq)]
    place = home.county or home.city
    return DocResult(article.doc_id, article.source, article.title, article.date, article.publication,
                     list(article.authors), tuple(article.span), out, relations, place.code if place else None)


def _speaker(article: Article, entities: dict):
    """The official who gave a speech (在…座谈会上的讲话, signed 习近平) or signed an
    article he appears in as an official: the subject of its 我."""
    speech = re.search(r"讲话|致辞|报告$", article.title or "")
    for name in article.authors:
        if ("Official", name) in entities:
            return ("Official", name)
        if speech:
            person = entities.pop(("Person", name), None)
            e = entities[("Official", name)] = Resolved("Official", name, name)
            if person:
                e.first, e.spans, e.aliases, e.forms = person.first, person.spans, person.aliases, person.forms
            return ("Official", name)
    return None


def _implied(entities: dict, label: str, name: str, key: str | None = None, **attrs) -> Resolved:
    key = key or name
    e = entities.get((label, key))
    if e is None:
        e = entities[(label, key)] = Resolved(label, name, key, attrs={"implied": True, **attrs})
    return e


def _positions(entities: dict, home: Home, add) -> None:
    """HOLDS_POSITION: each title of an official, to the organisation it belongs to; a
    post the text puts in the past (时任, 原…) is one too, marked ``former``."""
    for o in [e for e in entities.values() if e.label == "Official"]:
        si = o.first[0]
        for title in o.titles:
            org_part, head = split_title(title)
            org = None
            if org_part:
                org = _qualify(org_part, home)
            elif head in _HEAD_ORG:
                org = _HEAD_ORG[head]
            elif head in _CITY_GOV and home.city:
                org = home.city.name + "人民政府"
            elif head in _COUNTY_GOV and home.county:
                org = home.county.name + "人民政府"
            if not org:
                continue   # the post stays in the official's titles; no organisation to point at
            target = next((e for e in entities.values() if e.label in ("Organization", "District")
                           and (e.name == org or org in e.aliases)), None)
            target = target or _implied(entities, "Organization", org)
            past = {"former": True} if title in o.former else {}
            add("HOLDS_POSITION", o, target, si, title=title, title_norm=head or title, **past)


def _located(entities: dict, sents, add) -> set:
    """LOCATED_IN from names: a name that starts with a district's (北碚区梁滩河…项目)
    or is written right after one (天生街道西南大学南社区)."""
    districts = [e for e in entities.values() if e.label == "District"]
    forms = sorted(((f, d) for d in districts for f in {d.name, *d.aliases} if len(f) >= 2),
                   key=lambda p: -len(p[0]))
    placed = set()   # places below county level that the text puts in another place
    ends = {}
    for d in districts:
        for si, _, end in d.spans:
            ends[(si, end)] = d
    for e in entities.values():
        if e.label not in ("Project", "Organization", "District") or e.attrs.get("implied"):
            continue
        if e.attrs.get("adcode"):
            continue   # a division's place is the division table's to say (_hierarchy)
        places = set()
        inner = _innermost_prefix(e, forms)
        if inner is not None:
            places.add(inner.key)
        for si, start, _ in e.spans:
            d = ends.get((si, start))
            if d is not None and d is not e and not _own_body(e.name, d):
                places.add(d.key)
        for key in sorted(places):
            d = entities[("District", key)]
            rtype = "PART_OF" if e.label == "District" else "LOCATED_IN"
            add(rtype, e, d, e.first[0])
            if rtype == "PART_OF":
                placed.add(e.key)
    return placed


def _innermost_prefix(e, forms):
    """The innermost place a name starts with: 北温泉街道华光社区居委会 → 华光社区.
    A country is no place of a name (中国共产党), nor is a district the place of its
    own party committee or government (重庆市委, 重庆市经信委)."""
    name, found = e.name, None
    while True:
        hit = next(((f, d) for f, d in forms if d is not e and d.key != e.key and name.startswith(f)
                    and len(name) > len(f)), None)
        if hit is None:
            break
        f, d = hit
        name = name[len(f):]
        if d.attrs.get("level") != 0 and not d.attrs.get("adcode", "").startswith("iso-"):
            found = d
    if found is not None and _own_body(e.name, found):
        return None
    return found


def _own_body(name: str, d) -> bool:
    rest = next((name[len(f):] for f in sorted({d.name, *d.aliases}, key=len, reverse=True) if name.startswith(f)), "")
    return 0 < len(rest) <= 4 and rest.endswith(("委", "政府", "人大", "政协"))


def _visited_places(entities: dict, relations: list, add) -> None:
    """A tour of a county names what is in it: 刘强赴大足调研 … 走进中农竹丰农业发展有限公司
    puts the company in 大足区, unless the text already placed it."""
    placed = {r.source for r in relations if r.type == "LOCATED_IN"}
    for official in {r.source for r in relations if r.type == "VISITED"}:
        county = None
        for r in relations:
            if r.type != "VISITED" or r.source != official:
                continue
            target = entities.get(r.target)
            if target is None:
                continue
            if target.label == "District" and target.attrs.get("level") == 3:
                county = target
            elif county is not None and target.label in ("Organization", "Project") and r.target not in placed:
                add("LOCATED_IN", target, county, target.first[0])
                placed.add(r.target)


def _home_places(entities: dict, relations: list, home: Home, add) -> None:
    """A district's own paper (我区…) writes of works in the district: a project the
    text places nowhere else is in the paper's district."""
    if home.county is None:
        return
    county = next((e for e in entities.values() if e.label == "District" and e.attrs.get("adcode") == home.county.code), None)
    if county is None or "我区" not in county.aliases and "我县" not in county.aliases:
        return
    placed = {r.source for r in relations if r.type == "LOCATED_IN"}
    for e in list(entities.values()):
        if e.label == "Project" and (e.label, e.key) not in placed and not e.attrs.get("implied"):
            add("LOCATED_IN", e, county, e.first[0])


def _issued_by_title(entities: dict, add) -> None:
    """《中共中央、国务院关于…的意见》: the issuers are named before 关于."""
    orgs = {n: e for e in entities.values() if e.label == "Organization" for n in {e.name, *e.aliases}}
    for p in [e for e in entities.values() if e.label == "Policy"]:
        m = re.match(r"《([^》]{2,40}?)关于", p.name)
        if not m:
            continue
        for issuer in re.split(r"[、和与及]", m.group(1)):
            if len(issuer) >= 2:
                org = orgs.get(issuer) or _implied(entities, "Organization", issuer)
                add("ISSUED", org, p, p.first[0])


def _hierarchy(entities: dict, add, placed: set) -> None:
    """PART_OF up the division table, for every division of the document; a place
    below county level that the text already put in a town or street hangs from that
    one only, so that the hierarchy stays a tree."""
    d = divisions()
    for e in [e for e in entities.values() if e.label == "District"]:
        code = e.attrs.get("adcode") or e.attrs.get("parent")
        if not code or code not in d.by_code or (e.key in placed and not e.attrs.get("adcode")):
            continue
        child = e
        chain = d.ancestors(code) if e.attrs.get("adcode") else [d.by_code[code]] + d.ancestors(code)
        for a in chain:
            parent = _implied(entities, "District", a.name, d.path(a.code), adcode=a.code, level=a.level)
            add("PART_OF", child, parent, e.first[0] if child is e else 10**9)
            child = parent
