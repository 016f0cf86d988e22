"""The regions of an official's posts in one document: the province whose organs they
belong to (四川省委 → 四川省, 江宁区 → 江苏省), or the foreign country; national posts
(国务院, 中央) and organs without a place give none. graph/merge/officials.py decides from them
which official each name is across documents. ``observations`` is computed with each
file's analysis (and cached with it), so this module is analysis code.
"""
from __future__ import annotations

from .divisions import COUNTRY_CODE, divisions
from .lexicon import read_list
from .records import DocResult
from .titles import ends_with_head, only_role, person_roles, role_of

SEP = "|"
NOT_A_PERSON = "!"   # the region set of a name the document shows is no person's
BARE = "?"           # …of a name the document gives as a person's with nothing to show it
LISTED = "+"         # …of the names, joined by 、, the document writes as one list of people
ROLED = "~"          # …of a name the document gives a role (its date: the role, 航天员)
TITLED = "="         # …of an official the document gives a post
DEPUTY = "^"         # …of one whose only posts are a people's congress deputy's (全国人大代表)
POSTED_ROLE = "&"    # …of an official the document gives a role beside a post (its date: the role)
_RELATIVE = "省市区县"   # 省委, 市政府 written without their place: the paper's own


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


def mentions_of(doc: DocResult) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Each official of the document with the sorted regions of its posts, and whether
    one of them is a post held at the document's date (not a former one: 时任, 原…)."""
    entities = {(e.label, e.key): e for e in doc.entities}
    context = frozenset(e.attrs["adcode"] for e in doc.entities if e.label == "District" and e.attrs.get("adcode"))
    home = region_of_code(doc.home)
    out = {e.key: set() for e in doc.entities if e.label == "Official"}
    held = set()
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
            if not r.attrs.get("former"):
                held.add(r.source[1])
    return {name: (tuple(sorted(regions)), name in held) for name, regions in out.items()}


def observations(doc: DocResult) -> list[list]:
    """[name, its regions joined by SEP, the document's date or None] of each official
    of the document; one whose posts have no region gives ``""`` and no date (it says
    only that the name is an official's). Former posts join the regions but do not date
    them: a mention whose posts with a region are all former counts as undated.
    A name the document shows is no person's (``DocResult.not_people``) gives
    ``NOT_A_PERSON`` for its regions, a bare Person (graph/extract/resolve.py) ``BARE``;
    a list of people's names (``DocResult.people_lists``) gives them joined, ``LISTED``;
    a Person given a role ``ROLED`` with the role in place of the date, an Official given
    a post ``TITLED``, or ``DEPUTY`` when its posts are all a deputy's; a role an Official
    is given beside a post (全国人大代表、航天员王亚平) ``POSTED_ROLE`` with the role."""
    return [[name, SEP.join(regions), doc.date if held and regions else None]
            for name, (regions, held) in mentions_of(doc).items()] \
        + [[name, NOT_A_PERSON, None] for name in doc.not_people] \
        + [[e.key, BARE, None] for e in doc.entities if e.label == "Person" and e.attrs.get("bare")] \
        + [["、".join(names), LISTED, None] for names in doc.people_lists] \
        + [[e.key, ROLED, e.role] for e in doc.entities if e.label == "Person" and e.role] \
        + [[e.key, DEPUTY if all(t.endswith("代表") for t in e.titles) else TITLED, None]
           for e in doc.entities if e.label == "Official" and e.titles] \
        + [[e.key, POSTED_ROLE, role] for e in doc.entities if e.label == "Official"
           for role in sorted(_roles_in_posts(e.titles))]


def _roles_in_posts(titles: list[str]) -> set[str]:
    """The roles an official's titles give: a role among the posts (全国人大代表、航天员),
    or one that names the unit of a post (航天员大队大队长, 运动员委员会主席)."""
    out = {role_of(t) for t in titles if only_role(t)}
    for t in titles:
        head = ends_with_head(t) or ""
        out.update(r for r in person_roles() if len(r) >= 3 and r in t[:len(t) - len(head)])
    return out
