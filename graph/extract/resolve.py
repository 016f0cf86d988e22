"""From mentions to the entities of one document.

- Districts are looked up in the division table (北碚 → 北碚区, 石柱县 → 石柱土家族自治县)
  and keyed by their full path (重庆市/北碚区), so 江北区 of 重庆 and of 宁波 stay apart.
- Contextual references name the paper's home: 我区/全区/本区 its district, 我市/全市 its
  city, 来碚/在碚 (the last character of the home's short name after a verb of motion)
  the district again, 在渝/来渝 the province-level division of a one-character abbreviation.
- Relative organisation names get their district: 区民政局 in a 北碚 paper is
  北碚区民政局, 市委 in a 重庆 paper is 重庆市委.
- Places below county level are keyed under the district the text puts them in.
- The same name in one document is one entity; titles are united.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .congresses import canonical as canonical_meeting
from .nlp import plain_word
from .divisions import COUNTRY_CODE, Division, country_by_abbr, divisions, is_country, sides
from .doc import Doc
from .mentions import PLAN, TERM, TRANSFER, Mention, plain_words
from .sentences import Sentence
from .lexicon import read_list, read_set

_HOME_COUNTY = ("我区", "本区", "全区", "我县", "本县", "全县")
_HOME_CITY = ("我市", "本市", "全市")
_MOTION = "来赴在返离留驻到"
# The country speaking of itself: 我国, 中方 (in talks), 华 in 在华/对华/驻华 (not 华为,
# 华北; 来华 and 访华 are someone else's visit, which relate's cues would misread).
_OWN_COUNTRY = re.compile(r"我国|(?:(?<![\u4e00-\u9fff])|(?<=[同与和向对是]))中方|(?<=[在对驻涉])华(?![为侨人夏润能北东南中西龙裔语文])")
# 全国 as a place (全国各地, 在全国), the country's own: not a body it names (全国人大,
# 全国妇联), nor another country's whole (美国全国).
_NATIONWIDE = re.compile(r"全国(?!人大|人民代表大会|政协|[^，。、；\s]{0,8}?(?:委员会|联合会|总工会|妇联|工商联|青联|学联|侨联|台联|"
                         r"科协|文联|作协|记协|协会|学会|中心))")
# Zones named after the division they lie in (重庆高新区).
_ZONES = ("新区", "高新区", "经开区", "开发区", "合作区")
# What may stand between a country and a city of it (俄罗斯莫斯科, 印尼首都雅加达, 苏丹东部加达里夫州).
_CAPITAL = re.compile(r"(?:首都|首府|[东西南北中]部)?$")
# Which labels win when one name is found as two kinds of thing.
_RANK = {"Official": 0, "Person": 1, "Meeting": 2, "Project": 3, "Organization": 4, "District": 5, "Policy": 6}
_VIA_RANK = {"title": 0, "role": 0, "dateline": 0, "act": 1, "book": 1, "quote": 1, "suffix": 2, "within": 2, "congress": 2, "division": 2, "context": 3, "lac": 4}


@dataclass
class Resolved:
    label: str
    name: str
    key: str
    aliases: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    former: set[str] = field(default_factory=set)   # titles only ever written as past ones
    role: str | None = None
    attrs: dict = field(default_factory=dict)
    first: tuple[int, int] = (10**9, 0)          # (sentence, offset) of the first mention
    spans: list[tuple[int, int, int]] = field(default_factory=list)   # (sentence, start, end)
    forms: set[str] = field(default_factory=set)   # names as written, contextual ones aside


@dataclass
class Home:
    county: Division | None = None
    city: Division | None = None
    paper: str | None = None      # the publication, which 本报 names


def page_home(texts: list[str]) -> str | None:
    """The place a local paper's page speaks for: a page that says 我区 or 我县 more
    often than 我市 is a county paper's, and its county is the one the page names most
    often; a page that says 我市 is a city paper's, and its city is the city (or
    municipality) it names most often."""
    text = "".join(texts)
    ours = text.count("我区") + text.count("我县")
    city = text.count("我市")
    if ours == 0 and city == 0:
        return None
    county_page = ours > city
    d, places = divisions(), Counter()
    for m in re.finditer("[区县]" if county_page else "市", text):
        for n in range(min(m.end(), 10), 2, -1):
            div = d.lookup(text[m.end() - n:m.end()])
            if div is not None and (div.level == 3 if county_page else div.level in (1, 2)):
                places[div.code] += 1
                break
    return d.by_code[_most_common(places)].name if places else None


def infer_home(publication: str | None, sents: list[Sentence], found: list[Division],
               page: str | None = None) -> Home:
    """The district and city a local paper speaks for: named by the paper (北碚报) or
    by its page (``page``, see page_home), or, when the text says 我区/我市, the
    division it names most often."""
    d = divisions()
    home = Home(paper=publication)
    stem = re.sub(r"(日报|晚报|时报|报)$", "", publication) if publication else None
    for name in (stem, page):
        div = d.lookup(name) if name else None
        if div and home.county is None and home.city is None:
            if div.level == 3:
                home.county = div
            else:
                home.city = div
    text = "".join(s.text for s in sents)
    if home.county is None and any(w in text for w in _HOME_COUNTY):
        counties = Counter(x.code for x in found if x.level == 3)
        if counties:
            home.county = d.by_code[_most_common(counties)]
    if home.city is None:
        if home.county is not None:
            chain = d.ancestors(home.county.code)
            # the prefecture, or the municipality itself (重庆市 for 北碚区)
            home.city = next((a for a in chain if a.level == 2), next((a for a in chain if a.level == 1), None))
        elif any(w in text for w in _HOME_CITY):
            # a city: a prefecture or a municipality, never a country (美国 in a report of
            # a city abroad would take 全市 and 本市 for its own)
            cities = Counter(x.code for x in found if x.level == 2 or x.level == 1 and x.name.endswith("市"))
            if cities:
                home.city = d.by_code[_most_common(cities)]
    return home


def _most_common(counter: Counter) -> str:
    best = max(counter.values())
    return min(k for k, v in counter.items() if v == best)


def resolve_entities(doc: Doc) -> None:
    """The entities of the document from its mentions; the page's reporters are
    Persons even where the text does not name them."""
    a = doc.article
    doc.entities, doc.spans, doc.home = resolve(doc.mentions, doc.sents, a.publication, a.home)
    for name in a.authors:
        if not any(e.name == name for e in doc.entities.values()):
            doc.entities[("Person", name)] = Resolved("Person", name, name, role="记者")
    # a list with someone the text gives a role (选手, 记者) is not a list of leaders
    doc.people_lists = [names for names in people_lists(doc.spans, doc.sents)
                        if not any(getattr(doc.entities.get(("Person", n)), "role", None) for n in names)]


_NOTE = re.compile(r"^（[^（）、]{1,8}）")


def people_lists(spans: dict, sents: list[Sentence]) -> list[list[str]]:
    """The names written as one list of three or more people (A、B、C和D), each by its
    key (a roster spaces them: 石泰峰　胡春华): a list of leaders present names them all alike, so the merge types the bare
    ones by the others (graph/merge/officials.py). 和 before a list of its own joins two
    lists (A、B和C、D), not one."""
    text = {s.index: s.text for s in sents}
    people = sorted((sp, key) for sp, (label, key) in spans.items() if label in ("Official", "Person"))
    out, run = [], []     # run: the lists of one chain, each split at 和
    for (si, start, end), key in people + [((-1, 0, 0), "")]:
        between = text[si][run[-1][-1][0][2]:start] if run and run[-1][-1][0][0] == si else None
        between = _NOTE.sub("", between) if between else between   # 于吉红（女）、王凯（河南）、
        if between == "、" or between and not between.strip():   # a roster's names, spaced (王勇　周强)
            run[-1].append(((si, start, end), key))
            continue
        if between in ("和", "与", "及"):
            run.append([((si, start, end), key)])
            continue
        for i, part in enumerate(run):
            if len(part) == 1 and i and len(run[i - 1]) > 0:
                run[i - 1].extend(part)     # A、B和C: 和 joins the last
                part.clear()
        for part in run:
            names = list(dict.fromkeys(k for _, k in part))
            if len(names) >= 3:
                out.append(names)
        run = [[((si, start, end), key)]]
    return out


def resolve(mentions: list[Mention], sents: list[Sentence], publication: str | None = None,
            page: str | None = None):
    """Entities of the document and, per mention span, the entity it names; ``page`` is
    the county the article's page speaks for.

    Returns (entities by (label, key), span index {(sentence, start, end): (label, key)},
    home)."""
    d = divisions()
    written = [m.text for m in mentions if m.label == "District"]
    explicit = [d.lookup(text) for text in written]
    home = infer_home(publication, sents, [x for x in explicit if x], page)
    # the divisions named, their ancestors and the home settle ambiguous names (江北区
    # beside 两江新区 is 重庆's)
    named = [x for x in explicit if x] + [h for h in (home.county, home.city) if h]
    context = {x.code for x in named} | {a.code for x in named for a in d.ancestors(x.code) if a.level >= 1}
    # the places the text names, unless by a short form that is a plain word (大同), and the
    # paper's own: what a plain word needs named to be a place (_word_not_place)
    named_codes = frozenset({x.code for text, x in zip(written, explicit)
                             if x and not (len(text) == 2 and plain_word(text))}
                            | {h.code for h in (home.county, home.city) if h})
    anchors = _anchors([x for text, x in zip(written, explicit) if x and not _bare_county(text, x)], home)
    mentions = mentions + _contextual(sents, home)

    # one label per surface form: the most trusted rule wins
    best: dict[str, Mention] = {}
    for m in mentions:
        cur = best.get(m.text)
        if cur is None or (_VIA_RANK.get(m.via, 5), _RANK[m.label]) < (_VIA_RANK.get(cur.via, 5), _RANK[cur.label]):
            best[m.text] = m
    if any(m.label == "Official" for m in mentions):
        officials = {m.text for m in mentions if m.label == "Official"}
        for text in officials:
            best[text] = next(m for m in mentions if m.text == text and m.label == "Official")

    entities: dict[tuple[str, str], Resolved] = {}
    shown: set[str] = set()     # Persons some mention shows to be people (a role, 说, a list)
    spans: dict[tuple[int, int, int], tuple[str, str]] = {}
    last_district: dict[int, Division | str] = {}
    nested = _nested_spans(mentions)
    inside: dict[tuple[str, str], set[str]] = {}   # forms written only inside longer names
    for m in sorted(mentions, key=lambda m: (m.sent, m.start, -m.end)):
        label = best[m.text].label
        # a bare name LAC found is the official the text titles elsewhere (李克强听取…)
        if label != m.label and m.via in ("lac", "context") and not (label == "Official" and m.label == "Person"):
            continue
        name, key, attrs, aliases = _canonical(label, m, d, context, home, sents, last_district,
                                               (named_codes, anchors))
        if name is None:
            continue
        e = entities.get((label, key))
        if e is None:
            e = entities[(label, key)] = Resolved(label, name, key, attrs=attrs)
        e.aliases.update(aliases)
        e.aliases.add(m.text)
        if m.via != "context" and label == "District" and (m.sent, m.start, m.end) in nested:
            inside.setdefault((label, key), set()).add(m.text)
        elif m.via != "context":
            e.forms.add(m.text)
        if len(name) > len(e.name):
            e.aliases.add(e.name)
            e.name = name
        _add_titles(e, m.titles, set(m.former))
        if m.role and not e.role:
            e.role = m.role
        if label == "Person" and (m.via != "lac" or m.role):
            shown.add(key)
        e.first = min(e.first, (m.sent, m.start))
        e.spans.append((m.sent, m.start, m.end))
        spans[(m.sent, m.start, m.end)] = (label, key)
    for k, forms in inside.items():
        # a place written alone goes by that form (河南, not 河南省 of 河南省农业科学院)
        entities[k].forms = entities[k].forms or forms
    for (label, key), e in entities.items():
        if label == "Person" and key not in shown:
            e.attrs["bare"] = True   # graph/merge/officials.py: kept as an official's, else dropped
    _forms_of_address(entities, spans)
    _merge_transcribed(entities, spans)
    _documents_by_kind(entities, spans)
    _merge_short_forms(entities, spans)
    _merge_bracketed(entities, spans, sents)
    _drop_cut_names(entities, spans, sents)
    _drop_meeting_kinds(entities, spans, sents)
    for e in entities.values():
        e.aliases.discard(e.name)
    return entities, spans, home


def _contextual(sents: list[Sentence], home: Home) -> list[Mention]:
    """Mentions made by context: 我区, 我市, 来碚, 在渝."""
    out = []
    singles = dict(divisions().abbreviations)
    if home.county:
        singles[home.county.short[-1]] = home.county
    for s in sents:
        words = (_HOME_COUNTY if home.county else ()) + (_HOME_CITY if home.city else ())
        for w in words:
            for m in re.finditer(w, s.text):
                out.append(Mention("District", w, s.index, m.start(), m.end(), via="context"))
        for m in _OWN_COUNTRY.finditer(s.text):
            out.append(Mention("District", m.group(), s.index, m.start(), m.end(), via="context"))
        for m in _NATIONWIDE.finditer(s.text):
            if not any(s.text[max(0, m.start() - n):m.start()] in divisions().by_form for n in range(2, 9)):
                out.append(Mention("District", m.group(), s.index, m.start(), m.end(), via="context"))
        for m in re.finditer(f"(?<=[{_MOTION}])[{''.join(singles)}]", s.text):
            if _stands_alone(s.text, m.end()):
                out.append(Mention("District", m.group(), s.index, m.start(), m.end(), via="context"))
    return out


def _stands_alone(text: str, end: int) -> bool:
    """A one-character place name stands alone when what follows starts a new word
    (来碚调研, 在渝企业 no: 在渝 then 企业 is fine; 来京 but not 在京剧)."""
    nxt = text[end:end + 1]
    return not nxt or not ("\u4e00" <= nxt <= "\u9fff") or nxt in _AFTER_PLACE


# Characters that open the word after a one-character place name (来碚调研, 返碚人员).
_AFTER_PLACE = set("调考视工召举期间的返人企发投开参出指落务就创学生办")


def _word_not_place(text: str, div, m: Mention, known: tuple[frozenset, frozenset], sentence: str = "") -> bool:
    """大同 (great harmony), 大观 (grand), 清丰: a short form that is a word of the language
    (not one the dictionary knows as a place) names its district only where the text
    names it, or a place above it, or the paper is its own. A county's bare short form
    (江南, 惠民, 中方, 资源, 河西: words and regions far more often than counties) names it
    only where the text names a place above it or beside it in its city, the paper is its
    own, or the sentence goes to it as a place (在彰武，, 赴崇礼调研). Two countries' short
    names (巴中) name the city only beside a place of its province."""
    if m.via not in ("lac", "division") or len(text) != 2 or text == div.name:
        return False
    named_codes, anchors = known
    if m.via == "lac" and div.level >= 2 and plain_word(text) and not _anchored(div, named_codes):
        return True
    if sides(text) and not any(c[:2] == div.code[:2] for c in named_codes | anchors if c != div.code):
        return True   # 巴中关系, 巴中两国: Pakistan and China, unless the text names a place of its province
    return div.level >= 3 and not _anchored(div, anchors) and not _gone_to(sentence, m.start, m.end)


# 在彰武，…; 赴崇礼调研; 北京至崇礼地区: a county's short form that a sentence goes to, or is in, as a place
_TO_PLACE = re.compile(r"(?:在|赴|到|至|来到|前往|走进|深入|抵达)$")
_AS_PLACE = re.compile(r"[，,。；;、]|调研|考察|视察|地区|境内|当地|县城|全县|全域")


def _gone_to(sentence: str, start: int, end: int) -> bool:
    return bool(_TO_PLACE.search(sentence, 0, start)) and bool(_AS_PLACE.match(sentence, end))


def _anchored(div, codes: frozenset) -> bool:
    return div.code in codes or any(a.code in codes for a in divisions().ancestors(div.code))


def _bare_county(text: str, div) -> bool:
    return len(text) == 2 and text != div.name and div.level >= 3


def _anchors(named: list, home) -> frozenset:
    """The divisions named by more than a county's bare short form, the paper's own, and
    the cities of the counties among them (门头沟区 anchors 北京, and so 昌平 beside it)."""
    out = {x.code for x in named} | {h.code for h in (home.county, home.city) if h}
    out |= {x.parent for x in named if x.level >= 3 and x.parent}
    return frozenset(out)


# A ship or a sea named like a place (山东|舰, 南海|海域, 天山|腹地): no division by its short form.
_THING_NAMED = re.compile(r"舰|号(?![召])|海域|腹地")


def _nickname(m: Mention, div, sents) -> bool:
    """山城重庆, 江城武汉, 春城昆明: a city's byname in 城 right before its name is no district
    of its own (山城 is also 鹤壁's 山城区)."""
    if len(m.text) != 2 or not m.text.endswith("城") or m.text == div.name:
        return False
    after = sents[m.sent].text[m.end:m.end + 6]
    d = divisions()
    return any((nxt := d.lookup(after[:n])) is not None and nxt.code != div.code and nxt.level <= 2
               and div.code not in {a.code for a in d.ancestors(nxt.code)} for n in range(2, len(after) + 1))


def _canonical(label: str, m: Mention, d, context: set[str], home: Home, sents, last_district,
               known: tuple[frozenset, frozenset] = (frozenset(), frozenset())):
    """(name, key, attrs, aliases) of a mention, or None when it names nothing usable;
    ``known``: the divisions named, as the short forms of words and of counties need."""
    text = m.text
    if label == "District":
        div = None
        if text in _HOME_COUNTY:
            div = home.county
        elif text in _HOME_CITY:
            div = home.city
        elif m.via == "context" and home.county and text == home.county.short[-1]:
            div = home.county
        elif m.via == "context" and text in ("中方", "华", "全国"):
            div = d.by_code[COUNTRY_CODE]
        elif m.via == "context" and text in d.abbreviations:
            div = d.abbreviations[text]
        else:
            div = d.lookup(text, context)
            if div is not None and (_word_not_place(text, div, m, known, sents[m.sent].text) or _nickname(m, div, sents)
                                    or text != div.name and _THING_NAMED.match(sents[m.sent].text, m.end)):
                return None, None, None, None
        if div is not None:
            last_district[m.sent] = div
            aliases = {div.short} if len(div.short) >= 2 else set()
            if div.name.endswith("自治县"):
                aliases.add(div.short + "县")
            if div.name.endswith("自治州"):
                aliases.add(div.short + "州")
            return div.name, d.path(div.code), {"adcode": div.code, "level": div.level}, aliases
        if _generic_place(text) or text.endswith("洋"):
            return None, None, None, None   # (太平洋, 大西洋中部: an ocean, no division)
        country = _country_before(m, sents, d)
        if country and m.via == "lac" and text.endswith(_BUILT_OR_NATURAL):
            country = None   # 阿联酋迪拜哈利法塔, 印度古吉拉特邦拉索桥: a building or a bridge there
        if text.endswith(read_list("district_suffixes.txt")) or country:
            parent = country or _parent_of(m, sents, d, context, home)
            key = f"{d.path(parent.code)}/{text}" if parent else text
            attrs = {"parent": parent.code} if parent else {}
            return text, key, attrs, set()
        if _situated(m, sents):
            country, city = _country_prefix(text, d)
            if country is not None:   # 南非约翰内斯堡, read by LAC as one word
                return city, f"{d.path(country.code)}/{city}", {"parent": country.code}, set()
            return text, text, {}, set()
        return None, None, None, None   # a LOC that names no division: river, mountain, building
    if label == "Organization":
        if m.via == "party":   # 我们党, 在党的领导下: the party itself
            return "中国共产党", "中国共产党", {}, {text}
        if text == "本报":   # the paper itself, by its name when the article gives it
            return (home.paper, home.paper, {}, {text}) if home.paper else (text, text, {}, set())
        full = _after_its_peer(m, sents, d) or _qualify(text, home)
        term = _IN_TERM.match(full)
        if term and not full.endswith("主席团"):   # 十三届全国人大: the body, whatever its term (not a session's presidium)
            return full[term.end():], full[term.end():], {}, {text, full}
        if _CENTRAL_ORGAN.fullmatch(full):
            name = central_organ(full)
            return name, name, {}, {text, full, name[2:]} - {name}
        organ = _CHINA_ORGAN.fullmatch(full)
        if organ:
            return organ.group(1), organ.group(1), {}, {text, full} - {organ.group(1)}
        local = _LOCAL_PARTY.fullmatch(full)
        if local and not local.group(1).startswith("中央"):
            return local.group(1), local.group(1), {}, {text, full} - {local.group(1)}
        gov = re.fullmatch(r"(.{2,}?)(?<!人民)政府", full)
        place = d.lookup(gov.group(1)) if gov else None
        if place is not None and place.level >= 1 and not place.name.endswith("特别行政区"):
            # not a country's (中国政府, 美国政府) nor a special region's (香港特别行政区政府)
            # 重庆市政府 is 重庆市人民政府: a division's government by its full name
            return gov.group(1) + "人民政府", gov.group(1) + "人民政府", {}, {text, full}
        return full, full, {}, {text} if full != text else set()
    if label == "Project":
        transfer = _TRANSFER_WORK.fullmatch(text)
        if transfer:   # 西电东送工程 is 西电东送
            return text, transfer.group(1), {}, {transfer.group(1)} - {text}
        built = _WORKS_OF.fullmatch(text)
        if built:   # 白鹤滩水电站工程 is 白鹤滩水电站: the works of a built thing are the thing
            return built.group(1), built.group(1), {}, {text} | _without_place(built.group(1), d)
        pipe = _PIPELINE.fullmatch(text)
        if pipe:   # “北溪”天然气管道 is “北溪”管道: a pipeline by its name, whatever it carries
            return text, pipe.group(1) + "管道", {}, {pipe.group(1) + "管道"} | _without_place(text, d)
        short = _without_place(text, d)
        rest = next(iter(short), "")
        place = text[:len(text) - len(rest)]
        div = d.lookup(place) if len(rest) >= 4 and place.endswith(("省", "市", "县", "区")) else None
        if div is not None and div.name == place and not plain_words(rest, 4):
            # 林芝市米林水电站 is 米林水电站, in 林芝市: a division written whole before a work is where it lies
            # (not 无极县医院迁建项目, whose rest is words of the language)
            return rest, rest.replace("自由贸易", "自贸"), {}, {text}
        # 海南自由贸易港 and 海南自贸港: one zone, its words written whole or short
        return text, text.replace("自由贸易", "自贸"), {}, short
    if label == "Meeting":   # one congress or session, one name (党的二十大 for 中共二十大)
        name = canonical_meeting(text)
        # a series' title in quotes or not (“推动高质量发展”系列主题新闻发布会) is one name
        return name, name.replace("“", "").replace("”", ""), {}, {text} - {name}
    initiative = _INITIATIVE.fullmatch(text.replace("“", "").replace("”", "")) if label == "Policy" else None
    if initiative and initiative.group(1) in read_set("national_policies.txt"):
        # 共建“一带一路”倡议, 中方“一带一路”倡议: the initiative is the policy it proposes
        return initiative.group(1), initiative.group(1), {}, {text} - {initiative.group(1)}
    plan = _FIVE_YEAR_PLAN.fullmatch(text)
    if label == "Policy" and plan:   # “十四五”规划 is the plan 十四五
        return plan.group(1), plan.group(1), {}, {text, text.replace("“", "").replace("”", "")} - {plan.group(1)}
    return text, text, {}, set()


_TRANSFER_WORK = re.compile(rf"“?({TRANSFER})”?工程")
_WORKS_OF = re.compile(r"(.{2,}(?:水电站|核电站|特大桥|大桥|铁路|高铁|高速公路|机场|隧道|水库|运河))工程")
_PIPELINE = re.compile(r"(.{2,}?)(?:天然气|石油|原油|输油|输气)管道")
_INITIATIVE = re.compile(r"(?:中方|我国)?(?:高质量)?(?:共建)?(.{2,12}?)(?:重大)?倡议")
_FIVE_YEAR_PLAN = re.compile(rf"“?({PLAN})”?(?:规划)?")


_CENTRAL_ORGAN = re.compile(r"(?:中共)?中央(?:书记处|政治局(?:常务委员会|常委会)?|办公厅|宣传部|组织部|统战部|对外联络部|党校|"
                            r"台办|台湾工作办公室|港澳工作办公室|港澳办|政法委|政法委员会|政策研究室|社会工作部|"
                            r"军事委员会|委员会|纪律检查委员会|纪委|网信办|外办|外事工作委员会|国家安全委员会|"
                            r"全面深化改革委员会|财经委员会|金融委员会|机构编制委员会|党史和文献研究院)")
_IN_TERM = re.compile(TERM + r"(?=全国人大|全国政协)")
# 中共内蒙古自治区党委 is 内蒙古自治区党委: a local party committee goes by its name without 中共
_LOCAL_PARTY = re.compile(r"中共(.{2,}?(?:省委|市委|区委|县委|州委|旗委|盟委|党委|工委|党组)"
                          r"(?:宣传部|组织部|统战部|政法委|办公厅|办公室|政策研究室|党校|网信办|社会工作部)?)")
# 中国全国人大常委会, 中国国务院: the state's organs as the news abroad writes them
_CHINA_ORGAN = re.compile(r"中国((?:十[一二三四五六七八九]?届)?(?:全国人大常委会|全国人大|全国政协|国务院))")


def central_organ(name: str) -> str:
    """The Party Centre's organs are written with 中共 or without (中央书记处 = 中共中央书记处):
    one name, the one with it. A local committee's (中共内蒙古自治区党委) goes without, and so
    does a state organ's 中国 (中国全国人大常委会)."""
    if organ := _CHINA_ORGAN.fullmatch(name):
        return organ.group(1)
    if _CENTRAL_ORGAN.fullmatch(name):
        return name if name.startswith("中共") else "中共" + name
    local = _LOCAL_PARTY.fullmatch(name)
    return local.group(1) if local and not local.group(1).startswith("中央") else name


def _without_place(name: str, d) -> set[str]:
    """北碚区梁滩河流域生态综合治理项目 is also written without its district."""
    for n in range(min(len(name) - 4, 10), 1, -1):
        if name[:n] in d.by_form and not (name[n] in "江河湖山海港" and name[n:n + 2] not in d.by_form):
            return {name[n:]} if not name.startswith(("至", "到", "—", "－", "-", "和", "与"), n) else set()
    return set()   # (天津至北京…铁路 is not written 至北京…铁路; 金沙|江上游 is a river's, no place's; 唐山|港曹妃甸港区 a port's)


def _generic_place(text: str) -> bool:
    """农村, 美丽乡村, 领导联村: words about places, not names of places."""
    return text in read_set("generic_names.txt") or any(w in text for w in read_list("generic_place_parts.txt"))


# Endings of rivers, mountains, works and buildings: no place of government.
_FEATURES = tuple("山河江湖海峰湾溪泉洞谷岭岛园馆楼厦场站桥路街宫寺塔院城堂厅碑")


# Of those, what a foreign city's name never ends with (墨西哥城, 科威特城 and islands are places).
_BUILT_OR_NATURAL = tuple(c for c in _FEATURES if c not in "城岛")


# A city named in apposition (印尼首都雅加达, 第四大城市万隆), and the acts of a visit
# that a place hosts (在里约热内卢出席…).
_CITY_NOUN = re.compile(r"(?:首都|首府|城市|第[一二三四五六七八九十\d]+大城市)$")
_HOSTS = ("出席", "会见", "举行", "主持", "会晤", "会谈", "参加", "召开")
# Where a state sits in its capital (在柏林总统府), how a leader reaches a city (抵达贝尔格莱德),
# and the games a city hosts (巴黎奥运会).
_SEATS = ("总统府", "总理府", "王宫", "议会大厦", "国际机场")
_ARRIVES = ("抵达", "飞抵", "到达", "离开", "前往")
_GAMES = ("奥运会", "冬奥会", "残奥会", "冬残奥会", "亚运会", "世博会", "大运会")


def _situated(m: Mention, sents) -> bool:
    """A place LAC found that the sentence situates (横琴地处广东珠海南端), names as a
    city (第四大城市万隆) or where an official acts (在里约热内卢出席) is a place, unless
    it is a river, a mountain or a building."""
    if m.via != "lac" or m.text.endswith(_FEATURES):
        return False
    text = sents[m.sent].text
    before = text[max(0, m.start - 8):m.start]
    return (text.startswith(("地处", "位于"), m.end) or bool(_CITY_NOUN.search(before))
            or before.endswith("在") and text.startswith(_HOSTS + _SEATS, m.end)
            or before.endswith(_ARRIVES) or text.startswith(_GAMES, m.end))


def _country_prefix(text: str, d) -> tuple[Division | None, str]:
    """(country, the rest) of a place name that starts with a foreign country's."""
    for n in range(min(len(text) - 2, 12), 1, -1):   # 巴西利亚 is no 利亚 in 巴西
        div = d.lookup(text[:n])
        if div is not None and div.code.startswith("iso-") and (len(text) - n >= 3 or n >= 4):
            return div, text[n:]   # (沙特阿拉伯|吉达: a long country's name leaves a short city)
    return None, text


def _country_before(m: Mention, sents, d) -> Division | None:
    """The foreign country a place LAC found is written after (俄罗斯莫斯科), or is the
    capital or a city of (连接印尼首都雅加达和第四大城市万隆)."""
    if m.via not in ("lac", "capital") or m.text.endswith(("共和国", "王国", "联邦", "酋长国")):
        return None   # 伊朗伊斯兰共和国: the rest of the country's own name
    text = sents[m.sent].text
    before = _CAPITAL.sub("", text[max(0, m.start - 14):m.start])
    # 美国肯塔基州|路易斯维尔市: a state may stand between the country and the city
    city = not re.search(r"[会院部局长委党厅署]$", m.text)   # (加州|州长, 美国…州|众议院调查委员会: no city)
    for head in [before] + [before[:-k] for k in range(3, 8) if city and before.endswith(("州", "邦"))]:
        for n in range(min(len(head), 12), 1, -1):
            div = d.lookup(head[-n:])
            if div is not None and div.code.startswith("iso-"):
                return div
    noun = _CITY_NOUN.search(text, 0, m.start)
    if noun is None:
        return None
    clause = re.split(r"[，,；;]", text[:noun.start()])[-1]
    found = None
    for i in range(len(clause)):
        for n in range(min(12, len(clause) - i), 1, -1):
            div = d.lookup(clause[i:i + n])
            if div is not None and div.code.startswith("iso-"):
                found = div
                break
    return found


def _parent_of(m: Mention, sents, d, context, home: Home) -> Division | None:
    """The division a town, street, village or zone lies in: the one a zone is named
    after (重庆高新区), one named just before it in the sentence (荣昌区万灵镇), else the
    paper's home district."""
    if m.text.endswith(_ZONES):
        for n in range(min(len(m.text) - 3, 12), 1, -1):
            div = d.lookup(m.text[:n], context)
            if div is not None and div.level >= 1:
                return div
    before = sents[m.sent].text[max(0, m.start - 12):m.start]
    for n in range(len(before)):
        div = d.lookup(before[n:], context)
        if div:   # the longest name that ends there (黑龙江, not its 龙江县)
            return div if div.level >= 2 else home.county
    return home.county


_PEER = re.compile(r"([\u4e00-\u9fff]{2,16})[、和及与]$")


def _after_its_peer(m: Mention, sents, d) -> str | None:
    """河南省委、省政府: a body named by its level alone right after a body of a division
    of that level is that division's (河南省政府)."""
    text = m.text
    if len(text) < 3 or text[0] not in "省市县区州":
        return None
    peer = _PEER.search(sents[m.sent].text, 0, m.start)
    if peer is None:
        return None
    word = peer.group(1)
    for k in range(len(word) - 1, max(1, len(word) - 7), -1):   # the peer's own part is short (委, 人大常委会)
        if word[k - 1] != text[0]:
            continue
        for a in range(0, k - 2):
            if (div := d.lookup(word[a:k])) is not None and div.name == word[a:k]:
                return word[a:k] + text[1:]
    return None


def _qualify(name: str, home: Home) -> str:
    """区民政局 → 北碚区民政局 in a 北碚 paper; 市委 → 重庆市委 in a 重庆 paper."""
    if name.startswith("区") and home.county and not name.startswith(("区域", "区块")):
        return home.county.name + name[1:]
    if name.startswith("县") and home.county:
        return home.county.name + name[1:]
    if name.startswith("市") and home.city and not name.startswith(("市场", "市民")):
        return home.city.name + name[1:]
    return name


def _nested_spans(mentions) -> set[tuple[int, int, int]]:
    """Spans of mentions written inside a longer mention of another kind."""
    outer: dict[int, list] = {}
    for m in mentions:
        outer.setdefault(m.sent, []).append(m)
    return {(m.sent, m.start, m.end) for m in mentions
            if any(o.label != m.label and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                   for o in outer[m.sent])}


def _forms_of_address(entities: dict, spans: dict) -> None:
    """习主席, 李总理: a surname and a post are no name. They are the official of that
    surname who holds that post in the document, or no one the graph can name."""
    posts = set(read_list("title_after_name.txt")) - {"同志"}
    people = [e for e in entities.values() if e.label in ("Official", "Person")]
    for e in people:
        post = e.name[1:]
        if post not in posts:
            continue
        holders = [o for o in people if o.label == "Official" and o is not e and o.name[0] == e.name[0]
                   and o.name[1:] not in posts and any(t.endswith(post) for t in o.titles)]
        del entities[(e.label, e.key)]
        if len(holders) == 1:
            _absorb(holders[0], e)
        _repoint(spans, (e.label, e.key), (holders[0].label, holders[0].key) if len(holders) == 1 else None)


def _merge_transcribed(entities: dict, spans: dict) -> None:
    """A transcribed name written once in full and then by its first or last part
    (伊萨亚斯·阿费沃基, then 伊萨亚斯; 劳尔·卡斯特罗, then 劳尔) is one person, where one
    full name of the document begins or ends so."""
    for k in [k for k, e in entities.items() if k[0] in ("Official", "Person") and "·" not in e.name]:
        short = entities[k].name if k in entities else ""
        if len(short) < 2:
            continue
        full = [f for f, e in entities.items() if f[0] in ("Official", "Person") and "·" in e.name]
        owners = [f for f in full if short in (entities[f].name.split("·")[0], entities[f].name.split("·")[-1])]
        if len(owners) != 1:
            continue
        long = owners[0]
        a, b = entities[long], entities.pop(k)
        _absorb(a, b)
        if a.label == "Person" and b.label == "Official" and b.titles:   # a post read at the short form
            del entities[long]
            a.label, long = "Official", ("Official", a.key)
            if long in entities:
                _absorb(entities[long], a)
            else:
                entities[long] = a
            _repoint(spans, owners[0], long)
        _repoint(spans, k, long)


# A document called by its kind alone (《指导意见》, 《方案》), as after （以下简称…）.
_DOCUMENT_KIND = re.compile(r"《(?:指导|实施|行动|工作)?(?:意见|方案|规划|纲要|通知|办法|条例|决定|计划|规定|决议|报告|细则|措施|公报)》")


def _documents_by_kind(entities: dict, spans: dict) -> None:
    """《指导意见》 is the one document of the article whose title ends so; with none or
    several, it names nothing the graph can tell from the same words in other articles."""
    for key in [k for k in entities if k[0] == "Policy" and _DOCUMENT_KIND.fullmatch(entities[k].name)]:
        kind = entities[key].name[1:-1]
        owners = [k for k, e in entities.items() if k[0] == "Policy" and k != key
                  and e.name.rstrip("》").endswith(kind) and len(e.name) > len(kind) + 2]
        if len(owners) == 1:
            _merge(entities, spans, "Policy", owners[0][1], key[1])
        else:
            del entities[key]
            _repoint(spans, key, None)


def _absorb(a: Resolved, b: Resolved) -> None:
    """``a`` takes over the names, titles and mentions of ``b``."""
    a.aliases |= b.aliases | {b.name}
    a.forms |= b.forms
    _add_titles(a, b.titles, b.former)
    a.first = min(a.first, b.first)
    a.spans += b.spans


# A ceremony named by its act alone, in a word or three characters (欢送, 降半旗, 亮灯), with how or
# when it is held (正式, 中秋): a kind; 宪法宣誓仪式 and …水电工程开工仪式 are named by more.
_CEREMONY_KIND = re.compile(r"(?:正式|隆重|庄严|简短|简朴|盛大|重新|在线|特别|首次|现场|中秋|元旦|国庆|春节)?"
                            r"([\u4e00-\u9fff]{0,3})(?:仪式|典礼)")


# Events every place and season holds: named by plain words before them, they name a kind
_EVENT_HEADS = ("发布会", "推介会", "见面会", "交流会", "招待会", "博览会", "对接会", "庆祝活动", "纪念活动", "开幕式", "闭幕式")


def _plain_event(name: str) -> bool:
    """Is the name such an event's head after one or two plain words of the language
    (新书发布会, 思想交流会, 多种形式纪念活动)?"""
    head = next((h for h in _EVENT_HEADS if name.endswith(h)), None)
    return head is not None and len(name) > len(head) and re.fullmatch(r"[\u4e00-\u9fff]+", name) is not None \
        and plain_words(name[:-len(head)], 2)


def _plain_meeting(name: str) -> bool:
    """Is the name a meeting's head after one plain word of the language (政策会议, 论坛峰会,
    范围会议 of 小范围会议)?"""
    m = re.fullmatch(r"([\u4e00-\u9fff]{2})(?:会议|峰会|论坛)", name)
    return m is not None and plain_word(m.group(1)) and divisions().lookup(m.group(1)) is None


def _proper_at(s: Sentence, start: int) -> bool:
    """Does the tagger read a name at ``start`` of the sentence (金砖会议/nz, 利马/LOC)?"""
    return any(t.start == start and t.tag in ("LOC", "ORG", "PER", "nz", "nw") for t in s.tokens)


def _drop_meeting_kinds(entities: dict, spans: dict, sents) -> None:
    """A meeting named by its head after one plain word is none; an event every place holds,
    named by plain words (新书发布会), is the one the document names in full that ends with it,
    or none (an opening or a closing, 高峰论坛开幕式, is the meeting named in full it opens or closes, where no
    opening is named in full, and stays as written where neither is); a ceremony the text names by its kind
    alone (正式欢送仪式, 降半旗仪式) is no meeting of its own: it is the one ceremony the document names
    in full (晋衔仪式 of 中央军委晋升上将军衔仪式; 开工仪式 of …水电工程开工仪式, which the short forms'
    merge has made one already), or none."""
    for key in [k for k in entities if k[0] == "Meeting" and _plain_meeting(k[1])]:
        if not any(_proper_at(sents[si], a) for si, a, _ in entities[key].spans):
            del entities[key]   # 政策会议, 论坛峰会: a kind in one plain word, the one it names merged already
            _repoint(spans, key, None)
    for key in [k for k, e in entities.items() if k[0] == "Meeting" and _plain_event(e.name)]:
        if any(_proper_at(sents[si], a) for si, a, _ in entities[key].spans):
            continue
        name = entities[key].name
        named = [k for k, e in entities.items() if k[0] == "Meeting" and k != key and e.name.endswith(name)
                 and not _plain_event(e.name)]
        stem = name[:-3] if name.endswith(("开幕式", "闭幕式")) else None
        held = [k for k, e in entities.items() if k[0] == "Meeting" and k != key and stem and e.name.endswith(stem)
                and not _plain_event(e.name)]
        if len(named) == 1:
            _merge(entities, spans, "Meeting", named[0][1], key[1])   # 新闻发布会 of …峰会新闻发布会
        elif not named and len(held) == 1:
            _merge(entities, spans, "Meeting", held[0][1], key[1])   # 高峰论坛开幕式: the opening of the one forum named
        elif not named and not held and stem and len(stem) > 2:
            continue   # 高峰论坛开幕式 where no forum is named in full: what the text holds of it
        else:
            del entities[key]   # 新书发布会, 甲板招待会: a kind of event, none named
            _repoint(spans, key, None)
    kinds = [k for k in entities if k[0] == "Meeting" and _CEREMONY_KIND.fullmatch(k[1])]
    named = [k for k in entities if k[0] == "Meeting" and k not in kinds and k[1].endswith(("仪式", "典礼"))]
    for key in kinds:
        act = _CEREMONY_KIND.fullmatch(key[1]).group(1)
        if len(named) == 1 and re.search(".*?".join(map(re.escape, act)), named[0][1]):
            _merge(entities, spans, "Meeting", named[0][1], key[1])   # (迎回仪式 is no 安葬仪式)
        else:
            del entities[key]
            _repoint(spans, key, None)


def _drop_cut_names(entities: dict, spans: dict, sents) -> None:
    """A person's name the tagger cut from a longer name the document holds (李家 of
    李家超, 撒马尔 of 撒马尔罕, 奥云额尔 of 奥云额尔登; 曲珍 of 古桑曲珍): where the text goes on into
    the longer name at every mention, it is that one, not a person of its own."""
    text = {s.index: s.text for s in sents}
    longer = sorted({e.name for e in entities.values()}, key=lambda n: (-len(n), n))
    for key in [k for k, e in entities.items() if k[0] == "Person" and not e.titles and not e.role]:
        e = entities[key]
        cut = {}
        for si, start, end in e.spans:
            t = text.get(si, "")
            long = next((n for n in longer if len(n) > len(e.name) and (
                n.startswith(e.name) and t.startswith(n, start)
                or n.endswith(e.name) and "·" not in n and t.startswith(n, start - (len(n) - len(e.name))))), None)
            if long is None:
                break
            cut[(si, start, end)] = long
        else:
            if not cut:
                continue
            del entities[key]
            for sp in cut:
                spans.pop(sp, None)


def _merge_short_forms(entities: dict, spans: dict) -> None:
    """One thing written in two lengths is one entity: 石黔高速 is 石黔高速公路,
    工业互联网产业生态园项目 is 工业互联网产业生态园, a name cut short at its start
    (发展联席会议) is the longer one that ends the same way, and a meeting written
    without its number (国务院全体会议) is the one numbered meeting of its name."""
    tails = ("公路", "项目", "工程", "战略", "改革", "行动", "政策", "制度", "建设")
    by_label: dict[str, list[str]] = {}
    for (label, key) in entities:
        by_label.setdefault(label, []).append(key)
    for label, keys in by_label.items():
        if label in ("Official", "Person", "District"):
            continue
        # each key's forms the pairs below compare, made once (a document has many pairs)
        dashless = {k: _DASHES.sub("—", k) for k in keys}
        unnumbered = {k: _unnumbered(k) for k in keys} if label == "Meeting" else {}
        longest_first = sorted(keys, key=lambda k: (-len(k), k))
        for short in sorted(keys, key=lambda k: (len(k), k)):
            if (label, short) not in entities:
                continue
            for long in longest_first:
                if long == short or (label, long) not in entities:
                    continue
                rest = long[len(short):] if long.startswith(short) else None
                if rest in tails or (len(short) >= 4 and long.endswith(short) and _same_organ(long, short)) \
                        or label == "Organization" and _country_short(long, short) \
                        or label == "Organization" and len(short) == 3 and long.endswith(short) \
                        and long[:-3] in read_set("org_suffixes.txt") \
                        or dashless[long] == dashless[short] \
                        or label == "Meeting" and unnumbered[long] == short \
                        and sum(unnumbered[k] == short != k for k in keys if (label, k) in entities) == 1 \
                        or label == "Meeting" and _ends_kept(long, short) \
                        and sum(_ends_kept(k, short) for k in keys if (label, k) in entities) == 1:
                    keep, drop = long, short
                    if label == "Project" and keep.endswith("项目") and rest == "项目":
                        keep, drop = short, long   # the name without 项目 is the thing itself
                    _merge(entities, spans, label, keep, drop)
                    break


def _merge_bracketed(entities: dict, spans: dict, sents) -> None:
    """A short name in brackets right after a long one of the same kind is that one's
    (天津至北京大兴国际机场铁路（津兴铁路）)."""
    at = {(si, a): (b, key) for (si, a, b), key in spans.items()}
    for (si, a, b), key in sorted(spans.items()):
        text = sents[si].text
        short = at.get((si, b + 1))
        if key[0] in ("Project", "Organization", "Meeting", "Policy") and text.startswith("（", b) and short \
                and short[1][0] == key[0] and short[1] != key and text.startswith("）", short[0]) \
                and key in entities and short[1] in entities:
            _merge(entities, spans, key[0], key[1], short[1][1])


_DASHES = re.compile(r"[—－\-–―─]+")   # 中国—阿联酋 and 中国－阿联酋: one dash as written twice


def _ends_kept(long: str, short: str) -> bool:
    """纪念大会 for 纪念…胜利80周年大会: a meeting called later by the first words of its
    name and its head."""
    head = next((h for h in ("座谈会", "大会", "会议", "论坛", "峰会", "博览会") if short.endswith(h)), None)
    if head is None or not 2 <= len(short) - len(head) <= 4 or len(long) < len(short) + 4 \
            or re.search(r"[第届次\d]", short):
        return False   # (not a session within the name of one of its sittings)
    return long.endswith(head) and long.startswith(short[:-len(head)])


def _unnumbered(meeting: str) -> str:
    """国务院第七次全体会议 without its number: 国务院全体会议, the same meeting where
    the document numbers no other."""
    bare = re.sub(r"第[一二三四五六七八九十百零\d]+次", "", meeting)
    # 政协第十四届全国委员会第六次主席会议 is written 全国政协主席会议 without its numbers
    return re.sub(r"^(?:中国人民政治协商会议|政协)第[一二三四五六七八九十]+届全国委员会", "全国政协", bare)


# Organs of the state, not of the party: 中共全国政协(党组) is the party's group in it.
_STATE_ORGANS = ("人大", "政协", "国务院", "政府", "法院", "检察院")


def _country_short(long: str, short: str) -> bool:
    """俄国防部 is 俄罗斯国防部: a country's body by the country's one-character name."""
    country = country_by_abbr(short[:1])
    return country is not None and long == country.name + short[1:] and len(short) >= 3


def _same_organ(long: str, short: str) -> bool:
    """Is ``long`` ``short`` qualified by where it is (中共重庆市委 for 重庆市委)? Not when
    the place is another country, nor when the qualification is the party before a state
    organ (中共全国人大常委会党组), nor when it is a national organ of its own: 中共中央国务院
    中央军委 is a list written without its commas."""
    head = long[: len(long) - len(short)]
    if head == "中共" and any(w in short for w in _STATE_ORGANS):
        return False
    national = read_list("national_prefixes.txt")
    if is_country(head) and head not in ("中国", "中华人民共和国") and short.startswith(national):
        return False   # 古巴全国人大, 美国国务院: another country's organ of China's organ's name
    return not (short.startswith(national) and head.startswith(national)
                and head.endswith(tuple(read_list("org_suffixes.txt"))))


def _add_titles(e: Resolved, titles: list[str], former: set[str]) -> None:
    """A title is former when every mention that writes it puts it in the past."""
    for t in titles:
        if t not in e.titles:
            e.titles.append(t)
            if t in former:
                e.former.add(t)
        elif t not in former:
            e.former.discard(t)


def _merge(entities: dict, spans: dict, label: str, keep: str, drop: str) -> None:
    a, b = entities[(label, keep)], entities.pop((label, drop))
    _absorb(a, b)
    _repoint(spans, (label, drop), (label, keep))


def _repoint(spans: dict, old: tuple[str, str], new: tuple[str, str] | None) -> None:
    """The mentions of entity ``old`` name ``new`` now, or no entity when it is None."""
    for sp, v in list(spans.items()):
        if v == old:
            if new is None:
                del spans[sp]
            else:
                spans[sp] = new


def implied(entities: dict, label: str, name: str, key: str | None = None, **attrs) -> Resolved:
    """The entity (label, key), made when the text does not name it (the organisation
    behind a post, the province above a county) and marked ``implied``: the graph has
    it, the gold-schema output leaves it out."""
    key = key or name
    e = entities.get((label, key))
    if e is None:
        e = entities[(label, key)] = Resolved(label, name, key, attrs={"implied": True, **attrs})
    return e
