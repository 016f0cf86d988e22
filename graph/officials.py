"""One node per official across documents.

Within a document one name is one official (graph/resolve.py). Across documents the
same name is one official unless the posts say otherwise: each mention gets the regions
of its posts — the province whose organs they belong to (四川省委 → 四川省, 江宁区 →
江苏省), or the foreign country — and a name whose mentions fall in regions that no
document joins is as many officials as there are such groups (a document that gives one
name posts in two provinces, a transfer, joins them). National posts (国务院, 中央) and
organs without a place give no region: they fit any.

Mentions without a region join, for a split name, the official of the paper's own
province (DocResult.home), else the official named in the most documents (ties: the
first key). An unsplit name keeps its plain id; each official of a split name is keyed
``name（region）`` (王刚（四川省）), its regions joined by 、 when it has several.

The merge reads every document twice: ``observe`` counts, per name, the region sets of
its mentions (a small summary, kept by incremental builds); ``persons`` then decides.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .divisions import COUNTRY_CODE, divisions
from .lexicon import read_list
from .records import DocResult

_SEP = "|"
_RELATIVE = "省市区县"   # 省委, 市政府 written without their place: the paper's own


@dataclass(frozen=True)
class Person:
    key: str                    # node key: the name, or name（region）
    regions: tuple[str, ...]
    documents: int              # documents whose posts place it


def qualified(name: str, regions) -> str:
    return f"{name}（{'、'.join(regions)}）"


def region_of_code(code: str | None) -> str | None:
    """The province (or foreign country) of a division; None for China itself."""
    d = divisions()
    div = d.by_code.get(code) if code else None
    if div is None or div.code == COUNTRY_CODE:
        return None
    if div.level != 1:
        div = next((a for a in d.ancestors(div.code) if a.level == 1), div)
    return div.name


def region_of_org(name: str, context: frozenset, home: str | None) -> str | None:
    """The region of an organisation from the place its name starts with (四川省委,
    中共江苏省委, 南京市江宁区人民政府); national organs and unplaced ones give None, a
    relative one (省委) the paper's."""
    if name.startswith(read_list("national_prefixes.txt")):
        return None
    if name.startswith("中共"):
        name = name[2:]
    d = divisions()
    for n in range(min(len(name) - 1, 12), 1, -1):
        div = d.lookup(name[:n], context)
        # a short form opens the name of many a firm (东方电气 is not 东方市's): only a
        # province's stands for its place
        if div is not None and (div.name == name[:n] or div.level <= 1):
            return region_of_code(div.code)
    return home if name[:1] in _RELATIVE else None


def mentions_of(doc: DocResult) -> dict[str, tuple[str, ...]]:
    """Each official of the document with the sorted regions of its posts."""
    entities = {(e.label, e.key): e for e in doc.entities}
    context = frozenset(e.attrs["adcode"] for e in doc.entities if e.label == "District" and e.attrs.get("adcode"))
    home = region_of_code(doc.home)
    out = {e.key: set() for e in doc.entities if e.label == "Official"}
    for r in doc.relations:
        if r.type != "HOLDS_POSITION" or r.source[1] not in out:
            continue
        target = entities.get(r.target)
        if target is None:
            continue
        if target.label == "District":
            region = region_of_code(target.attrs.get("adcode"))
        else:
            region = region_of_org(target.name, context, home)
        if region:
            out[r.source[1]].add(region)
    return {name: tuple(sorted(regions)) for name, regions in out.items()}


class Officials:
    """Which node each official mention of the corpus becomes."""

    def __init__(self, summary: dict | None = None):
        # name -> Counter of its mentions' region sets ("四川省|江苏省")
        self.seen: dict[str, Counter] = {n: Counter(c) for n, c in (summary or {}).items()}
        self._persons: dict[str, list[Person] | None] = {}

    def observe(self, doc: DocResult) -> None:
        for name, regions in mentions_of(doc).items():
            if regions:
                self.seen.setdefault(name, Counter())[_SEP.join(regions)] += 1
                self._persons.pop(name, None)

    def summary(self) -> dict:
        return {n: dict(sorted(c.items())) for n, c in sorted(self.seen.items())}

    def persons(self, name: str) -> list[Person] | None:
        """The officials of a name that must be split, most documents first (ties by
        key); None when the name is one official."""
        if name not in self._persons:
            self._persons[name] = _split(name, self.seen.get(name) or Counter())
        return self._persons[name]

    def decision(self, name: str):
        """What the nodes of a name depend on: its officials and the one that takes
        the unplaced mentions (not how many documents each has)."""
        persons = self.persons(name)
        return persons and (persons[0].key, sorted((p.key, p.regions) for p in persons))

    def keys_of(self, doc: DocResult) -> dict[str, Person]:
        """The split officials of a document: name → the Person it is."""
        out = {}
        home = region_of_code(doc.home)
        for name, regions in mentions_of(doc).items():
            persons = self.persons(name)
            if persons:
                out[name] = (next((p for p in persons if set(regions) & set(p.regions)), None)
                             or next((p for p in persons if home in p.regions), persons[0]))
        return out


def _split(name: str, seen: Counter) -> list[Person] | None:
    """Group the regions a name's mentions hold (union-find over region sets)."""
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
    groups: dict[str, list[str]] = {}
    for r in sorted(parent):
        groups.setdefault(root(r), []).append(r)
    if len(groups) < 2:
        return None
    docs = Counter()
    for combo, n in seen.items():
        docs[root(combo.split(_SEP)[0])] += n
    persons = [Person(qualified(name, rs), tuple(rs), docs[g]) for g, rs in groups.items()]
    return sorted(persons, key=lambda p: (-p.documents, p.key))
