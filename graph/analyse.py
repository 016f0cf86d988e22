"""One article in, one DocResult out: extract → resolve → relate, plus the relations
that follow from names and the division table (LOCATED_IN, PART_OF, HOLDS_POSITION).

Entities that the text implies but does not name (the organisation behind a post, the
province above a county) are added for the graph with ``attrs["implied"] = True``;
the gold-schema output leaves them out.
"""
from __future__ import annotations

import dataclasses
import re

from loaders.article import Article

from .divisions import COUNTRY_CODE, divisions
from .extract import analyse_sentences, mentions
from .lexicon import read_list
from .records import DocResult, Entity, Relation
from .relate import relate
from .resolve import Home, Resolved, _qualify, page_home, resolve
from .titles import ends_with_head, split_title

# Posts whose organisation is implied by the post alone.
_HEAD_ORG = {
    "总理": "国务院", "副总理": "国务院", "国务委员": "国务院",
    "总书记": "中共中央", "国家主席": "中华人民共和国", "国家副主席": "中华人民共和国",
}
_CITY_GOV = ("市长", "副市长", "常务副市长", "代市长")
_COUNTY_GOV = ("区长", "副区长", "代区长", "县长", "副县长")


def analyse_page(articles: list[Article]) -> list[DocResult]:
    """The articles of one file; a county paper's page lends its county to articles
    that have none of their own (全区1870名防疫一线工作者… names no district)."""
    home = page_home([f"{a.title}\n{a.text}" for a in articles]) if len(articles) > 1 else None
    return [analyse(a if a.home or not home else dataclasses.replace(a, home=home)) for a in articles]


def analysed_text(article: Article) -> str:
    # the headline is text too: it often names the meeting or the visit
    return f"{article.title}\n{article.text}" if article.title else article.text


def analyse(article: Article) -> DocResult:
    sents = analyse_sentences(analysed_text(article))
    found = mentions(sents, article.authors)
    entities, spans, home = resolve(found, sents, article.publication, article.home)
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
    _placed_by_text(entities, sents, add)
    _visited_places(entities, rels, add)
    _home_places(entities, rels, home, add, bool(article.home))
    _issued_by_title(entities, add)
    _hierarchy(entities, add, placed, _written_within(entities, sents))

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
        previous = None
        for title in o.titles:
            org_part, head = split_title(title)
            org = None
            if org_part:
                org = _organ(org_part, head, previous, home)
            elif head in _HEAD_ORG:
                org = _HEAD_ORG[head]
            elif head in _CITY_GOV and home.city:
                org = home.city.name + "人民政府"
            elif head in _COUNTY_GOV and home.county:
                org = home.county.name + "人民政府"
            previous = org or previous
            if not org:
                continue   # the post stays in the official's titles; no organisation to point at
            target = next((e for e in entities.values() if e.label in ("Organization", "District") and e.name == org), None)
            target = target or next((e for e in entities.values() if e.label in ("Organization", "District")
                                     and org in e.aliases), None)
            target = target or _implied(entities, "Organization", org)
            past = {"former": True} if title in o.former else {}
            add("HOLDS_POSITION", o, target, si, title=title, title_norm=head or title, **past)


# Organs that a chain names relative to the post before (党委常委、政府副主席: the
# government of that region; 劳动党中央政治局常委、中央书记), or that a meeting has:
# alone they name no organisation.
_RELATIVE_ORGANS = ("中央", "政府", "人民政府", "党委", "党组", "人大", "人大常委会", "政协", "纪委", "议会",
                    "中央委员会", "自治区", "驻华", "大会", "会议", "主席团", "大会主席团", "会议主席团")
# The unit a post heads when the name before it stops short: 财政部长 is 财政部's.
_POST_UNIT = {"部长": "部", "副部长": "部", "局长": "局", "副局长": "局", "厅长": "厅", "副厅长": "厅", "大使": "大使馆"}


def _organ(org_part: str, head: str, previous: str | None, home: Home) -> str | None:
    """The organisation of a post from the part of the title before its head."""
    org = org_part + _organ_in_head(head)
    if len(org) < 2:
        return None   # 选择|党主席, 议|会议长: a piece of a name the tagger cut
    org = _qualify(org, home)
    if org in _RELATIVE_ORGANS:
        return _within(org, previous)
    unit = _POST_UNIT.get(head)
    if unit and not org.endswith(unit) and not org.endswith(read_list("org_suffixes.txt")):
        org += unit
    return org
# The organ a compound post starts with: 纪委书记, 党组书记, 政协主席, 人大常委会主任.
_HEAD_ORGANS = ("委", "党组", "政协")


def _organ_in_head(head: str) -> str:
    """中央纪委书记 is 书记 of 中央纪委: the organ part of a compound post."""
    for k in range(1, len(head) - 1):
        if head[:k].endswith(_HEAD_ORGANS) and ends_with_head(head[k:]) == head[k:]:
            return head[:k]
    return ""


def _within(organ: str, previous: str | None) -> str | None:
    """A relative organ within the organisation of the post before it: 中央 after
    朝鲜劳动党中央政治局 is 朝鲜劳动党中央; 政府 after 内蒙古自治区党委 is the region's."""
    if not previous:
        return None
    k = previous.find(organ[:2])
    if k > 0:
        return previous[:k] + organ
    place = next((previous[:n] for n in range(min(len(previous), 12), 1, -1) if previous[:n] in divisions().by_form), None)
    return place + organ if place else None


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
            if e.label == "District":
                add("PART_OF", e, d, e.first[0], stated=True)
                placed.add(e.key)
            else:
                add("LOCATED_IN", e, d, e.first[0])
    return placed


# An organisation's ending inside its name, before more of it: a unit of that
# organisation (重庆工商大学长江上游经济研究中心), placed by it, not by its own name.
_SUBUNIT = re.compile(r"(?:大学|学院|公司|集团|研究院|医院|中心)(?=.{2,}$)")


def _innermost_prefix(e, forms):
    """The innermost place a name starts with: 北温泉街道华光社区居委会 → 华光社区,
    中共沙坪坝区委党校 → 沙坪坝区. A country is no place of a name (中国共产党), nor is a
    district the place of its own party committee or government (重庆市委, 重庆市经信委),
    nor an organisation's of its units. The name is the one written: 区民政局, made
    北碚区民政局 by the paper's home, names no place."""
    written = max(sorted(e.forms), key=len) if e.forms else e.name
    if e.label == "Organization":
        written = re.sub(r"^中共(?=.{4})", "", written)
    name, found = written, None
    while True:
        hit = next(((f, d) for f, d in forms if d is not e and d.key != e.key and name.startswith(f)
                    and len(name) > len(f)), None)
        if hit is None:
            break
        f, d = hit
        name = name[len(f):]
        if d.attrs.get("level") != 0 and not d.attrs.get("adcode", "").startswith("iso-"):
            found = d
    if found is not None and (_own_body(written, found) or e.label == "Organization" and _SUBUNIT.search(name)):
        return None
    return found


def _own_body(name: str, d) -> bool:
    rest = next((name[len(f):] for f in sorted({d.name, *d.aliases}, key=len, reverse=True) if name.startswith(f)), "")
    return 0 < len(rest) <= 4 and rest.endswith(("委", "政府", "人大", "政协"))


_SITUATED = re.compile(r"(?:位于|地处|坐落于|坐落在)")
# 在广东湛江投资的巴斯夫（广东）一体化基地项目: what is built in a place.
_BUILT_IN = re.compile("在")
_BUILT = re.compile(r"(?:投资|建设|兴建|新建|建成|打造|落户)(?:建设)?的")
_LEAD_PLACE = re.compile(r"在([^，。；]{2,30})[，,]")
_TOUR = re.compile(r"考察|参观|走进|走访|察看|视察|看望|来到")


def _placed_by_text(entities: dict, sents, add) -> None:
    """LOCATED_IN that a sentence states: 项目位于蔡家组团, 位于两江新区的科技城,
    横琴地处广东珠海, 在湛江投资的基地项目, and on a tour 在株洲，李强考察了株洲硬质合金
    (what is visited after a lead that names only places is in the last of them)."""
    by_sent = _spans_by_start(entities.values())
    # where a place and a longer name start together (福建 | 福建福州东南部), a run of
    # places reads the place
    districts = _spans_by_start(e for e in entities.values() if e.label == "District")
    by_code = {e.attrs["adcode"]: e for e in entities.values() if e.label == "District" and e.attrs.get("adcode")}
    for s in sents:
        at = by_sent.get(s.index)
        if not at:
            continue
        runs = {**at, **districts.get(s.index, {})}
        for m in _SITUATED.finditer(s.text):
            place, pos = _places_from(runs, m.end(), s.text, by_code, add, s.index)
            subject = next((e for end, e in at.values() if end in (m.start(), m.start() - 2)), None)
            if place is not None and subject is not None and subject is not place:
                _place(subject, place, add, s.index)
            if place is not None and s.text.startswith("的", pos) and pos + 1 in at:
                _place(at[pos + 1][1], place, add, s.index)
        for m in _BUILT_IN.finditer(s.text):
            place, pos = _places_from(runs, m.end(), s.text, by_code)
            built = _BUILT.match(s.text, pos) if place is not None else None
            if built and built.end() in at:
                _place(at[built.end()][1], place, add, s.index)
        _route(at, s.text, add, s.index, by_code)
        lead = _LEAD_PLACE.match(s.text)
        tour = _TOUR.search(s.text, lead.end()) if lead else None
        if tour:
            place, pos = _places_from(runs, lead.start(1), s.text, by_code)
            if place is None or pos != lead.end(1):
                continue   # the lead names something besides places (在金川集团)
            end = _CLAUSE.search(s.text, tour.end())
            for start, (stop, e) in sorted(at.items()):
                if tour.end() <= start and stop <= (end.start() if end else len(s.text)):
                    _place(e, place, add, s.index)


_CLAUSE = re.compile(r"[，,；;。]")


def _spans_by_start(entities) -> dict[int, dict[int, tuple[int, Resolved]]]:
    """{sentence: {start: (end, entity)}}, the longest name at each start."""
    out: dict[int, dict[int, tuple[int, Resolved]]] = {}
    for e in entities:
        for si, start, end in e.spans:
            cur = out.setdefault(si, {}).get(start)
            if cur is None or end > cur[0]:
                out[si][start] = (end, e)
    return out
_ROUTE = re.compile(r"起于|起自|始于|途经|经过|止于|终于|跨越|贯穿|连接|串联|(?<=[，,])经")


def _route(at: dict, text: str, add, si: int, by_code: dict) -> None:
    """A work that runs through places lies in each: 石黔高速起于石柱，经彭水止于…,
    雅万高铁连接印尼首都雅加达 (the innermost of places written one in the other), and
    in the place another work it reaches is named after (止于…黔江册山立交). The work
    is the subject of the first such verb, written right before it."""
    verb = _ROUTE.search(text)
    work = next((e for end, e in at.values() if verb and end == verb.start() and e.label == "Project"), None)
    if work is None:
        return
    places = [(start, end, e) for start, (end, e) in sorted(at.items()) if start >= verb.start() and e.label == "District"]
    for _, end, e in places:
        if not any(start >= end and text[end:start] in ("", "首都", "首府") and _inside(p, e) for start, _, p in places):
            _place(work, e, add, si)
    for start, (end, e) in sorted(at.items()):
        if start > verb.start() and e.label == "Project" and e is not work:
            named = _named_after(e.name, by_code)
            if named is not None:
                _place(work, named, add, si)


def _named_after(name: str, by_code: dict):
    """The district of the document a name starts with (黔江册山立交 → 黔江区); a
    country is none (中国高铁)."""
    d = divisions()
    for n in range(min(len(name) - 2, 8), 1, -1):
        div = d.lookup(name[:n])
        if div is not None and div.code in by_code and div.level > 0:
            return by_code[div.code]
    return None


def _inside(a, b) -> bool:
    """Does district ``a`` lie in district ``b`` by the division table?"""
    code, outer = a.attrs.get("adcode") or a.attrs.get("parent"), b.attrs.get("adcode")
    return a is not b and bool(code and outer) and divisions().is_within(code, outer)


def _places_from(at: dict, pos: int, text: str, by_code: dict, add=None, si: int = 0):
    """The last division of the run of names that starts at ``pos`` (两江新区蔡家智慧新城,
    广东珠海 where LAC read 珠海南端) and where the run ends; works named in the run
    after a division are in it."""
    place = None
    while True:
        if pos in at:
            end, e = at[pos]
        else:
            e, n = _written_inside(text, pos, place, {}, si, by_code) if place is not None else (None, 0)
            end = pos + n
        if e is None:
            break
        if e.label == "District":
            place = e
        elif place is not None and add is not None:
            _place(e, place, add, si)
        elif place is None:
            break
        pos = end
    return place, pos


def _place(e, place, add, si: int) -> None:
    if e.label in ("Organization", "Project", "District") and e is not place and not e.attrs.get("adcode"):
        add("LOCATED_IN", e, place, si)


def _visited_places(entities: dict, relations: list, add) -> None:
    """A tour of a county names what is in it: 刘强赴大足调研 … 走进中农竹丰农业发展有限公司
    puts the company in 大足区, unless the text already placed it or its name starts
    with a place outside the county (衡阳市纪委监委 on a tour of 汝城县)."""
    placed = {r.source for r in relations if r.type == "LOCATED_IN"}
    for official in sorted({r.source for r in relations if r.type == "VISITED"}):
        stops = [entities[r.target] for r in relations if r.type == "VISITED" and r.source == official
                 and r.target in entities]
        county = _county_of_tour([e for e in stops if e.label == "District"])
        if county is None:
            continue
        for target in stops:
            if target.label in ("Organization", "Project") and (target.label, target.key) not in placed \
                    and not _named_elsewhere(target.name, county):
                add("LOCATED_IN", target, county, target.first[0])
                placed.add((target.label, target.key))


def _county_of_tour(districts: list) -> Resolved | None:
    """The county a tour is of: the first district it goes to (刘强赴大足调研), when every
    other one is in it or above it. A tour of a province (赵乐际到湖南调研) that passes
    through a county says nothing of where the next stops are."""
    county = districts[0] if districts and districts[0].attrs.get("level") == 3 else None
    if county is None:
        return None
    inside = all(county.key.startswith(d.key + "/") or f"{d.key}/".startswith(f"{county.key}/") for d in districts)
    return county if inside else None


def _named_elsewhere(name: str, county) -> bool:
    """Does the name start with a place outside the county? Two characters name a
    province or a city only (红星 is also a county, 红星农业… names none)."""
    d = divisions()
    for n in range(min(len(name) - 1, 8), 1, -1):
        div = d.lookup(name[:n])
        if div is not None and (n >= 3 or div.level <= 2):
            return not d.is_within(county.attrs["adcode"], div.code)
    return False


def _home_places(entities: dict, relations: list, home: Home, add, own_paper: bool) -> None:
    """A district's own paper (我区…, or its page) writes of works in the district: a
    project the text places nowhere else, or only in a division the district lies in
    (重庆亿达创智广场 in a 北碚 paper), is in the paper's district."""
    if home.county is None:
        return
    d = divisions()
    county = next((e for e in entities.values() if e.label == "District" and e.attrs.get("adcode") == home.county.code), None)
    if own_paper and county is None:
        county = _implied(entities, "District", home.county.name, d.path(home.county.code),
                          adcode=home.county.code, level=home.county.level)
    if county is None or not own_paper and "我区" not in county.aliases and "我县" not in county.aliases:
        return
    above = {("District", d.path(a.code)) for a in d.ancestors(home.county.code)}
    placed = {r.source for r in relations if r.type == "LOCATED_IN" and r.target not in above}
    relations[:] = [r for r in relations if not (r.type == "LOCATED_IN" and r.source[0] == "Project"
                                                 and r.source not in placed and r.target in above)]
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
            parent = _implied(entities, "District", a.name, d.path(a.code), adcode=a.code, level=a.level)
            pair = (child.key, parent.key)
            stated = pair in written or (child is e and not e.attrs.get("adcode"))
            si = written.get(pair, e.first[0] if child is e else 10**9)
            add("PART_OF", child, parent, si, **({"stated": True} if stated else {}))
            linked.add(pair)
            child = parent
    for (inner, outer), si in sorted(written.items()):
        if (inner, outer) not in linked:
            add("LOCATED_IN", entities[("District", inner)], entities[("District", outer)], si)


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
        if outer.attrs.get("adcode") == COUNTRY_CODE:
            continue   # that a province is in China goes without saying
        for si, _, end in outer.spans:
            chain, pos, top = outer, end, None
            while True:
                inner, n = _written_inside(text[si], pos, chain, starts, si, by_code)
                if inner is None and top is not None and text[si][pos:pos + 1] == "、":
                    inner, n = _written_inside(text[si], pos + 1, top, starts, si, by_code)
                    if inner is not None:
                        chain, pos = top, pos + 1   # the next item of a list in ``top``
                if inner is None:
                    break
                out.setdefault((inner.key, chain.key), si)
                top, chain, pos = chain, inner, pos + n
    return out


def _written_inside(text: str, pos: int, outer, starts: dict, si: int, by_code: dict):
    """The division of the document written at ``pos`` that lies in ``outer``, and the
    length of its form; (None, 0) when there is none."""
    d = divisions()
    code = outer.attrs.get("adcode", "")
    e = starts.get((si, pos))
    if e is not None and not e.attrs.get("adcode"):
        parent = e.attrs.get("parent")
        within = parent is not None and code and d.is_within(parent, code)
        return (e, _span_length(e, si, pos)) if within else (None, 0)
    n, div = next(d.within_at(text, pos, code), (0, None)) if code else (0, None)
    e = by_code.get(div.code) if div is not None else None
    return (e, n) if e is not None else (None, 0)


def _span_length(e, si: int, pos: int) -> int:
    return next(end - start for s, start, end in e.spans if s == si and start == pos)
