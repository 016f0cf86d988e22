"""One article in, one DocResult out: the components a document goes through, in order.

Each component is a function of the document under construction (doc.py) that adds
its part to it; the module it lives in is named for what it adds. Reading the article
(loaders/) comes before; merging documents into the graph (graph/merge/) after.
"""
from __future__ import annotations

import dataclasses

from loaders.article import Article

from .doc import Doc
from .hierarchy import part_of
from .issuers import issued
from .mentions import find_mentions
from .places import located_in
from .posts import holds_position
from .records import DocResult
from .relate import cue_relations
from .resolve import page_home, resolve_entities
from .sentences import split_sentences

PIPELINE = (
    split_sentences,    # sentences and tokens: the language model's words and tags
    find_mentions,      # where the text names someone or something, with the titles around a name
    resolve_entities,   # mentions to the document's entities: one per official, place, body…
    cue_relations,      # what each sentence says: VISITED, ATTENDED, ACCOMPANIED, ISSUED…
    holds_position,     # implied: each post to the body it belongs to
    located_in,         # implied: where organisations, projects and places are
    issued,             # implied: a document's issuers named in its title
    part_of,            # implied: the divisions up the division table
)


def analyse(article: Article) -> DocResult:
    doc = Doc(article, analysed_text(article))
    for component in PIPELINE:
        component(doc)
    return doc.result()


def analysed_text(article: Article) -> str:
    # the headline is text too: it often names the meeting or the visit
    return f"{article.title}\n{article.text}" if article.title else article.text


def analyse_page(articles: list[Article]) -> list[DocResult]:
    """The articles of one file; a county paper's page lends its county to articles
    that have none of their own (全区1870名防疫一线工作者… names no district)."""
    home = page_home([f"{a.title}\n{a.text}" for a in articles]) if len(articles) > 1 else None
    return [analyse(a if a.home or not home else dataclasses.replace(a, home=home)) for a in articles]
