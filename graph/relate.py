"""Relations from what each sentence says.

A relation needs its cue in the sentence (lexicons/cues.tsv): 调研/考察/走进… for VISITED,
出席/主持/召开… for ATTENDED, 陪同 for ACCOMPANIED, 印发/出台/签署… for ISSUED. Two
names in one sentence without a cue are no relation. The subject of a cue is the
official written before it; a sentence that names none (他指出, 调研中，…) continues
with the officials of the sentence before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .extract import Sentence
from .lexicon import read_pairs
from .resolve import Resolved

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


_CUES = None
_PLACE_LABELS = ("District", "Organization", "Project")
_FOLLOW = re.compile(r"^(他|她|随后|其间|期间|调研中|考察中|在.{1,20}?[，,]|会上|会议)")


def relate(sents: list[Sentence], spans: dict, entities: dict[Key, Resolved]) -> list[Found]:
    global _CUES
    if _CUES is None:
        _CUES = _cues()
    by_sentence: dict[int, list[tuple[int, int, Key]]] = {}
    for (si, start, end), key in spans.items():
        if key in entities:
            by_sentence.setdefault(si, []).append((start, end, key))
    found: list[Found] = []
    topic: list[Key] = []          # the officials the text is about
    last_meeting: Key | None = None
    for s in sents:
        items = sorted(set(by_sentence.get(s.index, [])))
        officials = [(a, k) for a, _, k in items if k[0] == "Official"]
        meetings = [k for _, _, k in items if k[0] == "Meeting"]

        accompany = _find(s.text, _CUES["ACCOMPANIED"])
        visit = _find(s.text, _CUES["VISITED"])
        attend = _find(s.text, _CUES["ATTENDED"])
        issue = _find(s.text, _CUES["ISSUED"])

        if accompany is not None:
            companions = [k for a, k in officials if a < accompany]
            led = [k for a, k in officials if a > accompany] or [k for k in topic if k not in companions]
            for c in companions:
                for t in led:
                    if c != t:
                        found.append(Found("ACCOMPANIED", c, t, s.index))
        elif visit is not None and re.search(r"(参加|参与)(检查|调研|考察|视察)", s.text) and topic:
            # 区领导董伦、陈德川参加检查调研: they went along with the visit's leaders
            for _, c in officials:
                for t in topic:
                    if c != t:
                        found.append(Found("ACCOMPANIED", c, t, s.index))
            visit = None

        if visit is not None and accompany is None:
            subjects = [k for a, k in officials if a < visit] or (topic if _continues(s.text, officials) else [])
            targets = [k for a, _, k in items if k[0] in _PLACE_LABELS and (a > visit or _leading_place(s.text, a))]
            targets = [t for t in targets if t not in subjects]
            for o in subjects:
                for t in targets:
                    found.append(Found("VISITED", o, t, s.index))
            if subjects:
                topic = subjects

        if attend is not None:
            last_cue = _find_last(s.text, _CUES["ATTENDED"])
            chairs = [k for a, k in officials if a < last_cue]
            if not chairs and re.search(r"由.{0,30}主持", s.text):
                chairs = [k for _, k in officials]
            targets = meetings or ([last_meeting] if last_meeting and re.search(r"会议|会上|全会|座谈会", s.text) else [])
            for o in chairs:
                for m in targets:
                    found.append(Found("ATTENDED", o, m, s.index))
            if chairs:
                topic = chairs

        if issue is not None:
            issuers = [k for a, _, k in items if k[0] == "Organization" and a < issue]
            policies = [k for a, _, k in items if k[0] == "Policy" and a > issue]
            for o in issuers:
                for p in policies:
                    found.append(Found("ISSUED", o, p, s.index))

        if meetings:
            last_meeting = meetings[-1]
        if officials and not topic:
            topic = [officials[0][1]]
    return found


def _find(text: str, words: tuple[str, ...]) -> int | None:
    hits = [text.find(w) for w in words if w in text]
    return min(hits) if hits else None


def _find_last(text: str, words: tuple[str, ...]) -> int:
    return max(text.rfind(w) for w in words if w in text)


def _continues(text: str, officials) -> bool:
    return not officials or bool(_FOLLOW.match(text))


def _leading_place(text: str, offset: int) -> bool:
    """在天生街道西南大学南社区，刘强走进…: the opening 在… clause says where."""
    m = re.match(r"在([^，。]{2,30})[，,]", text)
    return bool(m) and offset < m.end()
