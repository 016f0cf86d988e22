"""LOCATED_IN: where the text puts organisations, projects and places — by a place that
starts their name (北碚区梁滩河…项目), by what a sentence says (位于, 地处, 在湛江投资的),
by the route of a work (起于…止于), on a tour of a county, and in a district's own paper."""
from __future__ import annotations

import re

from .divisions import country_by_abbr, divisions
from .lexicon import read_pairs
from .doc import Doc
from .mentions import RANK
from .resolve import Home, Resolved, implied


def located_in(doc: Doc) -> None:
    doc.placed = _located(doc.entities, doc.sents, doc.add)
    _placed_by_text(doc.entities, doc.sents, doc.add, _paragraph_starts(doc.text, doc.sents))
    _visited_places(doc.entities, doc.relations, doc.add)
    _home_places(doc.entities, doc.relations, doc.home, doc.add, bool(doc.article.home))


def _located(entities: dict, sents, add) -> set:
    """LOCATED_IN from names: a name that starts with a district's (北碚区梁滩河…项目)
    or is written right after one (天生街道西南大学南社区)."""
    districts = [e for e in entities.values() if e.label == "District"]
    forms = sorted(((f, d) for d in districts for f in {d.name, *d.aliases} if len(f) >= 2),
                   key=lambda p: -len(p[0]))
    placed = set()   # places below county level that the text puts in another place
    ends, owned = {}, {}
    texts = {x.index: x.text for x in sents}
    for d in districts:
        for si, _, end in d.spans:
            ends[(si, end)] = d
            text = texts.get(si, "")
            if text.startswith("的", end) and not _BOUND_FOR.search(text, 0, _first_start(d, si, end)):
                owned[(si, end + 1)] = d   # 宜昌的兴发集团, 德国的巴斯夫集团 (not 开往|哈萨克斯坦的|中欧班列)
    for e in entities.values():
        if e.label not in ("Project", "Organization", "District") or e.attrs.get("implied"):
            continue
        if e.attrs.get("adcode"):
            continue   # a division's place is the division table's to say (_hierarchy)
        places = set()
        found, own, rest = _prefix(e, forms)
        inner = _innermost_prefix(e, found, own, rest)
        if inner is not None:
            places.add(inner.key)
        elif e.label in ("Project", "Organization") and not (found is not None and _own_body(own, found)):
            # (吉林省辽源市委, 四川小金县冒水村党支部: the own organ of the place its name starts with lies
            # in no place, not even one written inside its name)
            places.update(d.key for d in _place_inside(e, forms))
        if e.label == "Project":
            places.update(d.key for d in _route_ends(e.name, forms) if d is not e)
        for si, start, _ in e.spans:
            d = ends.get((si, start))
            if d is not None and d is not e and not _own_body(e.name, d) and not _NATIONAL.match(e.name) \
                    and not _states_own(e, d):
                places.add(d.key)
            d = owned.get((si, start))
            if d is not None and e.label != "District" and not _GOVERNMENT.search(e.name):
                places.add(d.key)
        for key in sorted(places):
            d = entities[("District", key)]
            if e.label == "District":
                add("PART_OF", e, d, e.first[0], stated=True)
                placed.add(e.key)
            else:
                add("LOCATED_IN", e, d, e.first[0])
    return placed


_BOUND_FOR = re.compile(r"(?:开往|驶往|发往|运往|飞往|前往|抵达|到达|往返|到访|访问|出访)$")   # (a pipeline 通往 a country lies there)
# A body of the nation is of no place written before it (香港|第十四届全国人大代表: the deputies are
# Hong Kong's), nor is a state's organ or armed force of its country (俄罗斯|黑海舰队).
_NATIONAL = re.compile(r"(?:第[一二三四五六七八九十]+届)?(?:全国|中共中央|中央|国务院)")
_STATE_ORGAN = re.compile(r"(?:部|委|委员会|局|署|政府|议会|国会|军|舰队|部队)$")


def _states_own(e, d) -> bool:
    """Is ``e`` an organ or an armed force of the country ``d``, named by it or by no
    country (俄|黑海舰队 of 俄罗斯; not 约旦|美军, a force abroad)?"""
    if e.label != "Organization" or d.attrs.get("level") != 0 or not _STATE_ORGAN.search(e.name):
        return False
    own = country_by_abbr(e.name[0])
    return own is None or own.name == d.name or any(e.name.startswith(f) for f in (d.name, *d.aliases))


def _first_start(d, si: int, end: int) -> int:
    """Where the span of ``d`` ending at ``end`` in sentence ``si`` starts."""
    return next((start for s, start, stop in d.spans if s == si and stop == end), end)


# A government's organs are no units located in its place (中国的外交部).
_GOVERNMENT = re.compile(r"(?:部|委|委员会|局|厅|署|办|办公室|政府|党委|人大|政协)$")

# An organisation's ending inside its name, before more of it: a unit of that
# organisation (重庆工商大学长江上游经济研究中心), placed by it, not by its own name.
_SUBUNIT = re.compile(r"(?:大学|学院|公司|集团|研究院|医院|中心)(?=.{2,}$)")


def _innermost_prefix(e, found, own: str, rest: str):
    """Where the innermost place a name starts with (``_prefix``) puts it: 北温泉街道华光社区居委会 → 华光社区,
    中共沙坪坝区委党校 → 沙坪坝区. A country is no place of a name (中国共产党), nor is a
    district the place of its own party committee or government (重庆市委, 重庆市经信委),
    nor an organisation's of its units. The name is the one written: 区民政局, made
    北碚区民政局 by the paper's home, names no place."""
    if found is not None and (_own_body(own, found) or e.label == "Organization" and _SUBUNIT.search(rest)
                              or "合作组织" in rest):
        return None   # (上海合作组织: a union of states, named after the city it was founded in)
    return found


def _prefix(e, forms):
    """The innermost place a name starts with, the name from that place on, and what follows it."""
    written = max(sorted(e.forms), key=len) if e.forms else e.name
    if e.label == "Organization":
        written = re.sub(r"^中共(?=.{4})", "", written)
    name, found, own = written, None, written
    while True:
        hit = next(((f, d) for f, d in forms if d is not e and d.key != e.key and name.startswith(f)
                    and len(name) > len(f)), None)
        if hit is None:
            break
        f, d = hit
        if e.label == "Project" and _abroad(d) \
                or d.attrs.get("level") != 0 and not d.attrs.get("adcode", "").startswith("iso-"):
            found, own = d, name   # (吉林省|辽源市委: the city's own committee, after its province; 希腊|比雷埃夫斯港:
            # a work abroad lies in its country)
        name = name[len(f):]
    return found, own, name


def _place_inside(e, forms):
    """A city or county written inside a name after its maker's brand, or in brackets
    after it (中车株洲电力机车, 博世汽车部件（苏州）有限公司): where that unit is."""
    name, hits = e.name, []
    for f, d in forms:
        if d is e or d.attrs.get("level") in (0, None) or d.attrs.get("adcode", "").startswith("iso-"):
            continue
        k = name.find(f, 2)
        bracketed = k > 0 and name[k - 1] == "（" and name.startswith("）", k + len(f)) \
            and not _BRANCH.search(name, k + len(f))
        if bracketed or k > 0 and d.attrs.get("level") != 1 and len(name) - k - len(f) >= 2:
            hits.append((bracketed, d))   # a province only in brackets (巴斯夫（广东）一体化基地项目): 中车|湖南… is a brand's
    # a place written bare is the unit's own before a bracketed one (中国（新疆）自由贸易试验区喀什片区…)
    return [min(hits, key=lambda h: h[0])[1]] if hits else []


# A branch named after its parent's bracketed place lies elsewhere (中国石油大学（北京）克拉玛依校区).
_BRANCH = re.compile(r"校区|分中心|分院|分校|分公司|分行|片区")


_ENDS = re.compile(r"([\u4e00-\u9fff]{2,8})[至送到]([\u4e00-\u9fff]{2,8}?)(?=段|高速|铁路|高铁|城际|公路|通道|跨江|跨海|航道|运河|输电|管道|线|特高压|±?\d+千伏)")


def _route_ends(name: str, forms) -> list:
    """The places a work's name joins or crosses, of those the document names: the ends
    written with 至 or 到 (G0711乌鲁木齐至若羌高速公路, 龙岩至武平段, 陕北到安徽特高压…), the ends abbreviated to a
    character each (京雄高速: 北京 and 雄安新区; 深中通道: 深圳 and 中山), a section's place
    (京雄高速北京段)."""
    out = []
    m = next(reversed(list(_ENDS.finditer(name))), None)
    if m is not None and name.endswith("段") and m.end() != len(name) - 1:
        m = None   # 贵阳至南宁高速铁路贵州段: a section lies where its own name says, not at the line's ends
    if m is not None:
        origin = m.group(1)[:-1] if m.group(1)[-1] in "东西南北" else m.group(1)   # 杭州东至…: a city's station
        out += [next((d for f, d in forms if m.group(1).endswith(f) or origin.endswith(f)), None),
                next((d for f, d in forms if m.group(2).startswith(f)), None)]
    m = _ABBREVIATED.match(name)
    if m is not None and not name.endswith("段"):   # a section lies where it says, not at the line's ends
        ends = [_by_character(c, forms) for c in m.group(1)]
        if all(ends) and ends[0] is not ends[1]:
            out += ends
    for m in _SECTION.finditer(name):
        out.append(next((d for f, d in forms if m.group(1).endswith(f) and len(f) >= 2), None))
    return [d for d in out if d is not None]


_ABBREVIATED = re.compile(r"^([\u4e00-\u9fff]{2})(?:高速公路|高速|铁路|高铁|城际铁路|通道|大桥|运河|输电工程)")
_SECTION = re.compile(r"([\u4e00-\u9fff]{2,6}?)段")


_PROVINCE_ABBR = dict(read_pairs("province_abbr.tsv"))


def _by_character(c: str, forms):
    """The one place of the document a character abbreviates: its province's 简称 (京)
    or its first character (雄 for 雄安新区); None when none or several."""
    province = _PROVINCE_ABBR.get(c, "\0")
    found = {d.key: d for f, d in forms if f == c or f == province
             or len(f) >= 2 and f.startswith(c) and d.attrs.get("level") != 0}
    return next(iter(found.values())) if len(found) == 1 else None


def _own_body(name: str, d) -> bool:
    rest = next((name[len(f):] for f in sorted({d.name, *d.aliases}, key=len, reverse=True) if name.startswith(f)), "")
    return 0 < len(rest) <= 4 and rest.endswith(("委", "政府", "人大", "政协", "管委会", "党支部", "党总支")) \
        or 0 < len(rest) <= 10 and rest.startswith(_OWN_ORGANS) and not rest.endswith("党校")   # 云南省委统战部, 江苏代表团


# What a division's own bodies are named with after it: its party committee, congress and
# their departments, and its delegation (its party school, like its government's offices,
# is a unit located there: 中共沙坪坝区委党校, 重庆市人民政府办公厅).
_OWN_ORGANS = ("委", "党委", "人大", "政协", "纪委", "监委", "代表团")


_SITUATED = re.compile(r"(?:位于|地处|坐落于|坐落在)")
# A street or a number after the place (位于济南市|泉城路|的…)
_STREET = re.compile(r"[\u4e00-\u9fff\d]{1,8}?(?:路|街|大道|大街|巷|号)(?=的)")
# 在广东湛江投资的巴斯夫（广东）一体化基地项目: what is built in a place.
_BUILT_IN = re.compile("在")
_BUILT = re.compile(r"(?:投资|建设|兴建|新建|建成|打造|落户)(?:建设)?的")
_WORK_STARTS = re.compile(r"(?:正式|全面|顺利|同步)?(?:开工|开建|动工|建成|竣工|投产|投运|通车|开通|落地|落户|启用|贯通|并网)")
_LEAD_PLACE = re.compile(r"在([^，。；]{2,30})[，,]")
_TOUR = re.compile(r"考察|参观|走进|走访|察看|视察|看望|来到|前往|(?<=[\u4e00-\u9fff]{2})到(?![达了])")


def _paragraph_starts(text: str, sents) -> set[int]:
    """The sentences that open a paragraph of the text."""
    out, pos = set(), 0
    for s in sents:
        at = text.find(s.text, pos)
        if at < 0:
            continue
        if at == 0 or "\n" in text[pos:at]:
            out.add(s.index)
        pos = at + len(s.text)
    return out


def _placed_by_text(entities: dict, sents, add, paragraphs: set = frozenset()) -> None:
    """LOCATED_IN that a sentence states: 项目位于蔡家组团, 位于两江新区的科技城,
    横琴地处广东珠海, 在湛江投资的基地项目, and on a tour 在株洲，李强考察了株洲硬质合金
    (what is visited after a lead that names only places is in the last of them, and so
    is what the paragraph goes on to visit: 李强来到…, 在可可西里食品有限公司，李强察看…)."""
    by_sent = _spans_by_start(entities.values())
    # where a place and a longer name start together (福建 | 福建福州东南部), a run of
    # places reads the place
    districts = _spans_by_start(e for e in entities.values() if e.label == "District")
    by_code = {e.attrs["adcode"]: e for e in entities.values() if e.label == "District" and e.attrs.get("adcode")}
    toured = None   # (place, the sentence's text) of a tour a sentence led with a place
    stay = None     # the place of the paragraph's tour
    for s in sents:
        at = by_sent.get(s.index)
        carried, toured = toured, None
        if s.index in paragraphs:
            stay = None
        if not at:
            continue
        runs = {**at, **districts.get(s.index, {})}
        on = _TOUR_ON.match(s.text) if carried and carried[1].endswith(("；", ";")) else None
        if on:   # 在河南郑州，丁薛祥前往…；|到郑州煤矿机械集团、超聚变数字技术有限公司，了解…: the tour goes on
            _tour_stops(at, runs, s.text, on, carried[0], add, s.index)
            toured = (carried[0], s.text)
        elif stay is not None:
            _stay_stops(at, runs, s.text, stay, add, s.index)
        for m in _SITUATED.finditer(s.text):
            place, pos = _places_from(runs, m.end(), s.text, by_code, add, s.index)
            subject = next((e for end, e in at.values() if end in (m.start(), m.start() - 2)), None)
            if place is not None and subject is not None and subject is not place:
                _place(subject, place, add, s.index)
                # 位于四川省宁南县和云南省巧家县交界处: in each place of a pair
                while s.text[pos:pos + 1] in ("和", "与", "及", "、"):
                    other, after = _places_from(runs, pos + 1, s.text, by_code)
                    if other is None:
                        break
                    _place(subject, other, add, s.index)
                    pos = after
            street = _STREET.match(s.text, pos) if place is not None else None
            pos = street.end() if street else pos   # 位于济南市泉城路的…: the street the place holds
            if place is not None and s.text.startswith("的", pos) and pos + 1 in at:
                _place(at[pos + 1][1], place, add, s.index)
        for m in _BUILT_IN.finditer(s.text):
            place, pos = _places_from(runs, m.end(), s.text, by_code)
            built = _BUILT.match(s.text, pos) if place is not None else None
            if built and built.end() in at:
                _place(at[built.end()][1], place, add, s.index)
            # 引江补汉工程在湖北丹江口开工建设: a work started, built or opened in the place
            work = next((e for end, e in at.values() if end == m.start() and e.label == "Project"), None)
            if work is not None and place is not None and _WORK_STARTS.match(s.text, pos):
                _place(work, place, add, s.index)
        _route(at, s.text, add, s.index, by_code)
        lead = _LEAD_PLACE.match(s.text)
        tour = _TOUR.search(s.text, lead.end()) if lead else None
        if lead and not tour:   # 在安徽，引江济淮二期工程…; 在河南新乡，总投资超6亿元的…工程…
            place, pos = _places_from(runs, lead.start(1), s.text, by_code)
            first = next(((start, e) for start, (_, e) in sorted(at.items()) if start >= lead.end()), None)
            if place is not None and pos == lead.end(1) and first and first[1].label == "Project" \
                    and _SUBJECT_GAP.fullmatch(s.text, lead.end(), first[0]):
                _place(first[1], place, add, s.index)
                # 在安徽，合池高铁关键性工程|池州长江公铁大桥: the work named by its rank in it is there too
                end = at[first[0]][0]
                while (rank := _RANK.match(s.text, end)) and rank.end() in at and at[rank.end()][1].label == "Project":
                    _place(at[rank.end()][1], place, add, s.index)
                    end = at[rank.end()][0]
                # 在湖北，沿江高铁汉宜段、襄荆高铁即将全线贯通: the works the sentence goes on to list are there too
                # (and so is a work named after a dash, 中俄东线天然气管道——长江盾构穿越工程)
                while (step := 1 if s.text.startswith("、", end) else 2 if s.text.startswith("——", end) else 0) \
                        and end + step in at and at[end + step][1].label == "Project":
                    _place(at[end + step][1], place, add, s.index)
                    end = at[end + step][0]
        for m in _KEY_WORK_OF.finditer(s.text):   # 福建省重点工程——厦金大桥: the province's work
            place = next((e for start, (stop, e) in runs.items() if stop == m.start() and e.label == "District"), None)
            if place is not None and m.end() in at and at[m.end()][1].label == "Project":
                _place(at[m.end()][1], place, add, s.index)
        if tour:
            place, pos = _places_from(runs, lead.start(1), s.text, by_code)
            if place is None or pos != lead.end(1):
                continue   # the lead names something besides places (在金川集团)
            for tour in _TOUR.finditer(s.text, lead.end()):   # each stop the sentence goes on to
                _tour_stops(at, runs, s.text, tour, place, add, s.index)
            toured = (place, s.text)
            stay = place
        elif lead and _places_from(runs, lead.start(1), s.text, by_code)[1] == lead.end(1):
            stay = None   # 在青海西宁，…: the paragraph's tour moves on


def _stay_stops(at: dict, runs: dict, text: str, place, add, si: int) -> None:
    """A later sentence of a tour's paragraph: what it goes to (李强来到南北两山环境绿化工程
    观测点、水车博览园) or a body it leads with (在可可西里食品有限公司，李强察看…) is in the
    tour's place."""
    lead = _LEAD_PLACE.match(text)
    if lead:   # 在博世氢动力系统（重庆）有限公司和长安汽车全球研发中心，: each body of the lead
        bodies, pos = [], lead.start(1)
        while pos in at and at[pos][1].label in ("Organization", "Project"):
            bodies.append(at[pos][1])
            pos = at[pos][0]
            if pos == lead.end(1):
                for e in bodies:
                    if not _placed_elsewhere(e.name, place):
                        _place(e, place, add, si)
                break
            if text[pos] not in "和与及、":
                break
            pos += 1
        return
    who = at.get(0)
    visit = _TOUR_ON.match(text, who[0]) if who and who[1].label in ("Official", "Person") else None
    if visit:
        _tour_stops(at, runs, text, visit, place, add, si)


def _placed_elsewhere(name: str, place) -> bool:
    """Does the name open with a place of its own apart from the tour's (在广东顺德…。在|北京|中关村科学城)?"""
    d = divisions()
    first = next((name[:n] for n in range(min(len(name) - 2, 8), 1, -1) if name[:n] in d.by_form), None)
    own, code = d.lookup(first) if first else None, place.attrs.get("adcode")
    if own is None or not code:
        return False
    related = {own.code, *(a.code for a in d.ancestors(own.code))}
    return code not in related and own.code not in {a.code for a in d.ancestors(code)}


def _tour_stops(at: dict, runs: dict, text: str, tour, place, add, si: int) -> None:
    """What a tour's verb goes to, up to the clause's end, is in the tour's place."""
    end = _CLAUSE.search(text, tour.end())
    inside = {stop for stop, d in runs.values() if d.label == "District"}
    for start, (stop, e) in sorted(at.items()):
        if e.label == "District" and start in inside:
            continue   # 扶绥县渠黎镇大陵村: a place written inside another is in that one
        if tour.end() <= start and stop <= (end.start() if end else len(text)):
            _place(e, place, add, si)


_CLAUSE = re.compile(r"[，,；;。]")
_TOUR_ON = re.compile(r"(?:随后|之后|接着|又)?(?:来到|前往|走进|考察|参观|到(?![达了]))")
_RANK = re.compile(RANK)
_KEY_WORK_OF = re.compile(r"(?:重点|重大)(?:水利|交通|民生)?(?:工程|项目)——")
# what may come between a sentence's lead place and the work it is about: nothing, or a
# description of the work (总投资超6亿元的, 投资近200亿元的)
_SUBJECT_GAP = re.compile(r"(?:[^，,。；;]{0,16}的)?")


def _spans_by_start(entities) -> dict[int, dict[int, tuple[int, Resolved]]]:
    """{sentence: {start: (end, entity)}}, the longest name at each start."""
    out: dict[int, dict[int, tuple[int, Resolved]]] = {}
    for e in entities:
        for si, start, end in e.spans:
            cur = out.setdefault(si, {}).get(start)
            if cur is None or end > cur[0]:
                out[si][start] = (end, e)
    return out
_ROUTE = re.compile(r"起于|起自|始于|途经|经过|止于|终于|终至|跨越|贯穿|连接|串联|联通|(?<=[，,])经|[东西南北]起(?=[\u4e00-\u9fff])"
                    r"|(?<=[，,])[东西南北]至")


def _route(at: dict, text: str, add, si: int, by_code: dict) -> None:
    """A work that runs through places lies in each: 石黔高速起于石柱，经彭水止于…, 平陆运河北起南宁…，南至钦州,
    雅万高铁连接印尼首都雅加达 (the innermost of places written one in the other), and
    in the place another work it reaches is named after (止于…黔江册山立交). The work
    is the subject of the first such verb, written right before it."""
    verb = _ROUTE.search(text)
    work = next((e for end, e in at.values() if verb and end == verb.start() and e.label == "Project"), None)
    if work is None:
        return
    # the route runs to the end of its clause, or of the next that goes on with it (，经彭水…)
    stop, pos = len(text), verb.end()
    while (brk := _CLAUSE.search(text, pos)) is not None:
        if not _ROUTE.match(text, brk.end()) and not text.startswith(("途经", "经", "止于", "东至", "西至", "南至", "北至"), brk.end()):
            stop = brk.start()
            break
        pos = brk.end()
    places = [(start, end, e) for start, (end, e) in sorted(at.items())
              if verb.start() <= start < stop and e.label == "District"]
    for begin, end, e in places:
        if any(start >= end and text[end:start] in ("", "首都", "首府") and _inside(p, e) for start, _, p in places):
            continue   # 广西|南宁: the innermost place of a chain
        if any(stop_ == begin and not _inside(e, p) and not _inside(p, e) for _, stop_, p in places):
            continue   # 南宁|平塘|江口: a name that breaks the chain is a feature's (平塘江口), no county elsewhere
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
            # a visit abroad places the bodies it calls on; a work (卡拉旺站, an airport) is
            # of its city, which the visit may not name
            kinds = ("Organization",) if _abroad(county) else ("Organization", "Project")
            if target.label in kinds and (target.label, target.key) not in placed \
                    and not _named_elsewhere(target.name, county):
                add("LOCATED_IN", target, county, target.first[0])
                placed.add((target.label, target.key))


def _county_of_tour(districts: list) -> Resolved | None:
    """The county a tour is of: the first district it goes to (刘强赴大足调研), when every
    other one is in it or above it. A tour of a province (赵乐际到湖南调研) that passes
    through a county says nothing of where the next stops are."""
    if districts and _abroad(districts[0]) and all(d is districts[0] or not d.key.startswith("中国")
                                                    and d.attrs.get("level") != 0 for d in districts):
        return districts[0]   # 赵乐际对摩洛哥进行正式友好访问 … 视察中信戴卡北非工厂: a visit to one country
    county = districts[0] if districts and districts[0].attrs.get("level") == 3 else None
    if county is None:
        return None
    inside = all(county.key.startswith(d.key + "/") or f"{d.key}/".startswith(f"{county.key}/") for d in districts)
    return county if inside else None


def _abroad(d) -> bool:
    return d.attrs.get("level") == 0 and d.key != "中国"


def _named_elsewhere(name: str, county) -> bool:
    """Does the name start with a place outside the county? Two characters name a
    province or a city only (红星 is also a county, 红星农业… names none)."""
    d = divisions()
    for n in range(min(len(name) - 1, 8), 1, -1):
        div = d.lookup(name[:n])
        if div is not None and (n >= 3 or div.level <= 2):
            code = county.attrs.get("adcode")
            return not (code and d.is_within(code, div.code))
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
        county = implied(entities, "District", home.county.name, d.path(home.county.code),
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
