"""One node per official across documents.

Within a document one name is one official (graph/extract/resolve.py). Across documents the
same name is one official unless the posts say otherwise: each mention gets the regions
of its posts — the province whose organs they belong to (四川省委 → 四川省, 江宁区 →
江苏省), or the foreign country. National posts (国务院, 中央) and organs without a place
give no region: they fit any.

An official holds posts in one province at a time. So the regions of a name are one
official's when a document joins them (it gives one name posts in both), or when the
dates of the documents put one after the other: the mentions in 浙江省 all before those
in 重庆市 are a transfer. Dates that interleave (四川, then 江苏, then 四川 again; two
provinces on one day) are two officials, and a province after two such namesakes is a
third (which of them was transferred is not known). Undated documents prove nothing:
their regions join the one official there is. Nor do former posts (时任福州市委书记, 原…,
graph/extract/titles.py): a document joins their regions to its official's, but its date is not
when they were held, so a mention whose posts with a region are all former counts as
undated. Foreign countries are not joined by dates (a foreign leader is not transferred
to a province nor to another country).

Mentions without a region join, for a split name, the official of the paper's own
province (DocResult.home), else the official named in the most documents (ties: the
first key). An unsplit name keeps its plain id; each official of a split name is keyed
``name（region）`` (王刚（四川省）), its regions joined by 、 when it has several.

The merge counts first, per name and set of regions of a mention, the mentions and
their first and last date (a small summary, kept by incremental builds), from the
mentions the workers list with each file's analysis (graph/extract/regions.py); ``persons``
then decides, as the documents are merged. The counts and dates do not depend on
the order the documents come in, so neither does the decision.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..extract.divisions import divisions
from ..extract.records import DocResult
from ..extract.regions import (BARE, DEPUTY, LISTED, NOT_A_PERSON, POSTED_ROLE, ROLED, SEP as _SEP, TITLED, mentions_of,
                               observations, region_of_code)
from ..schema import node_id


@dataclass(frozen=True)
class Person:
    key: str                    # node key: the name, or name（region）
    regions: tuple[str, ...]
    documents: int              # documents whose posts place it


def qualified(name: str, regions) -> str:
    return f"{name}（{'、'.join(regions)}）"


class Officials:
    """Which node each official mention of the corpus becomes."""

    def __init__(self, summary: dict | None = None):
        # name -> region set ("四川省|江苏省") -> [mentions, first date, last date]
        summary = dict(summary or {})
        # names some document shows are no person's, kept under a key no name can be
        self.no_people: set[str] = set(summary.pop(NOT_A_PERSON, ()))
        # names some document gives as people's with nothing to show it (dropped unless an official's)
        self.bare: set[str] = set(summary.pop(BARE, ()))
        # lists of people's names some document writes (A、B、C), each joined by 、
        self.lists: set[str] = set(summary.pop(LISTED, ()))
        # names some document gives a role that is no post (航天员, 运动员, 夫人), and names
        # some document gives a post
        self.roled: set[str] = set(summary.pop(ROLED, ()))
        self.titled: set[str] = set(summary.pop(TITLED, ()))
        # names whose posts in every document are a deputy's: a deputy may be a worker,
        # a farmer or an athlete, so a role proves no namesake
        self.deputies: set[str] = set(summary.pop(DEPUTY, ()))
        # name|role of officials some document gives a role beside a post (全国人大代表、
        # 航天员王亚平): that role proves no namesake
        self.posted_roles: set[str] = set(summary.pop(POSTED_ROLE, ()))
        self._listed: set[str] | None = None
        self.seen: dict[str, dict[str, list]] = {
            n: {combo: list(v) for combo, v in c.items()} for n, c in summary.items()}
        self._persons: dict[str, list[Person] | None] = {}

    @classmethod
    def of(cls, docs) -> "Officials":
        """Who each official is across the documents ``docs``."""
        officials = cls()
        for doc in docs:
            officials.observe(doc)
        return officials

    def observe(self, doc: DocResult) -> None:
        self.count(observations(doc))

    def count(self, observed: list) -> None:
        """Count a document's ``regions.observations`` (what ``observe`` counts; the
        workers list them with each file's analysis, so the merge need not read the
        documents twice)."""
        for name, combo, date in observed:
            if combo == ROLED:
                if not date.endswith(_OFFICE_ROLES):
                    self.roled.add(name)
                    self._listed = None
                continue
            if combo == POSTED_ROLE:
                self.posted_roles.add(name + _SEP + date)
                continue
            if combo in (TITLED, DEPUTY):
                (self.titled if combo == TITLED else self.deputies).add(name)
                self._listed = None
                continue
            if combo in (NOT_A_PERSON, BARE):
                (self.no_people if combo == NOT_A_PERSON else self.bare).add(name)
                continue
            self._listed = None
            if combo == LISTED:
                self.lists.add(name)
                continue
            seen = self.seen.setdefault(name, {})
            if combo:
                _count(seen, combo, date)
                self._persons.pop(name, None)

    def is_official(self, name: str) -> bool:
        """Is the name an official's in some document of the build, or named in a list
        of people most of whom are officials (a list of leaders present, of a funeral
        committee: the others are leaders too, named without their posts)?"""
        return self._posted(name) or name in self.listed()

    def _posted(self, name: str) -> bool:
        """An official's in some document: by a post, or by what officials do (出席,
        会见, 同志) unless another document gives the name a role that is no post
        (航天员翟志刚同志 in an honours decision, 布丽吉特陪同 beside her husband)."""
        return name in self.seen and (name in self.titled or name in self.deputies or name not in self.roled)

    def listed(self) -> set[str]:
        """The names made officials by the lists they are named in: lists of which at
        least two names, and two in three, are officials' elsewhere (fewer would let two
        athletes who share officials' names make their whole team officials); of a long
        list (a committee's members, those at a funeral), a quarter."""
        if self._listed is None:
            self._listed = set()
            for joined in self.lists:
                names = joined.split("、")
                known = sum(self._posted(n) for n in names)
                if known >= 2 and (3 * known >= 2 * len(names) or len(names) >= _LONG_LIST and 4 * known >= len(names)):
                    self._listed.update(n for n in names if not self._posted(n) and n not in self.roled)
        return self._listed

    def official_names(self) -> set[str]:
        return {n for n in self.seen if self._posted(n)} | self.listed()

    def is_no_person(self, name: str) -> bool:
        """Does some document of the build show the name is a place's or a group's
        (在赫尔松州, 哈马斯武装), however the tagger read it elsewhere?"""
        return name in self.no_people

    def typed(self, doc: DocResult) -> DocResult:
        """The document with each Person whose name is an official's elsewhere in the
        build made that Official (one person, one node: 何立峰 named without a post in
        one article is the 国务院副总理 of the others), and each whose name is a place's
        or a group's elsewhere (哈马斯, 赫尔松) dropped with its relations, and so is a
        bare one (the tagger's guess alone: 夏收, 景明) whose name is no official's. A
        Person the text gives a role (记者, 村民, 航天员…) stays one, unless the role is one an
        official has too (代表, 教授, 院士, 负责人…: 全国人大代表X is the official X; 夫人
        says whose wife, not what she does), or the official's posts are all a deputy's
        (工人X is the 全国人大代表 X), or some document gives the official that role beside
        a post (航天员X is the 全国人大代表、航天员X). An Official the document gives no post is a
        Person when the build shows the name is no official's (``_posted``)."""
        persons = {e.key: e.attrs.get("bare") for e in doc.entities
                   if e.label == "Person" and (not e.role or e.role.endswith(_RETYPED_ROLES)
                                               or e.key in self.deputies and e.key not in self.titled
                                               or e.key + _SEP + e.role in self.posted_roles)}
        retype = {k for k in persons if self.is_official(k)}
        drop = {("Person", k) for k, bare in persons.items() if k not in retype and (bare or self.is_no_person(k))}
        people = {e.key for e in doc.entities if e.label == "Person"}
        demote = {e.key for e in doc.entities if e.label == "Official" and not e.titles and e.key not in people
                  and not self.is_official(e.key)}
        # a Person kept apart by its role from the official of its name: which officials
        # it is not (merges.json gives the reason)
        namesakes = {e.key: self.official_ids(e.key) for e in doc.entities
                     if e.label == "Person" and e.key not in persons and self.is_official(e.key)}
        if not retype and not drop and not namesakes and not demote:
            return doc
        def label(key):
            if key[0] == "Official" and key[1] in demote:
                return ("Person", key[1])
            return ("Official", key[1]) if key[0] == "Person" and key[1] in retype else tuple(key)
        def typed_entity(e):
            if e.label == "Person" and e.key in retype:
                return replace(e, label="Official", attrs={k: v for k, v in e.attrs.items() if k != "bare"})
            if e.label == "Official" and e.key in demote:
                return replace(e, label="Person", titles=[])
            if e.label == "Person" and e.key in namesakes:
                return replace(e, attrs={**e.attrs, "namesakes": namesakes[e.key]})
            return e
        entities = [typed_entity(e) for e in doc.entities if (e.label, e.key) not in drop]
        def possible(r):   # what a Person cannot do, nor be accompanied in
            return not ((r.type in _OFFICIALS_ACTS and label(r.source)[0] == "Person")
                        or (r.type == "ACCOMPANIED" and label(r.target)[0] == "Person"))
        relations = [replace(r, source=label(r.source), target=label(r.target)) for r in doc.relations
                     if r.source not in drop and r.target not in drop and possible(r)]
        return replace(doc, entities=sorted(entities, key=lambda e: (e.label, e.key)), relations=relations)

    def official_ids(self, name: str) -> list[str]:
        """The node ids of the officials of a name (several when it is split)."""
        persons = self.persons(name)
        return sorted(node_id("Official", p.key) for p in persons) if persons else [node_id("Official", name)]

    def summary(self) -> dict:
        out = {n: dict(sorted(c.items())) for n, c in sorted(self.seen.items())}
        for key, names in ((NOT_A_PERSON, self.no_people), (BARE, self.bare), (LISTED, self.lists),
                           (ROLED, self.roled), (TITLED, self.titled), (DEPUTY, self.deputies),
                           (POSTED_ROLE, self.posted_roles)):
            if names:
                out[key] = sorted(names)
        return out

    def persons(self, name: str) -> list[Person] | None:
        """The officials of a name that must be split, most documents first (ties by
        key); None when the name is one official."""
        if name not in self._persons:
            self._persons[name] = _split(name, self.seen.get(name) or {})
        return self._persons[name]

    def decision(self, name: str):
        """What the nodes of a name depend on: its officials and the one that takes
        the unplaced mentions (not how many documents each has)."""
        persons = self.persons(name)
        return persons and (persons[0].key, sorted((p.key, p.regions) for p in persons))

    def keys_of(self, doc: DocResult) -> dict[str, Person]:
        """The split officials of a document: name → the Person it is."""
        if not any(self.persons(e.key) for e in doc.entities if e.label == "Official"):
            return {}   # most documents name no split official: no need to place posts
        out = {}
        home = region_of_code(doc.home)
        for name, (regions, _) in mentions_of(doc).items():
            persons = self.persons(name)
            if persons:
                out[name] = (next((p for p in persons if set(regions) & set(p.regions)), None)
                             or next((p for p in persons if home in p.regions), persons[0]))
        return out


# A list of this many names in one sentence is a body's members or a funeral's mourners,
# not a team or a list of prize winners.
_LONG_LIST = 12

# Roles an official may be named by: a Person so named is the official of that name.
_OFFICE_ROLES = ("代表", "教授", "研究员", "专家", "学者", "院士", "负责人", "董事长", "总经理", "会长")
# ... and a role that says whose wife she is, not what she does
_RETYPED_ROLES = _OFFICE_ROLES + ("夫人",)
# Relations only an Official has.
_OFFICIALS_ACTS = ("HOLDS_POSITION", "VISITED", "ATTENDED", "ACCOMPANIED")


def _count(seen: dict[str, list], combo: str, date: str | None) -> None:
    n, first, last = seen.get(combo) or (0, None, None)
    if date:
        first, last = min(first or date, date), max(last or date, date)
    seen[combo] = [n + 1, first, last]


@dataclass
class _Career:
    """Regions one official held, one after another."""
    regions: list[str]
    documents: int
    first: str | None
    last: str | None
    abroad: bool


def _split(name: str, seen: dict[str, list]) -> list[Person] | None:
    """The officials of a name: the regions one document joins are one official's, and
    provinces whose dates follow one another (a transfer) too."""
    careers = _careers(_joined(seen))
    if len(careers) < 2:
        return None
    persons = [Person(qualified(name, sorted(c.regions)), tuple(sorted(c.regions)), c.documents)
               for c in careers]
    return sorted(persons, key=lambda p: (-p.documents, p.key))


def _joined(seen: dict[str, list]) -> list[_Career]:
    """The regions that documents join (union-find over region sets), each group with
    its documents and dates."""
    parent: dict[str, str] = {}

    def root(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for combo in sorted(seen):
        regions = combo.split(_SEP)
        for r in regions[1:]:
            a, b = root(regions[0]), root(r)
            if a != b:
                parent[max(a, b)] = min(a, b)
        root(regions[0])
    groups: dict[str, _Career] = {}
    for r in sorted(parent):
        g = groups.setdefault(root(r), _Career([], 0, None, None, False))
        g.regions.append(r)
        g.abroad = g.abroad or r not in _provinces()
    for combo, (n, first, last) in sorted(seen.items()):
        g = groups[root(combo.split(_SEP)[0])]
        g.documents += n
        if first:
            g.first, g.last = min(g.first or first, first), max(g.last or last, last)
    return list(groups.values())


def _careers(groups: list[_Career]) -> list[_Career]:
    """Join provinces held one after another: in order of first date, a group whose
    dates all follow those of exactly one official so far is that official's next post;
    when they follow none (they overlap) or several, it is another official. An undated
    group (it cannot prove two people) joins the only official there is. Countries stay
    apart: a foreign leader is not transferred."""
    dated = sorted((g for g in groups if g.first and not g.abroad),
                   key=lambda g: (g.first, g.last, g.regions))
    careers: list[_Career] = []
    for g in dated:
        before = [c for c in careers if c.last < g.first]
        if len(before) == 1:
            _extend(before[0], g)
        else:
            careers.append(g)
    for g in sorted((g for g in groups if not g.first and not g.abroad), key=lambda g: g.regions):
        if len(careers) == 1:
            _extend(careers[0], g)
        else:
            careers.append(g)
    return careers + [g for g in groups if g.abroad]


def _extend(career: _Career, g: _Career) -> None:
    career.regions += g.regions
    career.documents += g.documents
    career.last = max(filter(None, (career.last, g.last)), default=None)


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    return frozenset(d.name for d in divisions().by_code.values() if d.level == 1)
