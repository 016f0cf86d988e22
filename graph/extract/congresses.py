"""Numbered congresses, plenums and sessions, and the one name each goes by.

The press writes one meeting many ways: 中国共产党第二十次全国代表大会, 党的二十大,
中共二十大 and 二十大 are one congress; 第十三届全国人民代表大会第五次会议 is
十三届全国人大五次会议. ``MEETING`` finds them in a sentence, and ``canonical`` gives
the form the graph names them by (the others are its aliases), with a part of the
session written after it (预备会议, 第四次全体会议, 记者会) kept in the name.
"""
from __future__ import annotations

import re

_N = "一二三四五六七八九十"
_NUM = rf"[{_N}]{{1,3}}"
# The eight parties beside the Communist Party hold congresses and plenums too (民革十四大).
_PARTIES = "民革|民盟|民建|民进|农工党|致公党|九三学社|台盟"
# and by their full names, which go by the short ones
_FULL_PARTY = {"中国国民党革命委员会": "民革", "中国民主同盟": "民盟", "中国民主建国会": "民建",
               "中国民主促进会": "民进", "中国农工民主党": "农工党", "中国致公党": "致公党",
               "台湾民主自治同盟": "台盟"}
_PARTIES = "|".join(_FULL_PARTY) + "|" + _PARTIES
_CPC = "中国共产党|中共|党的"
_PART = rf"(?:预备会议|第{_NUM}次全体会议|记者会|开幕会|闭幕会)"

_FORMS = [
    # 党的二十大, 中共二十大, 中国共产党第二十次全国代表大会, 民革十四大
    ("congress", rf"(?P<party>{_CPC}|{_PARTIES})?(?:第(?P<n1>{_NUM})次全国代表大会|(?P<n2>[{_N}]{{2,3}})大(?![学会楼厦院量街道路桥]))"),
    # 二十届三中全会, 中国共产党第二十届中央委员会第三次全体会议
    ("plenum", rf"(?P<party>{_CPC}|{_PARTIES})?(?:(?P<t1>[{_N}]{{2,3}})届(?P<k1>[{_N}]{{1,2}})中全会"
               rf"|第(?P<t2>{_NUM})届中央委员会第(?P<k2>{_NUM})次全体会议)"),
    # 十三届全国人大五次会议, 第十三届全国人民代表大会第五次会议 (and the standing committee's)
    ("npc", rf"第?(?P<t>{_NUM})届全国(?:人大|人民代表大会)(?P<sc>常委会|常务委员会)?第?(?P<k>{_NUM})次会议(?P<part>{_PART})?"),
    # 全国政协十四届一次会议, 政协第十四届全国委员会第一次会议 (and its standing committee's)
    ("cppcc", rf"(?:中国人民政治协商会议|政协)第(?P<t1>{_NUM})届全国委员会(?P<sc1>常务委员会)?第(?P<k1>{_NUM})次会议(?P<part1>{_PART})?"
              rf"|全国政协(?P<t2>{_NUM})届(?P<sc2>常委会)?第?(?P<k2>{_NUM})次会议(?P<part2>{_PART})?"),
    # 省委五届八次全会, 中央纪委六次全会
    ("local", rf"(?:[省市区县]委{_NUM}届{_NUM}次全会|(?:中央|[省市区县])纪委(?:{_NUM}届)?{_NUM}次全会)"),
]
MEETING = re.compile("|".join(f"(?P<{kind}>{rx.replace('(?P<', f'(?P<{kind}_')})" for kind, rx in _FORMS))


# Games named with their year or edition and their city, or their city alone: one games
# (北京2022年冬奥会, 2022年北京冬奥会 and 北京冬奥会; 杭州第19届亚运会 and 杭州亚运会)
_GAMES = re.compile(r"(?:\d{4}年|第[\d一二三四五六七八九十]+届)?(?!夏季|冬季|青年|世界|全国|亚洲|国际|残疾人|大学生)(?P<city>[\u4e00-\u9fff]{2,3}?)(?:\d{4}年|第[\d一二三四五六七八九十]+届)?"
                    r"(?P<games>冬残奥会|冬奥会|残奥会|奥运会|亚残运会|亚运会|亚冬会|大运会)(?P<part>开幕式|闭幕式)?")


def canonical(text: str) -> str:
    """The name a numbered meeting goes by; any other text is returned as it is."""
    games = _GAMES.fullmatch(text)
    if games and games.group("city") != text[:-len(games.group("games")) - len(games.group("part") or "")]:
        return games.group("city") + games.group("games") + (games.group("part") or "")
    m = MEETING.fullmatch(text)
    if m is None:
        return text
    g = {k: v for k, v in m.groupdict().items() if v}
    kind = next(k for k, _ in _FORMS if m.group(k))
    if kind == "congress":
        party = _FULL_PARTY.get(g.get("congress_party"), g.get("congress_party")) or "党的"
        return f"{'党的' if party in ('中国共产党', '中共', '党的') else party}{g.get('congress_n1') or g.get('congress_n2')}大"
    if kind == "plenum":
        if not g.get("plenum_party") and g.get("plenum_t2"):
            return text   # 第十四届中央委员会第四次全体会议: whose central committee, the text says before
        party = _FULL_PARTY.get(g.get("plenum_party"), g.get("plenum_party")) or "党的"
        party = "党的" if party in ("中国共产党", "中共", "党的") else party
        return f"{party}{g.get('plenum_t1') or g.get('plenum_t2')}届{g.get('plenum_k1') or g.get('plenum_k2')}中全会"
    if kind == "npc":
        sc = "常委会第" if g.get("npc_sc") else ""
        return f"{g['npc_t']}届全国人大{sc}{g['npc_k']}次会议{g.get('npc_part', '')}"
    if kind == "cppcc":
        sc = "常委会第" if g.get("cppcc_sc1") or g.get("cppcc_sc2") else ""
        part = g.get("cppcc_part1") or g.get("cppcc_part2") or ""
        return f"全国政协{g.get('cppcc_t1') or g.get('cppcc_t2')}届{sc}{g.get('cppcc_k1') or g.get('cppcc_k2')}次会议{part}"
    return text
