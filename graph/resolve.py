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

from .divisions import Division, divisions
from .extract import Mention, Sentence
from .lexicon import read_list, read_set

_HOME_COUNTY = ("我区", "本区", "全区", "我县", "本县", "全县")
_HOME_CITY = ("我市", "本市", "全市")
_MOTION = "来赴在返离留驻到"
_SUB_COUNTY = ("街道", "镇", "乡", "村", "社区", "组团")
# Which labels win when one name is found as two kinds of thing.
_RANK = {"Official": 0, "Person": 1, "Meeting": 2, "Project": 3, "Organization": 4, "District": 5, "Policy": 6}
_VIA_RANK = {"title": 0, "role": 0, "act": 1, "book": 1, "quote": 1, "suffix": 2, "division": 2, "context": 3, "lac": 4}


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


def infer_home(publication: str | None, sents: list[Sentence], found: list[Division]) -> Home:
    """The district and city a local paper speaks for: named by the paper (北碚报), or,
    when the text says 我区/我市, the division it names most often."""
    d = divisions()
    home = Home()
    if publication:
        stem = re.sub(r"(日报|晚报|时报|报)$", "", publication)
        div = d.lookup(stem) if stem else None
        if div:
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
            cities = Counter(x.code for x in found if x.level <= 2)
            if cities:
                home.city = d.by_code[_most_common(cities)]
    return home


def _most_common(counter: Counter) -> str:
    best = max(counter.values())
    return min(k for k, v in counter.items() if v == best)


def resolve(mentions: list[Mention], sents: list[Sentence], publication: str | None = None):
    """Entities of the document and, per mention span, the entity it names.

    Returns (entities by (label, key), span index {(sentence, start, end): (label, key)},
    home)."""
    d = divisions()
    explicit = [d.lookup(m.text) for m in mentions if m.label == "District"]
    home = infer_home(publication, sents, [x for x in explicit if x])
    # the divisions named, their ancestors and the home settle ambiguous names (江北区
    # beside 两江新区 is 重庆's)
    named = [x for x in explicit if x] + [h for h in (home.county, home.city) if h]
    context = {x.code for x in named} | {a.code for x in named for a in d.ancestors(x.code) if a.level >= 1}
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
    spans: dict[tuple[int, int, int], tuple[str, str]] = {}
    last_district: dict[int, Division | str] = {}
    for m in sorted(mentions, key=lambda m: (m.sent, m.start, -m.end)):
        label = best[m.text].label
        if label != m.label and not (m.label == "Official" and label == "Official"):
            if m.via in ("lac", "context"):
                continue
        name, key, attrs, aliases = _canonical(label, m, d, context, home, sents, last_district)
        if name is None:
            continue
        e = entities.get((label, key))
        if e is None:
            e = entities[(label, key)] = Resolved(label, name, key, attrs=attrs)
        e.aliases.update(aliases)
        e.aliases.add(m.text)
        if m.via != "context":
            e.forms.add(m.text)
        if len(name) > len(e.name):
            e.aliases.add(e.name)
            e.name = name
        _add_titles(e, m.titles, set(m.former))
        if m.role and not e.role:
            e.role = m.role
        e.first = min(e.first, (m.sent, m.start))
        e.spans.append((m.sent, m.start, m.end))
        spans[(m.sent, m.start, m.end)] = (label, key)
    _merge_short_forms(entities, spans)
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


def _canonical(label: str, m: Mention, d, context: set[str], home: Home, sents, last_district):
    """(name, key, attrs, aliases) of a mention, or None when it names nothing usable."""
    text = m.text
    if label == "District":
        div = None
        if text in _HOME_COUNTY:
            div = home.county
        elif text in _HOME_CITY:
            div = home.city
        elif m.via == "context" and home.county and text == home.county.short[-1]:
            div = home.county
        elif m.via == "context" and text in d.abbreviations:
            div = d.abbreviations[text]
        else:
            div = d.lookup(text, context)
        if div is not None:
            last_district[m.sent] = div
            aliases = {div.short} if len(div.short) >= 2 else set()
            if div.name.endswith("自治县"):
                aliases.add(div.short + "县")
            if div.name.endswith("自治州"):
                aliases.add(div.short + "州")
            return div.name, d.path(div.code), {"adcode": div.code, "level": div.level}, aliases
        if _generic_place(text):
            return None, None, None, None
        if text.endswith(_SUB_COUNTY) or text.endswith(("新区", "高新区", "经开区", "开发区")):
            parent = _parent_of(m, sents, d, context, home)
            key = f"{d.path(parent.code)}/{text}" if parent else text
            attrs = {"parent": parent.code} if parent else {}
            return text, key, attrs, set()
        return None, None, None, None   # a LOC that names no division: river, mountain, building
    if label == "Organization":
        full = _qualify(text, home)
        return full, full, {}, {text} if full != text else set()
    if label == "Project":
        return text, text, {}, _without_place(text, d)
    return text, text, {}, set()


def _without_place(name: str, d) -> set[str]:
    """北碚区梁滩河流域生态综合治理项目 is also written without its district."""
    for n in range(min(len(name) - 4, 10), 1, -1):
        if name[:n] in d.by_form:
            return {name[n:]}
    return set()


def _generic_place(text: str) -> bool:
    """农村, 美丽乡村, 领导联村: words about places, not names of places."""
    return text in read_set("generic_names.txt") or any(w in text for w in read_list("generic_place_parts.txt"))


def _parent_of(m: Mention, sents, d, context, home: Home) -> Division | None:
    """The county-level division a town, street or village lies in: one named just
    before it in the sentence (荣昌区万灵镇), else the paper's home district."""
    before = sents[m.sent].text[max(0, m.start - 12):m.start]
    for n in range(len(before)):
        div = d.lookup(before[n:], context)
        if div and div.level >= 2:
            return div
    return home.county


def _qualify(name: str, home: Home) -> str:
    """区民政局 → 北碚区民政局 in a 北碚 paper; 市委 → 重庆市委 in a 重庆 paper."""
    if name.startswith("区") and home.county and not name.startswith(("区域", "区块")):
        return home.county.name + name[1:]
    if name.startswith("县") and home.county:
        return home.county.name + name[1:]
    if name.startswith("市") and home.city and not name.startswith(("市场", "市民")):
        return home.city.name + name[1:]
    return name


def _merge_short_forms(entities: dict, spans: dict) -> None:
    """One thing written in two lengths is one entity: 石黔高速 is 石黔高速公路,
    工业互联网产业生态园项目 is 工业互联网产业生态园, and a name cut short at its start
    (发展联席会议) is the longer one that ends the same way."""
    tails = ("公路", "项目", "工程", "战略", "改革", "行动", "政策", "制度")
    by_label: dict[str, list[str]] = {}
    for (label, key) in entities:
        by_label.setdefault(label, []).append(key)
    for label, keys in by_label.items():
        if label in ("Official", "Person", "District"):
            continue
        for short in sorted(keys, key=lambda k: (len(k), k)):
            if (label, short) not in entities:
                continue
            for long in sorted(keys, key=lambda k: (-len(k), k)):
                if long == short or (label, long) not in entities:
                    continue
                rest = long[len(short):] if long.startswith(short) else None
                if rest in tails or (len(short) >= 4 and long.endswith(short)):
                    keep, drop = long, short
                    if label == "Project" and keep.endswith("项目") and rest == "项目":
                        keep, drop = short, long   # the name without 项目 is the thing itself
                    _merge(entities, spans, label, keep, drop)
                    break


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
    a.aliases |= b.aliases | {b.name}
    a.forms |= b.forms
    _add_titles(a, b.titles, b.former)
    a.first = min(a.first, b.first)
    a.spans += b.spans
    for sp, v in list(spans.items()):
        if v == (label, drop):
            spans[sp] = (label, keep)
