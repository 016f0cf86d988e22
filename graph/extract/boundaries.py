"""Names the tagger began or ended inside a word of the language: 国家防|总, 东风着|陆场,
中阿建|交 (中阿建交, the two countries' relations), 巴尔的|摩, 所|罗门群岛, 北京市委党|的建设.
Such a name is none as written; a body whose name runs one character past its ending
(北京市委党|的建设, 日本公明党党|首) is the body before it."""
from __future__ import annotations

from .divisions import divisions
from .lexicon import read_list
from .nlp import dictionary_word

# Single characters that end a body's, a place's or a work's name: a word that starts
# with one of them across the name's end (外交部|长, 麻田镇|南, 九江港|口) reads the
# name whole and the word after it. 党 is not among them: 党|的建设 and 党|和国家 are
# the party in general, written after a phrase (新征程党和国家事业).
_ENDINGS = set("村镇乡县区州市省部局会委厅署院所馆社站港队军团组办处室司行店厂园场桥路线")
# A word across a name's start that opens with one of these is the word before the
# name and a preposition (从|中核集团, 同|安瓦尔, 和|顺丰): the name starts cleanly.
_GLUE = set("从同和与跟向对在把被将为让给家")
_CONJUNCTIONS = set("和及与或")
# Labels and rules that the check is for: names the tagger's tags or an ending made.
_CHECKED = {"Organization", "District", "Project", "Policy", "Meeting"}
_RULES = {"lac", "suffix", "within"}


def _word_or_place(text: str) -> bool:
    return dictionary_word(text) or text in divisions().by_form


def cut_at_end(text: str, start: int, end: int) -> int:
    """How many of the name's last characters a word across its end takes (0: none)."""
    if text[end - 1] in _ENDINGS or end >= len(text):
        return 0
    if any(dictionary_word(text[end - k:end]) for k in range(2, min(5, end - start + 1))):
        return 0   # the name ends with a word of its own
    if any(_word_or_place(text[end:end + k]) for k in range(2, 5) if end + k <= len(text)):
        return 0   # a word starts where the name ends
    for j in range(1, min(4, end - start)):
        if any(dictionary_word(text[end - j:end + k]) for k in range(1, 4) if end + k <= len(text)):
            return j
    return 0


def cut_at_start(text: str, start: int, end: int) -> bool:
    """Does a word across the name's start take its first characters?"""
    if start == 0 or text[start - 1] in _ENDINGS:
        return False
    if any(dictionary_word(text[start:start + k]) for k in range(2, min(5, end - start + 1))):
        return False
    if any(_word_or_place(text[start - k:start]) for k in range(2, 5) if start - k >= 0):
        return False
    return any(start - j >= 0 and text[start - j] not in _GLUE and dictionary_word(text[start - j:start + k])
               for j in range(1, 4) for k in range(1, min(4, end - start)))


def whole_words(text: str, mentions: list, trimmed) -> list:
    """The mentions, less the names cut inside a word; a body written one word past its
    ending (北京市委党|的建设) is trimmed to it by ``trimmed(mention, new_end)``."""
    out = []
    for m in mentions:
        if m.label not in _CHECKED or m.via not in _RULES:
            out.append(m)
            continue
        if m.label == "District" and m.text.startswith(("村", "乡", "镇")):
            continue   # 乡|村振兴示范村, 乡|村和社区: a village's ending glued to a phrase
        if m.text[:1] in _CONJUNCTIONS and not dictionary_word(m.text[:2]):
            continue   # 企业|和专家座谈会: the second of two, cut from the first (not 和平, 和美)
        if cut_at_start(text, m.start, m.end):
            continue
        j = cut_at_end(text, m.start, m.end)
        if not j:
            out.append(m)
        elif m.label == "Organization" and m.end - j - m.start >= 3 and m.text[:-j].endswith(read_list("org_suffixes.txt")):
            out.append(trimmed(m, m.end - j))
    return out
