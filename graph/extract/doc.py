"""The document as the pipeline builds it: each component reads what the ones before
it added and adds its own part (sentences, mentions, entities, relations); ``result``
gives the document's DocResult."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from loaders.article import Article

from .records import DocResult, Entity, Relation


@dataclass
class Doc:
    article: Article
    text: str                                    # the headline, then the body
    sents: list = field(default_factory=list)                 # Sentence, by sentences.py
    mentions: list = field(default_factory=list)              # Mention, by mentions.py
    entities: dict = field(default_factory=dict)              # (label, key): Resolved, by resolve.py
    spans: dict = field(default_factory=dict)                 # mention spans of each entity, by resolve.py
    home: object = None                          # resolve.Home: the paper's city, county and name
    relations: list[Relation] = field(default_factory=list)
    placed: set = field(default_factory=set)     # districts the text places (places.py, for hierarchy.py)
    not_people: list = field(default_factory=list)   # names the tagger took for people's, wrongly (mentions.py)
    people_lists: list = field(default_factory=list)  # names written as one list (resolve.py)

    @cached_property
    def _texts(self) -> dict[int, str]:   # asked for once the sentences are there
        return {s.index: s.text for s in self.sents}

    def sentence(self, si: int) -> str:
        return self._texts.get(si, "")

    def add(self, rtype: str, src, dst, si: int, **attrs) -> None:
        """A relation between two entities, with the sentence that gives it."""
        self.relations.append(Relation(rtype, (src.label, src.key), (dst.label, dst.key), self.sentence(si), attrs))

    def result(self) -> DocResult:
        a = self.article
        out = [Entity(e.label, e.name, e.key, sorted(e.aliases), list(e.titles), e.role, dict(e.attrs),
                      self.sentence(e.first[0]), sorted(e.forms)) for e in self.entities.values()]
        out.sort(key=lambda e: (e.label, e.key))
        uniq = {(r.type, r.source, r.target, r.attrs.get("title", "")): r for r in self.relations}
        relations = [uniq[k] for k in sorted(uniq)]
        place = self.home.county or self.home.city
        return DocResult(a.doc_id, a.source, a.title, a.date, a.publication, list(a.authors), tuple(a.span),
                         out, relations, place.code if place else None, list(self.not_people),
                         [list(names) for names in self.people_lists])

