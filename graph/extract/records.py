"""What extraction hands to the graph: the entities and relations of one document.

A ``DocResult`` is a plain, JSON-serialisable value computed from one article alone;
the build caches it per document, and ``KnowledgeGraph.add`` is the only place that
merges many of them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Entity:
    label: str
    name: str                                   # canonical name
    key: str = ""                               # identity across documents (defaults to name)
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)   # Official: posts as written
    role: str | None = None                     # Person: 记者, 村民, 作者 ...
    attrs: dict = field(default_factory=dict)   # e.g. adcode of a district
    sentence: str = ""                          # first sentence it appears in
    forms: list[str] = field(default_factory=list)    # names as written (not 我区, 碚)

    def __post_init__(self):
        self.key = self.key or self.name


@dataclass
class Relation:
    type: str
    source: tuple[str, str]                     # (label, key) of an entity of the document
    target: tuple[str, str]
    sentence: str = ""                          # the evidence
    attrs: dict = field(default_factory=dict)   # HOLDS_POSITION: title, title_norm

    def __post_init__(self):
        self.source, self.target = tuple(self.source), tuple(self.target)


@dataclass
class DocResult:
    doc_id: str
    source: str
    title: str = ""
    date: str | None = None
    publication: str | None = None
    authors: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    home: str | None = None                     # adcode of the paper's place (its county, else its city)
    not_people: list[str] = field(default_factory=list)   # names that are no person's here (哈马斯, 赫尔松)
    people_lists: list[list[str]] = field(default_factory=list)   # keys of people named in one list (A、B、C)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "DocResult":
        d = dict(d)
        d["span"] = tuple(d.get("span") or (0, 0))
        d["entities"] = [Entity(**e) for e in d.get("entities", [])]
        d["relations"] = [Relation(**r) for r in d.get("relations", [])]
        return cls(**d)
