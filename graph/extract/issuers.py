"""ISSUED from a document's own title: 《中共中央、国务院关于…的意见》 was issued by the
bodies named before 关于 (the cue relations find 印发, 发布 and the like)."""
from __future__ import annotations

import re

from .divisions import divisions, sides
from .doc import Doc
from .resolve import implied


def issued(doc: Doc) -> None:
    _issued_by_title(doc.entities, doc.add, doc.sentence)


# A document a meeting deliberates or adopts (审议通过了《…》), or a draft, is not issued
# by the bodies its title names, not yet (GUIDELINES: ISSUED is 印发, 发布).
_DELIBERATED = re.compile(r"(?:审议|讨论|通过|听取)了?(?:关于)?$")
# The issuers' separators; 和 of 共和国 is none.
_AND = re.compile(r"[、与及同]|(?<!共)和")
_DRAFT = re.compile(r"草案|（稿）|\(稿\)|征求意见稿")


def _apart(issuer: str, text: str) -> list[str]:
    """《中共中央 国务院关于…》: bodies parted by a space, which the document's name has lost."""
    written = re.search(r"\s*".join(map(re.escape, issuer)), text)
    return re.split(r"\s+", written.group()) if written else [issuer]


def _issued_by_title(entities: dict, add, sentence) -> None:
    """《中共中央、国务院关于…的意见》: the issuers are named before 关于."""
    orgs = {n: e for e in entities.values() if e.label == "Organization" for n in {e.name, *e.aliases}}
    for p in [e for e in entities.values() if e.label == "Policy"]:
        m = re.match(r"《([^》：:，,—]{2,40}?)关于", p.name)   # (not a title's theme before a dash)
        si, start = p.first
        text = sentence(si)
        if not m or _DRAFT.search(p.name) or _DRAFT.match(text, start + len(p.name)) \
                or _DELIBERATED.search(text, 0, start):
            continue
        for issuer in [part for issuer in _AND.split(m.group(1)) for part in _apart(issuer, text)]:
            # two countries' statement, by their names or their short names (中泰, 中俄)
            if len(issuer) >= 2 and divisions().lookup(issuer) is None and not sides(issuer, most=3):
                org = orgs.get(issuer) or implied(entities, "Organization", issuer)
                add("ISSUED", org, p, p.first[0])
