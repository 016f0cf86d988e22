"""Relations from what each sentence says.

A relation needs its cue in the sentence (lexicons/cues.tsv): 调研/考察/走进… for VISITED,
出席/主持/召开… for ATTENDED, 陪同 for ACCOMPANIED, 印发/出台/签署… for ISSUED. Two
names in one sentence without a cue are no relation.

The subject of a cue is an official written before it with nothing between them but
other officials and their titles, dates and words such as 一行, 等, 先后
(``区委书记周旭，区委副书记、区长何庆前往…``). The object is what the cue's clause names
(up to the next comma). A sentence that names no subject (他指出…, 调研中，…) continues
with the officials of the last visit; in a speech, 我 is its author.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .extract import Sentence
from .lexicon import read_pairs
from .resolve import Resolved
from .titles import ends_with_head

Key = tuple[str, str]


@dataclass
class Found:
    type: str
    source: Key
    target: Key
    sentence: int


def _cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for rel, word in read_pairs("cues.tsv"):
        out.setdefault(rel, []).append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


_CUES: dict | None = None
_PLACE_LABELS = ("District", "Organization", "Project")
_FOLLOW = re.compile(r"^(他|她|随后|其间|期间|调研中|考察中|调研期间|在.{1,30}?[，,]|会上|会议)")
# What may stand between a subject and its verb besides other officials and their posts.
_FILLER = re.compile(r"^(?:一行|等|并|先后|分别|共同|一同|带队|近日|日前|随后|还|也|又|专程|亲自|再次|实地|"
                     r"[\d０-９一二三四五六七八九十]+[年月日]|上午|下午|晚上|当天|同志|(?:在|赴|来|到)\S{0,12})*$")
_CLAUSE_END = re.compile(r"[，,；;。！？]")


@dataclass
class _Item:
    start: int
    end: int
    key: Key


def relate(sents: list[Sentence], spans: dict, entities: dict[Key, Resolved],
           speaker: Key | None = None) -> list[Found]:
    """Relations of one article. ``speaker`` is the official who wrote or gave it (a
    speech), the subject of 我."""
    global _CUES
    if _CUES is None:
        _CUES = _cues()
    by_sentence: dict[int, list[_Item]] = {}
    for (si, start, end), key in spans.items():
        if key in entities:
            by_sentence.setdefault(si, []).append(_Item(start, end, key))
    found: list[Found] = []
    visitors: list[Key] = []        # the officials of the last visit
    last_meeting: Key | None = None
    for s in sents:
        items = _outermost(by_sentence.get(s.index, []))
        officials = [i for i in items if i.key[0] == "Official"]
        meetings = [i for i in items if i.key[0] == "Meeting"]
        text = s.text

        def add(rtype, a: Key, b: Key):
            if a != b:
                found.append(Found(rtype, a, b, s.index))

        # the speaker of a speech attended the meeting its title names (在…座谈会上的讲话)
        if speaker and s.index == 0 and re.search(r"在.+上的", text):
            for i in meetings:
                add("ATTENDED", speaker, i.key)

        # ACCOMPANIED: 周旭，李旭锋陪同调研 / 陪同刘强调研
        for cue in _positions(text, _CUES["ACCOMPANIED"]):
            companions = _subjects(text, officials, cue)
            clause = _clause(text, cue)
            led = [o.key for o in officials if cue < o.start < clause] or visitors
            for c in companions:
                for t in led:
                    add("ACCOMPANIED", c, t)
        # 区领导董伦、陈德川参加检查调研: they went along with the visit's leaders
        m = re.search(r"(参加|参与)(检查|调研|考察|视察)", text)
        if m and visitors and not _positions(text, _CUES["ACCOMPANIED"]):
            for c in _subjects(text, officials, m.start()):
                for t in visitors:
                    add("ACCOMPANIED", c, t)

        # VISITED; a verb of motion right before a place is a cue too (带队来碚, 赴大足)
        visit_cues = [] if m else [c for c in _positions(text, _CUES["VISITED"])
                                   if not _positions(text[max(0, c - 3):c], _CUES["ACCOMPANIED"])]
        if not m:
            visit_cues += [i.start - 1 for i in items if i.key[0] == "District" and i.start
                           and text[i.start - 1] in "来到抵" and i.start - 1 not in visit_cues]
        visit_cues.sort()
        opener = _sentence_subject(text, officials)
        places = [i for i in items if i.key[0] in _PLACE_LABELS]
        for cue in visit_cues:
            subjects = _subjects(text, officials, cue, places)
            if not subjects and opener and opener.end <= cue:
                subjects = [opener.key]
            if not subjects and (not officials or _FOLLOW.match(text)):
                subjects = list(visitors)
            clause = _clause(text, cue)
            lead = re.match(r"在([^，。]{2,30})[，,]", text)
            # 李强在湖南调研: the place between the subject and the verb
            where = re.search(r"(?:在|赴|到|来)([^，。；]{2,30})$", text[:cue])
            targets = [i.key for i in items if i.key[0] in _PLACE_LABELS
                       and (cue <= i.start < clause or (lead and i.end <= lead.end())
                            or (where and subjects and where.start() <= i.start and i.end <= cue))]
            for o in subjects:
                for t in targets:
                    add("VISITED", o, t)
            if subjects:
                visitors = subjects
        # 在民勤县草方格固沙点，李克强听取…: on a tour, where the visitor is
        lead = re.match(r"在([^，。]{2,30})[，,]", text)
        if visitors and lead and not visit_cues and officials and officials[0].start == lead.end():
            for i in places:
                if i.end <= lead.end():
                    add("VISITED", officials[0].key, i.key)

        # ATTENDED: 陆克华出席会议, 李克强主持召开国务院常务会议, 我…召开了…座谈会
        opener = _sentence_subject(text, officials)
        for cue in _positions(text, _CUES["ATTENDED"]):
            subjects = _subjects(text, officials, cue)
            if not subjects and speaker and ("我" in text[max(0, cue - 20):cue] or not officials):
                subjects = [speaker]
            if not subjects and opener and opener.end <= cue:
                subjects = [opener.key]
            if not subjects:
                chair = re.search(r"由(.{0,30}?)主持", text)
                if chair and text.find("主持", chair.start()) == cue:
                    subjects = [o.key for o in officials if chair.start() < o.start < cue]
            clause = _clause(text, cue)
            targets = [i.key for i in meetings if cue < i.start < clause] or [i.key for i in meetings]
            # 出席会议: the meeting named before
            after = text[cue + 2:cue + 6]
            if not targets and last_meeting and re.match(r"(了)?(会议|座谈会|全会|大会|会|仪式)", after):
                targets = [last_meeting]
            for o in subjects:
                for t in targets:
                    add("ATTENDED", o, t)

        # ISSUED: 国务院办公厅印发《…》
        for cue in _positions(text, _CUES["ISSUED"]):
            issuers = [i.key for i in items if i.key[0] == "Organization" and _subject_gap(text, i.end, cue, items)]
            policies = [i.key for i in items if i.key[0] == "Policy" and cue < i.start < _clause(text, cue, 40)]
            for o in issuers:
                for p in policies:
                    add("ISSUED", o, p)

        if meetings:
            last_meeting = meetings[-1].key
    return found


_OPENING = re.compile(r"^[\d０-９一二三四五六七八九十年月日至、，,上下午晚\s]*$")


def _sentence_subject(text: str, officials: list[_Item]) -> _Item | None:
    """The official a sentence opens with (after its date), the subject of every verb
    that has no nearer one: 2019年4月15日至17日，习近平总书记亲临石柱视察…，在重庆主持…"""
    if officials and _OPENING.match(text[:officials[0].start]):
        return officials[0]
    return None


def _outermost(items: list[_Item]) -> list[_Item]:
    """Mentions not inside a longer one (重庆 inside 重庆亿达创智广场 is no visit)."""
    items = sorted(items, key=lambda i: (i.start, -i.end))
    out = []
    for i in items:
        if not any(o.start <= i.start and i.end <= o.end and (o.end - o.start) > (i.end - i.start) for o in items):
            out.append(i)
    return out


def _positions(text: str, words: tuple[str, ...]) -> list[int]:
    """Start offsets of the cue words, longest match at each place."""
    # one regular expression tries the words in the same order at each place
    if not words:
        return []
    pattern = _WORDS.get(words)
    if pattern is None:
        pattern = _WORDS[words] = re.compile("|".join(map(re.escape, words)))
    return [m.start() for m in pattern.finditer(text)]


_WORDS: dict = {}


def _clause(text: str, start: int, minimum: int = 0) -> int:
    """End of the clause that starts at ``start``: the next comma or stop."""
    m = _CLAUSE_END.search(text, start + minimum)
    return m.start() if m else len(text)


def _subjects(text: str, officials: list[_Item], cue: int, places: list[_Item] = ()) -> list[Key]:
    """Officials who are the subject of the verb at ``cue`` (places between them are
    where it happens: 李克强在甘肃省金昌、武威考察)."""
    out = []
    for o in officials:
        if o.end <= cue and _subject_gap(text, o.end, cue, [*officials, *places]):
            out.append(o.key)
    return out


def _subject_gap(text: str, end: int, cue: int, others) -> bool:
    """Only other subjects, their posts and filler words between ``end`` and ``cue``."""
    gap = text[end:cue]
    for o in others:
        if end <= o.start and o.end <= cue:
            gap = gap.replace(text[o.start:o.end], "、")
    for piece in re.split(r"[、，,和及与]", gap):
        if piece and not (_FILLER.match(piece) or ends_with_head(piece)):
            return False
    return len(gap) <= 80
