"""Sentences and tokens: the text cut into sentences, each tagged by the language model
(graph/extract/nlp.py), and the names the tagger glued to a neighbour given back."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .doc import Doc
from .divisions import country_by_abbr, divisions, is_country
from .lexicon import read_list
from .nlp import Token, common_tag, common_word, dictionary_word, tag
from .titles import chain_span, ends_with_head, heads, role_of, title_word

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|\n+")


@dataclass
class Sentence:
    index: int
    text: str
    tokens: list[Token]


# Longer "sentences" (a page that lost its stops) are cut at their last comma before
# the limit, or at it: the rules' cost grows with the square of a sentence's length.
MAX_SENTENCE = 1000


def sentences(text: str) -> list[str]:
    out = []
    for part in _SENTENCE_END.split(text):
        while len(part) > MAX_SENTENCE:
            cut = max(part.rfind(c, 0, MAX_SENTENCE) for c in "，,；;、 ") + 1 or MAX_SENTENCE
            out.append(part[:cut].strip())
            part = part[cut:]
        out.append(part.strip())
    return [p for p in out if p]


def analyse_sentences(text: str) -> list[Sentence]:
    sents = [Sentence(i, s, tag(s)) for i, s in enumerate(sentences(text))]
    names = Counter(t.word for s in sents for t in s.tokens if t.tag == "PER")
    alone = Counter(t.word for s in sents for k, t in enumerate(s.tokens) if t.tag == "PER" and not _beside_name(s.tokens, k))
    for s in sents:
        s.tokens = _verb_unglued(_partners_apart(_countries_whole(repair_tokens(s.tokens))))
        if any(t.tag == "PER" for t in s.tokens) or _term_after_title(s.tokens):
            s.tokens = names_in_lists(whole_names(unglue_names(joined_parts(join_dotted_names(s.tokens), alone), names)))
    return sents


_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# A water diversion is named by the water it takes and where to (引江济淮, 引绰济辽, 引黄入冀)
DIVERSION = re.compile(r"引(?!水)[\u4e00-\u9fff]{1,2}[济入补][\u4e00-\u9fff]{1,2}")   # (引水|入: to divert water)
# what a body's name ends with after a post's word (主席团, 理事会): no name's first character
_BODY_ENDS = set("团会部委院组处室厅局所办社司队府署级员")


def _country_party(toks: list[Token], k: int) -> int:
    """How many tokens from ``k`` on name a party by a word of its own and a country (统一|俄罗斯党: 2,
    公正|俄罗斯|党: 3; 0: none). No party is named by its country alone."""
    if len(toks[k].word) != 2 or toks[k].tag not in ("a", "ad", "v", "vn", "n") or k + 1 >= len(toks):
        return 0
    nxt = toks[k + 1]
    if nxt.start == toks[k].end and nxt.tag == "ORG" and nxt.word.endswith("党") and is_country(nxt.word[:-1]):
        return 2
    if k + 2 < len(toks) and nxt.start == toks[k].end and nxt.tag == "LOC" and is_country(nxt.word) \
            and toks[k + 2].word == "党" and toks[k + 2].start == nxt.end:
        return 3
    return 0


def _diversion_run(toks: list[Token], k: int) -> int:
    """How many tokens from ``k`` on spell a water diversion's name together (引江济淮: 1, 引江|补|汉: 3; 0: none)."""
    for n in (1, 2, 3, 4):   # the shortest run (引|江济淮, not 引|江济淮|等)
        run = toks[k:k + n]
        word = "".join(x.word for x in run)
        if len(run) == n and all(a.end == b.start for a, b in zip(run, run[1:])) \
                and DIVERSION.fullmatch(word) and not dictionary_word(word):
            return n
    return 0


def _body_post_name(word: str) -> tuple[str, str, str] | None:
    """(body, post, name) of a word the tagger made of a party or a body, a post of it and
    a name of two to four characters after it (日本社民党|党首|福岛瑞穗), else None."""
    for k in range(3, len(word) - 3):
        if word[k - 1] not in "党会部委院":
            continue
        post = next((h for h in heads() if word.startswith(h, k)), None)   # (read_list: longest first)
        name = word[k + len(post):] if post else ""
        if post and 2 <= len(name) <= 4 and _HAN.match(name) and not dictionary_word(name) \
                and name[-1] not in _BODY_ENDS and not ends_with_head(name):
            return word[:k], post, name
    return None


def _place_cut(before: str, t: Token) -> bool:
    """Is ``t`` a place the tagger cut its first character from (应新|西兰 for 新西兰)?"""
    forms = divisions().by_form
    return t.tag == "LOC" and t.word not in forms and before[-1] + t.word in forms and before not in forms


_TWO_FIELDS = re.compile(r"^[\u4e00-\u9fff]{2,5}?(?:部(?!门)|委员会)")


# A date the tagger opened with the last character of the name before it (巴拉克里|什8日); not a
# word of time (今|8日 is no such thing, but 于, 至, 当 and the like open a date of their own).
_NAME_END_IN_DATE = re.compile(r"[^\d今昨明本同次当上下每前后月年于至到自从在截及和、]\d{1,2}日")


# What is named after a person: a building, a body, a street (何塞·马蒂纪念馆)
_NAMED_AFTER = re.compile(r"(?:馆|碑|院|社|会|园|中心|大学|学校|学院|公司|基金会|广场|大街|大道|路|奖|号)$")


# How the names of the nation's bodies open (政协第十四届全国委员会, 全国人大常委会, 中共中央)
_BODIES_OPEN = ("政协", "全国人大", "全国政协", "中共", "中央", "国务院")


def _party_organ(word: str) -> bool:
    """越共中央政治局: an organ of a communist party abroad, by the party's short name."""
    return len(word) >= 4 and word[1:4] == "共中央" and country_by_abbr(word[0]) is not None


def repair_tokens(toks: list[Token]) -> list[Token]:
    """Words the tagger cut or glued wrongly, made whole: a conjunction glued to the noun after it, between two
    nouns of one name (中央党史|和文献研究院); a place cut in two (新|西兰, 应新|西兰); a party's name read as a verb (致|公党中央), a
    body's ending too (上海合作|组织); a post cut before its last character (审计|长, 众议|长, 兼外|长) or read into the name
    after it (众议|长里拉); 应 glued to the name of who invites (应舒尤克|邀请, 应也门|总统…); 在京同 glued to a body (京同|欧洲理事会);
    China toward which (对|华互利); a name after a post glued to the 和 after it (总理|朔尔茨和); a city read as a
    preposition (凭祥) and 沿|边 along the border; 国家|杜马; a body's last character that begins the next word
    (大使馆馆|舍); a transcribed name whose second part it read as punctuation (热莉卡|·茨维亚诺维奇), a region's 大 before a
    city's area (英格兰大|曼彻斯特地区), a post's last character read into a city (议|长沙|基耶夫), a name's first character
    read into the post before it (主席赛|宋蓬, 最高|元首易|卜拉欣·伊斯干达) or written apart after it (总理|内|哈默), a preposition or
    conjunction read into the name after a post (总统|和布丽吉特, 主席|同来华), a foreign place cut before its last
    character and its division's ending (敖德|萨州, 撒马尔|罕州州长), a preposition read with a name's first character
    (同岸|田文雄), 会同 glued to a body, a communist party's short name read as a word before its organ (越共|中央政治局), 同
    glued to a venue before the name of who is met (钓鱼台国宾馆同|越共中央政治局), a name's last character read into the body
    after it (赵金|云政协), a name's last character that opens a date (巴拉克里|什8日), a water diversion read as a
    verb (引江济淮|航道) or cut into verbs and a place (引江|补|汉), a bridge glued to its main span
    (钟祥汉江特大桥主桥), a river's reaches (上|游), a party's own word before the country it is named for
    (统一|俄罗斯党), and a party, its post and a name read as one word (日本社民党|党首|福岛瑞穗). And no person where
    the tagger joined words (专|程来华: 专程 and 来华) or wrote an address (姚女士)."""
    out, skip = [], 0
    for k, t in enumerate(toks):
        if skip:
            skip -= 1
            continue
        prev = toks[k - 1] if k else None
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if len(t.word) == 1 and t.tag == "LOC" and nxt is not None and _place_cut(t.word, nxt):
            out.append(Token(t.word + nxt.word, "LOC", t.start, nxt.end))   # 新|西兰
            skip = 1
        elif len(t.word) >= 2 and nxt is not None and _place_cut(t.word, nxt):
            out.append(Token(t.word[:-1], t.tag, t.start, t.end - 1))      # 应新|西兰
            out.append(Token(t.word[-1] + nxt.word, "LOC", t.end - 1, nxt.end))
            skip = 1
        elif t.tag == "PER" and nxt is not None and nxt.start == t.end and len(nxt.word) >= 3 and nxt.word[0] in _DOTS \
                and _HAN.match(nxt.word[1:]) and not _NAMED_AFTER.search(nxt.word):
            # 热莉卡|·茨维亚诺维奇: the name's second part read as punctuation (not 何塞|·马蒂纪念馆, a museum),
            # with the parts of it the tagger read as names of their own (海里|马纳纳|·拉扎菲|马海法)
            first = out.pop() if out and out[-1].tag == "PER" and out[-1].end == t.start and _HAN.match(out[-1].word) else None
            last = toks[k + 2] if k + 2 < len(toks) and toks[k + 2].tag == "PER" and toks[k + 2].start == nxt.end \
                and _HAN.match(toks[k + 2].word) else None
            start = first.start if first else t.start
            word = (first.word if first else "") + t.word + nxt.word + (last.word if last else "")
            out.append(Token(word, "PER", start, last.end if last else nxt.end))
            skip = 2 if last else 1
        elif t.tag == "LOC" and len(t.word) >= 3 and t.word.endswith("大") and t.word not in divisions().by_form \
                and nxt is not None and nxt.tag == "LOC" and nxt.start == t.end and nxt.word.endswith(("地区", "市", "都市圈")):
            # 英格兰大|曼彻斯特: Greater Manchester, in England
            out.append(Token(t.word[:-1], "LOC", t.start, t.end - 1))
            out.append(Token("大" + nxt.word, "LOC", t.end - 1, nxt.end))
            skip = 1
        elif len(t.word) == 1 and nxt is not None and len(nxt.word) >= 2 and nxt.word[0] == "长" and k + 2 < len(toks) \
                and toks[k + 2].tag == "PER" and nxt.end == toks[k + 2].start and ends_with_head(t.word + "长") == t.word + "长":
            # 议|长沙|基耶夫: the post's last character and the name's first read as a city
            out.append(Token(t.word + "长", "n", t.start, t.end + 1))
            out.append(Token(nxt.word[1:] + toks[k + 2].word, "PER", nxt.start + 1, toks[k + 2].end))
            skip = 2
        elif (t.tag == "LOC" or t.tag == "PER" and k + 2 < len(toks) and ends_with_head(toks[k + 2].word) == toks[k + 2].word) \
                and nxt is not None and nxt.tag == "LOC" and nxt.start == t.end and len(nxt.word) == 2 \
                and nxt.word[-1] in "州省市县区" and divisions().lookup(nxt.word) is None \
                and divisions().lookup(t.word) is None and not is_country(t.word):
            # 敖德|萨州: one place the tagger cut; 撒马尔/PER|罕州|州长: read as a name, before the place's post
            out.append(Token(t.word + nxt.word, "LOC", t.start, nxt.end))
            skip = 1
        elif t.tag != "PER" and len(t.word) >= 3 and nxt is not None and nxt.tag == "PER" and nxt.start == t.end \
                and (len(nxt.word) == 2 or "·" in nxt.word) and t.word[-1] not in _BODY_ENDS and not dictionary_word(t.word) \
                and (head := ends_with_head((prev.word if prev is not None and prev.end == t.start else "") + t.word[:-1])) \
                and len(head) >= 2:
            # 国会主席赛|宋蓬: the name's first character read into the post before it
            out.append(Token(t.word[:-1], "n", t.start, t.end - 1))
            out.append(Token(t.word[-1] + nxt.word, "PER", t.end - 1, nxt.end))
            skip = 1
        elif len(t.word) >= 3 and t.word[0] in "同与和" and prev is not None and prev.end == t.start \
                and (t.tag == "PER" or t.tag == "ORG" and common_word(t.word[1:]) and not dictionary_word(t.word)) \
                and (prev.tag == "PER" or ends_with_head(prev.word) == prev.word):
            # 主席|同特朗普, 总统|和布丽吉特: the preposition or conjunction read into the name after the post
            rest = t.word[1:]
            out.append(Token(t.word[0], "p" if t.word[0] == "同" else "c", t.start, t.start + 1))
            out.append(Token(rest, "v" if common_word(rest) else "PER", t.start + 1, t.end))   # 同|来华: no name
        elif len(t.word) == 1 and t.tag in ("f", "n", "nr", "a", "b") and prev is not None and prev.end == t.start \
                and ends_with_head(prev.word) == prev.word and nxt is not None and nxt.tag == "PER" \
                and nxt.start == t.end and _HAN.match(nxt.word):
            out.append(Token(t.word + nxt.word, "PER", t.start, nxt.end))   # 总理|内|哈默: the name's first character
            skip = 1
        elif len(t.word) == 2 and t.word[0] in "同与和对向跟" and t.tag != "PER" and nxt is not None and nxt.tag == "PER" \
                and nxt.start == t.end and len(nxt.word) >= 2 and not dictionary_word(t.word):
            # 同岸|田文雄: the preposition and the name's first character read as one word
            out.append(Token(t.word[0], "p", t.start, t.start + 1))
            out.append(Token(t.word[1] + nxt.word, "PER", t.start + 1, nxt.end))
            skip = 1
        elif t.tag == "v" and len(t.word) >= 6 and t.word[:2] in ("会同", "协同") \
                and (t.word[-1] in "委部局院署办厅" or body_word(Token(t.word[2:], "ORG", 0, 0))):
            out.append(Token(t.word[:2], "v", t.start, t.start + 2))   # 会同国家卫生健康委: the verb and a body
            out.append(Token(t.word[2:], "ORG", t.start + 2, t.end))
        elif len(t.word) == 2 and t.tag != "ORG" and nxt is not None and nxt.start == t.end and nxt.tag == "ORG" \
                and _party_organ(t.word + nxt.word):
            out.append(Token(t.word + nxt.word, "ORG", t.start, nxt.end))   # 越共|中央政治局: a party's organ
            skip = 1
        elif t.tag in ("LOC", "ORG") and len(t.word) >= 4 and t.word[-1] in "同与和" and t.word[-2] in "馆宫堂厅府部委会院局" \
                and nxt is not None and nxt.start == t.end and (nxt.tag in ("ORG", "LOC", "PER") or _party_organ(nxt.word)):
            out.append(Token(t.word[:-1], t.tag, t.start, t.end - 1))   # 钓鱼台国宾馆同|越共中央: the venue, then 同
            out.append(Token(t.word[-1], "p", t.end - 1, t.end))
        elif t.tag == "PER" and len(t.word) == 2 and nxt is not None and nxt.tag == "ORG" and nxt.start == t.end \
                and len(nxt.word) >= 3 and nxt.word[1:].startswith(_BODIES_OPEN):
            out.append(Token(t.word + nxt.word[0], "PER", t.start, t.end + 1))   # 赵金|云政协: the name's last character
            out.append(Token(nxt.word[1:], "ORG", nxt.start + 1, nxt.end))
            skip = 1
        elif len(t.word) == 1 and nxt is not None and nxt.word == "共" and k + 2 < len(toks) \
                and _party_organ(t.word + "共" + toks[k + 2].word):
            out.append(Token(t.word + "共" + toks[k + 2].word, "ORG", t.start, toks[k + 2].end))   # 越|共|中央
            skip = 2
        elif t.tag != "ORG" and _party_organ(t.word):
            out.append(Token(t.word, "ORG", t.start, t.end))   # 越共中央政治局/d: the organ, whatever the tag
        elif t.tag == "p" and len(t.word) >= 5 and t.word[0] in "同与跟向对" and _party_organ(t.word[1:]):
            out.append(Token(t.word[0], "p", t.start, t.start + 1))   # 同越共中央政治局: the preposition and the organ
            out.append(Token(t.word[1:], "ORG", t.start + 1, t.end))
        elif t.tag == "PER" and nxt is not None and nxt.tag == "TIME" and nxt.start == t.end \
                and _NAME_END_IN_DATE.fullmatch(nxt.word):
            out.append(Token(t.word + nxt.word[0], "PER", t.start, t.end + 1))   # 巴拉克里|什8日: the name's end
            out.append(Token(nxt.word[1:], "TIME", nxt.start + 1, nxt.end))
            skip = 1
        elif t.tag in ("n", "vn") and 2 <= len(t.word) <= 4 and (prev is None or prev.tag in ("p", "v", "w", "c", "u")) \
                and nxt is not None and nxt.word == "和" and k + 2 < len(toks) \
                and toks[k + 2].tag == "ORG" and _TWO_FIELDS.match(toks[k + 2].word):
            after = toks[k + 2]   # 文化|和|旅游部数据中心: a ministry named by two fields
            out.append(Token(t.word + "和" + after.word, "ORG", t.start, after.end))
            skip = 2
        elif t.tag == "ORG" and nxt is not None and nxt.word == "组织" and nxt.start == t.end \
                and not _BODY_ALREADY.search(t.word) and divisions().lookup(t.word) is None and not is_country(t.word):
            out.append(Token(t.word + nxt.word, "ORG", t.start, nxt.end))   # 上海合作|组织: a verb to the tagger
            skip = 1
        elif t.word == "对" and nxt is not None and len(nxt.word) >= 3 and nxt.word[0] == "华" \
                and nxt.tag in ("ORG", "LOC", "nz", "PER") and not dictionary_word(nxt.word[:2]) \
                and not dictionary_word(nxt.word) and divisions().lookup(nxt.word) is None:
            # 对|华合作国家委员会, 对|华互利: the 华 is China's, toward which; a body keeps it whole
            if nxt.tag == "ORG" and body_word(nxt):
                out.append(Token("对" + nxt.word, "ORG", t.start, nxt.end))
            else:
                rest = nxt.word[1:]
                out += [Token("对华", "d", t.start, nxt.start + 1), Token(rest, common_tag(rest) or "n", nxt.start + 1, nxt.end)]
            skip = 1
        elif t.tag == "ORG" and len(t.word) >= 3 and t.word[-1] in "和与" and nxt is not None and nxt.tag in ("ORG", "LOC") \
                and prev is not None and ends_with_head(prev.word) == prev.word:
            # 总理|朔尔茨和|法国政府: a name after a post, glued to the 和 before the next party
            out += [Token(t.word[:-1], "PER", t.start, t.end - 1), Token(t.word[-1], "c", t.end - 1, t.end)]
        elif t.tag in ("ORG", "n", "nz") and len(t.word) >= 7 and (parts := _body_post_name(t.word)):
            body, post, name = parts   # 日本社民党党首福岛瑞穗: a party, its leader's post and his name as one word
            out += [Token(body, "ORG", t.start, t.start + len(body)),
                    Token(post, "n", t.start + len(body), t.start + len(body) + len(post)),
                    Token(name, "PER", t.end - len(name), t.end)]
        elif t.tag == "v" and t.word[0] == "引" and (n := _diversion_run(toks, k)):
            out.append(Token("".join(x.word for x in toks[k:k + n]), "nz", t.start, toks[k + n - 1].end))
            skip = n - 1   # 引江济淮|航道, 引江|补|汉|工程: a water diversion's name, no verb, however the tagger cut it
        elif (party := _country_party(toks, k)):
            out.append(Token("".join(x.word for x in toks[k:k + party]), "ORG", t.start, toks[k + party - 1].end))
            skip = party - 1   # 统一|俄罗斯党, 公正|俄罗斯|党: a party's own word before the country it is named for
        elif t.word in ("上", "中", "下") and nxt is not None and nxt.word == "游" and nxt.start == t.end:
            out.append(Token(t.word + "游", "s", t.start, nxt.end))   # 赣江上|游: the upper reaches, no name's 游
            skip = 1
        elif t.tag in ("LOC", "nz", "n") and len(t.word) >= 5 and t.word.endswith("桥主桥"):
            out += [Token(t.word[:-2], t.tag, t.start, t.end - 2), Token("主桥", "n", t.end - 2, t.end)]
            # 钟祥汉江特大桥主桥|合龙: the bridge, then its main span
        elif t.tag == "p" and len(t.word) >= 2 and divisions().lookup(t.word) is not None:
            out.append(Token(t.word, "LOC", t.start, t.end))   # 凭祥: a city, not 凭 the preposition
        elif t.word == "沿" and nxt is not None and len(nxt.word) == 1 and nxt.tag in ("n", "f") and nxt.start == t.end:
            out.append(Token("沿" + nxt.word, "s", t.start, nxt.end))   # 沿|边产业园: along the border, a place word
            skip = 1
        elif t.tag == "ORG" and t.word.endswith("国家") and nxt is not None and nxt.word == "杜马":
            out.append(Token(t.word + nxt.word, "ORG", t.start, nxt.end))   # 俄国家|杜马: the Duma, not a person
            skip = 1
        elif t.tag == "ORG" and len(t.word) >= 3 and nxt is not None and nxt.start == t.end \
                and dictionary_word(t.word[-1] + nxt.word) and t.word[-2] == t.word[-1] \
                and body_word(Token(t.word[:-1], "ORG", t.start, t.end - 1)):
            # 大使馆馆|舍: the body, then a word its last character begins (馆舍)
            out += [Token(t.word[:-1], "ORG", t.start, t.end - 1), Token(t.word[-1] + nxt.word, "n", t.end - 1, nxt.end)]
            skip = 1
        elif t.word == "致" and nxt is not None and nxt.word.startswith("公党"):
            out.append(Token("致" + nxt.word, "ORG" if nxt.tag in ("n", "nz", "ORG") else nxt.tag, t.start, nxt.end))
            skip = 1
        elif t.tag in ("n", "vn", "nz", "f") and nxt is not None and nxt.word == "长" and ends_with_head(t.word + "长"):
            out.append(Token(t.word + nxt.word, "n", t.start, nxt.end))      # 审计|长, 众议|长
            skip = 1
        elif t.tag in ("n", "vn", "nz", "f") and nxt is not None and nxt.start == t.end and 3 <= len(nxt.word) <= 5 \
                and nxt.word[0] == "长" and nxt.tag in ("LOC", "PER", "nz") and ends_with_head(t.word + "长") \
                and divisions().lookup(nxt.word[1:]) is None \
                and (k + 2 >= len(toks) or toks[k + 2].tag in ("w", "v", "p", "c", "TIME")):
            # 众议|长里拉: the post's last character read into the name after it
            out += [Token(t.word + "长", "n", t.start, t.end + 1), Token(nxt.word[1:], "PER", nxt.start + 1, nxt.end)]
            skip = 1
        elif len(t.word) == 2 and t.word[0] in "和与及" and prev and prev.tag == "PER" and nxt is not None \
                and nxt.tag == "PER" and len(nxt.word) == 2:
            out += [Token(t.word[0], "c", t.start, t.start + 1), Token(t.word[1] + nxt.word, "PER", t.start + 1, nxt.end)]
            skip = 1   # 郑建邦|和尚|福林: 和 between two names, the second's surname glued to it
        elif t.tag == "c" and len(t.word) >= 3 and t.word[0] in "和与及" and prev and prev.tag in ("n", "nz", "ORG"):
            out += [Token(t.word[0], "c", t.start, t.start + 1), Token(t.word[1:], "n", t.start + 1, t.end)]
        elif split := _post_glued(t, nxt):
            out += split   # 葛会波常委|代表
        elif t.tag == "PER" and len(t.word) >= 3 and t.word[0] == "应" and nxt is not None and nxt.word.startswith("邀请"):
            out += [Token("应", "p", t.start, t.start + 1), Token(t.word[1:], "PER", t.start + 1, t.end)]
        elif t.tag in ("ORG", "LOC") and len(t.word) >= 3 and t.word[0] == "应" and is_country(t.word[1:]):
            out += [Token("应", "p", t.start, t.start + 1), Token(t.word[1:], "LOC", t.start + 1, t.end)]   # 应也门|总统…邀请
        elif t.tag in ("ORG", "LOC") and len(t.word) >= 5 and t.word[:2] in ("京同", "京与") and k and prev.word == "在":
            # 在|京同欧洲理事会|主席: in Beijing, with the body
            out += [Token("京", "LOC", t.start, t.start + 1), Token(t.word[1], "p", t.start + 1, t.start + 2),
                    Token(t.word[2:], "ORG", t.start + 2, t.end)]
        elif t.tag == "PER" and _verb_glued(t.word):
            out += [Token(t.word[:2], "PER", t.start, t.start + 2), Token(t.word[2:], "v", t.start + 2, t.end)]
        elif t.tag == "PER" and (_joined_words(prev, t.word) or re.fullmatch(r".(?:女士|先生)", t.word)):
            out.append(Token(t.word, "n", t.start, t.end))
        elif t.tag == "PER" and len(t.word) >= 5 and t.word.endswith(("女士", "先生")):
            # 萨拉·兰蒂|女士: the name, then how she is addressed
            out += [Token(t.word[:-2], "PER", t.start, t.end - 2), Token(t.word[-2:], "n", t.end - 2, t.end)]
        elif t.tag == "PER" and (k := _head_before_name(t.word)):
            out += [Token(t.word[:k], "n", t.start, t.start + k), Token(t.word[k:], "PER", t.start + k, t.end)]
        elif t.tag == "PER" and is_country(t.word):
            out.append(Token(t.word, "LOC", t.start, t.end))   # 吉布提|总统: a country, not a name
        elif t.tag in ("LOC", "PER") and len(t.word) >= 3 and t.word.endswith("王") and nxt is not None and nxt.word == "储":
            out += [Token(t.word[:-1], t.tag, t.start, t.end - 1), Token("王储", "n", t.end - 1, nxt.end)]
            skip = 1   # 科威特王|储, 哈桑王|储
        elif t.tag == "PER" and "·" in t.word and t.word[0] in "孙子女妻" and prev is not None \
                and prev.word in ("之", "外", "长", "次"):
            # 崔可夫之|孙尼·弗·崔可夫, 将军外|孙约翰·伊斯特布鲁克: the kin, then the transcribed name
            out += [Token(t.word[0], "n", t.start, t.start + 1), Token(t.word[1:], "PER", t.start + 1, t.end)]
        elif t.tag in ("LOC", "ORG", "nz") and (site := _SITE_AFTER_WORK.search(t.word)):
            cut = t.start + site.start()   # 米林水电站|坝址, …大桥|施工现场: the work, then a part of its site
            out += [Token(t.word[:site.start()], t.tag, t.start, cut), Token(site.group(), "n", cut, t.end)]
        elif t.tag == "LOC" and (parts := _place_post_name(t.word)):
            k = t.start   # 卡塔尔埃米尔塔米姆: a country, a post and a name read as one place
            for word, tg in zip(parts, ("LOC", "n", "PER")):
                out.append(Token(word, tg, k, k + len(word)))
                k += len(word)
        else:
            out.append(t)
    return out


# A body whose name is whole before 组织, the verb (教育部|组织, 中共中央|组织开展)
_BODY_ALREADY = re.compile(r"(?:[部委会局院厅署办党军团社行所处馆站组府队台联盟室协]|中央|组织)$")
_SITE_AFTER_WORK = re.compile(r"(?<=.[站桥库港道场园区])(?:坝址|工地|施工现场|建设现场|现场|施工区)$")


def _head_before_name(word: str) -> int:
    """The length of a post the tagger took into the name after it (埃米尔|塔米姆, 王储|哈桑), or 0."""
    return next((k for k in range(2, len(word) - 1) if ends_with_head(word[:k]) == word[:k]), 0)


def _place_post_name(word: str) -> tuple[str, str, str] | None:
    """(country, post, name) of a place token that writes the three (卡塔尔埃米尔塔米姆)."""
    for n in range(2, len(word) - 3):
        if is_country(word[:n]):
            for m in range(n + 2, len(word) - 1):
                if ends_with_head(word[n:m]) == word[n:m]:
                    return word[:n], word[n:m], word[m:]
    return None


# The hundred commonest surnames: a name of two characters opens with one of them, where
# a transcribed name of four (戈特利布) opens with anything.
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
               "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤洪")


def _verb_glued(word: str) -> bool:
    """洪森|率团, 李强|调研: a name of two characters with a verb or an adverb of two
    the tagger took into it (not 习近|平等: an adjective may end a name of three)."""
    return len(word) == 4 and word[0] in SURNAMES and common_tag(word[2:]) in ("v", "d")


def _joined_words(prev: Token | None, word: str) -> bool:
    """专|程来华: a PER that is the end of the word before and a word of its own."""
    return (prev is not None and len(word) == 3 and prev.tag != "w"
            and common_word(prev.word[-1] + word[0]) and common_word(word[1:]))


_DOTS = ("·", "•", "‧")
_AFTER_NAME = {"v", "vd", "ad", "d", "p", "u", "c", "TIME", "m", "f", "r"}


def join_dotted_names(toks: list[Token]) -> list[Token]:
    """A transcribed name is written with a middle dot (艾力更·依明巴海, 劳尔·卡斯特罗);
    where the tagger cut it (艾力|更|·|依明|巴海), its parts are one name: from the
    name the tagger found before the dot, to the punctuation after it."""
    out = list(toks)
    for d in [k for k, t in enumerate(toks) if t.word in _DOTS][::-1]:
        left = next((k for k in range(d - 1, max(d - 4, -1), -1) if out[k].tag == "PER"), None)
        right = next((k for k in range(d + 1, min(d + 5, len(out))) if out[k].tag == "w"), len(out) if d + 5 >= len(out) else None)
        if right is None:   # 柯丝蒂|·|考文垂|在首轮投票中胜出: no stop near, the name ends before a word of the clause
            right = next((k for k in range(d + 2, min(d + 5, len(out))) if out[k].tag in _AFTER_NAME), None)
        if right is not None:   # 恩盖|·|穆孔戈|强烈谴责: the name ends before a verb or an adverb
            right = next((k for k in range(d + 2, right) if out[k].tag in _AFTER_NAME), right)
        if right is not None:   # 亚丝明·福阿德|的专访: the name ends before 的
            right = next((k for k in range(d + 1, right) if out[k].word == "的"), right)
        if left is None or right is None or right == d + 1:
            continue
        parts = out[left:right]
        if not all(_HAN.match(t.word.strip("".join(_DOTS)).replace("·", "")) or t.word in _DOTS for t in parts) \
                or parts[-1].end - parts[0].start > 20 \
                or any(body_word(t) for t in out[d + 1:right]):
            continue   # 约翰斯·霍普金斯大学: a body's name, which mentions make whole
        out[left:right] = [Token("".join(t.word for t in parts), "PER", parts[0].start, parts[-1].end)]
    for h in [k for k, t in enumerate(out) if t.word in _HYPHENS and 0 < k < len(out) - 1][::-1]:
        first, rest = out[h - 1], out[h + 1]
        if rest.tag == "PER" and "·" in rest.word and len(first.word) <= 2 and _HAN.match(first.word) \
                and first.end == out[h].start and out[h].end == rest.start:
            # 让|-|诺埃尔·巴罗: a given name of two joined by a hyphen, which the tagger read as a verb
            out[h - 1:h + 2] = [Token(first.word + out[h].word + rest.word, "PER", first.start, rest.end)]
    # 帕特里斯·阿塔纳斯·|纪尧姆·塔隆, 弗拉基|米尔·弗拉基|米罗维奇·普京: pieces of one name the tagger
    # parted at or around a dot
    k = len(out) - 2
    while k >= 0:
        a, b = out[k], out[k + 1]
        if a.tag == b.tag == "PER" and a.end == b.start and (a.word.endswith(_DOTS) or b.word.startswith(_DOTS)
                                                              or "·" in b.word and b.word[0] not in SURNAMES):
            out[k:k + 2] = [Token(a.word + b.word, "PER", a.start, b.end)]
        k -= 1
    return out


def body_word(t: Token) -> bool:
    """Does the token end a body's name (霍普金斯大学)?"""
    return t.tag == "ORG" and any(t.word.endswith(e) for e in read_list("org_suffixes.txt") if len(e) >= 2)


def _term_after_title(toks: list[Token]) -> bool:
    """Is a term right after a post (主任|韩文秀/nz), maybe a name the tagger missed?"""
    return any(t.tag == "nz" and _after_title(toks, k) for k, t in enumerate(toks))


def _beside_name(toks: list[Token], k: int) -> bool:
    """Does another name touch token ``k`` (林|郑月娥)?"""
    return any(0 <= j < len(toks) and toks[j].tag == "PER" and (toks[j].end == toks[k].start or toks[k].end == toks[j].start)
               for j in (k - 1, k + 1))


def joined_parts(toks: list[Token], alone: Counter) -> list[Token]:
    """迪亚斯|-|卡内尔, 林|郑月娥, 呼|日勒|苏赫: names the tagger read as parts side by
    side (or joined by a hyphen) are one name, where one part is a single character or
    the name follows a post; 周松|杨骏 are two reporters, and a part the document names
    alone elsewhere (``alone``) is a name of its own (习近平|八一前夕)."""
    out: list[Token] = []
    run_after_post = False   # does the name being built follow a post?
    joined = False           # has the name being built been joined already (呼|日勒, then |苏赫)?
    for t in toks:
        if t.tag == "PER" and out and out[-1].tag == "PER" and out[-1].end == t.start \
                and len(out[-1].word) + len(t.word) <= 8 \
                and (len(out[-1].word) == 1 or len(t.word) == 1 or run_after_post or joined) \
                and not alone[out[-1].word] and not alone[t.word]:
            out[-1] = Token(out[-1].word + t.word, "PER", out[-1].start, t.end)
            joined = True
        elif t.tag == "PER" and len(out) >= 2 and out[-1].word in _HYPHENS and out[-2].tag == "PER" \
                and out[-2].end == out[-1].start and out[-1].end == t.start:
            out[-2:] = [Token(out[-2].word + out[-1].word + t.word, "PER", out[-2].start, t.end)]
        else:
            if t.tag == "PER":
                run_after_post = bool(out) and out[-1].tag == "n" and ends_with_head(out[-1].word) is not None
            joined = False
            out.append(t)
    return out


_HYPHENS = ("-", "－")


_REGNAL = re.compile(r"^[一二三四五六七八九十]{1,3}世$")


_DELIVERED = ("讲解", "报告", "发言", "说明", "介绍", "讲座", "演讲", "辅导报告", "专题报告", "题为", "关于")


def _dotted_rest(toks: list[Token], i: int) -> int:
    """How many short tokens after a dotted name at ``i`` run on to the list's next 、 (0: none)."""
    k = i + 1
    while k < len(toks) and k - i <= 3 and toks[k].word != "、" and toks[k].tag not in ("w", "PER") \
            and len(toks[k].word) <= 2 and _HAN.match(toks[k].word) and toks[k].start == toks[k - 1].end:
        k += 1
    listed = k < len(toks) and toks[k].word == "、" and i and toks[i - 1].word == "、"
    return k - i - 1 if listed and 1 < k - i <= 4 and sum(len(x.word) for x in toks[i + 1:k]) <= 6 else 0


def whole_names(toks: list[Token]) -> list[Token]:
    """刘国|中|出席: the tagger cuts the last character off a three-character name when
    that character is a word of its own (中, 上); before a verb or punctuation it is the
    name's."""
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t.tag == "PER" and len(t.word) >= 3 and out and len(out[-1].word) == 1 and out[-1].end == t.start \
                and ends_with_head(out[-1].word + t.word[0]) == out[-1].word + t.word[0]:
            # 议|长塔苏拉斯: the post's last character cut into the name
            out[-1] = Token(out[-1].word + t.word[0], "n", out[-1].start, t.start + 1)
            out.append(Token(t.word[1:], "PER", t.start + 1, t.end))
            i += 1
            continue
        if t.tag == "PER" and t.word.endswith("·") and i + 2 < len(toks) and toks[i + 2].tag == "PER" \
                and t.end == toks[i + 1].start and toks[i + 1].end == toks[i + 2].start and len(toks[i + 1].word) == 1:
            # 卡琳·|因|默古特: a transcribed name the tagger cut after its dot
            out.append(Token(t.word + toks[i + 1].word + toks[i + 2].word, "PER", t.start, toks[i + 2].end))
            i += 3
            continue
        if t.tag == "PER" and "·" in t.word and (rest := _dotted_rest(toks, i)):
            # 阿不来提·阿不|都|热|西提、: a transcribed name of a list the tagger cut after its dot
            out.append(Token(t.word + "".join(k.word for k in toks[i + 1:i + 1 + rest]), "PER", t.start, toks[i + rest].end))
            i += 1 + rest
            continue
        if t.tag == "PER" and t.word[0] == "国" and i and toks[i - 1].word.endswith("主席") and is_country(t.word[1:]):
            # 轮值主席|国哥伦比亚: the chair's country, no person
            out.extend([Token("国", "n", t.start, t.start + 1), Token(t.word[1:], "LOC", t.start + 1, t.end)])
            i += 1
            continue
        if t.tag == "PER" and i + 1 < len(toks) and _REGNAL.match(toks[i + 1].word) and toks[i + 1].start == t.end:
            # 费利佩|六世: a monarch's number is part of his name
            out.append(Token(t.word + toks[i + 1].word, "PER", t.start, toks[i + 1].end))
            i += 2
            continue
        if t.tag == "PER" and len(t.word) == 2 and i + 2 < len(toks) and toks[i + 1].tag == "f" \
                and len(toks[i + 1].word) == 1 and toks[i + 1].start == t.end \
                and (toks[i + 2].tag in ("w", "v") or toks[i + 2].word in _GLUE_AFTER):
            out.append(Token(t.word + toks[i + 1].word, "PER", t.start, toks[i + 1].end))
            i += 2
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.tag == "PER" and nxt is not None and nxt.tag == "PER" and nxt.start == t.end and len(t.word) + len(nxt.word) <= 7 \
                and _HAN.match(t.word) and _HAN.match(nxt.word) and not (t.word[0] in SURNAMES and nxt.word[0] in SURNAMES):
            # 古桑|曲珍, 拉瓦|卢马纳纳: names touch only in a byline (记者周松杨骏), so parts are one name
            out.append(Token(t.word + nxt.word, "PER", t.start, nxt.end))
            i += 2
            continue
        if t.tag == "PER" and len(t.word) == 2 and nxt is not None and len(nxt.word) == 1 and nxt.start == t.end \
                and _HAN.match(nxt.word) and nxt.word not in _GLUE_AFTER and nxt.tag not in ("u", "c", "p") \
                and (i + 2 == len(toks) or toks[i + 2].word[:1].isspace()) and i and toks[i - 1].word[-1:].isspace():
            # 石爱|中　龙庄伟, 刘赐|贵　刘德伟: in a roster spaced name by name, the space ends the name
            out.append(Token(t.word + nxt.word, "PER", t.start, nxt.end))
            i += 2
            continue
        if t.tag == "PER" and len(t.word) == 2 and _after_title_or_role(toks, i) and i + 2 < len(toks) and len(nxt.word) == 1 \
                and nxt.start == t.end and _HAN.match(nxt.word) and nxt.word not in _GLUE_AFTER \
                and (nxt.tag in ("v", "a", "n", "vn", "ad") and (toks[i + 2].tag in ("v", "d", "ad") or toks[i + 2].word == "在")
                     or nxt.tag in ("v", "a", "n", "vn", "ad", "d") and toks[i + 2].word in ("、", "等")):
            # 副主任委员刘季|幸|作, 省委书记胡昌|升|先后发言, 总理欧尔|班|在: a verb needs no verb before it;
            # 前总统阿罗|约、: nor does a list's separator
            out.append(Token(t.word + nxt.word, "PER", t.start, nxt.end))
            i += 2
            continue
        if t.tag == "n" and len(t.word) == 2 and not common_word(t.word) and i and toks[i - 1].tag == "n" \
                and ends_with_head(toks[i - 1].word) == toks[i - 1].word and i + 2 < len(toks) and len(nxt.word) == 1 \
                and nxt.start == t.end and _HAN.match(nxt.word) and nxt.tag == "v" and toks[i + 2].tag in ("v", "d"):
            # 副总统奇温|加|出席: a transcribed name the tagger read as a noun and a verb, after a post
            out.append(Token(t.word + nxt.word, "PER", t.start, nxt.end))
            i += 2
            continue
        if t.tag == "n" and 2 <= len(t.word) <= 4 and _HAN.match(t.word) and not dictionary_word(t.word) and i \
                and toks[i - 1].tag == "n" and ends_with_head(toks[i - 1].word) == toks[i - 1].word \
                and toks[i - 1].end == t.start and (nxt is None or nxt.tag in ("w", "v", "p", "c")):
            out.append(Token(t.word, "PER", t.start, t.end))   # 多哥总统|福雷: a transcribed name read as a noun
            i += 1
            continue
        if t.tag == "PER" and len(t.word) == 2 and _after_title_or_role(toks, i) and nxt is not None and nxt.tag == "v" \
                and len(nxt.word) == 2 and nxt.word[1] in "作做" and i + 3 < len(toks) and toks[i + 2].word == "了" \
                and (toks[i + 3].word in _DELIVERED or not common_word(nxt.word)):
            # 教授罗培|新作|了|讲解, 副部长乐玉|成作|了…讲座: the name's last character, then 作了 what was delivered
            out.append(Token(t.word + nxt.word[0], "PER", t.start, t.end + 1))
            out.append(Token(nxt.word[1], "v", t.end + 1, nxt.end))
            i += 2
            continue
        if t.tag == "PER" and len(t.word) == 3 and t.word.endswith("作") and nxt is not None and nxt.word in ("的", "了"):
            # 委员黄明作|的关于…报告: the verb glued to a two-character name
            out.append(Token(t.word[:2], "PER", t.start, t.end - 1))
            out.append(Token("作", "v", t.end - 1, t.end))
            i += 1
            continue
        if len(t.word) == 1 and t.tag not in ("w", "PER") and _HAN.match(t.word) and toks[i - 1].word != "、" \
                and t.word not in _GLUE_BEFORE \
                and _after_title(toks, i) and nxt is not None and nxt.tag == "PER" and len(nxt.word) >= 3 \
                and nxt.start == t.end and (i + 2 == len(toks) or toks[i + 2].tag in ("v", "w", "p", "d", "c")):
            # 发言人扎|哈罗娃表示: a transcribed name the tagger cut after its first character
            out.append(Token(t.word + nxt.word, "PER", t.start, nxt.end))
            i += 2
            continue
        if t.tag == "PER" and len(t.word) == 2 and nxt is not None and len(nxt.word) == 1 and _HAN.match(nxt.word) \
                and nxt.start == t.end and nxt.word not in _GLUE_AFTER and nxt.tag not in ("u", "c", "p") \
                and _post_then_speech(toks, i + 2):
            # 张连|起|常委建议: the name's last character cut off before the post
            out.append(Token(t.word + nxt.word, "PER", t.start, nxt.end))
            i += 2
            continue
        if _name_after_post(toks, i):
            out.append(Token(t.word, "PER", t.start, t.end))
            i += 1
            continue
        out.append(t)
        i += 1
    return out


# Posts a speaker's name is written with at a session (易纲常委建议, 王芳代表说).
_MEMBER_POSTS = ("常委", "委员", "代表")
_SPEECH = ("说", "表示", "建议", "认为", "介绍", "发言", "指出", "提出", "代表")


def _post_then_speech(toks: list[Token], k: int) -> bool:
    """Does a member's post start at token ``k``, followed by what he says?"""
    return k + 1 < len(toks) and toks[k].word in _MEMBER_POSTS and toks[k + 1].word in _SPEECH


def _post_glued(t: Token, nxt: Token | None) -> list[Token] | None:
    """葛会波常委|代表…发言, 江尔雄常委|代表: the tagger took the post into the name
    (and the whole for a body); before a speech verb they are a name and a post."""
    if nxt is None or nxt.word not in _SPEECH or t.tag not in ("PER", "ORG", "nz"):
        return None
    post = next((p for p in _MEMBER_POSTS if t.word.endswith(p)), None)
    name = t.word[: len(t.word) - len(post)] if post else ""
    if not 2 <= len(name) <= 3 or not _HAN.match(name) \
            or t.tag != "PER" and (common_word(name) or divisions().lookup(name) is not None):
        return None
    return [Token(name, "PER", t.start, t.start + len(name)), Token(post, "n", t.start + len(name), t.end)]


def _name_after_post(toks: list[Token], i: int) -> bool:
    """A name the tagger took for a place (副委员长洛桑江村，) or a term (中央农办主任韩文秀|围绕),
    right after a post."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or not _after_title(toks, i) or toks[i - 1].word == "、" or not _HAN.match(t.word):
        return False
    if t.tag in ("LOC", "ORG"):
        return 2 <= len(t.word) <= 5 and nxt.tag in ("w", "v") and divisions().lookup(t.word) is None
    return t.tag == "nz" and 2 <= len(t.word) <= 3 and nxt.tag in ("w", "v", "p") and not common_word(t.word)


def _after_title(toks: list[Token], i: int) -> bool:
    """Does a post (or a list's 、) come right before token ``i``?"""
    return i > 0 and (toks[i - 1].word == "、" or toks[i - 1].tag == "n" and ends_with_head(toks[i - 1].word) is not None)


def _after_title_or_role(toks: list[Token], i: int) -> bool:
    """…or a role (教授|罗培|新作了讲解, 航天员景海鹏、朱杨|柱)?"""
    return _after_title(toks, i) or i > 0 and toks[i - 1].tag == "n" and role_of(toks[i - 1].word) is not None


def names_in_lists(toks: list[Token]) -> list[Token]:
    """马兴瑞、赵一德、信|长星、董云虎: between two names of a list, two or three
    characters the tagger cut into words are a name too."""
    out = list(toks)
    for i in range(len(out) - 3, 1, -1):
        # 彭清华、洛桑江村、雪克来提: one word the tagger took for a place between two names
        if out[i].tag in ("LOC", "ORG") and out[i - 1].word == out[i + 1].word == "、" \
                and out[i - 2].tag == out[i + 2].tag == "PER" and 2 <= len(out[i].word) <= 5 and _HAN.match(out[i].word):
            out[i] = Token(out[i].word, "PER", out[i].start, out[i].end)
    # …缪汉根、柯军等6位代表: the last name of a list, before 等
    for i in range(2, len(out) - 1):
        if out[i].tag in ("LOC", "ORG") and out[i - 1].word == "、" and out[i - 2].tag == "PER" \
                and out[i + 1].word == "等" and 2 <= len(out[i].word) <= 3 and _HAN.match(out[i].word):
            out[i] = Token(out[i].word, "PER", out[i].start, out[i].end)
    for i in range(len(out) - 1, 1, -1):
        if out[i].tag != "PER" or out[i - 1].word != "、":
            continue
        j = i - 2
        while j >= 0 and out[j].tag != "w" and j > i - 5:   # 、何|报翔、: parts, one of them tagged a name
            j -= 1
        parts = out[j + 1:i - 1]
        if j >= 1 and out[j].word == "、" and out[j - 1].tag == "PER" and len(parts) > 1 \
                and all(_HAN.match(t.word) for t in parts) and 2 <= parts[-1].end - parts[0].start <= 3:
            out[j + 1:i - 1] = [Token("".join(t.word for t in parts), "PER", parts[0].start, parts[-1].end)]
    return _appointed_list(out)


# Verbs of a personnel decision whose object is a list of names (增补A、B、C为…).
_APPOINTING = {"增补", "任命", "补选", "免去", "撤销", "接受"}


def _appointed_list(toks: list[Token]) -> list[Token]:
    """增补马晓伟、易|会|满、曹军为…: the items of a list between a personnel verb and 为
    (or 的) are names, each two or three characters, when the tagger found one of them."""
    out = list(toks)
    for k, t in enumerate(toks):
        if t.word not in _APPOINTING:
            continue
        items, item, j = [], [], k + 1
        while j < len(toks) and toks[j].word not in ("为", "的", "。", "；", "，"):
            if toks[j].word == "、":
                items.append(item)
                item = []
            else:
                item.append(j)
            j += 1
        items.append(item)
        if j == len(toks) or toks[j].word not in ("为", "的") or len(items) < 2 or not all(items) \
                or not any(len(it) == 1 and toks[it[0]].tag == "PER" for it in items):
            continue
        spans = [(toks[it[0]].start, toks[it[-1]].end, "".join(toks[n].word for n in it)) for it in items]
        if not all(2 <= len(w) <= 3 and _HAN.match(w) for _, _, w in spans):
            continue
        for it, (a, b, w) in zip(items, spans):
            out[it[0]] = Token(w, "PER", a, b)
            for n in it[1:]:
                out[n] = None
    return [t for t in out if t is not None]


def _countries_whole(toks: list[Token]) -> list[Token]:
    """几|内亚|比绍: a country's name the tagger cut into a number and names is one place."""
    out, k = [], 0
    while k < len(toks):
        n = next((n for n in (3, 2) if k + n <= len(toks) and any(t.tag == "PER" for t in toks[k:k + n])
                  and all(toks[j].end == toks[j + 1].start for j in range(k, k + n - 1))
                  and is_country("".join(t.word for t in toks[k:k + n]))), 0)
        if n:
            out.append(Token("".join(t.word for t in toks[k:k + n]), "LOC", toks[k].start, toks[k + n - 1].end))
            k += n
        else:
            out.append(toks[k])
            k += 1
    return out


def _partners_apart(toks: list[Token]) -> list[Token]:
    """在京同|澳大利亚总理, 中国同海合会: a place, the 同 of whom it meets or deals with, and
    that partner, which the tagger read as one name (大同 is a city: a place's own name stays)."""
    out = []
    for k, t in enumerate(toks):
        cut = t.word.find("同") if t.tag in ("LOC", "ORG") else -1
        before, rest = t.word[:cut], t.word[cut + 1:]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if cut >= 1 and (is_country(before) or before in divisions().abbreviations or divisions().lookup(before)) \
                and divisions().lookup(t.word[:cut + 1]) is None and not is_country(t.word) \
                and (is_country(rest) or divisions().lookup(rest) or t.tag == "ORG" and len(rest) >= 2
                     or not rest and nxt is not None and nxt.tag in ("LOC", "ORG")):
            out += [Token(before, "LOC", t.start, t.start + cut), Token("同", "p", t.start + cut, t.start + cut + 1)]
            if rest:
                out.append(Token(rest, "LOC" if is_country(rest) else t.tag, t.start + cut + 1, t.end))
        else:
            out.append(t)
    return out


def _verb_unglued(toks: list[Token]) -> list[Token]:
    """任命信|春鹰为…, 任命信春鹰|为: a name glued to the personnel verb before it."""
    out = list(toks)
    for k in range(len(toks) - 2, -1, -1):
        t, name = toks[k], toks[k + 1]
        if not _HAN.match(t.word) or t.word[:2] not in _APPOINTING:
            continue
        if len(t.word) == 3 and name.tag == "PER" and len(name.word) <= 2 \
                and k + 2 < len(toks) and toks[k + 2].word in ("为", "的", "、"):
            out[k:k + 2] = [Token(t.word[:2], "v", t.start, t.start + 2), Token(t.word[2] + name.word, "PER", t.start + 2, name.end)]
        elif len(t.word) in (4, 5) and name.word in ("为", "的") and t.word[2] not in "其他她":
            out[k:k + 1] = [Token(t.word[:2], "v", t.start, t.start + 2), Token(t.word[2:], "PER", t.start + 2, t.end)]
    return out


def split_sentences(doc: Doc) -> None:
    doc.sents = analyse_sentences(doc.text)


# ---- names the tagger glued to a neighbour ----------------------------------------------
# A preposition or conjunction before a name (同|拉赫蒙总统), one after it (韩正|在辽宁,
# 习近平|等, 冯远征|说), with the part of speech it has on its own.
_GLUE_BEFORE = {"同": "p", "与": "p", "和": "c"}
_GLUE_AFTER = {"同": "p", "与": "p", "在": "p", "和": "c", "及": "c", "等": "u", "说": "v", "乘": "v", "作": "v", "率": "v",
               "家": "n"}   # 在村民李盟|家


def unglue_names(toks: list[Token], names: Counter) -> list[Token]:
    """Give back to its neighbour what the tagger glued to a name. 王晨副|委员长: the 副
    of a post written after the name; 同拉赫蒙, 韩正在, 习近平等: a function word, cut
    off when the document writes the name without it elsewhere (魏凤和 stays whole),
    after a foreign name (米哈伊·沃尔高同一天), before a time (同一天) or before the
    post and name of the one met (韩正同巴西副总统…); 同 before a foreign name that goes
    on (同迪亚斯-卡内尔)."""
    out, i = [], 0
    while i < len(toks):
        t, nxt = toks[i], toks[i + 1] if i + 1 < len(toks) else None
        w, step = t.word, 1
        if t.tag != "PER" or len(w) < 2:
            out.append(t)
        elif w[0] in _GLUE_BEFORE and len(w) == 2 and nxt and names[w[1:] + nxt.word]:
            # 同斯|图布总统: the name goes on into the next token
            out += [Token(w[0], _GLUE_BEFORE[w[0]], t.start, t.start + 1), Token(w[1:] + nxt.word, "PER", t.start + 1, nxt.end)]
            step = 2
        elif len(w) < 3:
            out.append(t)
        elif len(w) >= 5 and (k := _conjunction_inside(w, names)):
            # 习近平和沙特王|储: a name, a conjunction, and the start of the next person's post
            out += [Token(w[:k], "PER", t.start, t.start + k), Token(w[k], _GLUE_BEFORE[w[k]], t.start + k, t.start + k + 1),
                    Token(w[k + 1:], "n", t.start + k + 1, t.end)]
        elif nxt and len(w) >= 4 and (post := _post_begun(w, nxt)):
            # 穆罕默德王|储兼首相: the post after the name begun inside it
            cut = len(post) - 1
            out += [Token(w[:-1], "PER", t.start, t.end - 1), Token(post, "n", t.end - 1, nxt.start + cut)]
            if nxt.word[cut:]:
                rest = nxt.word[cut:]
                out.append(Token(rest, "c" if rest == "兼" else nxt.tag, nxt.start + cut, nxt.end))
            step = 2
        elif w.endswith("副") and nxt and ends_with_head("副" + nxt.word) == "副" + nxt.word:
            out += [Token(w[:-1], "PER", t.start, t.end - 1), Token("副" + nxt.word, nxt.tag, t.end - 1, nxt.end)]
            step = 2
        elif w[-1] in _GLUE_AFTER and (names[w[:-1]] or "·" in w[:-1] or _same_day(w, nxt)
                                               or _followed_as_glue(toks, i)):
            out += [Token(w[:-1], "PER", t.start, t.end - 1), Token(w[-1], _GLUE_AFTER[w[-1]], t.end - 1, t.end)]
        elif w[0] in _GLUE_BEFORE and (names[w[1:]] or nxt and nxt.word in ("-", "·") and w[0] == "同"):
            out += [Token(w[0], _GLUE_BEFORE[w[0]], t.start, t.start + 1), Token(w[1:], "PER", t.start + 1, t.end)]
        else:
            out.append(t)
        i += step
    return out


def _conjunction_inside(w: str, names: Counter) -> int | None:
    """Where 和, 与 or 同 splits a long PER token after a name the document writes alone."""
    return next((k for k in (2, 3) if w[k] in _GLUE_BEFORE and names[w[:k]]), None)


def _same_day(w: str, nxt: Token | None) -> bool:
    """巴加埃同|一天表示: 同 opens the time after the name (同一天, 同日)."""
    return w.endswith("同") and nxt is not None and nxt.tag == "TIME"


def _post_begun(word: str, nxt: Token) -> str | None:
    """A post written after a name (lexicons/title_after_name.txt) whose first character
    the tagger took into the name (穆罕默德王|储)."""
    return next((p for p in read_list("title_after_name.txt")
                 if len(p) >= 2 and word[-1] == p[0] and nxt.word.startswith(p[1:])), None)


def _followed_as_glue(toks: list[Token], i: int) -> bool:
    """韩正同|巴西副总统阿尔克明: after 同, 与 or 及 a post and a name, the one met or
    the next of a list; 冯远征说|，: the verb of what he said."""
    if toks[i].word[-1] == "说":
        return i + 1 < len(toks) and toks[i + 1].word in ("，", "：", ":")
    if toks[i].word[-1] == "率":   # 莎拉率|政府代表团: who leads a delegation or a body
        return i + 1 < len(toks) and (toks[i + 1].word.startswith(("政府", "代表团", "党政", "团")) or toks[i + 1].tag == "ORG")
    if toks[i].word[-1] not in "同与及":
        return False
    j = next((k for k in range(i + 2, min(i + 8, len(toks))) if toks[k].tag == "PER"), None)
    if j is None:
        return False
    return bool(chain_span(toks, j)[0]) and all(title_word(t) or t.word == "、" for t in toks[i + 1:j])
