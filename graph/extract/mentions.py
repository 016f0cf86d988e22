"""Mentions: where the text names an official, a person, a district, an organisation,
a project, a policy or a meeting.

Three sources are combined, sentence by sentence:
- the LAC model's PER, LOC and ORG tags;
- names found by their endings (``…高速公路``, ``…常务会议``, ``…有限公司``, ``…街道``),
  extended leftwards over name-like words up to a boundary (punctuation, a preposition,
  a verb such as 召开 or 走进), with generic modifiers trimmed (重大项目 is no name);
- quotation marks: 《…》 documents and “…” slogans.
Titles before and after a person's name decide Official or Person.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field, replace

from .boundaries import whole_words
from .congresses import MEETING
from .divisions import divisions, is_country, joined_countries, sides
from .doc import Doc
from .lexicon import read_list, read_pairs, read_set
from .nlp import Token, common_tag, common_word, dictionary_word, is_idiom, plain_word
from .sentences import DIVERSION, SURNAMES, Sentence, body_word
from .titles import (chain_span, ends_with_head, heads, only_role, past_posts, person_roles, role_of, split_title, title_after,
                     stationed, title_word)

LABEL_PRIORITY = ("Meeting", "Project", "Organization", "District", "Policy")
_SUFFIX_FILES = {
    "Meeting": "meeting_suffixes.txt",
    "Project": "project_suffixes.txt",
    "Organization": "org_suffixes.txt",
    "District": "district_suffixes.txt",
    "Policy": "policy_suffixes.txt",
}
# Tags a name may be built of when extended leftwards from its ending.
_NAME_TAGS = {"n", "nz", "nw", "ORG", "LOC", "vn", "v", "vd", "a", "an", "j", "m", "xc", "s", "f", "b"}
# Places below county level are built of nouns and names only (龙凤桥街道, 尚书村), so
# that 摸排各村 or 带火乡村 make none.
_PLACE_TAGS = {"n", "nz", "LOC", "ORG", "j", "s"}
# Organisations are named by nouns and names too (区青年志愿服务中心), not by verbs:
# 助力政府, 引导大型银行 are no names.
_STRICT_TAGS = {"District": _PLACE_TAGS, "Organization": _PLACE_TAGS | {"vn", "m", "xc", "nw"},
                "Project": _PLACE_TAGS | {"vn", "m", "xc", "nw", "an", "a"},
                "Policy": _PLACE_TAGS | {"vn", "m", "xc", "nw", "an", "a"}}
# Policy endings that name nothing without a proper noun before them (完善配套政策).
_WEAK_POLICY = ("政策", "机制", "制度", "规划", "规划纲要", "纲要", "方案", "意见", "办法", "建设", "改革", "通知", "决定", "规定",
                "协议", "工程", "行动", "理念")
_OPEN, _CLOSE = "（(“《", "）)”》"
# Verbs after a bare name that only an office-holder does in the news.
# (表示, 宣布, 指出 are said by groups, armies and spokesmen too: 哈马斯表示 names no official.)
# Unnamed people named by what they are, in a list of those present (有关部门负责人).
UNNAMED_PEOPLE = r"(?:负责人|负责同志|领导同志|领导人|人士|代表|成员)(?:等)?"
# 崔铁军、高纪凡等6位代表分别就…发言: deputies and members, counted after the list.
_DEPUTIES = r"[\d一二三四五六七八九十两]+[位名](?:全国)?(?:人大代表|政协委员|政协常委|代表|委员|常委)"
# 李强、赵乐际等党和国家领导人出席: what the named are, written after their list
# (and others named after them: …等党和国家领导人，国际奥委会主席巴赫出席)
_LEADERS_AFTER = r"(?:党和国家领导人|党和国家领导同志|领导同志|负责同志)(?:[，,][^，,。；;]{0,30}?)?"
# 慰问了江泽民、胡锦涛…等老同志: veteran leaders, who held posts
_VETERANS = re.compile(r"(?:、[\u4e00-\u9fff]{2,4})*等?老同志")
_OFFICIAL_ACTS = re.compile(rf"{_DEPUTIES}|(?:{_LEADERS_AFTER}|"
                            rf"(?:[，,和][^，,。；;]{{0,24}}?{UNNAMED_PEOPLE})?)"   # A、B，有关部门负责人出席
                            r"(?:(?:在|同|与|向|对|赴|到|分别|先后|今天|日前|近日)[^，。；、]{0,12}?)?"
                            r"(?:出席|主持|会见|会晤|会谈|举行会谈|通电话|调研|考察|视察|致信|致电|致贺信|批示|"
                            r"签署|讲话|检查|慰问|颁奖|作报告|陪同|参加|同志|就座)")


@dataclass
class Mention:
    label: str
    text: str
    sent: int                   # sentence index in the article
    start: int                  # offsets inside the sentence
    end: int
    titles: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)   # titles held before (时任, 原…)
    role: str | None = None
    via: str = ""               # which rule found it (for diagnostics)


# The label of a name the tagger read as a person's that its context shows is not one
# (a place: 攻占巴赫穆特, 赫尔松州; a group: 哈马斯武装). The merge drops Person nodes of
# such a name across the build (graph/merge/officials.py).
NOT_A_PERSON = "not a person"


def find_mentions(doc: Doc) -> None:
    found = _all_mentions(doc.sents, doc.article.authors)
    doc.mentions = [m for m in found if m.label != NOT_A_PERSON]
    doc.not_people = sorted({m.text for m in found if m.label == NOT_A_PERSON}
                            | {m.text for m in doc.mentions if m.via == "lac" and m.label in ("District", "Organization")})


_LAW = re.compile(r"[^的，。]{0,24}?(?:法|条例|制度)")


def _features_listed(sents: list[Sentence], found: list[Mention]) -> list[Mention]:
    """连通新安、龙湖等水库: short names in a list of reservoirs, lakes or rivers name those,
    not the districts they share a name with; 西班牙文版 names a language's edition."""
    return [m for m in found if not (m.label == "District" and m.via in ("lac", "division")
                                     and _FEATURES_AFTER.match(sents[m.sent].text, m.end))]


_FEATURES_AFTER = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{1,6}?)*等(?:水库|湖泊|湖|河流|河|江|山|岛|水源地|湿地)"
                             r"|文版|语版|文译本")   # 西班牙文版: a language's edition


# A list of bodies before their kind (考察了长沙比亚迪汽车、中国铁建重工、蓝思科技等企业)
_BODIES_AFTER = re.compile(r"等(?!领域|行业|产业|方面)(?:[\u4e00-\u9fff]{0,2}?)(?:企业|公司|单位|机构|高校|院校|医院|银行)")
# What opens such a list: a verb of visiting or holding, or a stop
_LIST_OPENS = re.compile(r"考察|调研|走进|来到|参观|视察|走访|包括|有|如|[，：,:]")


def _bodies_listed(s: Sentence) -> list[Mention]:
    """The bodies listed before their kind, each item whole from separator to separator
    (长沙比亚迪汽车, not the tagger's 比亚迪汽车), where the list opens after a verb of visiting
    or a stop; an item of plain words, or of no name the tagger knows, names a kind, not a body (国有企业)."""
    lists = list(_BODIES_AFTER.finditer(s.text))
    if not lists:
        return []   # most sentences list none: no index of their tokens is built for them
    toks, out = s.tokens, []
    ends = {t.end: k for k, t in enumerate(toks)}
    for m in lists:
        j, end, items = ends.get(m.start()), m.start(), []
        while j is not None and j >= 0:
            t = toks[j]
            if t.word in ("、", "和", "及"):
                items.append((t.end, end))
                end = t.start
            elif t.tag in ("v", "u", "p", "w", "r", "d", "c"):
                verb = toks[j - 1] if t.word == "了" and j else t   # 考察|了
                if t.tag == "w" and t.word not in "，：,:" or not _LIST_OPENS.fullmatch(verb.word):
                    break   # the first item may be cut: the others stand
                items.append((t.end, end))
                break
            j -= 1
        if len(items) < 2:
            continue
        for a, b in items:
            name = s.text[a:b]
            proper = any(t.tag in ("ORG", "LOC", "PER", "nz", "nw", "j") for t in toks if a <= t.start < b)
            if 3 <= len(name) <= 14 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and not plain_words(name, 3) \
                    and proper and divisions().lookup(name) is None and not _chain(name):
                out.append(Mention("Organization", name, s.index, a, b, via="listed"))
    return out


def _firms_abroad(named: list[Mention]) -> list[Mention]:
    """德国巴斯夫集团 is 巴斯夫集团 of 德国: a firm or school abroad named after its country
    is one of that place; a party or a government keeps it (德国社会民主党), and so does a
    name that goes on with a common noun (英国石油公司)."""
    out = []
    for m in named:
        n = next((n for n in range(6, 1, -1) if m.label == "Organization" and len(m.text) - n >= 4
                  and m.text[:n] not in _CHINA and is_country(m.text[:n])
                  and not (m.text[n - 1] == "国" and common_word(m.text[n - 1:n + 1]))), 0)   # 俄罗斯|国家…, not 俄罗斯国|家…
        if n and m.text.endswith(_FIRMS) and not any(common_tag(m.text[n:n + k]) in ("n", "v", "vn", "a", "b", "f") for k in (2, 3)) \
                and not any(o.label == "Organization" and o.start == m.start + n for o in named):
            out.append(Mention("District", m.text[:n], m.sent, m.start, m.start + n, via="division"))
            out.append(Mention("Organization", m.text[n:], m.sent, m.start + n, m.end, via=m.via))
        else:
            out.append(m)
    return out


_FIRMS = ("集团", "公司", "银行", "大学", "学院", "工厂", "医院", "研究院", "研究所", "交易所")
_CHINA = ("中国", "中华人民共和国")


def mentions(sents: list[Sentence], authors: tuple[str, ...] = ()) -> list[Mention]:
    return [m for m in _all_mentions(sents, authors) if m.label != NOT_A_PERSON]


def _all_mentions(sents: list[Sentence], authors: tuple[str, ...]) -> list[Mention]:
    out: list[Mention] = []
    for s in sents:
        people, posts = _people(s, authors)
        named = _firms_abroad(_nested(_prune(_anniversary_holders(_named(s) + _quoted(s) + _bodies_listed(s), s))))
        named = [t for m in named if (t := _in_its_clause(m, s.text)) is not None]
        # a name inside a policy's name is part of it (习近平新时代中国特色社会主义思想)
        policies = [(m.start, m.end) for m in named if m.label == "Policy"]
        # 全国人民代表大会和地方各级人民代表大会代表法: a body's name inside a law's, no meeting
        named = [m for m in named if not (m.label == "Meeting" and m.via != "congress"
                                          and any(a <= m.start and m.end < b and _LAW.match(s.text, m.end, b) for a, b in policies))]
        # (but 习近平总书记关于…的重要论述 names the leader by his post too)
        out.extend(p for p in people if (p.titles or not any(a <= p.start and p.end <= b for a, b in policies))
                   and not ("·" in p.text and _work_ending(p.text, suffix_table())))
        # (杜桑·卢维杜尔国际机场: a work named after someone, which the works' rule names)
        out.extend(_dateline(s))
        out.extend(_column_people(s))
        out.extend(_the_party(s))
        out.extend(_unnamed_posts(s))
        # a party or legislative body named inside a post (重庆市委 in 重庆市委常委胡文容,
        # 中共中央政治局 in 中共中央政治局常委) is part of the title; an institution (重庆大学 in
        # 重庆大学党委书记, 市扶贫办 in 市扶贫办干部) is a mention of its own
        meetings = [(m.start, m.end) for m in named if m.label == "Meeting"]
        out.extend(m for m in named
                   if not (m.label == "Organization" and (_leading_body(m.text) or not _has_org_ending(m.text))
                           and (any(a <= m.start and m.end <= b for a, b in posts) or _post_follows(s.text, m.end)))
                   and not (m.label == "Organization" and any(a <= m.start and m.end < b for a, b in meetings))
                   and not (m.label == "Organization" and (ends_with_head(m.text) or _no_party(m.text))))
    out = _features_listed(sents, _joined_countries_in(sents, out))
    capitals = {m.text for m in out if m.via == "capital"}   # 首都维拉港 … 维拉港附近: the city again
    out = [replace(m, label="District") if m.label == "Project" and m.text in capitals else m for m in out]
    out = [m for m in out if not (m.label == "Organization" and _kind_of_body(m.text))]
    # a place the tagger once read as a body (打击了|顿涅茨克/ORG|6个弹药库) is the place the document names
    # more often (哈马斯 the tagger reads as a place now and then is a body)
    read = Counter((m.label, m.text) for m in out)
    out = [replace(m, label="District") if m.label == "Organization" and m.via == "lac" and not _has_org_ending(m.text)
           and read["District", m.text] > read["Organization", m.text] else m for m in out]
    out.extend(_rosters(sents))
    broad = read_set("broad_formulas.txt")
    out = [t for t in map(_tidy, _places_apart(out)) if t is not None]
    # a broad formula (and building it) names no policy, nor the place inside it (美丽中国建设)
    formulas = [(t.start, t.end) for t in out if t.label == "Policy"
                and (t.text.strip("“”《》") in broad or t.text.strip("“”《》").removesuffix("建设") in broad)]
    out = [t for t in out if not any(a <= t.start and t.end <= b for a, b in formulas)
           or t.label not in ("Policy", "District")]
    texts = {s.index: s.text for s in sents}
    return _whole_people(_whole_places(out, texts), texts)


def _whole_places(found: list[Mention], texts: dict[int, str]) -> list[Mention]:
    """A place the tagger read one character short of a longer place the document gives
    (红旗|渠很有教育意义, where 红旗渠 is read elsewhere) is a piece of that name: no division
    (红旗区) of its own. (Not a place before another: 以色列|特拉维夫.)"""
    longer = {m.text for m in found if m.label == "District" and m.via == "lac" and divisions().lookup(m.text) is None
              and m.text[-1] not in "省市县区州镇乡村旗盟"}   # (not 成都 of 成都市, 华盛 of 华盛顿州)
    return [m for m in found if not (m.label == "District" and m.via == "lac" and any(
        len(n) == len(m.text) + 1 and n.startswith(m.text) and texts.get(m.sent, "").startswith(n, m.start) for n in longer))]


def _in_its_clause(m: Mention, text: str) -> Mention | None:
    """The mention as the words around it leave it: None where they show it names nothing."""
    before, after = text[:m.start], text[m.end:]
    if m.label == "Policy" and m.text.endswith("政策") and before.endswith("对"):
        return None   # 中国对|中亚友好合作政策, 美国对|华政策: a country's policy toward others, described
    if m.label == "Policy" and m.text.endswith(("规划", "计划")) and after.startswith("了"):
        return None   # 建设规划|了3个阶段: the verb of planning, no plan
    if m.label == "Policy" and m.text.endswith("行动") and len(m.text) <= 6 and before.endswith("在") \
            and not after.startswith(("中", "期间", "里")):
        return None   # 在|加沙行动|致: a place and what was done there
    if m.label in ("Meeting", "Organization") and m.start and m.text[1:2] in ("两", "双") \
            and sides(before[-1] + m.text[0], 2) and not (m.start >= 2 and sides(before[-2:], 2)):
        # 越|中两党理论研讨会: the tagger read the first of the two countries' short names apart
        return replace(m, text=before[-1] + m.text, start=m.start - 1)
    if m.label == "District" and re.match(r"[一二三四五六七八九十]{1,3}号(?![线楼院])", after) \
            and m.text[-1] not in "省市县区州镇乡村":
        return None   # 河北临西一号卫星, 浦江二号: a craft named after the place by its short name, no mention of it
        # (not 雁塔区|二号医学隔离点)
    capital = re.search(r"首[都府]", m.text)
    if m.label == "Project" and capital and m.text.endswith("港") and 2 <= len(m.text) - capital.end() <= 5 \
            and not plain_words(m.text[capital.end():], 2):
        # 瓦努阿图首都维拉港, 海地首都太子港: a capital named as a port is the city
        return replace(m, label="District", text=m.text[capital.end():], start=m.start + capital.end(), via="capital")
    if m.label == "Organization" and m.text.endswith("中心") and after.startswith(("地带", "区域", "地区", "位置")):
        return None   # 加沙城中心|地带: the middle of a place, no body
    if m.label == "Policy" and m.text.endswith("战略") and after.startswith("对接") \
            and m.text[:-2].endswith(("倡议", "构想", "规划", "计划", "愿景", "议程")):
        return replace(m, text=m.text[:-2], end=m.end - 2)   # 共建“一带一路”倡议|战略对接: the alignment's
    return m


_TWO_WORDS_JOINED = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和与](?=[\u4e00-\u9fff]{2})")


def _joined_countries_in(sents: list[Sentence], found: list[Mention]) -> list[Mention]:
    """A country whose name holds a conjunction (圣多美和普林西比) is one place, whatever the
    tagger made of its parts (圣多美|和|普林西|比: two people)."""
    spans = [(s.index, m.start(), m.end()) for s in sents for m in joined_countries().finditer(s.text)
             if _TWO_WORDS_JOINED.search(m.group()) and "共和国" not in m.group()]   # (not 埃及, 中华人民共和国)
    if not spans:
        return found
    # what holds the whole name stays (中国驻埃及使馆, 圣多美和普林西比政府); what crosses it or lies in it goes
    kept = [m for m in found if not any(si == m.sent and m.start < b and a < m.end and not (m.start <= a and b <= m.end)
                                        for si, a, b in spans)]
    have = {(m.sent, m.start, m.end) for m in kept}
    texts = {s.index: s.text for s in sents}
    kept.extend(Mention("District", texts[si][a:b], si, a, b, via="division") for si, a, b in spans if (si, a, b) not in have)
    return kept


_OUTER_PLACE = re.compile(r"(.+?[州省县])(?=[\u4e00-\u9fff]{2,}$)")


def _places_apart(found: list[Mention]) -> list[Mention]:
    """A place the tagger read with the place inside it as one name is two (得克萨斯州|奥斯汀,
    黟县|宏村, 肯塔基州|路易斯维尔市), where the whole is no division of the table and no zone's or city's name
    (苏州工业园区, 杭州湾新区)."""
    out = []
    for m in found:
        outer = _OUTER_PLACE.match(m.text) if m.label == "District" else None
        if outer and divisions().lookup(m.text) is None and (
                not m.text.endswith(_LEVEL_ENDINGS + ("园", "港", "湾"))
                or outer.group(1).endswith(("州", "省")) and m.text.endswith("市") and len(m.text) - outer.end() >= 3) \
                and (len(outer.group(1)) >= 3 or divisions().lookup(outer.group(1)) is not None) \
                and divisions().lookup(m.text[outer.end():]) is None:   # (苏州|古城: the town's old quarter, no 古城区)
            n = outer.end()
            out.append(replace(m, text=m.text[:n], end=m.start + n))
            m = replace(m, text=m.text[n:], start=m.start + n)
        out.append(m)
    return out


# A roster: 中国共产党第二十届中央委员会委员名单（205名）, then its names, spaced; or
# sections of posts (二、副主席（23名）) each followed by their names.
_ROSTER = re.compile(r"^(.{4,60}?)名单(?:（[^）]*）)?$")
_ROSTER_PART = re.compile(r"^[一二三四五六七八九十]+、([^（(]{1,12})(?:[（(].*)?$")
_ROSTER_NAME = re.compile(r"(?<![^\s])([\u4e00-\u9fff·]{2,20})(?:（[^）]{0,12}）)?(?![^\s])")


def _rosters(sents: list[Sentence]) -> list[Mention]:
    """The names of a roster hold the post its heading or its section gives, in the
    body its heading names (常务委员 of 中国人民政治协商会议第十四届全国委员会)."""
    out, body, post = [], None, None
    for s in sents:
        text = s.text.strip()
        roster = _ROSTER.match(text)
        if roster:
            # (央视网消息（新闻联播）：…主席团成员名单: the dateline opens the heading's line)
            words = re.sub(r"^[^：:]{2,24}?(?:消息|讯|电)(?:（[^）]*）)?[：:]", "", roster.group(1))
            body, post = split_title(words.split("、")[0])
            post = post if "、" not in words else None   # several posts: each section names its own
            body = body or None
            continue
        if body is None or re.fullmatch(r"[（(][^）)]*[）)]", text):
            continue   # （133名）, （按姓氏笔画为序排列）
        section = _ROSTER_PART.match(text)
        if section:
            post = section.group(1) if ends_with_head(section.group(1)) else None
            continue
        # a name is what the spaces part, whatever the tagger cut (王尔|乘, 侯凯　); the line is
        # one of names when the tagger begins a person's name at most of its parts
        starts = {t.start + len(t.word) - len(t.word.lstrip()) for t in s.tokens if t.tag == "PER"}
        parts = list(_ROSTER_NAME.finditer(s.text))
        spaced = re.sub(r"（[^）]{0,12}）|\s", "", text)
        if parts and sum(len(m.group(1)) for m in parts if m.start(1) in starts) >= 0.7 * len(spaced):
            for m in parts if post else ():
                out.append(Mention("Official", m.group(1), s.index, m.start(1), m.end(1), titles=[body + post], via="title"))
        else:
            body = None   # the roster is over
    return out


# What those named by their posts alone do: 部分中共中央政治局委员、中央书记处书记出席
_UNNAMED_ACTS = ("出席", "参加", "列席", "陪同")


def _unnamed_posts(s: Sentence) -> list[Mention]:
    """The bodies of posts written with no name, of those present (部分中共中央政治局委员、
    中央书记处书记出席座谈会): Organizations of the document, as a named holder's are."""
    out, toks = [], s.tokens
    bodies = {t.word for t in toks if t.tag == "ORG"}
    for j, t in enumerate(toks):
        if t.word not in _UNNAMED_ACTS or not j or toks[j - 1].tag == "PER":
            continue
        titles, start = chain_span(toks, j)
        pos = start
        for title in titles:
            org = re.sub(r"^(?:部分|有关|各)", "", split_title(title)[0])
            k = s.text.find(org, pos) if org else -1
            if len(org) >= 4 and k >= 0 and (org in bodies or _has_org_ending(org)):
                # 外交部和商务部负责人: the post of each of two bodies
                parts = re.split(r"[和与及]", org)
                if len(parts) == 2 and all(len(p) >= 3 and _has_org_ending(p) for p in parts):
                    out.append(Mention("Organization", parts[0], s.index, k, k + len(parts[0]), via="within"))
                    a = k + len(parts[0]) + 1
                    out.append(Mention("Organization", parts[1], s.index, a, a + len(parts[1]), via="within"))
                else:
                    out.append(Mention("Organization", org, s.index, k, k + len(org), via="within"))
            pos = max(pos, k + len(org)) if k >= 0 else pos
    return out


def _whole_people(found: list[Mention], texts: dict[int, str]) -> list[Mention]:
    """A Person's name that is a piece of a longer name the document gives (哈罗娃 of
    扎哈罗娃, 赫什 of 西摩·赫什), or a name the document gives with more glued to it
    (蔡奇丁 of 蔡奇|丁薛祥), is no one of its own: it is no person. A name the text goes on
    to write as a longer name the document gives with a post is that name (埃尔多|安通电话
    where 土耳其总统埃尔多安 is named too: the tagger took the last character into the next word)."""
    names = {m.text for m in found if m.label in ("Official", "Person")}
    posted = sorted({m.text for m in found if m.label == "Official" and m.titles}, key=lambda n: (len(n), n))
    out = []
    for m in found:
        if m.label in ("Official", "Person") and (longer := next(
                (n for n in posted if len(m.text) < len(n) <= len(m.text) + 2
                 and n.startswith(m.text) and texts.get(m.sent, "").startswith(n[len(m.text):], m.end)), None)):
            m = replace(m, text=longer, end=m.start + len(longer))
        if m.label == "Person" and not m.role and any(
                n != m.text and (m.text in n or m.text.startswith(n) and len(n) >= 2) for n in names):
            out.append(Mention(NOT_A_PERSON, m.text, m.sent, m.start, m.end))
        else:
            out.append(m)
    return out


# What a person does or is called right after the name: 刘尚希说, 苏翊鸣表示, 张三同志.
# A Person mention with none of these, no role and no list around it is "bare": the
# tagger's guess alone (夏收, 景明, 久安), which the merge keeps only for an official's name.
_PERSON_AFTER = re.compile(r"(?:等人|等)?(?:在接受[^，。]{0,10}采访时)?(?:说|表示|介绍|告诉|认为|指出|称|强调|坦言|感慨|回忆|谈到|"
                           r"提到|笑着|同志|先生|女士|夫妇|夫人|一家|老人|本人|获得|夺得|摘得|赢得|打破|创造|荣获|当选|出生|生前)")


def _listed(toks: list[Token], i: int) -> bool:
    """Is the name one of a list of names (A、B和C)?"""
    return (i >= 2 and toks[i - 1].word in ("、", "和", "与") and toks[i - 2].tag == "PER") \
        or (i + 2 < len(toks) and toks[i + 1].word in ("、", "和", "与") and toks[i + 2].tag == "PER")


_LEAD = "”’》）)】]、，,。：:；;· \u3000\xa0—－-–"
_TRAIL = "“‘《（(【[、，,。：:；;· \u3000\xa0"   # (中办 |国办印发: a heading's space)
_PAIRS = ("“”", "‘’", "《》", "（）", "()", "【】")


_GAP = re.compile(r"(?<=[\u4e00-\u9fff）)”》])\s+(?=[\u4e00-\u9fff（(“《])")


# Kinds of party, which name none (执政党, 两国执政党), and what the party in general
# follows: a phrase of its era (新时代党|的建设), a verb (管党治党, 回望党|的百年), a body
# (全国人大党|组).
_PARTY_KINDS = ("执政党", "在野党", "参政党", "政党", "反对党", "少数党", "多数党", "大党", "两党")
_PARTY_OBJECT = re.compile(r"^(?:新时代|新征程|党)|(?:时代|征程|时期|人大|政协|妇联|委会|中央|[管治建兴强全习望])党$")


def _no_party(name: str) -> bool:
    """Is a name ending with 党 no party's: a kind of party, the party in general after a
    phrase, or a country's party (中国党|和政府, 越南党|和国家: whose party is not named)?"""
    if not name.endswith("党"):
        return False
    kind = next((k for k in _PARTY_KINDS if name.endswith(k)), None)
    if kind and (len(name) - len(kind) <= 2 or is_country(name[:-len(kind)]) or name.startswith(("两国", "多国", "各国"))
                 or name[:-len(kind)].endswith(("国家", "洲"))):
        return True
    return _PARTY_OBJECT.search(name) is not None or is_country(name[:-1])


_POLICY_FRAME = re.compile(r"^(?:新修订的|新制定的|修订后的|修改后的)|(?<=》)(?:有关规定|相关规定|有关条款)$")


_OPERATION = re.compile(r"(?:军事|拦截|打击|袭击|进攻|空袭|反攻|作战|攻势|报复|轰炸|敌对|罢工|抗议|军方)行动$")
_PEOPLE_AND = re.compile(r"^.{2,20}?(?:代表|首脑|领导人|官员|人士)[和与及]")
_AMOUNT = re.compile(r"^[\d.]+(?:万|亿|千)?(?:余|多)?(?:亩|吨|个|名|家|省|人|元|公里|户|辆|座|度|公顷|亿元|万亿元|件|架|艘)")
_NO_BODY_END = re.compile(r"党员$|(?<!世)界$|(?<=[馆院会])[日节]$|(?:\d+|[一二三四五六七八九十]+)国$|问题$|市中心$|一事$")
# A domain before 机构 names a kind of institution (执法机构, 相关机构), as 中小学 names schools;
# a hall, a machine or a chapter ends no body's name.
_KIND_OF_BODY = re.compile(r"(?:相关|有关|下属|分支|驻外|常设|内设|立法|执法|情报|金融|医疗|监管|司法|调查|民调|外交|科研|"
                           r"救援|救助|应急|监测|评级|投资|服务|教育|托育|养老|卫生|疾控|政府|联邦)机构$"
                           r"|中小学校?$|礼堂$|大厅$|会场$|广场中心$|机组$|华章$|篇章$"
                           r"|(?:宴会|音乐|演播|候车|会客|客|议事|会议|营业|验放|方|大理石)厅$"   # rooms (展示厅 is a venue)
                           r"|^(?:火力|燃煤|燃气|水力|风力)发电厂$"
                           r"|^(?:商业|投资|政策性|开发性|民营|外资|中资|国有|村镇|农村商业|城市商业)银行$")   # kinds of bank
_GLUED_AFTER_BODY = re.compile(r"(?:委托|部署|新一届|本届|名誉|轮值|原?常务|所属|(?:(?<=委员会)|(?<=组织|公司|政府|集团|银行|大学))处|(?<![青少老童])年"
                               r"|(?:(?<=[部局署厅])|(?<=集团)|(?<=改革委))会)$")   # 水利部|会同…: the verb's first character
# Words that join two kinds of place (卫生院和村, 干部和数百万村), not a place's name.
_PLACES_JOINED = re.compile(r"^.{2,}[和及与](?:[一二三四五六七八九十百千万数多各]+)?(?:村|社区|乡|镇|街道)$")
_PEOPLES_PLACE = re.compile(r"(?:人|裔|族)社区$")
# A kind of community or village by what it is (城市社区, 宜居社区, 无疫村), villages counted
# (千村, 千乡万村) and levels named together (县乡, 镇村).
_KIND_OF_COMMUNITY = re.compile(r"(?:城市|城镇|城|农村|城乡|智能|智慧|数字|生态|生活宜居|宜居|健康|学校|机关|驻地|模范|完整|新型|老旧"
                                r"|绿色|低碳|无疫|样板|边境小康|小康|家政)(?:社区|村|乡)"
                                r"|(?:[一二三四五六七八九十百千万单同各每全该本多数几两][乡村镇])+|[省市县区镇乡城][乡村镇]")
_YEAR_BEFORE = re.compile(r"(?:\d{2,4}|[今去明前])年")
# A side of a place (东部, 东南部, 中部), written after the place or before what lies there.
_SIDE_PART = r"(?:[东西南北]{1,2}|中)部"
_PART_OF = re.compile(_SIDE_PART + "$")
_KIND_OF_VILLAGE = r"(?:文化|民俗|红军|城中|淘宝|电商|旅游|特色|明星|专业|示范|豆腐)村"
_KIND_BEFORE_VILLAGE = re.compile(_KIND_OF_VILLAGE + r"|^.{0,4}?(?:村寨|村落|古村|山村|小村|村庄)(?=.{2,}[村寨]$)")
_KIND_OF_VILLAGE_ONLY = re.compile(_KIND_OF_VILLAGE + "$|郊区$|(?:小村|山村|古村|村庄|村寨|村落)$"
                                   r"|^(?:全体|所有|每个|各个|较大|规模)")
# A games' village, where its athletes live: a venue, in the place written before it.
_GAMES_VILLAGE = re.compile(r"(?:^奥|奥运|冬奥|残奥|亚运|亚冬|大运|全运|冬运|运动员|媒体|记者)村")   # (冬|残奥村, 冬|奥村: cut)
_WORK_IN_PLACE = re.compile(r"^.*(?:高铁|铁路|高速|特大桥|大桥|隧道)")
# A legislature's term by its members or its length (…届全国人民代表大会代表, …的任期).
_TERMS_MEMBERS = re.compile(r"(?:代表(?![团大])|代表名额|任期|常务委员会)")
_COUNTED_MEETINGS = re.compile(r"^(?:未来|今后|过去|近|前|后|超过?|逾|累计|共)?(?:\d+|[一二两三四五六七八九十几多]+)(?:场|届|次)"
                               r"(?![一二三四五六七八九十\d]|全国|中央|中共|人大|政协|党|会议|全体会议)"
                               r"(?!.*(?:委员会|委|常委会)第[一二三四五六七八九十\d]+次)")   # 二十届首都规划建设委员会第三次…: a body's term
_RELATED_KIND = re.compile(r"(?:相关|有关)(?:新闻)?(?:发布会|会议|论坛|活动|座谈会)$")
_THING_AND = re.compile(r"^.*?(?:讲话|精神|”|》|活动|倡议|部署)[和及与]")


_ADDRESSED = re.compile(r"[\u4e00-\u9fff]{1,2}?(?:某某?|阿姨|爷爷|奶奶|大爷|大妈|大娘|叔叔|伯伯|婆婆|大姐|大哥|大叔|师傅)"
                        r"|[\u4e00-\u9fff](?:院士|教授|老师|医生|博士)|[\u4e00-\u9fff]{2,8}夫人")   # 李院士; 邦戈夫人: whose wife
_ENUMERATOR = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、](?=[\u4e00-\u9fff])")


def _tidy(m: Mention) -> Mention | None:
    """A name without the stray punctuation a rule took with it (”区民政局: the quote
    that closed the sentence before), and without what its label's grammar says is no
    part of it; None when nothing of a name is left."""
    # a line break or an OCR gap inside a name (互联互通 示范项目) is no part of it
    text, start, end = _GAP.sub("", m.text), m.start, m.end
    if (number := _ENUMERATOR.match(text)) and len(text) - number.end() >= 2:
        text, start = text[number.end():], start + number.end()   # （二）|追悼大会, 三、|…: a list's number
    if m.label == "Person" and _ADDRESSED.fullmatch(text):
        return None   # 李阿姨, 刘爷爷, 李某, 李院士: how someone is addressed or kept anonymous, no name
    if m.label in _LABEL_CUTS:
        cut = _LABEL_CUTS[m.label](text)
        if cut is None:
            return None
        text, start, end = cut[0], start + cut[1], end - cut[2]
    if m.label == "Organization" and text.endswith(("特区", "特别行政区")) and divisions().lookup(text) is not None:
        m.label = "District"   # 澳门特区: the region
    while text and (text[0] in _LEAD or text[0] in "“‘《（(【" and not _closes(text, text[0])):
        text, start = text[1:], start + 1
    while text and (text[-1] in _TRAIL or text[-1] in "”’》）)】" and not _opens(text, text[-1])):
        text, end = text[:-1], end - 1
    for opening, closing in (("（", "）"), ("《", "》"), ("【", "】")):
        # 中国人寿保险（集团, “语”近人——…典故》第三季…启播仪式: a bracket the name does not close
        # or open cuts it there
        if (k := text.find(closing)) >= 0 and opening not in text[:k]:
            text, start = text[k + 1:], start + k + 1
        if (k := text.rfind(opening)) >= 0 and closing not in text[k:]:
            text, end = text[:k], end - (len(text) - k)
    if text == m.text:
        return m
    if len(text) < 2:
        return None
    m.text, m.start, m.end = text, start, end
    return m


# Each label's cuts: (what is left, characters cut at the front, at the back), or None
# when the label's grammar says the name is none.
Cut = tuple[str, int, int] | None


def _place_cut(text: str) -> Cut:
    front = back = 0
    if text.endswith(("行动", "海滨", "沿岸", "沿海", "海岸", "海峡")):
        return None   # 在|加沙行动: what was done there; 红海海滨: a coast; 曼德海峡: a strait; no place
    if "”" in text or _PLACES_JOINED.search(text) or _PEOPLES_PLACE.search(text) \
            or text.endswith("社区") and is_country(text[:-2]) or _KIND_OF_COMMUNITY.fullmatch(text):
        # “欢乐春节——…”社区: a campaign taken to the communities; 卫生院和村: kinds joined;
        # 库尔德人社区, 以色列社区: a people living together; 城市社区, 宜居社区, 千村, 县乡: kinds and counts
        return None
    if text.endswith(("家乡", "故乡", "老家")) or "由" in text \
            or text.endswith("社区") and len(text) > 4 and divisions().lookup(text[:-2]) is not None:
        return None   # 雷锋家乡: whose home; 生活物资由社区: a clause; 北京市社区|卫生服务机构: a city's communities at large
    if text.startswith(("老家", "家乡", "故乡")) and len(text) >= 5:
        text, front = text[2:], front + 2   # 老家|清溪村: whose home the place is
    if text.endswith("市区") and len(text) >= 4 and not text.endswith("城市区"):
        text, back = text[:-2], back + 2   # 荷台达市区, 贝鲁特市区: the city's urban area is the city
    if (year := _YEAR_BEFORE.match(text)) is not None:
        text, front = text[year.end():], year.end()   # 2023年|清溪村: when, no part of the name
        if len(text) < 3:
            return None   # 去年|村
    if (part := _PART_OF.search(text)) is not None:
        # 柏林东南部, 以色列南部: a part of the place, which is the place meant; 东北部 alone is none
        whole = text[:part.start()]
        if len(whole) < 2:
            return None
        text, back = whole, len(text) - len(whole)
    if (dated := re.match(r"（[^）]{1,10}日）", text)) is not None:
        text, front = text[dated.end():], dated.end()   # （3月14日）|上海浦东新区: the news's date
    if (post := re.match(r"(.{2,}?[州省市县郡])(?:[州省市县郡]?长|总督|议员|参议员)", text)) is not None:
        text, back = post.group(1), len(text) - post.end(1)   # 加利福尼亚州|州长纽森: the post and who holds it
    if (kind := _KIND_BEFORE_VILLAGE.match(text)) and len(text) - kind.end() >= 3:
        text, front = text[kind.end():], kind.end()   # 城中村|石榴新村: the kind before the name
    if text.endswith(("州", "省", "市", "县", "郡", "镇", "村")):
        # 俄罗斯|伊尔库茨克州: a country before the place inside it
        k = next((k for k in range(2, len(text) - 2) if is_country(text[:k])), None)
        if k is not None:
            text, front = text[k:], front + k
    if (side := re.match(_SIDE_PART + r"(?=.{2,}[州省市县郡])", text)) is not None:
        text, front = text[side.end():], front + side.end()   # 苏丹东部|加达里夫州: where in the country, no part of the state
    if re.search(r"[的在是了]", text):
        return None   # 的祖思明在社区: words of a clause
    if re.fullmatch("[一二两三四五六七八九十几多数]+国", text):
        return None   # 三国: states counted (东部 alone went with the parts of places above)
    if re.search("之[乡都城]$", text) or re.match("(?:隔壁|邻近|周边|附近|周围)", text):
        return None   # 黄桃之乡: what a place is famed for; 隔壁村: the village next door
    if _KIND_OF_VILLAGE_ONLY.search(text):
        return None   # 城中村, 民俗村, 观鸟文化村, 海法郊区: a kind of village or the land around a city
    if village := _GAMES_VILLAGE.search(text):   # 张家口|冬奥村: the venue is no place, its town is
        place = text[:village.start()]
        return (place, front, back + len(text) - len(place)) if divisions().lookup(place) is not None else None
    if work := _WORK_IN_PLACE.search(text):
        # 京雄商高铁|雄安新区, 黄河特大桥桩基: a work's name is no part of a place's
        rest = text[work.end():]
        if len(rest) < 3 or not rest.endswith(_LEVEL_ENDINGS + ("新区", "街道", "镇", "乡", "村", "社区")):
            return None
        text, front = rest, front + work.end()
    return text, front, back


# What a session does with a draft or a report, before its name (会议批准|…预算草案).
_APPROVES = re.compile(r"^[^，。；]*?(?:批准|审议|审查|听取|表决通过)")


_CARRY_OUT = re.compile(r"“?(?:(?:坚持|全面|深入|持续|大力|积极|继续)?(?:实施|推进|落实|贯彻|深化|加快|推动|执行)|坚持)")
_POLICY_HEADS = ("战略", "规划", "计划", "政策", "工程", "行动")


# A resolution or a decision told of, not named (相关决议, 一致决定, …停火的决议).
_SOME_RESOLUTION = re.compile(r"(?:相关|类似|重要|一系列|一致|[做作]出|新)决[定议]$|的决议$")
# A mechanism or an idea written after whose it is (中亚机制, 北约机制, 中匈两国理念).
_OWNERS_FORMAT = re.compile(r"(.{2,10}?)(?:合作|会晤|对话|交流|发展)?(?:机制|理念)")


def _owner(stem: str) -> bool:
    """Does the stem name a region, a bloc, states or a body (中亚, 北约, 中匈两国, 上海合作组织)?"""
    return common_tag(stem) in ("ns", "j") or is_country(stem) or sides(stem) \
        or stem.endswith(("两国", "两党", "组织", "联合会", "峰会", "论坛")) or _has_org_ending(stem)


def _policy_cut(text: str) -> Cut:
    front = back = 0
    if cut := _POLICY_FRAME.search(text):
        # 新修订的|农产品质量安全法, 《…种子法》|有关规定: the law without what frames it
        if cut.start():
            text, back = text[:cut.start()], len(text) - cut.start()
        else:
            text, front = text[cut.end():], cut.end()
    if _OPERATION.search(text) or text.endswith("行动") and divisions().lookup(text[:-2]) is not None:
        return None   # 伊朗军事行动, 以色列拦截行动, 约旦河西岸行动: an operation, no policy
    if re.search(r"大政方针(?:政策)?$", text):
        return None   # 党中央大政方针, 民族工作大政方针: a body's policies at large, none named
    if "《" not in text and "关于" not in text and (_SOME_RESOLUTION.search(text) or text.endswith(("决定", "决议"))
                                                   and plain_words(text[:-2], 2)):
        # 相关决议, 以色列安全内阁一致决定, 内阁决议, 要求加沙地带立即停火的决议: a resolution told of, none named
        return None
    if (owned := _OWNERS_FORMAT.fullmatch(text)) and _owner(owned.group(1)):
        return None   # 中国—中亚机制, 北约机制: a format of states or a body; 中匈两国理念, 上海合作组织理念: what they hold
    if text[:1] in "同与和及的" and len(text) >= 5 and not text.startswith(("同心", "同志", "和平", "和谐", "与时", "的确")):
        text, front = text[1:], front + 1   # 推动|同|乡村振兴战略有效衔接, 联大通过|的|第2758号决议
    if (verb := re.match(r"[\u4e00-\u9fff]{2}(?=“)", text)) and common_tag(verb.group()) in ("v", "vn"):
        text, front = text[verb.end():], front + 2   # 认知|“一带一路”倡议: the verb before a quoted name
    if (act := _CARRY_OUT.match(text)) and len(text) - act.end() >= 4 \
            and text.removesuffix("”").endswith(_POLICY_HEADS + ("法", "条例")):
        # “实施|自由贸易试验区提升战略”, 实施|海南自由贸易港法, “坚持实施|就业优先政策”: the verbs the tagger or
        # the quote took with it
        text, front = text[act.end():], front + act.end()
    if "《" not in text and "关于" not in text and (act := _APPROVES.match(text)) and len(text) - act.end() >= 4:
        text, front = text[act.end():], front + act.end()   # 会议批准|2024年中央预算草案: the clause's act
    if text.endswith(("战略", "政策")) and 1 <= len(text) - 2 <= 4 and set(text[:-2]) <= _COUNTRY_ABBR:
        return None   # 对乌战略, 中法战略（、经济财金…对话）: a strategy toward a country, or a list's first item
    if (head := next((h for h in _SIDES_HEADS if text.endswith(h)), None)) and _sides_kind(text[:-len(head)]):
        return None   # 中俄合作机制, 印尼发展理念, 美关税政策, 乌克兰战略: a country's or two sides' kind, none named
    if re.search(r"(?:决定|决议)$", text) and "关于" not in text and _has_org_ending(text[:-2]):
        return None   # 政协第十四届全国委员会常务委员会|决定: a decision by its body alone, none named
    if _PERSONNEL.search(text) and re.search(r"决定(?:（草案）)?》?$", text):
        return None   # 关于撤销X政协…委员资格的决定, 关于接受X同志请辞…的决定: a personnel decision, no policy
    if text.endswith("建设") and _countrys_kind(text[:-2]):
        return None   # 南非基础建设, 秘鲁基础设施建设: building in a country, no policy
    if text.endswith("命运共同体建设"):
        text, back = text[:-2], back + 2   # 中塞命运共同体|建设: building the community, which is the name
    return text, front, back


_PLACE_BEFORE_NATION = re.compile(r"([\u4e00-\u9fff]{2})(?=(?:中国|国家)[\u4e00-\u9fff]{3,})")


_BODY_THEN_CLAUSE = re.compile(r"(.{2,}?)(?:在|于)(?=.{4,}(?:之际|期间|时|上|中)$)")
_PLACE_AND = re.compile(r"(.{2,8}?)(?:同|与|和|连同)(?=.{3,})")


def _place_before_country(text: str) -> int | None:
    """Where a country's mission or national body starts after the place it stands in (首尔|日本驻韩使馆,
    首都哈瓦那|美国驻古大使馆), or None."""
    for k in range(2, min(9, len(text) - 4)):
        if is_country(text[:k]) or _has_org_ending(text[:k]):
            continue
        if any(is_country(text[k:k + n]) and text.startswith(("驻", "国家"), k + n) for n in range(2, 7)):
            return k
    return None


def _body_cut(text: str) -> Cut:
    front = back = 0
    if (people := _PEOPLE_AND.search(text)) and len(text) - people.end() >= 2:
        # 德国政府代表和|中国驻德国大使馆, …政府首脑和|亚洲开发银行: people, then the body
        text, front = text[people.end():], people.end()
    if (ruling := re.match(r"(?:执政党|反对党|在野党|执政联盟|[\u4e00-\u9fff]{0,3}?政党)(?=.{3,})", text)) is not None:
        text, front = text[ruling.end():], front + ruling.end()   # 执政党|国民力量党, 右翼政党|国民联盟: what the party is
    if (met := re.match(r"[\u4e00-\u9fff]{0,2}?会见(?=[\u4e00-\u9fff]{3,})", text)) is not None:
        text, front = text[met.end():], front + met.end()   # (在北)京会见|波黑议会代表院: the clause's verb
    if (dated := re.match(r"（[^）]{1,10}日）", text)) is not None:
        text, front = text[dated.end():], front + dated.end()   # （10月31日）|交通运输部
    if text[-1:] in "副主" and _has_org_ending(text[:-1]):
        text, back = text[:-1], 1   # 拉德万部队|副, 南方电网|主: the next word's first character
    if (place := _PLACE_BEFORE_NATION.match(text)) and divisions().lookup(place.group(1)) is not None \
            and not is_country(place.group(1)):
        text, front = text[place.end():], front + place.end()   # 北京|中国国家博物馆: where the nation's body stands
    if (k := _place_before_country(text)) is not None:
        text, front = text[k:], front + k   # 首尔|日本驻韩使馆, 阿斯塔纳|哈萨克斯坦国家博物馆: where the country's body stands
    if text.startswith(("连同", "会同")) and len(text) >= 5:
        text, front = text[2:], front + 2   # 连同|特区政府: the word that joins it to the body before
    if (clause := _BODY_THEN_CLAUSE.match(text)) and (is_country(clause.group(1)) or _has_org_ending(clause.group(1))):
        text, back = clause.group(1), back + len(text) - clause.end(1)   # 俄罗斯联邦|在两国建交75周年之际: the body, then its clause
    elif (partner := _PLACE_AND.match(text)) and (is_country(partner.group(1)) or divisions().lookup(partner.group(1)) is not None
                                                  or _chain(partner.group(1))):
        text, front = text[partner.end():], front + partner.end()   # 安徽省黄山市|同|世界银行: a place and the body it works with
    if (owner := re.search(r"(?:旗下|所属)(?=[\u4e00-\u9fff“]{5,})", text)) is not None:
        text, front = text[owner.end():], front + owner.end()   # 中央广播电视总台所属|中央电视台综合频道: whose it is
    if (member := re.match(r"[\u4e00-\u9fff]{2,5}?党籍(?=[\u4e00-\u9fff]{2,})", text)) is not None:
        text, front = text[member.end():], front + member.end()   # 共和党籍|众议院: the members' party
    if text.endswith("方面") and re.search(r"[党旅军]方面$", text):
        text, back = text[:-2], back + 2   # 民主党方面, 卡桑旅方面: the side is the body
    if re.match(r"[\u4e00-\u9fff]方向", text) and text[:1] in _COUNTRY_ABBR:
        return None   # 美方向俄, 俄方向欧盟: a side and its preposition
    if (giant := text.find("巨头")) >= 0 and len(text) - giant - 2 >= 3:
        text, front = text[giant + 2:], front + giant + 2   # 美国汽车巨头|通用汽车公司: what the firm is, then its name
    if _NO_BODY_END.search(text) or _AMOUNT.match(text) or text.endswith(("关系", "人")):
        return None   # 中共党员, 天主教界, 东盟10国, 中东问题: members, a community, states, a topic; 犹太人, 领导人: people
    if text.startswith(("（", "(")) or re.match(r"第[一二三四五六七八九十\d]+轮", text) or text.endswith("非政府") and not is_country(text[:-2]):
        return None   # （集团）有限公司: the name's front cut; 第七轮中德政府|磋商: a meeting's; 非政府|组织
    if _of_several_or_a_country(text):
        return None   # 中柬政府, 中哈两国政府, 三国政府: the governments of several; 美国公司: a country's firms
    if text.endswith("中心") and (divisions().lookup(text[:-2]) is not None or text[:-2].endswith(("沙漠", "系"))):
        return None   # 龙岗区中心, 银河系中心: the middle of a place
    if text.endswith("为中心"):
        return None   # 以人民为中心: a principle, no centre
    if (epithet := re.match(r"“[^”]{2,16}的[^”]{1,8}”(?=[\u4e00-\u9fff]{3,})", text)):
        text, front = text[epithet.end():], front + epithet.end()   # “共和国钢铁工业的长子”|鞍钢集团: what it is called
    if (post := re.fullmatch(r"[\u4e00-\u9fff]{0,6}?([\u4e00-\u9fff])军(?:指挥所|指挥部|指挥中心|阵地|据点|弹药库|仓库|兵营|营地)", text)) \
            and post.group(1) in _COUNTRY_ABBR:
        return None   # 乌军指挥所, 顿涅茨克乌军阵地: an army's kind of post, a target, no body (the army is one)
    if len(text) >= 4 and text[-1] == "军" and text[-2] in _COUNTRY_ABBR and not text.startswith("驻") \
            and not _has_org_ending(text[:-2]):
        text, front = text[-2:], front + len(text) - 2   # 顿涅茨克|乌军: the army where it fights (驻韩美军 is a command)
    if re.search("建设(?:国际|全球|世界)", text):
        return None   # 上海建设全球科创中心: a goal, no body
    if text.endswith(("机构", "党")) and _sides_kind(text[:-2] if text.endswith("机构") else text[:-1], 0):
        return None   # 缅机构, 美国机构, 俄罗斯党: a country's kind of body, none named (not 美国共和党,
        # 巴勒斯坦民族权力机构)
    if _KIND_OF_BODY.search(text) or re.search("[两各多]地", text):
        return None   # 美国执法机构, 鹤岗市中小学, 中央军委礼堂, 风电机组: a kind, a hall, a machine; 川渝两地发改委: bodies of two places
    if text.endswith("厅") and (place := text[:-1]) and (place in divisions().by_form or _ROOM_AFTER_PLACE.match(place)):
        return None   # 人民大会堂河北厅, 雄安会展中心雄安厅: a hall named after a place
    if stationed(text) is not None:
        return None   # 联合国驻也门|协调员: the body is the one before 驻, the post names where it serves
    if (glued := _GLUED_AFTER_BODY.search(text)) and glued.start() >= 3:
        # 中共中央|委托, 红十字国际委员会|处 (从…处), 长庆油田|年产量: a word glued after the body
        text, back = text[:glued.start()], back + len(text) - glued.start()
    return text, front, back


# A hall of a building named after a place (人民大会堂|河北厅, 雄安会展中心|雄安厅)
_ROOM_AFTER_PLACE = re.compile(r".*(?:大会堂|中心|宾馆|饭店|酒店|会馆)(?=[\u4e00-\u9fff]{2,4}$)")


def _of_several_or_a_country(text: str) -> bool:
    """Governments or firms of several countries (中柬政府, 中哈两国政府, 三国政府) or a country's
    firms (美国公司), none named; not one country's government (南非政府)."""
    kind = re.fullmatch(r"(.{1,8}?)(?:两国|三国|双方)?(政府|公司|企业)", text)
    if kind is None:
        return False
    whose, what = kind.groups()
    if re.fullmatch("[一二三四五六七八九十两多各]+国", whose):
        return True
    if what != "政府":
        return is_country(whose) or whose in _COUNTRY_ABBR
    return len(whose) >= 2 and not is_country(whose) and (set(whose) <= _COUNTRY_ABBR or "两国" in text and len(whose) == 2)


def _meeting_cut(text: str) -> Cut:
    if "、" in text and text.split("、")[-1] in _generic_words() or _COUNTED_MEETINGS.match(text) \
            or _RELATED_KIND.search(text):
        return None   # 展览、论坛: kinds listed; 7场平行专题论坛, 未来两届冬奥会: meetings counted; 竞赛相关发布会
    if _BARE_EDITION.fullmatch(text) or re.search(r"等(?:纪念|庆祝|主题|系列|文化|宣传)?活动$", text):
        return None   # 第一届年会: an edition of a meeting named before, no name; 追寻红色足迹等纪念活动: doings listed
    if (counted := re.match(r"[一二三四五六七八九十两几]+[枚个块项名位]", text)) and len(text) - counted.end() >= 3:
        return text[counted.end():], counted.end(), 0   # 一枚|奥运会奖牌: a thing counted, then the games it is of
    if re.match("(?:历次|历届|每届|每次|多次|各届)", text):
        return None   # 历次中非合作论坛北京峰会, 历届冬奥会: every edition, none named
    if (lead := re.match("(?:其中|此外|另外|同时|各国|各地|另一场|这场|那场)", text)) and len(text) - lead.end() >= 2:
        # 其中|纪念大会, 各国|冬奥会, 另一场|峰会: the clause's adverb, a quantifier, a pointer; what is left of
        # plain words is a kind
        return None if plain_words(text[lead.end():], 2) else (text[lead.end():], lead.end(), 0)
    if text[0] == "在" and len(text) >= 4 and not dictionary_word(text[:2]):
        return text[1:], 1, 0   # 在联|组会上: the preposition the tagger glued to the first word
    if medal := _NOT_AN_EDITION.match(text):
        text = text[medal.end():]   # 第二枚|冬残奥会金牌: a medal's count, no edition of the games
        return (text, medal.end(), 0) if len(text) >= 3 else None
    if re.search(r"第[^、]{1,4}次、第", text):
        return None   # 第52次、第53次委员长会议: sittings listed, each its own (_congresses)
    if len(pieces := text.split("、")) >= 2 and all(len(p) <= 3 for p in pieces[1:]):
        return None   # 大型线下双选会、招聘会、对接会: kinds listed
    if (post := _LEADERS_POST.match(text)) and len(text) - post.end() >= 4:
        text, front = text[post.end():], post.end()   # 习近平总书记|文化传承发展座谈会: whose speech at it, no part of it
        return text, front, 0
    if (span := _FROM_MEETING.match(text)) and len(text) - span.end() >= 3:
        return text[span.end():], span.end(), 0   # 冬奥会到|冬残奥会: from one meeting to the next, the last named
    if (joined := _MEETING_AND.search(text)) and len(text) - joined.end() >= 4:
        # 中共十九大和|十九届历次全会, 金砖机制及|中非合作论坛: two things joined, the last one the name's
        text, front = text[joined.end():], joined.end()
        return None if re.search("历次|历届", text) else (text, front, 0)
    if joined := _THING_AND.search(text):
        # 重要讲话和全会|精神, 共建“一带一路”和中非合作论坛|框架: what is joined to the meeting
        # by 和 is a thing of another kind, no part of its topic
        text = text[joined.end():]
        return None if text in _generic_words() else (text, joined.end(), 0)
    return text, 0, 0


_BARE_EDITION = re.compile(r"(?:第[一二三四五六七八九十百\d]+届|首届|本届|下一届|上一届|本次)(?:年会|论坛|大会|峰会|会议|博览会)")


_LEADERS_POST = re.compile(r"(?:[\u4e00-\u9fff]{2,3}?)?(?:总书记|国家主席|主席|总理|委员长)(?!团|会议)")
_FROM_MEETING = re.compile(r"^[^到至]{2,}?(?:会|赛|式)(?:到|至)")
_MEETING_AND = re.compile(r"^[^和及与]{2,}?(?:大|全会|峰会|论坛|机制)[和及]")
_NOT_AN_EDITION = re.compile(r"第[一二三四五六七八九十\d]+[枚块]")


# Kinds of work that the news also names by plain words alone (集装箱码头, 训练基地, 政绩工程).
_RANKED_KIND = re.compile(r".*?(?:第[一二三四五六七八九十]+[大长条座]?|重要|唯一|最大|最长|首条|首座)[\u4e00-\u9fff]{0,8}?"
                          r"(?:港口|大港|铁路|隧道|港)(?=[\u4e00-\u9fff“]{3,})")
_WORK_HEADS = ("港", "铁路", "高铁", "隧道", "大桥", "机场", "码头", "水电站", "核电站")
_PART_HEADS = ("站", "隧道", "特大桥", "大桥", "口岸")
_POINT_HEADS = ("港", "机场", "码头", "口岸")
# Works the news names abroad by their country and kind when it names none (伊朗东部机场, 埃及边境口岸).
_NAMED_ABROAD_BY_KIND = ("口岸", "机场", "港口", "公路", "电站", "核电站", "大桥")
_PLAIN_KIND_HEADS = ("产业园", "园区", "项目", "工程", "基地", "码头", "广场", "大通道", "通道", "平台", "示范区", "班列",
                     "铁路", "隧道")


_WHAT_THE_WORK_IS = re.compile(r"[^“”]{0,12}?(?:超级|标志性|控制性|世纪|骨干)工程(?=[\u4e00-\u9fff“]{3,})")


# Where in a land a work lies (加沙地带南部, 以色列北部), not the gulf of 北部湾.
_SIDE_OF_PLACE = re.compile(r"(.{0,8}?)" + _SIDE_PART + r"(?!湾)(?=[\u4e00-\u9fff]{3,})")
# A way through that no one builds: a fast lane, a humanitarian corridor, an application window.
_KIND_OF_PASSAGE = re.compile(r"(?:绿色|人道主义|申请|供油|走上|快速|安全)通道$")


def _work_cut(text: str) -> Cut:
    if (section := re.match(r"（[^（）]{1,8}段）(?=[\u4e00-\u9fff]{3,})", text)):
        text, cut = text[section.end():], section.end()   # （北京段）|永定河特大桥: the line's section it lies on, no part of its name
        rest = _work_cut(text)
        return None if rest is None else (rest[0], rest[1] + cut, rest[2])
    if ("+" in text or "＋" in text) and not re.match(r"“?互联网[+＋]", text):
        return None   # 中老铁路+中欧班列, “5G+工业互联网”项目, 平台+园区: a combination of kinds, a mode, no one work
        # (互联网+监管: a programme of the nation's 互联网+, named by the field it serves)
    if (side := re.match(r"([\u4e00-\u9fff]{1,2}?)[方军]", text)) and len(text) - side.end() >= 2 \
            and (side.group(1) in _COUNTRY_ABBR or is_country(side.group(1)) or side.group(1) in ("敌", "我", "对")):
        return None   # 俄方机场, 乌军铁路: a side's airfield or railway, none named
    if _KIND_OF_PASSAGE.search(text):
        return None   # 绿色通道, 人道主义通道: a way through, no work
    if (side := _SIDE_OF_PLACE.match(text)) and text.endswith(("港", "机场", "口岸")) \
            and (is_country(side.group(1)) or divisions().lookup(side.group(1)) is None) \
            and not plain_words(text[side.end():], 3):
        return text[side.end():], side.end(), 0   # 加沙地带南部|拉法口岸, 以色列北部|海法港: where in the land it lies
    if not text.startswith("中国") and any(is_country(text[:k]) and len(text) - k >= 2 and plain_words(text[k:], 3)
                                          for k in range(2, min(7, len(text) - 1))):
        return None   # 乌克兰变电站, 伊朗导弹发射场, 波兰石油管道: a country's works of a kind, none named
    front = 0
    if (run := re.match(r"[A-Z]?\d+次(?=[\u4e00-\u9fff“]{3,})", text)):
        text, front = text[run.end():], run.end()   # X8017次|中欧班列: a numbered run of the service
    if (look := re.match(r".*?(?:观摩|视察|考察|参观|察看|地处|位于|来到|走进|前往)", text)) and len(text) - look.end() >= 4:
        text, front = text[look.end():], look.end()   # 共同视频观摩|雅万高铁, 彰武地处|三北工程, 李强来到|东郊记忆·…产业园:
        # the verb the tagger took with it
    elif look and plain_words(text[look.end():], 1):
        return None   # 永阳镇地处|灌区: where a place lies, a kind
    if (kind := next((h for h in _PLAIN_KIND_HEADS + ("灌区",) if text.startswith(h) and text.endswith(h)), None)) \
            and len(text) - len(kind) >= 4:
        text, front = text[len(kind):], front + len(kind)   # 灌区|漳滏河灌区: the kind, then the work's name
    if (spot := re.match(r"[\u4e00-\u9fff]{1,6}?(?:源头|沿岸|境内|上游|中游|下游)(?![至到])", text)) and len(text) - spot.end() >= 4 \
            and not plain_words(text[spot.end():], 2):
        # 瓯江源头|百山祖国家公园, 赣江上游|石虎塘航电枢纽: where it lies, no part of its name (雅鲁藏布江下游|水电工程
        # is named by where it lies)
        text, front = text[spot.end():], front + spot.end()
    if text.endswith("号机组") and not re.search(r"(?:\d|(?:核电|电站|电厂)[一二三四五六七八九十]+)号机组$", text):
        return None   # 华龙一号|机组: a unit of a design, not a plant's numbered unit (福清核电6号机组)
    if re.search("所有|全部|各类|多地|其他|其余|更多|一批|多个|多项|一些|若干", text) or re.match(r"\d+大|[一二三四五六七八九十]+大[\u4e00-\u9fff]{2,}(?:工程|项目)$", text):
        return None   # 以色列所有机场, 江苏多地水库, 其他标段, 更多惠民工程, 10大基础设施工程: all or some of a kind, none named
    if (what := _WHAT_THE_WORK_IS.match(text)) and len(text) - what.end() >= 3:
        text, front = text[what.end():], front + what.end()   # 粤港澳大湾区超级工程|深中通道: what it is, then its name
    if (whole := re.match("整个|整条|整座", text)) and len(text) - whole.end() >= 4:
        text, front = text[whole.end():], front + whole.end()   # 整个|三江源国家公园
    # 西藏第一条电气化铁路|拉林铁路, 英国重要港口|费利克斯托港: what the work is, before its name
    rank = _RANKED_KIND.match(text)
    if rank and text.endswith(_WORK_HEADS):
        text, front = text[rank.end():], front + rank.end()
    # 高铁|西九龙站, 铁路|渭河特大桥: the kind of line a part belongs to, the line's name cut off
    if (line := re.match("高速铁路|高速公路|高铁|铁路|高速", text)) and text.endswith(_PART_HEADS) \
            and len(text) - line.end() >= 3 and not re.search("高铁|铁路|高速|公路", text[line.end():]):
        text, front = text[line.end():], front + line.end()
    # 银川至|天津港, 琶洲至|香港国际机场: a route to a port or an airport, the port or the airport
    if (route := re.match(r"[\u4e00-\u9fff]{2,8}?[至到](?=[\u4e00-\u9fff]{3,}$)", text)) and text.endswith(_POINT_HEADS) \
            and not re.search("高铁|铁路|高速|公路|航线|通道|线", text):
        text, front = text[route.end():], front + route.end()
    head = next((h for h in _PLAIN_KIND_HEADS if text.endswith(h)), "")
    stem = text[:len(text) - len(head)].strip("“”")
    kind = head or next((h for h in _NAMED_ABROAD_BY_KIND if text.endswith(h)), "")
    if kind and _countrys_kind(text[:-len(kind)].strip("“”")):
        return None   # 以色列天然气平台, 埃及边境口岸, 伊朗东部机场: a country's kind of work, none named
    if head and not stem.startswith(("国家", "中国", "全国")) and plain_words(stem, 2) \
            or _KIND_OF_PROJECT.search(text.strip("“”")) or re.search(r"“.而.”", text):
        return None   # 自动化集装箱码头, 皮划艇项目, “里子”工程: a kind in plain words, no work's name;
        # “十大重点项目”: a kind; “小而美”项目: what they are like
    return text, front, 0


_SIDES_HEADS = ("战略", "理念", "机制", "政策", "方针", "方略")


def _sides_kind(stem: str, words: int = 2) -> bool:
    """Is the text a country, or one or two sides by their short names (美, 中俄, 中土两国), and
    at most ``words`` plain words (合作, 发展)?"""
    n = next((n for n in range(min(len(stem), 8), 1, -1) if is_country(stem[:n])), 0)
    if not n and (pair := _SIDES_SHORT.match(stem)):
        n = pair.end()
    if not n and stem.startswith("西方"):
        n = 2   # 西方, the West, is a side too (美西方政策)
    if not n:
        return False
    rest = re.sub("^(?:两国|双方|西方|方)", "", stem[n:])
    # (合作 is also 甘肃's 合作市: any word of the language but a name)
    return not rest or words > 0 and _made_of(rest, lambda w: common_tag(w) not in (None, "ns", "nz", "j"), words)


def _countrys_kind(stem: str) -> bool:
    """Is the text a foreign country and at most two plain words or a part of it (以色列|天然气, 南非|基础,
    伊朗|东部)?"""
    abroad = next((n for n in range(min(len(stem), 8), 1, -1) if is_country(stem[:n]) and stem[:n] not in _CHINA), 0)
    return bool(abroad) and (abroad == len(stem) or plain_words(stem[abroad:], 2)
                             or bool(re.fullmatch(r"[东南西北中]{1,3}部|境内|各地|多地|全国", stem[abroad:])))


def plain_words(text: str, most: int) -> bool:
    """Is the text one to ``most`` common words of the language that name no place and
    no thing of their own (自动化|集装箱; not 三峡, 南水北调, 跨境电商)?"""
    return _made_of(text, lambda w: common_tag(w) not in (None, "ns", "nz", "j") and divisions().lookup(w) is None
                    and not _REGIONS_COUNTED.fullmatch(w), most)


_REGIONS_COUNTED = re.compile("[一二三四五六七八九十两][东西南北]")   # 三北, the three norths: a region's name


def _made_of(text: str, is_word, most: int) -> bool:
    """Can the text be cut into at most ``most`` words of two to four characters that
    ``is_word`` accepts?"""
    ends = {0: 0}
    for k in range(len(text)):
        if k in ends and ends[k] < most:
            for n in (2, 3, 4):
                if k + n <= len(text) and is_word(text[k:k + n]):
                    ends.setdefault(k + n, ends[k] + 1)
    return bool(text) and len(text) in ends


_LABEL_CUTS = {"District": _place_cut, "Policy": _policy_cut, "Organization": _body_cut, "Meeting": _meeting_cut,
               "Project": _work_cut}


def _closes(text: str, opening: str) -> bool:
    closing = next(b for a, b in _PAIRS if a == opening)
    return closing in text[1:]


def _opens(text: str, closing: str) -> bool:
    opening = next(a for a, b in _PAIRS if b == closing)
    return opening in text[:-1]


# The party named by itself (GUIDELINES: 中国共产党, alias 党): 我们党, and 党 as the one who leads
# (在党的领导下, 加强党的全面领导, 党领导人民) or beside the people (党和人民); not a party of a name
# (人民党领导), nor 党领导人 or 党领导干部, nor the formula 坚持党的领导, which names a principle.
_THE_PARTY = re.compile(r"我们党|(?:(?<![\u4e00-\u9fff])|(?<=[在是由对把强靠跟听爱]))党(?=的(?:全面)?领导|领导(?![人干])|和人民)")


def _the_party(s: Sentence) -> list[Mention]:
    return [Mention("Organization", m.group(), s.index, m.start(), m.end(), via="party") for m in _THE_PARTY.finditer(s.text)]


# A column of portraits of deputies (【二十大代表风采】钱素云：… 张黎明：…): each name it heads is one.
_COLUMN = re.compile(r"^\s*(?:#+\s*)?【([^】]{2,12}?(?:代表|委员))风采】")
_COLUMN_NAME = re.compile(r"(?:^|(?<=[】\s]))([\u4e00-\u9fff·]{2,12})[：:]")


def _column_people(s: Sentence) -> list[Mention]:
    column = _COLUMN.match(s.text)
    if not column:
        return []
    return [Mention("Official", m.group(1), s.index, m.start(1), m.end(1), titles=[column.group(1)], via="title")
            for m in _COLUMN_NAME.finditer(s.text, column.end())]


# The outlet of a dateline: 央视网消息（新闻联播）：, 本报讯（记者…）, 新华社北京4月21日电.
_DATELINE = re.compile(r"^(?:(?P<outlet>本报|[\u4e00-\u9fff]{1,8}?(?:网|台|社|报|电视台|广播电台))(?:消息|讯)(?=[（(：:\s])"
                       r"|(?P<agency>新华社|中新社|中国新闻社)(?=[^，。]{0,16}?电))")


# An outlet written before its reporter (总台记者, 人民日报记者), by how an outlet's name ends.
_REPORTERS_OUTLET = re.compile(r"[\u4e00-\u9fff]{1,6}(?:台|社|网|报)")


def _dateline(s: Sentence) -> list[Mention]:
    m = _DATELINE.match(s.text)
    if m is None:
        return []
    k = "outlet" if m.group("outlet") else "agency"
    return [Mention("Organization", m.group(k), s.index, m.start(k), m.end(k), via="dateline")]


_LEADING_BODY = re.compile(r"^(?:中央|中共)|(?:人大|政协)|^国务院$|(?:[省市区县州旗盟镇乡党工纪军]委|监委|中央|政治局|书记处|常委会|"
                           r"党支部|党总支|居委会|村委会)$")


def _has_org_ending(name: str) -> bool:
    """尼日尔 in 尼日尔总理 is the state, not an institution."""
    table = suffix_table()
    return any(table.get(name[-n:]) == "Organization" for n in range(1, min(len(name), 8) + 1))


def _post_follows(text: str, end: int) -> bool:
    """部分中共中央政治局委员, 担任尚书村党支部书记: a post with no name after it."""
    return text.startswith(_post_heads(), end)


@lru_cache(maxsize=1)
def _post_heads() -> tuple[str, ...]:
    return tuple(h for h in heads() if not any(w in h for w in ("领导", "干部", "成员", "官员", "发言人")))


def _leading_body(name: str) -> bool:
    """A party committee, a people's congress or a community committee: bodies whose
    members hold the posts written with them."""
    return bool(_LEADING_BODY.search(name))


def _prune(found: list[Mention]) -> list[Mention]:
    """Of mentions of one label that end at the same place, keep the longest
    (两江新区, not 江新区); a rule-made name also beats a LAC fragment inside it."""
    longest: dict[tuple[str, int], Mention] = {}
    for m in found:
        k = (m.label, m.end)
        cur = longest.get(k)
        # a congress found by its number beats a longer phrase ending with it
        # (审定提交|第十四次全国代表大会); of two the same length, the one a rule made (it
        # survives inside longer names)
        if cur is None or (m.via == "congress", len(m.text), cur.via in ("lac", "division")) \
                > (cur.via == "congress", len(cur.text), m.via in ("lac", "division")):
            longest[k] = m
    kept = [m for m in found if longest[(m.label, m.end)] is m]
    # and of names of one label that start at the same place (永辉超市 | 永辉超市文星湾店)
    first: dict[tuple[str, int], Mention] = {}
    for m in kept:
        if m.label in ("Organization", "Project", "Policy", "Meeting") and m.via != "within":
            k = (m.label, m.start)
            if k not in first or len(m.text) > len(first[k].text):
                first[k] = m
    kept = [m for m in kept if m.via == "within" or first.get((m.label, m.start), m) is m]
    ruled = [m for m in kept if m.via not in ("lac", "division")]

    def inside(m):
        return any(r.start <= m.start and m.end <= r.end and len(r.text) > len(m.text) for r in ruled)
    # a bare short form inside a longer name is part of it (双城 in 成渝地区双城经济圈, 中国
    # in 中国共产党); a suffixed one (沙坪坝区 in 中共沙坪坝区委党校) and a province
    # (支援湖北医疗队) still name the place
    # …and a division that places a work by its name (_places_work)
    return [m for m in kept if m.via not in ("lac", "division") or _province(m) or not inside(m)
            or _places_work(m, ruled) or (m.label == "District" and _with_level(m.text))]


def _places_work(m: Mention, ruled: list[Mention]) -> bool:
    """A division that opens a work's name, after its province or not, ends its route or stands in
    brackets, places it (凭祥|沿边产业园, 宁波|舟山港, 福建|福清|核电6号机组, 宁波至|舟山|铁路), and so does a country before
    a work abroad (美国|旧金山国际机场); two characters right before
    a line's head are two places' initials (贵南|高铁: 贵阳 and 南宁)."""
    if m.label == "District" and is_country(m.text) and m.text not in _COUNTRY_ABBR and m.text not in ("中国", "中华人民共和国"):
        # 美国|旧金山国际机场, 希腊|比雷埃夫斯港: the country a work abroad lies in, named before it
        return any(r.label == "Project" and r.start == m.start and r.end > m.end for r in ruled)
    if m.label != "District" or getattr(divisions().lookup(m.text), "level", 0) < 2:
        return False
    for r in ruled:
        if r.label != "Project" or not r.start <= m.start < m.end < r.end:
            continue
        before, after = r.text[:m.start - r.start], r.text[m.end - r.start:]
        if before.endswith("至") or before.endswith(("（", "(")) and after.startswith(("）", ")")):
            return True   # 宁波至|舟山; 上合组织（|连云港|）国际物流园: the place in brackets
        initials = len(m.text) == 2 and after.startswith(_JOINED_LINES)
        if not initials and (not before or _chain(before + m.text)):
            return True
    return False


def _nested(found: list[Mention]) -> list[Mention]:
    """A name written inside a longer one is part of it: the works and slogans inside a
    《》 title, a quoted phrase inside a name (“四纵三横”区域高速公路网, “十四五”规划纲要),
    a listed policy inside a longer policy (精准脱贫 in 精准扶贫精准脱贫基本方略)."""
    def within(m, labels):
        return any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                   and o.label in labels for o in found)
    books = [o for o in found if o.via == "book" and o.text.startswith("《")]
    out = []
    for m in found:
        if m.label in ("Policy", "Project", "Meeting") and any(
                b.start <= m.start and m.end <= b.end and b is not m for b in books):
            continue
        if m.label == "Policy" and m.via == "quote" and within(m, ("Policy", "Project", "Meeting", "Organization")):
            continue
        if m.label == "Policy" and m.via == "book" and within(m, ("Policy", "Project")):
            continue
        if m.label == "Project" and within(m, ("Policy",)):
            continue   # 中国西部（重庆）科学城国土空间规划: the plan's subject, named with it
        if m.label != "Policy" and m.via == "quote" and any(
                o.label == "Policy" and o.via == "book" and (o.start, o.end) == (m.start, m.end) for o in found):
            continue   # “爱国者治港”: a formula the national lexicon knows, whatever its last character
        out.append(m)
    return out


def _province(m: Mention) -> bool:
    """A province inside a longer name is still a mention of it (支援湖北医疗队)."""
    if m.label != "District":
        return False
    div = divisions().lookup(m.text)
    return div is not None and div.level == 1


# ---- people ---------------------------------------------------------------------------
# Foreign posts the press writes after a name, which the tagger may take into it.
# The last characters of bodies' names (…办, …署, …支行, …报)
_BODY_CHARACTERS = "部委会局院厅署办党军团社行所处馆站组府队台联盟室协报总"
_GLUED_POSTS = ("财长", "外长", "防长", "国务卿", "总统", "总理", "首相", "议长")
# Leaders' posts written after the name, which the tagger may take into it (习近平总书记|率)
_AFTER_NAME = ("总书记", "委员长")
# 哈桑·加巴什9日|呼吁, 普京致|慰问电: the day of the news or the verb of a message, which the tagger
# took into the name
# Endings of Russian and Slavic names, which the tagger may cut off a name (卡培拉别|科夫)
_NAME_ENDING = re.compile(r"科夫|诺夫|耶夫|洛夫|斯基|维奇|耶娃|科娃|诺娃|洛娃")
_AFTER_A_NAME = re.compile(r"(\d+日|(?<=[\u4e00-\u9fff]{2})称)$|致$")   # (普京|称: what he said)
_SENT = ("慰问", "贺", "电", "信", "函", "辞", "唁")


_PREPOSITIONS = "对向与和同被把给让跟"


def _people(s: Sentence, authors) -> tuple[list[Mention], list[tuple[int, int]]]:
    """People of the sentence, and the spans of the titles written before them."""
    out, posts, toks = [], [], s.tokens
    previous: Mention | None = None
    serving = None
    for i, t in enumerate(toks):
        # 耶伦财长, 习近平总书记|率: a post written after the name, which the tagger took into it
        glued = next((p for p in _GLUED_POSTS + _AFTER_NAME if t.tag == "PER" and t.word.endswith(p)
                      and len(t.word) - len(p) >= 2), None)
        if glued:
            deputy = t.word[:-len(glued)].endswith("副") and len(t.word) - len(glued) >= 3
            glued = "副" + glued if deputy else glued   # 蔡达峰副委员长: the deputy's 副 is the post's
            t = replace(t, word=t.word[:-len(glued)], end=t.end - len(glued))
        if t.tag == "PER" and len(t.word) >= 3 and i and t.word[0] == "长" and toks[i - 1].end == t.start \
                and ends_with_head(toks[i - 1].word[-1] + "长"):
            t = replace(t, word=t.word[1:], start=t.start + 1)   # 国会议|长布安: the title's last character, no part of the name
        # 特别检察官|对特朗普: the preposition before a name the sentence writes; what precedes it is
        # the clause's subject, no title of the name
        after_preposition = t.tag == "PER" and len(t.word) >= 4 and t.word[0] in _PREPOSITIONS \
            and t.word[1:] in s.text[:t.start] + s.text[t.end:]
        if after_preposition or t.tag == "PER" and len(t.word) >= 3 and t.word[0] == "的":
            t = replace(t, word=t.word[1:], start=t.start + 1)   # (时任…代省长的|习近平: 的 starts no name; the posts are his)
        tail = _AFTER_A_NAME.search(t.word) if t.tag == "PER" else None
        if tail and tail.start() >= 2 and (tail.group(1) or s.text.startswith(_SENT, t.end)):
            t = replace(t, word=t.word[:tail.start()], end=t.end - len(tail.group()))
        if t.tag == "PER" and i + 1 < len(toks) and toks[i + 1].start == t.end and _NAME_ENDING.fullmatch(toks[i + 1].word) \
                and t.word[0] not in SURNAMES and "·" not in t.word:
            t = replace(t, word=t.word + toks[i + 1].word, end=toks[i + 1].end)   # 卡培拉别|科夫: a foreign name's ending cut off
        if t.tag == "PER" and len(t.word) == 2 and t.word[0] not in SURNAMES and common_tag(t.word) in ("v", "vn", "a", "ad"):
            continue   # 烈士|褒扬|体现: a verb of the language, no two-character name without a surname
        written_after = title_after(toks, i) if t.tag == "PER" else None
        if t.tag != "PER" or not _plausible_name(t.word, i > 0 and ends_with_head(toks[i - 1].word) is not None
                                                 or glued is not None or written_after is not None) \
                or i + 2 < len(toks) and toks[i + 1].word == "·" and body_word(toks[i + 2]):   # 约翰斯|·|霍普金斯大学
            if t.tag != "PER" and t.word not in _LIST_JOINS:
                previous = None
            continue
        titles, start = chain_span(toks, i) if not after_preposition else ([], t.start)
        if titles:
            posts.append((start, t.start))
        if not after_preposition and (not titles or only_role(titles[-1])):   # 高级|代表 read as the role 代表
            spoken, begin = _spoken_post(s.text, toks, i)
            if spoken:
                titles, start = spoken, begin
                posts.append((start, t.start))
        titles, former = past_posts(toks, i, titles)
        serving = _serving(s.text, start, serving) if titles else None
        if serving and serving not in titles:
            titles.insert(0, serving)
        after = glued or written_after
        if after:
            titles.append(after)
        # 区领导董伦、陈德川、魏兴贵: the names of a list share the title before the first
        if not titles and previous and i >= 2 and toks[i - 1].word == "、":
            titles, former = list(previous.titles), list(previous.former)
        end = t.end
        if not titles:
            titles, former, end = _appointed(s.text, toks, i)
        if not titles and i + 2 < len(toks) and toks[i + 1].word == "、" \
                and (member := _MEMBER_AFTER_LIST.match(s.text, _end_of_list(toks, i))):
            titles = [member.group(member.lastindex)]   # 杨关林、…、丛斌委员: the member's post after the last name is each one's
        if titles:   # 任命信春鹰为X，免去其Y职务: the post 其 refers back to, held until then
            theirs = _their_posts(s.text, t.end, next((k.start for k in toks[i + 1:] if k.tag == "PER"), len(s.text)))
            titles, former = titles + [p for p in theirs if p not in titles], former + theirs
        act = _OFFICIAL_ACTS.match(s.text, _end_of_list(toks, i)) or _VETERANS.match(s.text, _end_of_list(toks, i))
        if after and titles == [after] and sides(t.word):
            previous = None
            continue   # 叙伊|总统: the presidents of two countries by their short names
        if not titles and not after:
            other = _not_a_person(s.text, t) or (not act and _fragment(toks, i))
            if other:   # 乌军, 黎真主党, 在赫尔松: the tagger's PER names no person
                if other == "Organization":
                    out.append(Mention("Organization", t.word, s.index, t.start, t.end, via="lac"))
                if other != "fragment" and _surely_no_person(s.text, t):
                    out.append(Mention(NOT_A_PERSON, t.word, s.index, t.start, t.end))
                previous = None
                continue
        role = None
        head = ends_with_head(titles[-1]) if titles else None
        posted = not all(map(only_role, titles))   # 全国人大代表、航天员: the post makes an official
        if titles and not posted and not (after and not role_of(after)) and after != "代表":
            role = role_of(titles[-1])
        elif i > 0 and role_of(toks[i - 1].word) and not head and not posted:
            role = role_of(toks[i - 1].word)
        elif i > 0 and s.text.endswith("乘组", 0, t.start) and not titles:
            role = "航天员"     # 神舟十四号乘组陈冬: a spacecraft's crew
        elif t.word in authors:
            role = "记者"
        elif not titles and previous and previous.role and toks[i - 1].word in _LIST_JOINS:
            role = previous.role    # 航天员翟志刚、王亚平和叶光富: the role before a list is each one's
        elif not titles and (team := _COUNTED_AFTER.match(s.text, _end_of_list(toks, i))):
            role = _counted_role(team.group(1))   # 谷爱凌、张可欣两位中国选手: each one's role
        if role:
            m = Mention("Person", s.text[t.start:end], s.index, t.start, end, role=role, via="role")
        elif titles:
            m = Mention("Official", s.text[t.start:end], s.index, t.start, end, titles=titles, former=former, via="title")
        elif act or _PRESENT_BEFORE.search(s.text, 0, toks[_list_start(toks, i)].start):
            m = Mention("Official", s.text[t.start:end], s.index, t.start, end, via="act")
        else:
            shown = "·" in t.word or _PERSON_AFTER.match(s.text, end) or _listed(toks, i)
            m = Mention("Person", s.text[t.start:end], s.index, t.start, end, via="said" if shown else "lac")
        out.append(m)
        previous = m
    return out, posts


_MEMBER_AFTER_LIST = re.compile(r"(常委|委员)(?![会长])|(代表)(?=[，,。、说发建表和])")


def _serving(text: str, start: int, before: str | None) -> str | None:
    """The post of 担任X的 before a list of officials with their own posts (担任中央代表团
    副团长的中共中央政治局委员…李干杰，…张国清): each of the list serves as X; the list
    runs on while each chain starts right after a separator."""
    m = _SERVING.search(text, max(0, start - 30), start)
    if m is not None and ends_with_head(m.group(1)):
        return m.group(1)
    return before if before and start and text[start - 1] in "，、" else None


_SERVING = re.compile(r"(?:担任|作为)([^，。、；“”]{2,20}?)的$")


def _spoken_post(text: str, toks: list[Token], i: int) -> tuple[list[str], int]:
    """A post of several words the tagger cut into verbs and adjectives (俄罗斯|常驻|联合国|
    代表, 欧盟外交与安全政策|高级|代表): a head of four characters or more right before the
    name, with the body written right before it."""
    t = toks[i]
    envoy = _ENVOY.search(text, max(0, t.start - 40), t.start)
    country = next((n for n in range(8, 0, -1) if envoy and envoy.start() >= n
                    and (is_country(text[envoy.start() - n:envoy.start()])
                         or text[envoy.start() - n:envoy.start()] in _COUNTRY_ABBR)), None)
    if country:   # 俄常驻维也纳国际组织代表: a country's permanent representative to the bodies named
        return [text[envoy.start() - country:t.start]], envoy.start() - country
    head = ends_with_head(text[max(0, t.start - 10):t.start])
    if head is None or len(head) < 4:
        return [], t.start
    begin = t.start - len(head)
    k = next((k for k in range(i - 1, -1, -1) if toks[k].start < begin), None)
    if k is not None and toks[k].end == begin and toks[k].tag in ("ORG", "LOC"):
        begin = toks[k].start   # the body written right before (俄罗斯|常驻联合国代表)
    return [text[begin:t.start]], begin


# A country's permanent representative to bodies named between 常驻 and 代表.
_ENVOY = re.compile(r"常驻[\u4e00-\u9fff]{2,30}?代表$")


# Personnel decisions name posts: 任命A为X, 增补A为X; 免去A的X职务, 接受A辞去X,
# 撤销A、B的X资格 (a post held until then).
_APPOINT_BEFORE = re.compile(r"(?:任命|增补|补选|选举|推选|决定|提名|任命了|提名了)$")
# 任命A为X，B为Y: the verb governs the names after the comma too
_APPOINT_GOES_ON = re.compile(r"(?:任命|增补|补选)[^。；;]*?为[^。；;]*?[，,]$")
_APPOINT_AFTER = re.compile(r"为([^，,。；;、：:（(]{2,30}?)(?=[，,。；;、]|$)")
# 张又侠、何卫东同志为…副主席, 刘金国同志当选为…主任: a result announced
_DECLARED = re.compile(r"(?:同志(?:当选)?为|当选为)([^，,。；;、：:（(]{2,30}?)(?=[，,。；;、]|$)")
# 致电X，祝贺他就任伊拉克共和国总统: the post he takes up
_CONGRATULATED_ALL = re.compile(r"[，,]祝贺(?:他们|她们)(?:分别)?(?:就任|当选|连任)+为?([^，,。；;、]{2,30}?)(?=[，,。；;]|$)")
_CONGRATULATED = re.compile(r"[，,]祝贺(?:他|她)(?:再次)?(?:就任|当选|连任|荣任)+为?([^，,。；;、]{2,30}?)(?=[，,。；;]|$)")
_REMOVE_BEFORE = re.compile(r"(?:免去|撤销|罢免|接受)$")
# 隋青不再担任X: a post held until then
_NO_LONGER = re.compile(r"不再担任([^，,。；;]{2,40}?)(?=[，,。；;]|$)")
# 免去A的X、Y职务; 撤销A、B第十四届全国政协委员资格; 接受A辞去X的决定
_REMOVE_AFTER = re.compile(r"辞去([^，,。；;、]{2,30}?)(?:职务|的请求|的决定)|(?:兼任)?的?([^，,。；;]{2,40}?)(?:职务|资格)")


def _appointed(text: str, toks: list[Token], i: int) -> tuple[list[str], list[str], int]:
    """(titles, former ones, end of the name) a personnel decision gives the name at
    token ``i``; the tagger may have cut the name's last character off (傅自|应为)."""
    before = text[:toks[_list_start(toks, i)].start]   # 撤销A、B的X资格: the verb is before the list
    end = toks[i].end
    if _APPOINT_BEFORE.search(before) or _APPOINT_GOES_ON.search(before):
        for n in (0, 1):
            m = _APPOINT_AFTER.match(text, end + n)
            if m and ends_with_head(m.group(1)) and (n == 0 or len(toks[i].word) == 2):
                return [m.group(1)] + _more_posts(text, m.end()), [], end + n
        m = _APPOINT_AFTER.match(text, _end_of_list(toks, i))   # 增补A、B、C为X: each of them
        if m and ends_with_head(m.group(1)) and (_list_start(toks, i) < i or _end_of_list(toks, i) > end):
            return [m.group(1)] + _more_posts(text, m.end()), [], end
    m = _CONGRATULATED.match(text, end) or _CONGRATULATED_ALL.match(text, _end_of_list(toks, i))
    if m and ends_with_head(m.group(1)):
        return [m.group(1)], [], end   # (…，祝贺他们就任X: each of the list before)
    m = _DECLARED.match(text, _end_of_list(toks, i))
    if m and ends_with_head(m.group(1)) and not m.group(1).startswith("核心"):   # 以习近平同志为核心的党中央
        return [m.group(1)], [], end
    m = _NO_LONGER.match(text, _end_of_list(toks, i))
    if m and ends_with_head(m.group(1)):
        posts = m.group(1).split("、")
        return posts, list(posts), end
    if _REMOVE_BEFORE.search(before):
        m = _REMOVE_AFTER.match(text, _end_of_list(toks, i))
        if m:
            posts = (m.group(1) or m.group(2)).split("、")
            return posts, list(posts), end
    m = _TAKES_UP.match(text, end)
    if m and ends_with_head(m.group(1)):
        return [m.group(1)], [], end
    m = _COUNTED_AFTER.match(text, _end_of_list(toks, i))
    post = next((m.group(1)[:n] for n in range(len(m.group(1)), 1, -1) if ends_with_head(m.group(1)[:n]) == m.group(1)[:n]),
                None) if m and not _counted_role(m.group(1)) else None
    if post and post not in ("代表", "委员"):
        return [post], [], end   # 郭索帕、韶索卡等五位副首相: the post counted after the list is each one's
    return [], [], end


def _their_posts(text: str, start: int, stop: int) -> list[str]:
    m = _THEIR_POSTS.search(text, start, stop)
    return [p for p in m.group(1).split("、") if ends_with_head(p)] if m else []


_THEIR_POSTS = re.compile(r"(?:免去|撤销)其([^，,。；;]{2,60}?)(?:职务|资格)")


def _more_posts(text: str, pos: int) -> list[str]:
    """增补A为X、Y: the posts listed after the first, each ending with a head."""
    out = []
    while text.startswith("、", pos):
        m = _NEXT_POST.match(text, pos + 1)
        if m is None or not ends_with_head(m.group()):
            break
        out.append(m.group())
        pos = m.end()
    return out


_NEXT_POST = re.compile(r"[^，,。；;、：:（(为]{2,30}?(?=[，,。；;、]|$)")


# 艾哈迈德·瓦希迪出任伊斯兰革命卫队总司令: the post a person takes up
_TAKES_UP = re.compile(r"(?:出任|就任|接任|升任)([^，,。；;、]{2,30}?)(?=[，,。；;、]|$|一职)")


# What armed forces, parties and groups are named by: 乌军, 以色列国防军, 黎真主党, 卡桑旅.
_FORCE = re.compile(r"(?:军|军队|部队|武装|民兵|国防军)$")
_GROUP = re.compile(r"(?:党|旅|团|营|队|组织|武装|阵线|运动)$")
# A place, not a person, follows these (在赫尔松, 向巴赫穆特, 抵达贝鲁特); the verbs of
# the second list are said of places alone (在, 向 also open 在彭丽媛陪同下).
_AT_PLACE = re.compile(r"(?:在|从|向|于|自|往|抵达|到达|进入|撤出|攻占|控制|位于|前往|返回|离开|包围|袭击|空袭)$")
_SURELY_AT_PLACE = re.compile(r"(?:抵达|到达|进入|撤出|攻占|控制|位于|包围|空袭|袭击)$")


def _not_a_person(text: str, t: Token) -> str | None:
    """What a name the tagger read as a person's is by its kind: "Organization" for an
    armed force or a group, "place" in a place's context; None for a person."""
    w = t.word
    if _FORCE.search(w) and (w[:-1] in _COUNTRY_ABBR or divisions().lookup(_FORCE.sub("", w)) is not None):
        return "Organization"
    if len(w) >= 3 and _GROUP.search(w) or len(w) >= 5 and _BODY_END.search(w):
        return "Organization"   # 黎真主党; 梅琳达·盖茨基金会: a body named after a person
    if _AT_PLACE.search(text[max(0, t.start - 4):t.start]) or _PLACE_AFTER.match(text, t.end) \
            or _PLACE_BEFORE.search(text[max(0, t.start - 4):t.start]) or _PLACES_LISTED.match(text, t.end) \
            or _within_place(text, t.start):
        return "place"   # 城镇谢莫纳, 阿什凯隆等地, 葡萄牙辛特拉
    if _THING_AFTER.match(text, t.end) or w.endswith("号") or _THING_BEFORE.search(text, 0, t.start) \
            or text.endswith("“", 0, t.start) and re.match(r"”[\u4e00-\u9fff]", text[t.end:t.end + 2]) \
            or w[:1] in _COUNTRY_ABBR and (w[1:2] == "方" or ends_with_head(w)) \
            or len(w) == 2 and w[0] in _COUNTRY_ABBR and w[1] in _COUNTRY_ABBR | set("媒方军") \
            or sides(w) \
            or len(w) == 2 and "中" in w and w.replace("中", "", 1) in _country_firsts() \
            or len(w) == 2 and w[1] == "氏":
        return "thing"   # 海马斯火箭炮, 爱达·花城号; 伊媒, 马中, 阿中: countries' abbreviations; 苏氏: a family
    if _GROUP_AFTER.match(text, t.end) or text.endswith("（", 0, t.start) and _GROUP.search(text, 0, t.start - 1):
        return "Organization"   # 哈马斯领导人; 巴勒斯坦伊斯兰抵抗运动（哈马斯）
    return None


# Kinds of place and doings written like a place's name: 三下乡 (a campaign), 黎巴嫩村镇,
# 顿涅茨克重镇, 示范性社区, and a clause's words before one (的企业和乡, 各乡镇).
# What an assembly does or has as a body, not as one meeting (联合国大会第2758号决议, …主席).
_ORGAN_ACTS = re.compile(r"(?:[^，,。；;]{0,6}?(?:协商一致|高票|表决)?通过|第\d+号决议|决议|主席|支持|和安理会|提交|正式文件)")
_MEETING_ACT = re.compile(r"^.*(?:会见|主办|参观|开设|参加|列席|召集|记录下|寓意|分为|出席|观看|开好|办好|抓好|做好|筹备|认识|解读|建议|确保|实现|(?:主席|总统|总理|总书记|首相|国王|秘书长)致|致(?=第|\d{4}年|首届)|担任|搞好|采访|抗议|反对|祝愿|备战|结合|取消|推迟|暂停|直播|见证"
                          r"|赞赏|称赞|评价|肯定|期待|考虑到|排除出|将承办|刷新|祝贺|(?:上|下)半年|今年|明年|去年|介绍|完成|距离|宣布|写入|恰逢"
                          r"|要求|列入|纳入|讲清楚|追平"
                          # what one does to a meeting, not its topic: 重视|遵义会议, 谈及|北京冬奥会, 通报|中央经济工作会议
                          r"|重视|谈及|符合|申办|接见|期盼|责成|抵达|维持|运用好|盯紧抓实|邀请(?!赛)|通报(?!会)|报道(?!会)|称(?![号赞职颂])"
                          r"|(?<=[看开])完|报(?=中央|党中央|国务院))了?")   # 审议并报|中央政治局会议: the report sent up to it
_KIND_ENDING = r"(?:下|水)乡$|(?:村镇|乡镇|重镇|城镇|小镇)$|(?P<every>[省市县区镇乡村])(?P=every)$"   # 镇镇: every town
_KIND_OF_PLACE = re.compile(_KIND_ENDING + r"|性(?:社区|村)$|^[的各和及]")
_BODY_END = re.compile(r"(?:基金会|公司|集团|银行|大学|学院|研究所|研究院|协会|委员会|医院|中心)$")
# A storm's or a weapon's name: 台风“罗莎”, 名为“卡西姆·巴西尔”的导弹.
_THING_BEFORE = re.compile(r"(?:台风|飓风|名为|代号)[“\"]?$")


def _within_place(text: str, start: int) -> bool:
    """Is the name written right after the country or the state abroad it lies in
    (葡萄牙辛特拉, 科罗拉多州丹佛)? A person's name follows a post or a role there."""
    for n in range(2, min(start, 8) + 1):
        before = text[start - n:start]
        if is_country(before) or re.fullmatch(r"[\u4e00-\u9fff]{1,6}州", before) \
                and divisions().lookup(before) is None and not before.endswith("自治州"):
            return True
    return False


# The end of a list of places, after the name or after the names that follow it:
# 特拉维夫、海法、阿什凯隆等地; 哈尔科夫、赫尔松等多条战线.
_PLACES_LISTED = re.compile(r"[\u4e00-\u9fff]{0,2}(?:[、和及与][\u4e00-\u9fff·]{2,10})*等(?:多|其他|[0-9一二两三四五六七八九十]+)?[个条处座]?"
                            r"(?:主要|重要|大|沿海|边境)?(?:地|方向|城市|战线|地区|州|城镇|国家|省份|省|县|村镇)(?!官员|领导|元首|代表|政要|首脑)")


@lru_cache(maxsize=1)
def _country_firsts() -> frozenset:
    """The first characters of the countries' names (马 of 马来西亚, 阿 of 阿塞拜疆)."""
    return frozenset(d.name[0] for d in divisions().by_code.values() if d.level == 0) - {"中"}


# A place, not a person, follows these: 南部城市阿什凯隆, 首都萨那.
_PLACE_BEFORE = re.compile(r"(?:城市|城镇|首都|首府|港口|港市|海港|名城|重镇|古城|小镇|村庄|地区|[东南西北中]部|一带)$")
# Weapons, ships, diseases, storms: 海马斯火箭炮, “卡尔·文森”号, 阿利·伯克级, 奥密克戎毒株, 杜苏芮台风.
_THING_AFTER = re.compile(r"[”\"]?(?:多管)?(?:火箭炮|火箭弹|炮弹|防空|装甲车|战车|直升机|潜艇|导弹|战机|战斗机|坦克|无人机|系统|航母|舰|毒株|变异株|病毒|疫情|台风|飓风|号|级)")
# A group's members and leaders: 杰哈德组织, 哈马斯武装人员, 哈马斯领导人.
_GROUP_AFTER = re.compile(r"(?:组织|武装|运动|分子|派别|成员|领导人|高级官员|官员|政治局)")


def _surely_no_person(text: str, t: Token) -> bool:
    """Does the context rule out a person wherever else the name is written?"""
    w = t.word
    return bool(_FORCE.search(w) or len(w) >= 3 and _GROUP.search(w)
                or _SURELY_AT_PLACE.search(text[max(0, t.start - 4):t.start]) or _PLACE_AFTER.match(text, t.end)
                or _PLACE_BEFORE.search(text[max(0, t.start - 4):t.start])
                or _THING_AFTER.match(text, t.end) or _GROUP_AFTER.match(text, t.end))


# What follows a place, not a person: 巴赫穆特方向, 赫尔松州, 贝鲁特南郊, 加沙地带.
_PLACE_AFTER = re.compile(r"(?:方向|地区|地带|一带|附近|郊区|[东南西北]郊|[东南西北]部|以[东南西北]|前线|州|市|港|省|城)")


def _fragment(toks: list[Token], i: int) -> str | None:
    """A piece of a longer phrase the tagger read as a name: glued to a noun with
    nothing between (陆海|新通道, 山水|林田湖|草沙, 夏粮|收购). A person's name is
    followed by a verb, a post or punctuation, and preceded by one of those or a post."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prev = toks[i - 1] if i else None
    word = toks[i].word
    if "·" in word and (all(common_word(part) for part in word.split("·")) or word.endswith(("展", "节", "季", "周"))):
        return "fragment"   # 法治·公平, 云游非遗·影像展: words of a slogan or a show's title, no name
    if word.endswith(_TIME_WORDS) and len(word) > 2:
        return "fragment"   # 胡|当天: a surname glued to the time after it
    # part of a set phrase: 踔厉|奋发, 山水|林田湖, 通|江达海
    if nxt is not None and is_idiom(word + nxt.word) or prev is not None and is_idiom(prev.word + word) \
            or _in_idiom(toks, i):
        return "fragment"
    if common_word(word):   # 嫦娥, 江河, 扬帆: a word of the language, not a name
        return "fragment"
    if len(word) == 3 and word[-1] in "里上中内" and dictionary_word(word[:2]):
        return "fragment"   # 林海|里: a noun and the place word after it
    if _among_things(toks, i):
        return "fragment"   # 卡巴迪、板球以外; 大秦、唐包、瓦日、浩吉等线路
    if nxt is not None and nxt.tag == "a" and len(nxt.word) == 1 and i + 2 < len(toks) and toks[i + 2].tag in ("n", "nz"):
        nxt = Token(nxt.word + toks[i + 2].word, "n", nxt.start, toks[i + 2].end)   # 陆海|新|通道
    if nxt is not None and nxt.tag in ("n", "nz", "vn", "nw") and len(nxt.word) >= 2 and nxt.word not in _ADDRESS \
            and not ends_with_head(nxt.word) and not role_of(nxt.word) and nxt.start == toks[i].end:
        return "fragment"
    if prev is not None and prev.tag in ("n", "nz", "nw", "a") and len(prev.word) >= 2 and prev.end == toks[i].start \
            and not ends_with_head(prev.word) and not role_of(prev.word) and not title_word(prev):
        return "fragment"
    return None


TERM = r"第?[一二三四五六七八九十]{1,3}届"   # a congress's term (十三届), also read by resolve
_TERM = re.compile(TERM)
_ADDRESS = ("女士", "先生", "夫人", "同志")   # how a person is addressed after the name
_TIME_WORDS = ("当天", "今天", "昨天", "明天", "日前", "近日", "目前", "当时", "此前")


def _among_things(toks: list[Token], i: int) -> bool:
    """Is the name an item of a list of things: next to a plain noun across 、, or in a
    list closed by 等 and a noun for things (等线路, 等品种), not for people (等同志)?"""
    if i >= 3 and toks[i - 1].word in ("和", "与", "及") and toks[i - 2].tag == "LOC" and toks[i - 3].word in ("在", "到", "赴", "于"):
        return True     # 在沙特利雅得和|吉达的使领馆: the second of two places where something is
    for k in (i - 2, i + 2):
        if 0 <= k < len(toks) and toks[(i + k) // 2].word == "、" and toks[k].tag == "n" \
                and common_word(toks[k].word) and not role_of(toks[k].word) and not ends_with_head(toks[k].word):
            return True
    items = [toks[k] for k in (i - 2, i + 2) if 0 <= k < len(toks) and toks[(i + k) // 2].word == "、"]
    first, last = i, i
    while first >= 2 and toks[first - 1].word == "、":
        first -= 2
    while last + 2 < len(toks) and toks[last + 1].word == "、":
        last += 2
    tags = [toks[k].tag for k in range(first, last + 1, 2)]
    if tags.count("LOC") >= 2 and tags.count("LOC") >= tags.count("PER"):
        return True     # 泰州、江阴、苏通、沪苏通等: among places, a work's or a place's short name
    word = toks[i].word
    if len(word) == 2 and items and all(len(t.word) == 2 and t.word[0] == word[0] != t.word[1] for t in items) \
            and any(dictionary_word(w) for w in [word] + [t.word for t in items]):
        return True     # 夏收、夏播、夏管: words of one kind sharing their first character
    k = i
    while k + 2 < len(toks) and toks[k + 1].word == "、":
        k += 2
    listed = k > i or i and toks[i - 1].word == "、"
    if not listed or k + 2 >= len(toks) or toks[k + 1].word != "等":
        return False
    after = toks[k + 2]
    return after.tag == "n" and common_word(after.word) and not role_of(after.word) \
        and not ends_with_head(after.word) and not _PEOPLE_WORD.search(after.word)


_PEOPLE_WORD = re.compile(UNNAMED_PEOPLE + "|人|同志|领导|嘉宾|官员|专家|学者|选手|员|家|士")


def _in_idiom(toks: list[Token], i: int) -> bool:
    """Does a four-character set phrase run across the name's edge?"""
    left = "".join(t.word for t in toks[max(0, i - 3):i])[-3:]
    right = "".join(t.word for t in toks[i + 1:i + 4])[:3]
    word, text = toks[i].word, left + toks[i].word + right
    inside = range(len(left), len(left) + len(word) - 3)
    return any(is_idiom(text[k:k + 4]) for k in range(len(left) - 3 if len(left) >= 3 else 0, len(left) + len(word))
               if k not in inside and k + 4 <= len(text) and k < len(left) + len(word) and k + 4 > len(left))


_COUNTRY_ABBR = {a for a, _ in read_pairs("country_abbr.tsv")}
# two or three sides by their short names (中俄), or one (美; not 中 alone, which begins too many words: 中医药政策)
_SIDES_SHORT = re.compile(f"[{''.join(sorted(_COUNTRY_ABBR))}]{{2,3}}|[{''.join(sorted(_COUNTRY_ABBR - {'中'}))}]")


# 出席座谈会的党外人士还有A、B、C: the names after it are among those present.
PRESENT_ALSO = r"(?:出席|参加|在主席台)[^，,。；;]{0,30}?的[^，,。；;]{0,12}?(?:还有|有|包括)[：:]?"
_PRESENT_BEFORE = re.compile(PRESENT_ALSO + "$")
# a list counted by what its people are: 两位选手, 等3名航天员
# What joins the names of a list (a role before its first name is each one's).
_LIST_JOINS = ("、", "和", "与", "及")
_COUNTED_AFTER = re.compile(r"等?[0-9一二两三四五六七八九十几多]+(?:位|名)([^，。、；\s]{1,10})")


def _counted_role(after: str) -> str | None:
    """The role of a counted list, from what follows its count: 航天员领命出征 → 航天员,
    中国队选手分别领取 → 选手 (a role after at most four characters that say whose). Not
    代表: 6位代表分别发言 at a session are deputies, an office."""
    found = [(k, -len(r), r) for r in person_roles() if 0 <= (k := after.find(r)) <= 4 and r != "代表"]
    return min(found)[2] if found else None


def _list_start(toks: list[Token], i: int) -> int:
    """The first token of the list of names that token ``i`` is in."""
    k = i
    while k >= 2 and toks[k - 1].word == "、" and toks[k - 2].tag == "PER":
        k -= 2
    return k


def _end_of_list(toks: list[Token], i: int) -> int:
    """Where the list of names that token ``i`` opens ends: 丁薛祥、杨洁篪、王毅等参加
    gives every name the act after the last one."""
    k = i
    while k + 2 < len(toks) and toks[k + 1].word == "、" and toks[k + 2].tag == "PER":
        k += 2
    end = toks[k].end
    if k + 1 < len(toks) and toks[k + 1].word == "等":
        end = toks[k + 1].end
    return end


def _plausible_name(word: str, after_post: bool = False) -> bool:
    """A name of two to four characters, or a transcribed one: with a dot or hyphen
    (劳尔·卡斯特罗, 迪亚斯-卡内尔), or of up to seven characters right after a post
    (德国总统施泰因迈尔, 乌兹别克斯坦总统米尔济约耶夫)."""
    if any(c in word for c in "·•-－"):
        return 3 <= len(word) <= 20
    if re.fullmatch(r"[\u4e00-\u9fff]{2,6}[一二三四五六七八九十]{1,3}世", word):
        return True   # 费利佩六世, 穆罕默德六世: a monarch by his number
    longest = 7 if after_post else 4
    if len(word) > 4 and (word[-1] in _BODY_CHARACTERS or any(is_country(word[:n]) for n in range(2, len(word) - 1))):
        return False   # 瓦努阿图瓦库党|主席: a body and its post, no long name
    return 2 <= len(word) <= longest and all("\u4e00" <= c <= "\u9fff" for c in word) and not word.endswith("方") \
        and ends_with_head(word) != word \
        and not _HEADING.fullmatch(word)   # 为|王储: a post, no name; 主席|西行|哈萨克斯坦: a way taken


_HEADING = re.compile(r"[东西南北][行下上进征巡]")


# ---- names by their endings, and LAC's LOC/ORG ----------------------------------------
def _suffix_pattern():
    pairs = []
    for label in LABEL_PRIORITY:
        for suffix in read_list(_SUFFIX_FILES[label]):
            pairs.append((suffix, label))
    # longest suffix first; on equal length the label priority decides
    pairs.sort(key=lambda p: (-len(p[0]), LABEL_PRIORITY.index(p[1])))
    table = {}
    for suffix, label in pairs:
        table.setdefault(suffix, label)
    return table


_SUFFIXES: dict[str, str] | None = None


def suffix_table() -> dict[str, str]:
    global _SUFFIXES
    if _SUFFIXES is None:
        _SUFFIXES = _suffix_pattern()
    return _SUFFIXES


_MISSION = re.compile(r"(?:使馆|领馆|领事馆|代表处|办事处|代表团)$")
# Ships and planes coming and going, before a port's ending (进出|港, 离|港).
_SHIPS_MOVE = tuple("进出离抵靠返入停")
# What a sentence says of a development, not of a public square: it is a project, built, opened for trade,
# or a stop of a tour (刘强来到…北碚万达广场等地).
_DEVELOPMENT_OR_TOUR = re.compile("项目|工程|建设|开工|竣工|建成|签约|落户|投用|投运|开业|招商|入驻|来到|走进|考察|调研|察看|实地")


def _named(s: Sentence) -> list[Mention]:
    toks, out = s.tokens, []
    table = suffix_table()
    boundary = read_set("boundary_verbs.txt")
    for i, t in enumerate(toks):
        label, suffix = _ending(toks, i, table)
        if label == "Meeting" and t.word == "会" and t.tag == "v" and i and toks[i - 1].tag in ("TIME", "r", "d", "PER"):
            label = None   # 预期今年|会|再加息: the modal verb after a time or a subject, no meeting
        if label:
            start = _extend_left(toks, i, boundary, strict=label)
            opening = _suffix_start(toks, i, suffix)
            if start > opening:   # 西藏出入境边防|检查|总站: the ending spans words, the name opens before it
                start = _extend_left(toks, opening, boundary, strict=label)
            if label in ("Organization", "Project") and start >= 2 and toks[start - 1].tag == "v" \
                    and toks[start - 2].tag == "LOC" and toks[start - 2].end == toks[start - 1].start \
                    and len(toks[start - 1].word) == 2 and toks[start - 1].end == toks[start].start \
                    and not dictionary_word(toks[start - 1].word):
                start -= 1   # 克罗地亚|佩列|沙茨大桥: a foreign name's first syllables, no verb of the language
            elif label == "Project" and start and toks[start - 1].tag == "v" and toks[start - 1].word[0] == "引" \
                    and len(toks[start - 1].word) == 2 and toks[start].tag == "LOC" \
                    and toks[start - 1].end == toks[start].start and not dictionary_word(toks[start - 1].word):
                start -= 1   # 引江|济淮航道: the water a work diverts (引江, 引汉), which names it
            if label == "Project" and start and len(toks[start - 1].word) == 1 and toks[start - 1].tag in ("v", "m") \
                    and toks[start - 1].end == toks[start].start and dictionary_word(toks[start - 1].word + toks[start].word[:1]) \
                    and not dictionary_word(toks[start].word) and divisions().lookup(toks[start].word) is None:
                # 问|天阁广场, 淮河入|海水道, 四|方井水利枢纽: the first character of the name, which the tagger
                # read as a verb or a numeral
                start = _extend_left(toks, start - 1, boundary, strict=label)
            if label == "Project" and start < i and toks[start].tag == "LOC" and DIVERSION.fullmatch(toks[start + 1].word):
                start += 1   # 安徽|引江济淮|工程: the province where the diversion lies, no part of its name
            if label in ("Organization", "Project") and start and "·" in toks[start - 1].word \
                    and toks[start - 1].tag == "PER" and toks[start - 1].end == toks[start].start:
                start -= 1   # 菲德尔·卡斯特罗|中心: a work or body named after someone
            if label == "Meeting" and (inside := next((m for m in out if m.label in ("Project", "Organization")
                                                       and m.start < toks[start].start < m.end), None)):
                first = _token_at(toks, inside.start)
                if first is not None:   # 2022陆海|新通道|国际合作论坛: a name opens no later than the work it is named for
                    start = _extend_left(toks, first, boundary, strict=label)
            if label == "Organization":
                start = _after_place(toks, start, i)
                if t.word.endswith("领导小组"):
                    start = _group_scope(toks, start)
                if start >= 2 and toks[start - 1].word == "驻" and toks[start - 2].tag in ("LOC", "ORG") \
                        and _MISSION.search(toks[i].word):
                    start -= 2   # 中国|驻|吉尔吉斯斯坦大使馆: a country's mission, named from the country
            base = toks[start].start
            name = _trim(s.text[base:t.end], suffix, {k.start - base for k in toks[start:i + 1]},
                         keep=_SCOPE if label == "Meeting" else _GROUP_SCOPE if suffix == "领导小组" else ())
            if name and label == "District" and _clause_place(name, toks[start:i]):
                name = None   # 苗乡发展成为|小康村: a clause, no place's name
            if name and label == "District" and _SITE_AFTER.match(s.text, t.end):
                name = None   # 西安江村|大墓, 河南南阳黄山|遗址: a site's name, no village
            if name and label == "District" and name.endswith("街道社区"):
                name = name[:-2]   # 虹桥街道|社区居民: the subdistrict's residents
            if name and label == "District":
                whole, name = name, None if _chain(name) or _KIND_OF_PLACE.search(name) else _innermost_place(name)
                out.extend(_city_cut(whole, name, s, t.end))
                # 河南新乡: two places, no township; 三下乡, 村镇, 顿涅茨克重镇: kinds and doings
            if name and label == "Meeting":
                name = _whole_title(s.text, t.end, name)
            if label == "Meeting":
                name = _anniversary(s.text, t.end, suffix) or name
                name = _governed(s.text, {k.start for k in toks}, t.end, suffix) or name
                if name and (t.word in ("大会", "全会") and _object_of_clause(toks, i)
                             or toks[start].tag == "v" and name[len(toks[start].word):] in _generic_words()):
                    name = None   # 宣讲|全会, 按照|大会议程, 领会把握|全会精神: the meeting the clause speaks of, unnamed
                act = _MEETING_ACT.match(name) if name else None
                if act and name.count("“", 0, act.end()) > name.count("”", 0, act.end()) \
                        and "”" in name[act.end():-1]:
                    # “高质量完成‘十四五’规划”系列主题新闻发布会: an act inside a series' quoted title is the title's
                    act = _MEETING_ACT.match(name[:name.rfind("“", 0, act.end())])
                if act:   # 北京会见|第78届联合国大会, 中国主办|…杭州峰会: the clause's act; 参加|联组会: a kind
                    name = name[act.end():] if len(name) - act.end() > len(suffix) + 1 else None
                    name = None if name in _generic_words() else name   # 观看|升国旗仪式: a kind
                if name and "了" in name and "“" not in name and "《" not in name:
                    rest = name[name.rfind("了") + 1:]   # 诸多方面创立了|冬奥会: the clause's act and its object
                    name = rest if len(rest) > len(suffix) + 1 else None
                if name and re.search(r"(?<![第\d])\d+场|(?<![第一二三四五六七八九十百千])[一二三四五六七八九十百千]+场", name):
                    name = None   # 展览展示和128场专题论坛: meetings counted, none named
                if name and (len(name) >= 4 and common_word(name) or name.endswith(("重要会议", "重大会议"))):
                    name = None   # 开学典礼, 预备会议: a kind of the language, no meeting's name; 中央重要会议: a kind
                if name and "、" in name and s.text.startswith("等", t.end):
                    name = None   # 座谈交流、亲子运动会等活动, 联合国、…、中拉论坛等多边机制: things listed
                if name and name.endswith("大会") and not re.search(r"[第届\d]", name) and _ORGAN_ACTS.match(s.text, t.end):
                    label = "Organization"   # 联合国大会通过决议, 联合国大会主席: the assembly as a body
                if name and s.text.startswith("党", t.end):
                    name = None   # 尼泊尔大会|党: a party, which LAC names whole
                elif name and not re.search(r"[第届\d]", name) and s.text.startswith(("秘书", "主席"), t.end) \
                        and name.endswith("会议"):
                    # 俄罗斯联邦安全会议秘书, 美军参谋长联席会议主席: a council with a secretary or a
                    # chairman is a body; 俄罗斯前|…: a post's 前 cut in
                    label, name = "Organization", None if "前" in name else name
                if name and name.endswith("委员长会议") and not re.search(r"[第届次\d]", name):
                    label = "Organization"   # 委员长会议建议, 受委员长会议委托: the council acts; 第十九次委员长会议 is a sitting
                if name and re.fullmatch(r"第?[一二三四五六七八九十]+届全国人民代表大会", name) and _TERMS_MEMBERS.match(s.text, t.end):
                    label = "Organization"   # 第十四届全国人民代表大会代表应于…选出: the term's legislature, whose deputies are elected
                name = _held_by(toks, start, name) if name in _PRESS else name
                if name and (_SITTING.match(name) or re.fullmatch(r"\d+周年", name[:-len(suffix)])
                             and not s.text.endswith(_MARKED, 0, t.end - len(name))):
                    name = None   # 举行第一次全体会议: a sitting of the session the text holds
            if name and (label in ("Organization", "Project") or label == "Policy" and suffix in _WEAK_POLICY) \
                    and not _proper(toks, start, i, suffix) and not (label == "Organization" and _relative_body(name, suffix)):
                name = None
            if name and label == "Policy" and name.endswith("法律规定"):
                name = None   # 塞尔维亚法律规定: what the law provides, no document
            if name and label == "Policy":
                name = _policy_name(name, toks, i)
            if name and label == "Policy" and suffix in ("方略", "方针", "战略", "理念", "倡议", "政策") and len(name) == len(suffix) + 2 \
                    and common_word(name[:2]) and common_tag(name[:2]) in ("n", "vn", "v", "a", "an"):
                name = None   # 人才战略, 总体方针, 理念方针, 理念倡议, 对外政策: a kind of strategy, named by one plain word
            if name and label == "Policy" and suffix in ("方略", "方针", "战略", "政策") \
                    and s.text.endswith("的", 0, t.end - len(name)) and plain_words(name[:-len(suffix)], 1):
                name = None   # …解决台湾问题的|总体方略: a description's head, whose name is the whole phrase
            if name and label == "Policy" and suffix == "建设" and (
                    _work_ending(name[:-2], table) or name[:-2].endswith(("场馆", "校园"))
                    or _has_org_ending(name[:-2]) and "国际" not in name):
                name = None   # 三江源国家公园建设, 成都大运会场馆建设, 非洲疾控中心建设: building a work or a
                # body, no policy (香港国际金融中心建设 is a goal of the nation's)
            if name and label == "Project" and name.endswith("中心") and re.search(r"大学|学院|研究院|研究中心|研究所", name):
                label = "Organization"   # a unit of an institution (…研究中心重庆邮电大学分中心)
            if name and label == "Project":
                name = _whole_work(_EDITION.sub("", name)) or None   # 第二届|中欧班列…论坛: an event's edition
            if name and label == "Project" and _place_and_kind(name, suffix):
                name = None
            if name and label == "Project" and s.text.startswith(("部门", "系统"), t.end):
                name = None   # 中老两国铁路|部门: the bodies that run the work, no work
            if name and label == "Project" and (suffix == "试点" and i and _adverb(toks[i - 1]) and toks[i].word == suffix
                                                 or any(k.word in _BUILDS for k in toks[start + 1:i])
                                                 or _body_acts(toks[start:i])):
                name = None   # “科汇通”业务正式|试点: the ending as a verb; 在海南建设|自由贸易港,
                # 中央网信办|指导|网站平台: a clause
            if name and label == "Project" and _EVERY_PLACE.search(s.text, max(0, t.end - len(name) - 1), t.end):
                name = None   # 县县通高速, 村村通公路: a goal for every county or village, no work
            if name and suffix == "港" and s.text[t.end - 2:t.end - 1] in _SHIPS_MOVE:
                name = None   # 仁川机场进出|港航班, 离|港: ships or planes coming and going, no port's name
            if name and label == "Project" and name.endswith("与工程"):
                name = None   # 碳中和科学与工程: a discipline taught, no work
            if name and label == "Project" and s.text.startswith("群", t.end):
                name = None   # 粤港澳大湾区机场|群: a cluster of works, not one
            if name and label == "Project" and _COUNT_AFTER_KIND.match(s.text, t.end):
                name = None   # 河南开工项目|335个, 招商引资项目|116个: a kind counted, none named
            if name and label == "Project" and (rank := _RANK_BEFORE.search(name)) and len(name) - rank.end() >= 4 \
                    and not plain_words(name[rank.end():], 2) \
                    and (rest := _token_at(toks, t.end - len(name) + rank.end())) is not None and _proper(toks, rest, i, suffix):
                name = name[rank.end():]   # 石油重镇|哈尔克港, 能源大动脉|中俄东线天然气管道, 叙利亚首都|大马士革国际机场 (北京首都国际机场: the name's own;
                # 澳大利亚西部|港湾项目, 库布其沙漠中北部|新能源大基地: a work named by where it is, in plain words after it)
            if name and label == "Meeting" and s.text.startswith("纪录", t.end):
                name = None   # 创奥运会|纪录: a record, no meeting
            if name and label == "Meeting" and name.endswith("会议") and s.text.startswith("长", t.end) \
                    and _has_org_ending(name[:-1]):
                name = None   # 印尼国会|议长: a body and its speaker, no meeting
            if name and label == "Meeting" and name.startswith("京") and s.text.endswith("在", 0, t.end - len(name)) \
                    and not dictionary_word(name[:2]) and name[1] not in _PROVINCE_INITIALS:
                name = name[1:]   # 在京|全国人大代表座谈会: 在京, in Beijing, the tagger read into the name
            if name and suffix == "广场" and (re.search(r"[门外前堂宫馆]广场$", name) or not _DEVELOPMENT_OR_TOUR.search(s.text)):
                name = None   # 天安门广场, 人民大会堂东门外广场: a square before a landmark, no development; 金紫荆广场,
                # 八一广场: a public square, unless the sentence speaks of building or listing works (重庆亿达创智广场)
                # or of a tour's stops
            if name and suffix == "站" and (_NO_STATION.search(name) or t.word in _STATION_VERBS
                                                 or s.text.startswith(("火炬传递", "传递"), t.end)   # 丽水站|火炬传递: a relay's leg
                                                 or i and toks[i - 1].word + t.word in _STATION_VERBS):
                name = None   # 世界杯西安站, 龙舟大赛福州站: a leg of a tour; 基站, 雷达站: equipment;
                # 秦岭站|开站: opening a station, whose name ends before
            if name and label != "District" and (name in divisions().by_form or _chain(name)):
                name = None   # places only (江苏连云港, with 港 a port's ending) name no work
            if name and label == "Project":
                first, name = _project_chain(name)
                first = _whole_work(first) if first else None   # 世界最长高速公路|隧道…: a rank, no work
                if first:
                    start0 = t.end - len(name) - len(first) - _gap(s.text, t.end - len(name), first)
                    out.append(Mention(label, first, s.index, start0, start0 + len(first), via="suffix"))
                    name = _whole_work(name)   # 滇中引水工程|最长隧洞: a rank, no second work
            if name and label == "Organization" and _second_field(toks, _token_at(toks, t.end - len(name)), i):
                name = None
            if name and label == "Organization" and (pair := _joint(name)):
                begin = t.end - len(name)   # 中央广播电视总台联合|教育部: two bodies that act together
                out.append(Mention(label, pair[0], s.index, begin, begin + len(pair[0]), via="suffix"))
                name = pair[1]
            if name:   # (a work's part cut off its end, 关门嘴子水库|主体工程, leaves the name earlier)
                k = -1 if s.text.endswith(name, 0, t.end) else s.text.rfind(name, 0, t.end)
                stop = t.end if k < 0 else k + len(name)
                out.append(Mention(label, name, s.index, stop - len(name), stop, via="suffix"))
            if name and label in ("Organization", "Project"):
                out.extend(_shared_head(s, toks, i, name, suffix, label))
            if name and label == "Organization":
                out.extend(Mention(label, inner, s.index, t.end - len(name) + k, t.end - len(name) + k + len(inner),
                                   via="within") for k, inner in _institutions_within(name))
        if t.tag == "LOC" and len(t.word) >= 4 and t.word[-1] in "东西南北" and _work_ending(t.word[:-1], table) \
                and s.text.startswith(("起", "至", "侧"), t.end):
            # 平陆运河北|起: the side where a work starts, which the tagger took into its name
            out.append(Mention("Project", t.word[:-1], s.index, t.start, t.end - 1, via="suffix"))
            continue
        if _REPORTERS_OUTLET.fullmatch(t.word) and t.tag != "ORG" and s.text.startswith("记者", t.end) \
                and not t.word.startswith(("本", "该", "电视", "广播")):
            out.append(Mention("Organization", t.word, s.index, t.start, t.end, via="lac"))   # 总台|记者: the reporter's outlet
        if len(t.word) == 2 and t.word[1] == "军" and t.word[0] in _COUNTRY_ABBR and t.tag in ("n", "j", "nz", "ORG"):
            out.append(Mention("Organization", t.word, s.index, t.start, t.end, via="lac"))   # 俄军: a country's forces
        if t.tag in ("ORG", "LOC") and len(t.word) >= 2 and not _no_body(toks, i):
            lab = "Organization" if t.tag == "ORG" else "District"
            word, start, end = t.word, t.start, t.end
            if lab == "Organization" and is_country(word):
                lab = "District"   # 斯洛伐克: a country wherever it is named
            elif lab == "Organization" and re.fullmatch(r"[\u4e00-\u9fff·]{2,8}州", word):
                lab = "District"   # 俄勒冈州, 西澳州: a state abroad, not a body
            if lab == "Organization" and any(word[:k] in divisions().by_form and _REGION_OF.fullmatch(word[k:])
                                             for k in range(2, len(word) - 1)):
                continue           # 河北中北部: a part of a place (the place is found on its own)
            if lab == "Organization" and _second_field(toks, i, i):
                continue
            if lab == "Organization" and _chain(word):
                continue           # 在四川南充: places one inside the other (found on their own)
            if lab == "Organization" and word == t.word and common_word(word) and common_tag(word) in ("n", "l", "vn") \
                    and not word.endswith(("党", "军")) and not _has_org_ending(word):
                continue           # 体育运动, 民主党派, 公安机关: a common noun, no body's name
            if lab == "Organization" and _MISSIONS.search(word):
                continue   # 中国驻多国大使馆, as LAC reads it whole: missions, none named
            if lab in ("Organization", "District") and _kind_of_facility(word):
                continue   # 社区卫生服务中心, 历史纪念馆: a kind of place, named by plain words
            if lab == "Organization" and word.endswith(("称", "说", "愿")) and len(word) >= 4:
                word, end = word[:-1], end - 1   # 叙政府军|称, 中国全国政协|愿同: the verb of what the body said or wants
            if lab == "Organization" and word[-1] in "与和同及" and len(word) >= 3:
                word, end = word[:-1], end - 1   # 中国与|新开发银行: the conjunction after a name
                lab = "District" if is_country(word) else lab
            if lab == "Organization" and word.endswith(("联合", "执行", "常务")) and len(word) >= 6:
                word, end = word[:-2], end - 2   # 中央广播电视总台|联合: the next word glued on
            if lab == "Organization" and (pair := _joint(word)):
                # 中央广播电视总台联合教育部: two bodies that act together, each its own
                out.append(Mention(lab, pair[1], s.index, end - len(pair[1]), end, via="lac"))
                word, end = pair[0], start + len(pair[0])
            if lab == "Organization" and word.endswith("原") and len(word) >= 5:
                word, end = word[:-1], end - 1   # 中国足球协会|原|主席: the former's cue, the post's
            if lab == "Organization" and i and toks[i - 1].tag == "m" and toks[i - 1].end == start \
                    and toks[i - 1].word[-1:].isdigit():
                continue   # 6|万立方米: a quantity's unit, no body
            if lab == "Organization" and s.text.startswith(("等地", "等城市", "等国"), end):
                lab = "District"   # 在索列达尔等地: a place of a list of places
            if lab == "Organization" and t.tag == "ORG" and word[-1] in "在对向就" and len(word) >= 4 \
                    and not _has_org_ending(word) and role_of(word[:-1]):
                continue   # 中国代表在|联合国人权理事会: a country's representative and the preposition after him, no body
            if lab == "Organization" and t.tag == "ORG" and word.endswith("大政方针") and len(word) >= 7:
                word, end = word[:-4], end - 4   # 党中央|大政方针: the body, and its policies at large
            if lab == "Organization" and t.tag == "ORG" and not _has_org_ending(word) and i + 1 < len(toks) \
                    and word[-1] not in "委会盟织部局院厅署办党军团社行所处馆站组府队台" \
                    and not word.endswith(("宪章", "公约", "条约", "声明", "公报")) and not _GLUED_AFTER_BODY.search(word) \
                    and toks[i + 1].start == end and toks[i + 1].tag in ("n", "vn", "v") and len(toks[i + 1].word) >= 2 \
                    and not ends_with_head(toks[i + 1].word) and not role_of(toks[i + 1].word):
                # 敦煌研究院文保|团队, 上海旅游|消费市场: the tagger's name runs on into a noun phrase;
                # the body is where a body's name ends inside it, if anywhere (酒泉卫星发射中心东风|着陆场:
                # a site of the body's)
                k = next((k for k in range(len(word) - 1, 2, -1) if _has_org_ending(word[:k])), 0)
                if toks[i + 1].tag == "v" and not (k and 2 <= len(word) - k <= 3 and word[k:] != "中央"
                                                    and not dictionary_word(word[k - 1:k + 1])   # (陕飞部|件厂)
                                                    and not word.endswith(read_list("org_suffixes.txt") + ("海关",))):
                    pass   # (a name before a verb stands, unless a body's name ends just before its last words)
                elif k:
                    word, end = word[:k], start + k
                elif toks[i + 1].tag == "n" or common_tag(word[-2:]) in ("v", "vn", "a", "ad", "an"):
                    continue   # (中国石油长庆油田|年产: a firm's name before a verb's noun)
            if lab == "Organization" and t.tag == "ORG" and len(word) >= 4 and not _has_org_ending(word) \
                    and common_tag(word[-2:]) in ("v", "vn", "a", "ad", "an", "d") and not dictionary_word(word) \
                    and not word.endswith(("重工", "广播", "组织")) \
                    and (word[-1] not in _BODY_CHARACTERS or word.endswith(("协办", "承办", "主办"))):
                # 上海合作组织行稳致远, 中国式现代化行稳致远, 中国常驻, 新华社协办: the tagger's name ends in a
                # doing or a quality, no body's word; the body is where a body's name ends inside it, if anywhere
                # (国务院安委办, 农业银行格当支行 end as bodies do)
                k = next((k for k in range(len(word) - 2, 2, -1) if _has_org_ending(word[:k])), 0)
                if not k:
                    continue
                word, end = word[:k], start + k
            if lab == "Organization" and t.tag == "ORG" and word.endswith("组织") and len(word) >= 5 \
                    and _has_org_ending(word[:-2]):
                word, end = word[:-2], end - 2   # 酒泉卫星发射中心|组织各单位, 河南郑州妇联|组织专场招聘会: the body, then the verb
            if lab == "Organization" and t.tag == "ORG" and _place_and_deed(word):
                continue   # 福建稳|就业: a province and what it does, no body
            if lab == "Organization" and (_with_country(word) or word[0] in "同与跟向" and i and toks[i - 1].tag == "LOC"
                                           and toks[i - 1].end == start and _has_org_ending(word[1:])):
                word, start = word[1:], start + 1   # 同|葡政府, 中国同|联合国: the preposition before a body
            if lab == "Organization" and t.tag == "ORG" and (cut := _post_inside(word)) is not None:
                word, end = word[:cut], start + cut   # 日本公明党党首山口|那津男: the body before the post
                if len(word) < 3:
                    continue
            if lab == "Organization" and (re.match(r"[\d.]+(?:[万亿][\u4e00-\u9fff]?|后|[套个件台辆吨])$", word)
                                           or len(word) == 4 and word[-1] not in _BODY_CHARACTERS
                                           and not _has_org_ending(word)
                                           and re.match(r"”?(?:系列|主题|教育|活动|专项)", s.text[end:end + 3])):
                continue           # 360万套: a count, 90后 an age; “华夏铸魂”系列活动, 崇俭戒奢|教育活动: a campaign's slogan
            if lab == "Organization" and re.fullmatch(r"[同与跟向][\u4e00-\u9fff]方", word):
                continue           # 同|亚方: a country's side, no body
            if lab == "Organization" and re.fullmatch(r"[\u4e00-\u9fff]{1,5}族", word):
                continue           # 柯尔克孜族: a people, no body
            if lab == "Organization" and word.endswith(("联合公报", "联合声明", "宪章", "公约", "条约")):
                lab = "Policy"     # 中华人民共和国政府和白俄罗斯共和国政府联合公报, 联合国宪章: a document
            if lab == "Organization" and not _has_org_ending(word) and _work_ending(word, suffix_table()):
                continue           # 西十高铁山阳跨福银高速特大桥: a work, which the works' rule names
            if word.startswith("电") and i and toks[i - 1].word.endswith("日"):
                word, start = word[1:], start + 1   # 新华社北京4月21日电|国务院
            if lab == "Organization" and (lead := _leading_words(word)):
                word, start = word[lead:], start + lead   # 会同|农业农村部, 2021年|国家开发银行
                if is_country(word):
                    lab = "District"
            bare = word[:-1] if lab == "Organization" and word[-1] in "都也均" else word   # 中哈|都: the adverb after
            if word.endswith("语") or lab == "Organization" and len(bare) <= 4 and set(bare) <= _COUNTRY_ABBR \
                    or len(bare) == 2 and "中" in bare and bare.replace("中", "", 1) in _country_firsts() \
                    and divisions().lookup(bare) is None:
                continue   # 越南语, 美英法日, 中沙: a language, countries' abbreviations
            if lab == "District" and word.endswith("省") and len(word) >= 3 and common_tag(word[-3:-1]) not in (None, "ns") \
                    and divisions().lookup(word) is None:
                lab = "Organization"   # 朝鲜国防省, 日本防卫省: a ministry, named by its field
            if lab == "District" and (place := _place_of_route(word, toks, i)):
                word, end = place, start + len(place)   # 乌鲁木齐至|尉犁高速公路, 峨眉至|冕宁段: the route's end, glued to its head
            if lab == "District" and word in read_set("common_division_names.txt"):
                continue   # 太湖 the lake, 福州老城区: the division only after its city (found below)
            if lab == "District" and (_feature_of(word, s.text, end) or re.search(_KIND_ENDING, word)
                                      or _SITE_AFTER.match(s.text, end) and divisions().lookup(word) is None
                                      or s.text.startswith("时间", end)):   # 北京|时间: a clock, no visit
                continue   # 红山|文化, 崖州|湾: a culture's or a feature's name, no county; 江南水乡: a kind
            if lab == "District" and i and _word_ends_in(toks[i - 1], t):
                continue   # 黄河入|海口: the end of a word of the language (入海口), no city
            if lab == "Organization" and word.endswith("地区") and divisions().lookup(word[:-2]):
                lab = "District"   # 台湾地区
            whole = next((w for w in _WHOLE_NAMES if word.endswith(w)), None) if lab == "Organization" else None
            if whole and _whole_name(word, whole) == whole:
                word, start = whole, t.end - len(whole)
            if word.startswith(("全国人大", "全国政协")) and i and toks[i - 1].word.endswith("届") \
                    and toks[i - 1].end == start and _TERM.fullmatch(toks[i - 1].word):
                word, start = toks[i - 1].word + word, toks[i - 1].start   # 十三届|全国人大: the body in its term
            # two-character ORG tags are mostly fragments (中乌, 亚欧, 雅万)
            if (len(word) >= (3 if lab == "Organization" else 2) or re.fullmatch(r"[省市区县镇乡]委", word)) \
                    and not s.text.startswith(_generic_from(word), start) \
                    and not (lab == "District" and _chain(word)):
                side = _SIDE.search(word) if lab == "District" else None
                if side:
                    word, end = word[:side.start()], end - len(side.group())   # 伊斯法罕省|东北部: a part of the province
                if lab == "District" and word.endswith(_BELOW_COUNTY):
                    before = divisions().lookup(toks[i - 1].word) if i else None
                    whole, word = word, _innermost_place(word, before) or word   # 黑龙江尚志龙王庙村: the chain is its own
                    start = t.end - len(word)
                    out.extend(_city_cut(whole, word, s, t.end))
                out.append(Mention(lab, word, s.index, start, end, via="lac"))
    out.extend(_divisions_in(s))
    out.extend(_places_below_county(s))
    congresses = _congresses(s)
    at = {(m.start, m.end) for m in congresses}
    # the session's name wins its span, and a name the tagger began inside it (党的二十|大和二十届历次全会)
    # or ran on from it (中共十九大和|十九届历次全会)
    out = [m for m in out if (m.start, m.end) not in at
           and not any(a < m.start < b < m.end or a == m.start and b < m.end and s.text[b] in "和及与、"
                       for a, b in at)] + congresses
    out.extend(_national_policies(s))
    out.extend(_laws(s))
    out.extend(_sections(s, out))
    out.extend(_counted_works(s))
    out.extend(_transfers(s))
    out.extend(_programmes(s))
    out.extend(_short_lines(s))
    out.extend(_power_lines(s))
    out.extend(_ranked_works(s))
    out = _no_phrases(whole_words(s.text, _framed(s, _dashed(s, _dotted(s, out))),
                                  lambda m, end: replace(m, text=s.text[m.start:end], end=end)))
    return [m for m in out if not _attributive(s.text, m) and not _book_of_work(s.text, m)]


def _suffix_start(toks: list[Token], i: int, suffix: str) -> int:
    """The token where an ending that closes token ``i`` begins."""
    k, covered = i, len(toks[i].word)
    while covered < len(suffix) and k > 0:
        k -= 1
        covered += len(toks[k].word)
    return k


def _book_of_work(text: str, m: Mention) -> bool:
    """《中国空间站》, 《中国国宝大会》: a programme or a book named after a work or a meeting, neither of
    them; 至北京大兴国际机场铁路: a line's
    name without where it starts."""
    return m.label in ("Project", "Meeting") and text.endswith("《", 0, m.start) and text.startswith("》", m.end) \
        or m.label == "Project" and m.text.startswith("至")


# A section of a line, after its name: 贵南高铁|广西段, 龙龙高铁|梅州至龙川段, 京雄高速|北京段.
_LINE = ("高速公路", "高速", "高铁", "铁路", "城际", "公路", "运河", "通道", "号线", "快线")
_SECTION = re.compile(r"(?:（)?([\u4e00-\u9fff]{1,4}至[\u4e00-\u9fff]{1,5}|[\u4e00-\u9fff]{1,4}?)段(?:）)?")
_NO_SECTION = ("路", "区", "阶", "分", "时", "地", "中")


# A count of kinds before a name (三大全球倡议, 十大工程): the kind, not one of its kind.
_COUNTED = re.compile(r"(?<!第)(?:(?:[一二三四五六七八九十两]+|\d+)多?|多|几)(?:大|项|个|条|场|件)$")


def _framed(s: Sentence, found: list[Mention]) -> list[Mention]:
    """Names as their frame writes them: a heading in 【】 is one name whole
    (【推动高质量发展系列主题新闻发布会】); a work described before a dash and named after
    it (西部陆海新通道骨干工程——平陆运河) is the one named; a counted kind is no name."""
    works = {m.start for m in found if m.label == "Project"}
    out, counted = [], []
    for m in found:
        if m.label in ("Policy", "Project", "Meeting") and m.via != "quote" and _COUNTED.search(s.text, 0, m.start):
            continue
        if m.label == "Project" and s.text.startswith("——", m.end) and m.end + 2 in works \
                and (m.text.endswith(("工程", "项目")) or plain_words(m.text, 2)
                     or re.search(r"第[一二三四五六七八九十\d]+[大座条个]|最[大长高]|首[条座个]", m.text)):
            continue   # (中俄东线天然气管道——长江盾构穿越工程: a named line, then a work of it; 乌克兰第二大核电站——…:
            # a rank; 跨海大桥——港珠澳大桥: a kind)
        if m.label == "Project" and m.start and s.text[m.start - 1] in "到至" and _A_LINE.search(m.text) \
                and any(_a_place(m.text[:n]) for n in (2, 3)) \
                and (origin := next((x for x in found if x.label == "District" and x.end == m.start - 1), None)):
            m = replace(m, text=s.text[origin.start:m.end], start=origin.start)   # 陕北到|安徽特高压直流工程: the route's start
        if m.label in ("Meeting", "Project", "Policy", "Organization") and m.via not in ("quote", "book"):
            m = _quotes_closed(s.text, m)
            if m is None:
                continue
        if m.label in ("Organization", "Project") and _counted_bodies(m.text):
            continue   # 喀土穆部分医院, 海航四家航空公司, 纳什维尔一所小学: some of a kind, none named
        if m.label == "Organization" and _COUNT_BEFORE.search(s.text, 0, m.start) and m.text.endswith(_KINDS_COUNTED) \
                or m.label == "Project" and _COUNT_OR_PLACES_BEFORE.search(s.text, 0, m.start):
            # 7家|俄罗斯银行, 50家|国家卓越工程师学院, 两地|“华龙一号”核电项目, 一处|南美白对虾养殖基地,
            # 十多个省级以上|绿色低碳工业园区: some of a kind, none named, nor
            # the kind inside (部分|全国人大代表, 多个|真主党武装目标: the count is of what the body qualifies)
            counted.append((m.start, m.end))
            continue
        if m.label == "Organization" and re.search("(?:该|这家|这个|其)$", s.text[:m.start]) and plain_words(m.text, 3):
            continue   # 该|研究中心: a body named before, by its kind
        if m.label == "Organization" and (lead := _leading_words(m.text)):
            m = replace(m, text=m.text[lead:], start=m.start + lead)   # 会同|农业农村部, 2021年|国家开发银行
        opening = s.text.rfind("【", 0, m.start)
        if m.label == "Meeting" and m.via == "suffix" and s.text.startswith("】", m.end) and opening >= 0 \
                and not re.search(r"[】，。、；：]", s.text[opening:m.start]):
            m = replace(m, text=s.text[opening + 1:m.end], start=opening + 1)
        out.append(m)
    return [m for m in out if not (m.label in ("Organization", "Project")
                                   and any(a <= m.start and m.end <= b for a, b in counted))]


_KINDS_COUNTED = _FIRMS + ("机构", "企业", "实验室", "学校", "协会", "商会", "中心", "委员会", "中小学")
_COUNT = r"(?<!第)(?:[\d一二两三四五六七八九十几多数]+[家所个座支处]|部分|一些)(?:(?:国家|省|市|县)级(?:以上)?)?$"
_COUNT_BEFORE = re.compile(_COUNT)
_COUNT_OR_PLACES_BEFORE = re.compile(_COUNT + "|[两多各]地$")   # (两地|“华龙一号”核电项目: works counted by their places)
_A_LINE = re.compile(r"特高压|输电|输气|管道|铁路|高铁|高速|公路|运河|航道")   # works that run from one place to another
_SOME_OF = re.compile(r"(?<!第)(?:部分|[一二两三四五六七八九十几多数]+[家所个座支])")


def _counted_bodies(name: str) -> bool:
    """Does the name count or part its kind (部分医院, 四家航空公司, 一所小学, 五大商业银行)? Not a place's
    name (五家渠市, 十家子村) nor a numbered institute (中电科十八所)."""
    if re.match(r"(?:[（(]\d+[）)])?[二三四五六七八九十]大(?![学会队])", name) and len(name) >= 5:
        return True   # 五大商业银行, 三大运营商: the great ones of a kind (not 二大队 nor 九大, a congress)
    for m in _SOME_OF.finditer(name):
        if m.end() == len(name) and name.endswith("所") and m.end() - m.start() >= 3:
            continue   # 中电科十八所
        if any(name[a:b] in divisions().by_form for a in range(max(0, m.start() - 2), m.start() + 1)
               for b in range(m.end(), min(len(name), m.end() + 3) + 1) if b - a >= 2):
            continue
        return True
    return False


def _quotes_closed(text: str, m: Mention) -> Mention | None:
    """A name with half a pair of quotes: the quote the name began or ended inside is
    taken in (“|奋斗者”中外记者见面会); a quote closed or opened by the words before or
    after the name leaves them out (呼唤”|投资论坛全会, 名为“|内盖夫论坛)."""
    t = m.text
    opened, closed = t.count("“"), t.count("”")
    if closed > opened:
        if text.endswith("“", 0, m.start) and closed == opened + 1:
            return replace(m, text="“" + t, start=m.start - 1)
        k = t.rindex("”") + 1
    elif opened > closed:
        k = t.rindex("“") + 1
    else:
        return m
    rest = t[k:]
    # what is left after the words around the quote is a name, not its kind (…”分论坛, …”等研讨会)
    if len(rest) - len(_ending_of(rest)) < 2 or rest.startswith(("等", "主题", "专场")) or rest in _generic_words():
        return None
    return replace(m, text=rest, start=m.start + k)


def _leading_words(word: str) -> int:
    """How many characters of a body's name the tagger took from before it: a year
    (2021年国家开发银行) or a verb (会同|农业农村部, 连任|马达加斯加共和国)."""
    year = re.match(r"\d{4}年", word)
    if year:
        return year.end()
    return 2 if len(word) >= 5 and word[:2] in _WITH_VERBS and not dictionary_word(word[:3]) \
        and not any(word[:n] in divisions().by_form for n in range(3, 6)) else 0


def _body_acts(toks: list[Token]) -> bool:
    """中央网信办|指导|网站平台: a body and its verb before a work's ending make a clause; a body's
    building (无极县医院|迁建|项目) is the work."""
    return any(k.tag == "ORG" and (_has_org_ending(k.word) or k.word[-1] in "办委") and n.tag in ("v", "vn")
               and len(n.word) >= 2 and not _REBUILT.fullmatch(n.word) for k, n in zip(toks, toks[1:]))


# A count right after a kind of work (…开工项目335个, …项目达到12项)
_COUNT_AFTER_KIND = re.compile(r"(?:达到?|超过?|共|约|近)?[\d.]+(?:多|余)?(?:万|千|百)?(?:个|项|处|座|条)(?=[，。；、）,;]|$)")


_REBUILT = re.compile(r"迁建|新建|扩建|改扩建|改建|重建|续建|搬迁")


# Two bodies joined by the verb of acting together or by 与 or 同 (总台联合教育部, 商务部会同财政部,
# 总台与陕西省人民政府, 中国艺术团同朝方艺术团)
_JOINT = re.compile(r"([\u4e00-\u9fff]{2,}?)(?:联合|会同|协同|愿同|连同|与|同|和)([\u4e00-\u9fff]{2,})")


def _joint(name: str) -> tuple[str, str] | None:
    pair = _JOINT.fullmatch(name)
    # (中央广播电视总台, a broadcaster; not 西部|联合|银行, 越南国会|联合委员会: one name)
    # a communist party by its short name (中共, 越共) is a body too: 中共|与|莫解阵党
    return pair.groups() if pair and (_has_org_ending(pair.group(1)) or pair.group(1).endswith("台")
                                      or re.fullmatch(r"[\u4e00-\u9fff]共", pair.group(1))) \
        and (_has_org_ending(pair.group(2)) or pair.group(2).endswith("党")) and len(pair.group(2)) >= 3 \
        and (len(pair.group(1)) >= 3 or pair.group(1).endswith("共")) \
        and not set(pair.groups()) & read_set("generic_heads.txt") else None


def _place_and_deed(word: str) -> bool:
    """Is the tagger's body a division and a character or a verb or quality of the language
    after it (福建稳, 湖南抓), no body's ending (广东移动 and 河北高速 are firms)?"""
    for k in range(len(word) - 1, max(1, len(word) - 3), -1):
        rest = word[k:]
        div = divisions().lookup(word[:k])
        if div is not None:   # (a country or a province: 阿里|云 is a firm of 阿里, a prefecture's short name too)
            return div.level <= 1 and not _has_org_ending(rest) and rest[-1] not in _BODY_CHARACTERS \
                and (len(rest) == 1 or common_tag(rest) in ("v", "a"))
    return False


def _post_inside(word: str) -> int | None:
    """Where the body ends in a name the tagger read with a post and a name's first characters
    after it (日本公明党党首山口): before the post; None when the word ends as a body (理事会会旗 keeps
    理事会, whose 理事 is no post here)."""
    if _has_org_ending(word) or word[-1] in _BODY_CHARACTERS:
        return None
    for k in range(len(word) - 1, max(2, len(word) - 4), -1):
        head = ends_with_head(word[:k])
        if head and len(head) >= 2:
            return None if word[k] in _BODY_CHARACTERS else k - len(head)
    return None


# A goal for every county or village (县县通高速, 村村通公路), no work's name.
_EVERY_PLACE = re.compile(r"([县市村乡镇组户])\1通")


def _with_country(name: str) -> bool:
    """同|葡政府, 与|美方: a preposition the tagger glued before a country's short name."""
    return len(name) >= 4 and name[0] in "同与跟向" and name[1] in _COUNTRY_ABBR and not dictionary_word(name[:2])


# Verbs the tagger glues to the body or country after them (会同|公安部, 连任|法兰西共和国);
# a verb in general may not go (遵义, 开封, 加纳 are verbs to the dictionary too).
_WITH_VERBS = ("会同", "协同", "连任", "当选")


def _dotted(s: Sentence, found: list[Mention]) -> list[Mention]:
    """A body's or a work's name written with a dot (约翰斯·霍普金斯大学, 菲德尔·卡斯特罗中心):
    whole, and its first part alone is none."""
    out = []
    # 世界中国学大会·上海论坛: one meeting, a forum of the congress
    series = {m.end: p for p in found for m in found if p.label == m.label == "Meeting"
              and p.end == m.start - 1 and s.text[p.end] == "·"}   # the forum's end: the congress before its dot
    gone = {id(p) for p in series.values()}
    found = [m for m in found if id(m) not in gone]
    for m in found:
        if m.label == "Meeting" and (p := series.get(m.end)) is not None:
            m = replace(m, text=s.text[p.start:m.end], start=p.start)
        if m.label == "Organization" and s.text.startswith("·", m.end) and m.via == "lac":
            continue   # 约翰斯|·霍普金斯大学
        while m.label in ("Organization", "Project", "Meeting") and s.text.endswith("·", 0, m.start):
            before = next((t for t in s.tokens if t.end == m.start - 1 and len(t.word) >= 2
                           and t.tag in ("ORG", "PER", "nz", "nr", "LOC")), None)
            if before is None:
                break
            m = replace(m, text=s.text[before.start:m.end], start=before.start)   # 菲德尔·卡斯特罗中心
        out.append(m)
    return out


def _dashed(s: Sentence, found: list[Mention]) -> list[Mention]:
    """A name whose first part is a place before a dash (中国—中亚健康产业联盟),
    or a line's from where to where (六枝至|安龙高速), is whole."""
    out = []
    for m in found:
        joint = s.text[m.start - 1:m.start] if m.start else ""
        if m.label in ("Organization", "Project", "Meeting") and joint in ("—", "－") \
                or m.label == "Project" and joint == "至" and m.text.endswith(_LINE):
            before = next((t for t in s.tokens if t.end == m.start - 1 and len(t.word) >= 2
                           and (t.tag in ("LOC", "ORG") or t.word in divisions().by_form)), None)
            if before is not None:
                m = replace(m, text=s.text[before.start:m.end], start=before.start)
        out.append(m)
    return out


def _sections(s: Sentence, found: list[Mention]) -> list[Mention]:
    out = []
    for m in found:
        if m.label != "Project" or not m.text.endswith(_LINE):
            continue
        sec = _SECTION.match(s.text, m.end)
        if sec and sec.group(1) and not sec.group(1).endswith(_NO_SECTION) and not sec.group(1).startswith(_NO_SECTION):
            name = m.text + s.text[m.end:sec.end()].replace("（", "").replace("）", "")
            out.append(Mention("Project", name, s.index, m.start, sec.end(), via="suffix"))
            if m.via == "suffix":
                m.via = "within"   # and the line the section is of stays a name of its own (新成昆铁路 of …峨眉至冕宁段)
    for line in _METRO_LINE.finditer(s.text):
        start = _place_ending_at(s.text, max(0, line.start() - 6), line.start())
        start = next((m.start for m in found if m.label == "District" and m.end == line.start()), None) \
            if start is None else start
        if start is not None:   # 重庆轨道交通|2号|线, 河内轻轨2号线: a city's numbered line
            out.append(Mention("Project", s.text[start:line.end()], s.index, start, line.end(), via="suffix"))
    lines = {m.end for m in found if m.label == "Project"}
    for sec in _BARE_SECTION.finditer(s.text):
        start = _place_ending_at(s.text, sec.start(), sec.start(1) - 1)
        if start is not None and start not in lines and _a_place(sec.group(1)):
            # 龙岩至武平段, the line named before: a section between two places, where no line's name opens it
            out.append(Mention("Project", s.text[start:sec.end()], s.index, start, sec.end(), via="suffix"))
            place = sec.group(1)
            out.append(Mention("District", place, s.index, sec.start(1), sec.start(1) + len(place), via="division"))
    return out


def _place_ending_at(text: str, lo: int, end: int) -> int | None:
    """Where the longest place of two characters or more that ends at ``end`` and starts no
    earlier than ``lo`` starts (重庆|轨道交通…, 龙岩|至武平段)."""
    return next((k for k in range(lo, end - 1) if _a_place(text[k:end])), None)


def _place_of_route(word: str, toks: list[Token], i: int) -> str | None:
    """The division a place-tagged word opens when the word is a section named by its place
    (冕宁段) or a line's head glued to the route's far end (至|尉犁高速公路)."""
    if divisions().lookup(word) is not None:
        return None
    ends = ("段",) if not (i and toks[i - 1].word in ("至", "到")) else ("段",) + _LINE
    head = next((h for h in ends if word.endswith(h) and len(word) - len(h) >= 2), None)
    return word[:-len(head)] if head and divisions().lookup(word[:-len(head)]) is not None else None


_METRO_LINE = re.compile(r"(?:轨道交通|地铁|轻轨)(?:[\d一二三四五六七八九十]{1,3}号线|[A-Z]\d{1,2}线)")
_BARE_SECTION = re.compile(r"[\u4e00-\u9fff]{2,6}至([\u4e00-\u9fff]{2,5}?)段")


def _second_field(toks: list[Token], first: int | None, last: int) -> bool:
    """贸易与|工业部|部长: a body named after 与 or 和 and followed by a post is the second
    field of a body the post names whole (贸易与工业部)."""
    return first is not None and first >= 2 and toks[first - 1].word in ("与", "和") \
        and toks[first - 2].tag in ("ORG", "vn", "n") and last + 1 < len(toks) and bool(ends_with_head(toks[last + 1].word))


_REGION_OF = re.compile(r"[东南西北中]{1,3}部")


# Works listed by their names alone and counted by their kind after the list:
# 乌东德、溪洛渡、向家坝、三峡、葛洲坝等6座世界级巨型梯级电站 names five power stations, and
# 古贤、黑山峡等重大水利枢纽工程 two works, counted or not.
_WORK_KINDS = "水电站|核电站|电站|水库|水利枢纽|大桥|特大桥|隧道|机场|港口|码头|高铁|铁路|高速公路|运河"
_COUNTED_WORKS = re.compile(rf"((?:[\u4e00-\u9fff]{{2,8}}、)+[\u4e00-\u9fff]{{2,8}})等(?![地国省市城])(?:[\d一二三四五六七八九十两]+(?:座|个|条|处|项))?"
                            rf"[^\W的]{{0,10}}?(?:{_WORK_KINDS})")   # not 北京、上海等10个城市的机场, 芝加哥、纽约等地|主要机场


# A national transfer works named by where it takes from and to: 南水北调, 西电东送, 西气东输, 东数西算;
# or by the province whose power or gas it carries, and where to (川气东送, 疆电外送, 陇电入鲁, 黔电送粤).
_SENDERS = "京津冀沪渝晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵黔云滇藏陕甘陇青宁疆"
TRANSFER = (r"(?:(?:南[\u4e00-\u9fff]北|北[\u4e00-\u9fff]南|东[\u4e00-\u9fff]西|西[\u4e00-\u9fff]东)[调送输算运]"
            rf"|[{_SENDERS}][电气煤](?:入[{_SENDERS}]|送[{_SENDERS}]|[东西南北外]送))")
_TRANSFER = re.compile(TRANSFER)
# One of its lines, and a work on that line: 南水北调东线北延应急供水工程, 西气东输四线天然气管道工程, 川气东送二线.
_TRANSFER_NAME = re.compile(rf"{TRANSFER}(?:(?:[东中西]{{1,2}}|[一二三四五六七八九])线(?:[^\W的和与及等为是在]{{0,10}}?工程)?|工程)?")


def _transfers(s: Sentence) -> list[Mention]:
    """南水北调, 西电东送(工程), 西气东输四线: a work by its grammar, with its line and its 工程 where
    the text writes them."""
    return [Mention("Project", m.group(), s.index, m.start(), m.end(), via="suffix") for m in _TRANSFER_NAME.finditer(s.text)]


# A programme of work the state carries out, named by its goal (实施|大豆和油料产能提升工程, 启动|中华文明探源工程,
# 深入推进|国家黑土地保护工程); kinds of work (实施|重大工程, 生态保护修复等|工程) are counted or ranked.
_PROGRAMME = re.compile(r"(?:实施|启动|推进|开展)((?:国家)?[\u4e00-\u9fff]{4,14}?工程)(?!师|院|局|部|处|中心|学|办公室|总|建设等)")
_NOT_A_PROGRAMME = re.compile(r"重大|重点|标志性|一批|各类|各项|系列|相关|有关|这些|多项|若干|配套|骨干|主体|这项|该|等|的|类|实施|建设。"
                              r"|[一二三四五六七八九十两百千]+[大项个类批期]"
                              # works done on things, which name a kind (生态保护修复工程, 升级改造工程, 抢修类工程)
                              r"|修复|修护|治理|改造|整治|抢修|加固|防洪工程$"
                              # a clause's verb (推进|全民守法作为基础工程)
                              r"|作为|成为|是"
                              # a preposition opens no name (推进|以南水北调工程为…)
                              r"|^(?:以|对|把|在|为|将|向|从|与|和|及|让|使|被|给)")
# Bodies named after a programme, whose name goes on after its 工程 (中国载人航天工程办公室).
_PROGRAMME_BODY = ("师", "院", "局", "部", "处", "中心", "学", "办公室", "总")


def _programmes(s: Sentence) -> list[Mention]:
    """Programmes of work: by their goal after the verb that carries them out, or by a word
    no dictionary knows before 工程, wherever they are written."""
    if "工程" not in s.text:
        return []   # most sentences name none: neither read nor their tokens walked
    out = []
    for m in _PROGRAMME.finditer(s.text):
        if not _NOT_A_PROGRAMME.search(m.group(1)) and not plain_words(m.group(1)[:-2], 1):
            out.append(Mention("Project", m.group(1), s.index, m.start(1), m.end(1), via="suffix"))
    toks = s.tokens
    for k, t in enumerate(toks):
        if t.word != "工程" or k == 0 or s.text.startswith(_PROGRAMME_BODY, t.end) \
                or k + 1 < len(toks) and dictionary_word(t.word + toks[k + 1].word):
            continue   # (严把|工程质量关: works' quality, no programme's 工程)
        first = k - 1   # a programme named by a word no dictionary knows (探月|工程, 中国载人|航天|工程)
        if dictionary_word(toks[first].word) and first >= 2 and toks[first - 1].tag == "vn" \
                and toks[first - 2].word in ("中国", "国"):
            first -= 1   # 中国|载人|航天: the nation's, two words no dictionary joins
        nation = first and toks[first - 1].word in ("中国", "国")
        word = s.text[toks[first].start:t.start]
        if not 2 <= len(word) <= 4 or dictionary_word(word) or toks[first].tag not in ("v", "vn", "n", "nz") \
                or _NOT_A_PROGRAMME.search(word) or divisions().lookup(word) is not None:
            continue
        begin = toks[first - 1].start if nation and toks[first - 1].word == "中国" else toks[first].start
        out.append(Mention("Project", s.text[begin:t.end], s.index, begin, t.end, via="suffix"))
    return out


# A line named by one character of each place it joins (成达万高铁, 合池高铁, 渭武高速, 深中通道):
# two or three characters no dictionary knows as a word, right before the kind of line (an
# average, 人均|铁路里程, joins nothing).
_JOINED_LINES = ("高铁", "铁路", "高速", "城际", "通道")
_NOT_JOINING = set("这那该首两一二三四五六七八九十多每各本新老全普其此")
_NO_JOIN_TAGS = {"TIME", "m", "f", "s", "p", "c", "r", "d", "ad", "vn", "q", "u", "w"}


# A work named after the rank it holds in a larger one (控制性工程刘五店航道桥, 关键性工程池州长江公铁
# 大桥, 重点工程——厦金大桥): the name runs from the rank to the first head of a work.
RANK = r"(?:控制性|关键性|标志性)(?:节点)?工程(?:——)?"   # also read by places
_RANKED_WORK = re.compile(rf"(?:{RANK}|(?:重点|重大)(?:水利)?工程——)"
                          r"([\u4e00-\u9fff]{2,12}?(?:航道桥|特大桥|大桥|隧道|隧洞|水利枢纽|枢纽|水库|水电站|电站|船闸))")


def _ranked_works(s: Sentence) -> list[Mention]:
    return [Mention("Project", m.group(1), s.index, m.start(1), m.end(1), via="suffix") for m in _RANKED_WORK.finditer(s.text)]


# A power line named by its ends and its voltage (陇东送山东±800千伏特高压直流输电工程,
# 白鹤滩至浙江±800千伏特高压直流输电工程, 张北至胜利1000千伏特高压交流工程, 宁夏—湖南±800千伏
# 特高压直流输电线路工程), or by one place and its voltage (青海750千伏输变电工程).
_VOLTAGE = r"(?:±|正负)?\d+千伏(?:特高压)?(?:交流|直流)?(?:输变电|输电)?(?:线路)?(?:[\u4e00-\u9fff]{2,4}跨越)?工程"
_POWER_LINE = re.compile(r"[\u4e00-\u9fff]{2,8}(?:送|至|到|—|－|-)[\u4e00-\u9fff]{2,8}?(?:[（(][^）)]{1,8}[）)])?"
                         + _VOLTAGE)
_PLACES_LINE = re.compile(r"([\u4e00-\u9fff]{2,6}?)" + _VOLTAGE)


def _power_lines(s: Sentence) -> list[Mention]:
    out = []
    for m in _POWER_LINE.finditer(s.text):
        start = m.start() + len(_LINE_LEAD.match(s.text, m.start()).group())
        start += len(_KIND_LEAD.match(s.text, start, m.end()).group())   # 重点工程|白鹤滩电站外送江苏…
        out.append(Mention("Project", s.text[start:m.end()], s.index, start, m.end(), via="suffix"))
    for m in _PLACES_LINE.finditer(s.text):
        # the longest tail of the words before the voltage that is a place (新疆和田, 雄安)
        start = next((k for k in range(m.start(), m.end(1) - 1)
                      if s.text[k:m.end(1)] in divisions().by_form or _chain(s.text[k:m.end(1)])), None)
        if start is not None and not any(o.start <= start < o.end for o in out):
            out.append(Mention("Project", s.text[start:m.end()], s.index, start, m.end(), via="suffix"))
    return out


_KIND_LEAD = re.compile(r"(?:工程|项目)?")
# What may open the match before a line's first end: the clause's words (…工程——, 开工的).
_LINE_LEAD = re.compile(r"[^，。；—]*?(?:——|的|了|是|在|，)?(?=[\u4e00-\u9fff]{2,8}(?:送|至|到|—|－|-))")


def _short_lines(s: Sentence) -> list[Mention]:
    out, toks = [], s.tokens
    for i, t in enumerate(toks):
        line = next((k for k in _JOINED_LINES if t.word.endswith(k) and 2 <= len(t.word) - len(k) <= 3), None)
        inside = None if line or t.tag != "LOC" else \
            next((k for k in _JOINED_LINES if 2 <= t.word.find(k) <= 3 and t.word.find(k) + len(k) < len(t.word)), None)
        if line:
            joined, end = t.word[:-len(line)], t.end
        elif inside:   # 渝昆高铁渝宜|段: the tagger read the line and its section's place as one place
            line = inside
            joined = t.word[:t.word.find(line)]
            end = t.start + len(joined) + len(line)
            sec = _SECTION.match(s.text, end)
            if not (sec and sec.end() == t.end + 1 and sec.group(1)):
                continue
            end = sec.end()
        elif i + 1 < len(toks) and toks[i + 1].word in _JOINED_LINES and 1 <= len(t.word) <= 3:
            joined, line, end = t.word, toks[i + 1].word, toks[i + 1].end
            if len(t.word) == 1:   # 合|池|高铁: two characters the tagger took apart
                if i == 0 or len(toks[i - 1].word) != 1 or toks[i - 1].tag in _NO_JOIN_TAGS:
                    continue
                t = replace(toks[i - 1], word=toks[i - 1].word + t.word)
                joined = t.word
        else:
            continue
        if not re.fullmatch(r"[\u4e00-\u9fff]+", joined) or joined[0] in _NOT_JOINING or t.tag in _NO_JOIN_TAGS \
                or joined.endswith("均") \
                or line == "通道" and t.tag == "v" or dictionary_word(joined) and t.tag not in _PROPER_TAGS \
                or joined in divisions().by_form or is_country(joined) \
                or _EVERY_PLACE.match(s.text, max(0, t.start - 1), end):
            continue   # (县|县通|高速: a goal for every county, no line)
        out.append(Mention("Project", s.text[t.start:end], s.index, t.start, end, via="suffix"))
    return out


def _counted_works(s: Sentence) -> list[Mention]:
    out = []
    for m in _COUNTED_WORKS.finditer(s.text):
        items, pos = [], m.start(1)
        for item in m.group(1).split("、"):
            items.append((item, pos))
            pos += len(item) + 1
        # the first name opens with the word the tagger read before the comma (已建成的|乌东德, 干流|乌东德)
        first, a = items[0]
        # (the tagger reads a work's transcribed name as a person's too: 古贤、黑山峡)
        tags = _PROPER_TAGS + ("PER",)
        lead = next((t for t in s.tokens if t.tag in tags and a <= t.start < a + len(first) <= t.end), None)
        items[0] = (s.text[lead.start:a + len(first)], lead.start) if lead else ("", a)
        proper = lambda a, b: any(t.tag in tags and t.start <= a and t.end >= b for t in s.tokens)
        if not all(len(w) >= 2 for w, _ in items) or sum(proper(a, a + len(w)) for w, a in items) * 2 <= len(items):
            continue
        # places are where the works are (武功、乾县等5个高速公路收费站), not their names
        items = [(w, a) for w, a in items if w not in divisions().by_form]
        if m.group().endswith(("机场", "港口", "码头")):
            # a port or an airport is named after its city: cities listed (杜塞尔多夫、汉堡、科隆等多个机场) name no work
            items = [(w, a) for w, a in items if not any(t.tag == "LOC" and t.start == a and t.end == a + len(w) for t in s.tokens)]
        # lines listed by their initials are named with their kind (京藏、京港澳等主要高速公路: 京港澳高速公路)
        line = next((k for k in ("高速公路", "高铁", "铁路") if m.group().endswith(k)), "")
        if len(items) >= 2:
            out += [Mention("Project", w + line if line and len(w) <= 3 else w, s.index, a, a + len(w), via="suffix")
                    for w, a in items]
    return out


# A work's name holds no 的 and says nothing of where a line does not go (巴中不通高铁,
# 常州部分地区高速公路, 最现代化的工业园); a sports event is no work (男子双向飞碟项目).
# (and its lanes: 双向八车道跨海大桥 describes a bridge;
# and a work's rank among works, which describes it: 西部陆海新通道骨干工程, 全线控制性工程,
# 国家重要能源基地 — the work is named beside it)
_NOT_A_WORK = re.compile(r"的|不通|部分地区|男子|女子|车道"
                         r"|(?:重要|重点|骨干|标志性|控制性|关键性?)[\u4e00-\u9fff]{0,8}(?:工程|项目|基地|枢纽|通道|联络线)$")


def _no_phrases(found: list[Mention]) -> list[Mention]:
    """Phrases that end as names do: a work described, and a body after 的 with a word
    before it (以习近平同志为核心的党中央坚强领导: the tagger's 核心的党中央坚强 is 党中央)."""
    out = []
    for m in found:
        if m.label == "Project" and m.via in ("suffix", "lac") and _NOT_A_WORK.search(m.text):
            continue
        cut = m.text.find("的")
        if m.label == "Organization" and m.via == "lac" and cut >= 2 and dictionary_word(m.text[cut - 2:cut]):
            whole = next((w for w in _WHOLE_NAMES if w in m.text[cut:]), None)
            if whole:
                k = m.text.index(whole, cut)
                out.append(replace(m, text=whole, start=m.start + k, end=m.start + k + len(whole)))
            continue
        out.append(m)
    return out


def _no_body(toks: list[Token], i: int) -> bool:
    """An ORG tag on no organisation: a post (国务委员), or an era's 党 before 的
    (新时代党|的建设, 新征程党|的创新理论: the party of the new era, not a party)."""
    w = toks[i].word
    if ends_with_head(w) == w:
        return True
    if w.isdigit() and (i + 1 < len(toks) and re.match(r"[多余万亿千百个件名吨户辆座度米元人]", toks[i + 1].word)
                        or i and toks[i - 1].word.endswith(("分", "秒", "."))):
        return True   # 360|多件, 2分21秒|360: a quantity or a time, no firm named by its number
    return w.startswith("新") and w.endswith("党") and len(w) <= 4 and i + 1 < len(toks) and toks[i + 1].word == "的"


# 中国人, 中国式, 中国化, 中国特色: a country's name used as an attribute names no place.
_ATTRIBUTE = re.compile(r"人|化|式|特色|风格|气派|梦")


def _attributive(text: str, m: Mention) -> bool:
    if m.label != "District" or not _ATTRIBUTE.match(text, m.end):
        return False
    div = divisions().lookup(m.text)
    return div is not None and div.level == 0


_POLICY_TERMS: re.Pattern | None = None


# Laws, drafts and reports named without 《》, by the grammar of their names: a draft is
# whatever a list item before 草案 names (体育法修订草案, 2022年中央和地方预算草案); a law
# or decision is an item of a list that a session adopts or amends (通过了新修订的体育法、
# 黑土地保护法、关于修改反垄断法的决定); a work report is a body's (最高人民法院工作报告).
_ITEM = r"[^，,。；;：:、“”《》\s]"
_DRAFT = re.compile(rf"(?:(?<=[，,。；;：:、“《])|(?<=审议)|(?<=提请)|(?<=通过)|(?<=关于)|^)({_ITEM}{{2,60}}?(?:（(?:修订|修正)?草案）|(?:修订|修正)?草案(?=[的审修说时和、，,。；;]|$)))")
_ADOPTED = re.compile(r"(?:通过|审议通过|表决通过|修订|修改|颁布|施行|实施|制定出台|制定|出台)(?:了|好)?(?:新修订的|新制定的|修订后的)?")
_LAW_ITEM = re.compile(rf"的?((?:关于)?{_ITEM}{{1,40}}?(?:法|法典|条例|决定|决议))(?=[、，,。；;和及]|$)")
_WORK_REPORT = re.compile(r"((?:政府|(?:(?!在|的|和|长)[\u4e00-\u9fff]){2,14}?(?:法院|检察院|常委会|常务委员会|委员会))工作报告)")


# The verb a list item may start with (会议审议了|…草案), cut off its name.
_LEADING_VERB = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:审议|听取|表决|通过|提请审议|提请|提交|讨论|决定将|将)了?")
_LEADING_AND = re.compile(r"^[和及与]")
# A session's agenda or its list of officers, as drafts, are its procedure, not policies.
_PROCEDURAL = re.compile(r"(?:名单|议程)(?:（草案）|草案)$")


def _laws(s: Sentence) -> list[Mention]:
    out = []
    for m in list(_DRAFT.finditer(s.text)) + list(_WORK_REPORT.finditer(s.text)):
        name, start = m.group(1), m.start(1)
        if m.re is _WORK_REPORT:
            start = _reporting_body(s.tokens, start, m.end(1) - 4)
            name = s.text[start:m.end(1)]
        # 副秘书长信春鹰就…方案草案, 王洪祥分别作的关于…草案: the name starts after them
        lead = max((name.rfind(w) + len(w) for w in ("就", "作的", "对", "提请审议", "提请", "提交", "会议审议", "会议听取",
                                                      "会议通过", "大会通过", "否决", "反对", "谴责", "批评") if w in name),
                   default=0)   # 十四届全国人大常委会第十五次会议审议|民营经济促进法草案, …外长级会议通过|决议草案
        name, start = name[lead:], start + lead
        if lead and name.startswith(("了", "的")):
            name, start = name[1:], start + 1   # 会议审议了|全国人大常委会工作报告, 约旦等国提交的|决议草案
        # …提出了关于学位法草案: the name starts after the last 关于, which it keeps only
        # when a clause follows (关于延长授权…的决定草案)
        about = name.rfind("关于")
        if about >= 0:
            cut = about + 2 if "的" not in name[about:] else about
            name, start = name[cut:], start + cut
        while not name.startswith("关于") and (cut := _LEADING_VERB.match(name) or _LEADING_AND.match(name)):
            name, start = name[cut.end():], start + cut.end()   # 听取|和|审议|…工作报告
        if not name.startswith("关于") and (two := re.search(r"(?:报告|草案)和", name)):
            name, start = name[two.end():], start + two.end()   # 预算报告和|中央预算草案: two documents, the last one here
        if len(name) > 4 and not _PERSONNEL.search(name) and not _REFERENCE.search(name) \
                and not _PROCEDURAL.search(name) \
                and name.count("（") == name.count("）"):
            out.append(Mention("Policy", name, s.index, start, start + len(name), via="book"))
    for m in _ADOPTED.finditer(s.text):
        pos = m.end()
        while True:
            item = _LAW_ITEM.match(s.text, pos)
            if item is None or len(item.group(1)) < 3 or _PERSONNEL.search(item.group(1)) \
                    or _REFERENCE.search(item.group(1)):
                break
            out.append(Mention("Policy", item.group(1), s.index, item.start(1), item.end(1), via="book"))
            pos = item.end()
            if not s.text.startswith(("、", "和", "及"), pos):
                break
            pos += 1
    return out


def _reporting_body(toks: list[Token], start: int, end: int) -> int:
    """Where the body of a work report begins: at a word of the tagger, after the last
    verb, particle, place word or name before the report (汪洋将作|全国政协常委会工作报告,
    审|议中国民主建国会…, 被写入|最高人民法院工作报告, 会议上作|常委会工作报告), and at the
    start of a word the match began inside (写入|福建省政府工作报告)."""
    begin = start
    for t in toks:
        if t.end <= start or t.start >= end:
            continue
        if t.tag in ("v", "p", "d", "f", "u", "PER", "nr", "w"):
            begin = max(begin, t.end)
        elif t.start < start:
            begin = t.start   # 写入|福建省政府工作报告: the word the match cut is the body's
    return begin


_PERSONNEL = re.compile(r"任命|免去|任免|辞去|职务|请辞|撤销.{0,30}资格|罢免|补选|接受.{0,20}辞")
# 有关决定草案, 相关决议草案, 委员会提出的…草案, 审议结果报告和草案: a draft referred to, not named.
# 关于上述报告的2个决议草案, 工作报告的六个决议草案, 各项决议: drafts counted, each named elsewhere;
# …将在16日审议该草案: the draft the news named before.
_REFERENCE = re.compile(r"有关|相关(?:决议|决定)?草案|提出的|[和及]草案|^[该此这]|[该此这本]草案|上述|[\d一二两三四五六七八九十各多]+[个件项部份]")


def _national_policies(s: Sentence) -> list[Mention]:
    """Named national strategies and formulas (lexicons/national_policies.txt)."""
    global _POLICY_TERMS
    if _POLICY_TERMS is None:
        _POLICY_TERMS = re.compile("|".join(re.escape(t) for t in read_list("national_policies.txt")))
    found = [Mention("Policy", m.group(), s.index, m.start(), m.end(), via="book") for m in _POLICY_TERMS.finditer(s.text)]
    # a leader's named thought or body of remarks (习近平生态文明思想, 习近平总书记关于…的重要论述)
    found += [Mention("Policy", m.group(), s.index, m.start(), m.end(), via="book") for m in _THOUGHT.finditer(s.text)]
    # a five-year plan by its short name, wherever the text dates by it (“十四五”时期, 十四五期间)
    return found + [Mention("Policy", m.group(m.lastindex), s.index, m.start(m.lastindex), m.end(m.lastindex), via="book")
                    for m in _FIVE_YEAR.finditer(s.text)]


_THOUGHT = re.compile(r"习近平(?:总书记)?关于[^，,。；;、“”《》]{2,30}?的重要(?:思想|论述)|习近平(?:总书记)?关于[^，,。；;、“”《》]{2,20}?战略思想"
                      r"|习近平(?!新时代)[\u4e00-\u9fff]{2,4}?思想")
PLAN = r"十[一二三四五六七八九]五"   # a five-year plan's short name, also read by resolve
_FIVE_YEAR = re.compile(rf"(?<!《)“({PLAN})”|(?<![第〇零一二三四五六七八九十])({PLAN})(?=规划|时期|期间|以来)")


# 党的十八大, 党的十九届四中全会, 市委五届八次全会: congresses and plenums by their numbers.
def _other_bodys(s: Sentence, start: int) -> bool:
    """Does a body other than the Party end right before a congress's short name: a
    party (越共, 统俄党, the tagger's one word with its 党), a league or a federation
    (全国学联, 共青团)? 喜迎党|二十大 is the Party's."""
    if not start or s.text[start - 1] not in "党共联盟团":
        return False
    # before 党, a verb (喜迎, 庆祝) greets the Party's congress; a name (统俄) is another party's
    return s.text[start - 1] != "党" or not (s.text[start - 2:start - 1] in ("迎", "向", "庆", "")
                                             or common_tag(s.text[max(0, start - 3):start - 1]) in ("v", "vn"))


def _congresses(s: Sentence) -> list[Mention]:
    """Numbered congresses and sessions; a part a session holds (十三届全国人大五次会议…举行
    预备会议) is named with the session's name."""
    out = []
    for m in MEETING.finditer(s.text):
        if m.group("congress") and not m.group("congress_party") and m.group("congress_n1") and m.start() \
                and "\u4e00" <= s.text[m.start() - 1] <= "\u9fff":
            continue   # 中国工商业联合会第十三次全国代表大会: another body's congress, named by its ending
        if m.group("congress_n2") and not m.group("congress_party") and _other_bodys(s, m.start()):
            # 越共十四大, 统俄党二十二大, 全国学联二十八大: another party's or body's congress, named by it
            body = next((t for t in s.tokens if t.end == m.start() and len(t.word) >= 2 and t.tag in ("ORG", "nz", "j")), None)
            if body is not None:
                out.append(Mention("Meeting", body.word + m.group(), s.index, body.start, m.end(), via="congress"))
            continue
        session = len(out)
        out.append(Mention("Meeting", m.group(), s.index, m.start(), m.end(), via="congress"))
        part = _SESSION_PART.match(s.text, m.end())
        # a congress's sittings are named (…一次会议第四次全体会议); a standing committee's
        # session is one meeting whatever sittings it holds
        standing = m.group("npc_sc") or m.group("cppcc_sc1") or m.group("cppcc_sc2")
        if part and (m.group("npc") or m.group("cppcc")) and not standing:
            out.append(Mention("Meeting", m.group() + part.group(1), s.index, part.start(1), part.end(1), via="congress"))
        if (m.group("npc") or m.group("cppcc")) and not standing and s.text.startswith("主席团", m.end()) \
                and not _PRESIDIUM.match(s.text, m.end()):
            # 选举产生了十四届全国人大三次会议主席团: the session's presidium, a body
            out.append(Mention("Organization", m.group() + "主席团", s.index, m.start(), m.end() + 3, via="congress"))
        presidium = _PRESIDIUM.match(s.text, m.end())
        if presidium and (m.group("npc") or m.group("cppcc") or m.group("congress")) and not standing:
            # 十四届全国人大三次会议主席团常务主席第一次会议, …主席团10日在北京举行第三次会议:
            # a meeting of the session's presidium
            name = m.group() + presidium.group(1) + presidium.group(2)
            if presidium.start(2) == presidium.end(1):
                out[session] = Mention("Meeting", name, s.index, m.start(), presidium.end(), via="congress")
            else:
                out.append(Mention("Meeting", name, s.index, presidium.start(2), presidium.end(2), via="congress"))
    # 中共中央政治局7月24日召开会议: the body's meeting, named by the body
    for m in _BODY_MEETS.finditer(s.text):
        out.append(Mention("Meeting", m.group(1) + "会议", s.index, m.start(2), m.end(2), via="congress"))
    # 二十届二中、三中全会: plenums of one term listed with one head
    for m in _PLENUMS.finditer(s.text):
        term, pos = m.group(1), m.start(2)
        for k in m.group(2).split("、"):
            out.append(Mention("Meeting", f"{term}届{k}全会", s.index, pos, pos + len(k), via="congress"))
            pos += len(k) + 1
    # 第52次、第53次委员长会议: sittings listed with one head
    # (中央第六次、第七次西藏工作座谈会: each with the word before the first)
    for m in _SITTINGS.finditer(s.text):
        lead, head, pos = m.group(1) or "", m.group(3), m.start(2)
        if not lead and head == "全体会议":
            continue   # 举行第一次、第二次全体会议: sittings of the session the text holds (as one sitting alone)
        sittings = m.group(2).split("、")
        for n, k in enumerate(sittings):
            last = n == len(sittings) - 1
            end = m.end() if last else pos + len(k)
            out.append(Mention("Meeting", lead + k + head, s.index, m.start() if not n else pos, end, via="congress"))
            pos += len(k) + 1
    return out


_SITTINGS = re.compile(r"(中央|全国)?((?:第[\d一二三四五六七八九十百]+次、)+第[\d一二三四五六七八九十百]+次)"
                       r"([\u4e00-\u9fff]{0,8}?(?:会议|座谈会))")
_BODY_MEETS = re.compile(r"((?:中共)?中央政治局(?:常务委员会)?)[^，,。；;]{0,12}?召开了?(会议)")
_PLENUMS = re.compile(r"([一二三四五六七八九十]{2,3})届((?:[一二三四五六七八九十]{1,2}中、)+[一二三四五六七八九十]{1,2}中)全会")


_PRESIDIUM = re.compile(r"(主席团(?:常务主席)?)(?:[^，,。；;]{0,24}?举行了?)?(第[一二三四五六七八九十]{1,3}次会议)")
_SESSION_PART = re.compile(r"[^，,。；;]{0,24}?举行(?:了)?(预备会议|第[一二三四五六七八九十]{1,3}次全体会议|闭幕会|开幕会|记者会|新闻发布会)")


# 龙凤桥街道燎原社区, 水土街道大地村党委书记, 天生街道奔月路社区居委会: a village or
# community written after its street or town, whatever LAC made of its name.
_SUB_PLACE = re.compile(r"(?:街道|镇|乡)(?![到至从和与及在赴])([\u4e00-\u9fff]{2,6}?(?:社区|村))(?!民|庄|子|落|级)")
# (春华镇|到|益阳清溪村: a way from one place to another, no village of the town)


# 静安区江宁路街道, 荣昌区万灵镇: a street or town written after its county.
_TOWN = re.compile(r"(?<=[区县市旗])[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡)")


def _places_below_county(s: Sentence) -> list[Mention]:
    out = []
    for m in _SUB_PLACE.finditer(s.text):
        name = _innermost_place(m.group(1))
        if name and _clause_place(name, [t for t in s.tokens if m.start(1) <= t.start and t.end <= m.end(1)]):
            continue
        if name and not name.startswith(("各", "全", "该", "本", "我")):
            start = m.end(1) - len(name)
            out.append(Mention("District", name, s.index, start, m.end(1), via="suffix"))
    for m in _TOWN.finditer(s.text):
        n = 2 if m.group().endswith("街道") else 1
        first, ending = (s.tokens[k] if (k := _token_at(s.tokens, at)) is not None else None for at in (m.start(), m.end() - n))
        if first is not None and first.tag in ("v", "p", "c", "d", "u", "r") \
                or ending is not None and ending.end > m.end() and common_word(ending.word[:n + 1]):
            continue   # 泸定县到|磨西镇: a verb or a preposition after the county; 德安县依托|乡镇党校: a word's start
        if _county_before(s.text, m.start()) and not any(w in m.group() for w in read_list("generic_place_parts.txt")) \
                and not m.group().startswith(tuple(read_list("generic_modifiers.txt"))):
            out.append(Mention("District", m.group(), s.index, m.start(), m.end(), via="suffix"))
    return out


def _county_before(text: str, end: int) -> bool:
    """Does a county- or city-level division with its suffix end at ``end``?"""
    forms = divisions().by_form
    return any(div.level >= 2 and div.name == text[end - n:end]
               for n in range(min(end, 10), 1, -1) for div in forms.get(text[end - n:end], ()))


_BELOW_COUNTY = ("街道", "镇", "乡", "村", "社区")
_SIDE = re.compile(r"(?<=[省州市县区邦])(?:[东西南北中]|东北|东南|西北|西南)部$")
_INNER_PLACE = re.compile(r"^.*?(?:街道|镇|乡|高新区|开发区)(?=.{2,}(?:社区|村)$)")


def _innermost_place(name: str, outer=None) -> str | None:
    """天生街道西南大学南社区 → 西南大学南社区 (the street is a mention of its own);
    郴州市汝城县沙洲瑶族村 → 沙洲瑶族村; 河北雄安新区 → 雄安新区; 黑龙江尚志龙王庙村 →
    龙王庙村 (also where LAC cut 黑龙江 off: ``outer`` is the division written just
    before); 区天生街道 (from 我区天生街道) → 天生街道."""
    name = _INNER_PLACE.sub("", name)
    d = divisions()
    stripped = True
    while stripped:
        stripped = False
        for n in range(min(12, len(name) - 3), 1, -1):
            if name[:n] in d.by_form and (name[:n].endswith(_LEVEL_ENDINGS) or _within_at(name, n, d.lookup(name[:n]))
                                          or outer is not None and _within_at(name, 0, outer) == n):
                outer = d.lookup(name[:n], {outer.code} if outer else set())
                name, stripped = name[n:], True
                break
    if name[:1] in "区市县":
        name = name[1:]   # 我区社区 names no 区社区
    k = _city_before(name, d)
    if k and name[k:k + 1] in "区市县" and d.lookup(name[:k + 1]) is not None:
        k += 1   # 桐乡市|乌镇: the city's level is its own, no part of the town's name
    name = name[k:]
    return name if len(name) >= 3 else None


def _clause_place(name: str, words: list[Token]) -> bool:
    """Does a long name ending as a place's hold a verb of the language (发展成为|小康村)?
    Then it is a clause; short names may (团结村, 建设路社区)."""
    return len(name) >= 6 and any(k.tag == "v" and len(k.word) >= 2 and common_word(k.word) for k in words)


def _city_cut(whole: str, inner: str | None, s: Sentence, end: int) -> list[Mention]:
    """The city's bare name that _innermost_place cut from before a place (沈阳|北市社区),
    as a mention of its own: no other rule finds it, LAC having read the two as one."""
    city = whole[:len(whole) - len(inner)] if inner and whole.endswith(inner) else ""
    if city and not city.endswith(_LEVEL_ENDINGS) and divisions().lookup(city) is not None:
        at = end - len(whole)
        return [Mention("District", city, s.index, at, at + len(city), via="lac")]
    return []


def _city_before(name: str, d) -> int:
    """Length of a city's bare name written before a community, street, town or village
    whose own name keeps two characters or more: 沈阳|北市社区, 天津|朝阳里社区, 山南|克松社区
    (the city is a mention of its own); a province's or a county's before a village or a
    town (福建|官洋村). A province's before a community (山西北里社区) may be the place's own,
    and so may any before too short a rest (天津路社区)."""
    ending = next((e for e in _BELOW_COUNTY if name.endswith(e)), "")
    for n in (3, 2):
        div = d.lookup(name[:n]) if len(name) - n - len(ending) >= 2 else None
        if div is None or div.name == name[:n]:
            continue
        municipality = div.level == 1 and div.name.endswith("市")   # 天津, 上海: a city of a province's rank
        if div.level == 2 or municipality or ending in ("村", "镇", "乡") and div.level in (1, 3):
            return n   # 福建|官洋村, 东山|澳角村: a province or a county before a village or a town
    return 0


def _divisions_in(s: Sentence) -> list[Mention]:
    """Every form of the division table written in the sentence, longest first.

    A form with its level suffix (沙坪坝区, 怒江州, 和田地区) counts wherever it starts a
    word LAC made, or anywhere when it has four characters or more (中共沙坪坝区委党校);
    a bare short form (北碚, 石柱) only where LAC reads a place name or a verb of
    motion leads to it (亲临石柱视察), so that 乡村振兴 gives no 振兴区. Divisions
    written one inside the other (广东湛江, 上海静安区, 河北雄安新区) count whatever LAC
    made of them."""
    forms, out = divisions().by_form, []
    heads = _form_heads(forms)
    common = read_set("common_division_names.txt")
    starts = {t.start: t for t in s.tokens}
    ends = {t.end: t for t in s.tokens}
    text, i, outer = s.text, 0, None
    while i < len(text):
        hit = _within_at(text, i, outer, s.tokens) if outer else 0
        # no form starts here unless one starts with these two characters
        for n in range(min(12, len(text) - i) if not hit and text[i:i + 2] in heads else 0, 1, -1):
            form = text[i:i + n]
            if form not in forms or form in common:
                continue
            suffixed = _with_level(form)
            tok = starts.get(i)
            if suffixed and (n >= 4 or tok is not None):
                hit = n
            elif tok is not None and tok.word == form and (tok.tag == "LOC" or _led_to(s, tok)) \
                    and not (i in ends and _word_ends_in(ends[i], tok)):
                hit = n
            elif tok is not None and tok.tag == "LOC" and tok.word.startswith(form) and tok.word not in forms \
                    and getattr(divisions().lookup(form), "level", 9) <= 1:
                hit = n   # 北京人民大会堂: a landmark LAC read as one place, in its province or country
            elif tok is not None and tok.tag == "ORG" and tok.word.startswith(form) and _chain(tok.word):
                hit = n   # 四川南充 read as a body: places one inside the other
            elif _within_at(text, i + n, divisions().lookup(form), s.tokens):
                hit = n
            if hit:
                break
        if hit and (_feature_of(text[i:i + hit], text, i + hit) or text.startswith("时间", i + hit)):
            hit = 0   # (北京|时间: a clock)
        if hit > 2 and text[i + hit - 1] == "国" and text[i:i + hit - 1] in forms and common_word(text[i + hit - 1:i + hit + 1]):
            hit -= 1   # 朝鲜|国防省: the country, and 国 begins the next word
        if hit:
            out.append(Mention("District", text[i:i + hit], s.index, i, i + hit, via="division"))
            outer = divisions().lookup(text[i:i + hit], {outer.code} if outer else set())
            i += hit
        else:
            outer = None
            i += 1
    return out


_CULTURE_OR_FEATURE = re.compile(r"文化|湾|水乡|盆地|丝竹|平原|草原|之畔|之滨")
_SITE_AFTER = re.compile(r"大墓|古墓|墓地|墓葬|遗址|古城遗址")


def _feature_of(form: str, text: str, end: int) -> bool:
    """Is a county's bare name the start of a culture's or a natural feature's (红山文化,
    江南水乡, 崖州湾)? A province's or a city's (四川盆地, 深圳湾) still places it."""
    if not _CULTURE_OR_FEATURE.match(text, end):
        return False
    div = divisions().lookup(form)
    return div is not None and div.level >= 3 and div.name != form


def _word_ends_in(before: Token, place: Token) -> bool:
    """Is the place the end of a word of the language, a one-character word before it
    its start (入|海口 of 入海口)?"""
    return len(before.word) == 1 and before.end == place.start and before.tag not in ("LOC", "ORG") \
        and dictionary_word(before.word + place.word)


def _within_at(text: str, i: int, outer, tokens: list[Token] = ()) -> int:
    """Length of the longest division form at ``i`` that lies in ``outer`` (湛江 after
    广东), or 0. With the sentence's tokens, a bare short form must be a word that is
    no verb (辽宁振兴 names no 振兴区), and after a country a place's word (我国资源 names no 资源县)."""
    if outer is None:
        return 0
    for n, _ in divisions().within_at(text, i, outer.code):
        if not tokens or text[i:i + n].endswith(_LEVEL_ENDINGS):
            return n
        if outer.level == 0 and not any(t.start == i and t.end == i + n and t.tag == "LOC" for t in tokens):
            continue   # after the country a noun is no county (我国|资源|循环利用: no 资源县)
        if _place_word(tokens, i, i + n):
            return n
    return 0


def _chain(word: str) -> bool:
    """Is the word divisions written one inside the other (河北雄安新区, 广东湛江)? Each
    is then a mention of its own."""
    forms, d = divisions().by_form, divisions()
    for n in range(min(12, len(word) - 2), 1, -1):
        if word[:n] in forms:
            rest = _within_at(word, n, d.lookup(word[:n]))
            if rest and (n + rest == len(word) or _chain(word[n:])):
                return True
    return False


def _place_word(tokens: list[Token], start: int, end: int) -> bool:
    """Is text[start:end] a word of its own, the end of a place name LAC read whole
    (广东湛江/LOC), or the start of a village LAC read with its county?"""
    for t in tokens:
        if t.start == start and t.end == end:
            return not t.tag.startswith(("v", "a", "d"))
        if t.start < start and t.end == end:
            return t.tag == "LOC" or t.tag == "ORG" and _chain(t.word)
        if t.start == start and t.tag == "LOC" and t.word.endswith(_BELOW_COUNTY):
            return True   # 尚志 of 尚志龙王庙村
    return False


_LEVEL_ENDINGS = ("省", "市", "区", "县", "州", "盟", "旗", "地区")


def _with_level(form: str) -> bool:
    """Is the form a division's name with its level (沙坪坝区, 怒江州, 陈巴尔虎旗, and the old
    prefectures' cities, 杭州)? A short form that ends as a level does is none (红旗 of 红旗区, in
    红旗渠)."""
    if not form.endswith(_LEVEL_ENDINGS) or form not in divisions().by_form:
        return False
    div = divisions().lookup(form)   # (None where the form names several: 西湖区)
    return div is None or div.name.endswith(form[-1]) or form.endswith("州")


_HEADS: dict = {}


def _form_heads(forms) -> set:
    """The first two characters of every form of the division table."""
    hit = _HEADS.get(id(forms))
    if hit is None or hit[0] is not forms:
        hit = _HEADS[id(forms)] = (forms, {f[:2] for f in forms if len(f) >= 2})
    return hit[1]
_MOTION_VERBS = {"在", "到", "赴", "来", "亲临", "来到", "前往", "走进", "深入", "回到", "抵达", "离开",
                 "位于", "地处", "起于", "止于", "途经", "经"}


def _led_to(s: Sentence, tok: Token) -> bool:
    k = s.tokens.index(tok)
    before = s.tokens[k - 1].word if k else ""
    after = s.tokens[k + 1].word if k + 1 < len(s.tokens) else ""
    if tok.tag in ("v", "vn", "a", "ad", "d"):
        return False   # 深入|合作, 深入|友好|交流: a verb or an adjective, not a place
    return before in _MOTION_VERBS or after in ("视察", "调研", "考察")


def _generic_words() -> frozenset:
    return read_set("generic_names.txt")


@lru_cache(maxsize=None)
def _generic_from(word: str) -> tuple[str, ...]:
    """The generic names that start with ``word``."""
    return tuple(g for g in _generic_words() if g.startswith(word))


_LAST_CHARS: dict[int, frozenset] = {}


def _last_chars(table: dict[str, str]) -> frozenset:
    """The characters endings end with (the suffix table is made once per process)."""
    got = _LAST_CHARS.get(id(table))
    if got is None:
        got = _LAST_CHARS[id(table)] = frozenset(k[-1] for k in table)
    return got


def _work_ending(word: str, table: dict[str, str]) -> bool:
    return any(table.get(word[-n:]) == "Project" for n in range(2, min(len(word), 8) + 1))


def _with_word_before(toks: list[Token], i: int) -> str:
    """Token ``i``, and the word before when the token is a word of two characters or more
    (经济|走廊: 经济走廊)."""
    t = toks[i]
    return (toks[i - 1].word + t.word) if i and len(t.word) >= 2 else t.word


def _ending(toks: list[Token], i: int, table: dict[str, str]) -> tuple[str | None, str]:
    """Does a name end with token ``i``? A one-character ending (局, 办, 村) must be a
    token of its own or close a name LAC tagged; longer ones may close any token, or
    span the token and its predecessor (电视电话 | 会)."""
    t = toks[i]
    if t.word[-1:] not in _last_chars(table):
        return None, ""   # every ending looked up below ends with the token's last character
    if len(t.word) == 1 and i >= 2 and toks[i - 1].end == t.start and toks[i - 1].tag in ("vn", "v", "n") \
            and toks[i - 2].tag in ("n", "nz", "LOC", "ORG", "a"):
        joined = toks[i - 1].word + t.word   # 示范|区, 试验|区: a zone's ending cut before its last character,
        # after a word of its name (not 都是|合作|区: the zone spoken of)
        zone = next((joined[-n:] for n in range(min(len(joined), 8), 2, -1) if table.get(joined[-n:]) == "Project"), None)
        if zone:
            return "Project", zone
    if i + 1 < len(toks) and toks[i + 1].tag in ("n", "vn", "nz") and toks[i + 1].word in table \
            and not (toks[i + 1].word == "建设" and _work_ending(_with_word_before(toks, i), table)):
        return None, ""   # the name goes on (…项目 管理委员会), not a work's 建设 (三江源国家公园|建设, 经济|走廊|建设)
    if i and len(t.word) >= 2 and t.word in table:
        joined = toks[i - 1].word + t.word
        longer = next((joined[-n:] for n in range(min(len(joined), 8), len(t.word), -1) if joined[-n:] in table), None)
        if longer and table.get(t.word) and table[longer] != table[t.word]:
            return table[longer], longer   # 重庆分|中心 is a 分中心
    if t.word.endswith("大会") and i + 1 < len(toks) and toks[i + 1].word == "发言":
        return None, ""   # 进行大会发言: a speech to the plenary, no meeting's name
    for n in range(min(len(t.word), 8), 0, -1):
        label = table.get(t.word[-n:])
        if not label:
            continue
        if t.word[-n:] == "部" and len(t.word) >= 2 and t.word[-2] in "东西南北中内外全":
            continue   # 中国西部: a direction
        # a one-character ending closes a word of three or more (展示馆, 派出所), never a
        # two-character word (全部, 大局, 住院)
        whole = t.tag in ("n", "nz", "ORG", "LOC", "j") and (n == len(t.word) or len(t.word) >= 3) \
            and t.word not in _generic_words() or n == len(t.word) == 1 and i and toks[i - 1].tag == "ORG"
        # an ending inside a verb is no name (出席会议, 对照全会)
        # 服务中心 tagged as a verbal noun still ends with 中心
        noun = not t.tag.startswith("v") or t.tag == "vn" and n < len(t.word) \
            or n == len(t.word) >= 3 and label in ("Meeting", "Project") \
            or label == "Policy" and t.tag == "vn" and _noun_place(toks, i)   # 务虚会, …国土空间|规划、 tagged verbs
        if label and (n >= 2 and noun or whole or t.tag in ("ORG", "LOC", "nz")):
            return label, t.word[-n:]
    if i:
        joined = toks[i - 1].word + t.word
        for n in range(min(len(joined), 8), len(t.word), -1):
            label = table.get(joined[-n:])
            if label and n >= 2:
                return label, joined[-n:]
    if i >= 2:   # 开|站|活动: a meeting's ending the tagger cut in three
        joined = toks[i - 2].word + toks[i - 1].word + t.word
        if len(joined) <= 8 and table.get(joined) == "Meeting":
            return "Meeting", joined
    return None, ""


def _mourned(toks: list[Token], j: int, i: int) -> bool:
    """Is token ``j - 1`` a name or its 同志 before the words of a mourning (追悼大会)?"""
    rest = "".join(t.word for t in toks[j:i + 1])
    p = toks[j - 1]
    return (p.word == "同志" and j >= 2 and toks[j - 2].tag == "PER" or p.tag == "PER" and rest.startswith("同志")) \
        and rest.removeprefix("同志").startswith(("追悼", "遗体告别"))


def _extend_left(toks: list[Token], i: int, boundary: set[str], strict: str = "") -> int:
    """Index of the first token of the name ending at token ``i``."""
    # a bracket closed inside the ending word (（重庆）汽车电子有限公司) is opened before it
    j, depth = i, max(0, sum(toks[i].word.count(c) for c in "）)") - sum(toks[i].word.count(c) for c in "（("))
    while j > 0 and i - j < 14:
        p = toks[j - 1]
        if p.word in "区市县省国" and j >= 2 and toks[j - 2].word in ("我", "本"):
            break   # 我区|天生街道…居委会, 我国|社会主义制度: the home is no part of the name
        if p.word in _CLOSE:
            depth += 1
        elif p.word in _OPEN:
            if depth == 0:
                break
            depth -= 1
        elif strict == "Meeting" and toks[i].word.endswith(_HELD_WHERE) and p.tag not in ("LOC", "m", "n", "nz", "j") \
                and not (p.tag == "TIME" and re.fullmatch(r"\d{4}年", p.word)):
            break   # an event named by its year, number and place only (备战|米兰冬奥会, 提交|全国两会)
        elif strict == "Meeting" and re.fullmatch(r"[一二三四五六七八九十]{2,3}届|\d+周年", p.word):
            pass   # 十四届全国人大二次会议, 建军95周年大会
        elif strict == "Meeting" and p.word in ("和", "与", "及") and depth == 0:
            if not (j >= 2 and toks[j - 2].tag == toks[j].tag == "vn" or _two_words_joined(toks, j, i)
                    or j >= 2 and toks[j - 2].word == "中央" and toks[j].word.startswith("国家机关")
                    or j >= 2 and _two_sides(toks, j)):
                break   # 重要讲话和|全会: two things, not one meeting's name
            # 高质量建设和发展座谈会, 全国卫生与健康大会, 中央和国家机关…会议: a topic of two parts
        elif strict == "Organization" and depth == 0 and p.tag == "ORG" and p.word[-1] in "和与及" \
                and _has_org_ending(p.word[:-1]):
            break   # 国家发展改革委和|国家能源局: the tagger glued the conjunction to the first of two bodies
        elif strict == "Organization" and p.word == "与" and depth == 0 and j >= 2 and toks[j - 2].tag == "ORG" \
                and toks[j].tag in ("ORG", "n", "nz") and not _has_org_ending(toks[j - 2].word) \
                and not is_country(toks[j - 2].word) \
                and (toks[j - 2].word[-1] not in "会联协社盟" or "".join(t.word for t in toks[j:i + 1]).endswith("联合会")):
            pass   # 联大裁军|与|国际安全委员会: one body of two fields the tagger parted, 红十字会|与|红新月会国际联合会: a
            # federation of both (中国贸促会|与|巴中企业家委员会: two bodies)
        elif strict == "Organization" and p.word == "和" and depth == 0 and j >= 2 \
                and (toks[j].tag in ("n", "nz") or toks[j].tag in ("vn", "ORG") and toks[j - 2].tag == "ORG"
                     and toks[j - 2].word[-1] not in _BODY_CHARACTERS and common_tag(toks[j - 2].word[-2:]) == "n") \
                and (j < i or toks[j].word not in read_list("org_suffixes.txt")) \
                and toks[j - 2].tag in ("n", "nz", "ORG") and not toks[j - 2].word.endswith("中央") \
                and not _has_org_ending(toks[j - 2].word) and not _has_org_ending(toks[j].word[:-1] or "x"):
            pass   # 中央党史和文献研究院: one body of two fields (not 统战部和…, 越共中央和…, two bodies, nor …和|政府),
            # also where the tagger read each field as a name (中共中央党史|和|文献研究院, 陕西省工业|和|信息化厅)
        elif strict == "Organization" and depth == 0 and (
                j < i and toks[j].tag in ("PER", "ORG") and len(p.word) >= 2 and ends_with_head(p.word) == p.word
                or j == i and p.tag in ("n", "vn") and _country_led(toks[i].word)):
            break   # 德国总理|朔尔茨和法国政府: a post ends who holds it, not a body's name;
            # 项目业主|中国雅江集团: a body the tagger read whole from its country opens there
        elif strict == "Project" and (p.tag == "PER" and toks[j].tag in ("a", "n", "vn", "nz")
                                      or p.tag == "f" and re.fullmatch(r"[东西南北中]{1,2}部?", p.word)):
            pass   # 西部|陆海|新通道: a work's name the tagger read as a person's, after its region
        elif strict == "Policy" and depth == 0 and p.word in ("和", "与") and j >= 2 \
                and is_country(toks[j - 2].word) and is_country(toks[j].word) \
                and not any(t.tag in ("LOC", "ORG", "nz", "PER") for t in toks[j + 1:i + 1]):
            pass   # 黎巴嫩|和|以色列停火协议: an agreement named by both its parties and its kind alone
        elif strict == "Meeting" and p.tag == "v" and p.word.endswith(("于", "着")):
            break   # 节目立足于|延安文艺座谈会: a verb and its preposition open no topic
        elif strict == "Meeting" and p.tag == "vd" and toks[j].tag in ("v", "vn"):
            pass   # …项目联合|协调|理事会: a verb as the adverb of a name's verb
        elif strict == "Meeting" and p.tag == "n" and ends_with_head(toks[j].word) == toks[j].word:
            pass   # 全国组织|部长会议: a noun before a post is the post's (组织部长), no verb
        elif strict == "Meeting" and p.word == "的" and j >= 2 and toks[j - 2].word.endswith("党") \
                and toks[j].word in ("工作", "建设", "领导"):
            pass   # 中央和国家机关党的工作暨纪检工作会议: the party's work, one phrase of the name
        elif strict == "Meeting" and _mourned(toks, j, i):
            pass   # 江泽民|同志|追悼大会: a mourning named by whom it mourns
        elif strict == "Meeting" and depth == 0 and p.word == "暨":
            pass   # …党的工作暨纪检工作会议: one meeting of two parts
        elif depth == 0 and (_ends_name(p, boundary) or strict in _STRICT_TAGS and p.tag not in _STRICT_TAGS[strict]
                             and not (p.tag == "TIME" and re.fullmatch(r"\d{4}年", p.word))) \
                and not _inner_verb(toks, j - 1, boundary, strict):
            break
        j -= 1
    while strict in ("Organization", "Project", "Policy") and j < i and (
            toks[j].tag == "v" and not _verb_object(toks, j)
            or len(toks[j].word) == 1 and toks[j].tag in ("a", "ad", "d") and j and toks[j - 1].tag == "v"):
        j += 1   # a name starts with no verb (助力|政府, 引导|大型银行), nor its complement (建设|好|中泰铁路)
    while strict == "Meeting" and j < i and (toks[j].tag in ("a", "d", "p", "c", "r", "u", "s") and toks[j].word != "各"
                                              and not dictionary_word(toks[j].word + toks[j + 1].word)
                                              or toks[j].word in _NO_TOPIC
                                              or toks[j].tag == "v" and toks[i].word.endswith(_EVENTS)
                                              and not _ACT_AND_NAME.fullmatch(toks[j].word)):
        j += 1   # a meeting's topic opens with no adverb, preposition or copula (也是|亚运会, 往届|奥运会),
        # unless it begins a word with the next one (高|级别…会议);
        # an event is named by no verb (确保|天津峰会, 建议|联合国大会), a meeting on a topic may be (推进…座谈会),
        # but a verb the tagger glued to the name's first word stays, to be cut as the clause's act
    return j


# A word made a quality by its last character (国家级, 股份制, 普惠性, 新型) says what kind a body is
_QUALITY_KIND = re.compile(r"[\u4e00-\u9fff]{1,3}[级制性型]")


def _kind_of_body(name: str) -> bool:
    """国家级美术馆, 股份制银行, 普惠性幼儿园: a kind of body, named by its rank, form or character."""
    kind = _QUALITY_KIND.match(name)
    return kind is not None and dictionary_word(name[kind.end():]) and divisions().lookup(kind.group()[:-1]) is None


def _two_sides(toks: list[Token], j: int) -> bool:
    """拉美|和|加勒比|国家共同体…峰会, 中国共产党|与|世界…政党论坛: two regions whose states meet, or
    a party or a state and the world's, are the meeting's one name."""
    a, b = toks[j - 2], toks[j]
    after = toks[j + 1].word if j + 1 < len(toks) else ""
    return a.tag == b.tag == "LOC" and after.startswith(("国家", "地区")) \
        or a.tag in ("ORG", "LOC") and b.word in ("世界", "全球")


def _country_led(word: str) -> bool:
    """中国雅江集团: a body's name that opens with a country's."""
    return _has_org_ending(word) and any(is_country(word[:k]) for k in range(2, min(len(word) - 1, 6)))


def _two_words_joined(toks: list[Token], j: int, i: int) -> bool:
    """全国卫生|与|健康大会: two words of the language joined before a meeting's head are one
    topic, unless the first is what is said or written (思想和|全国…大会) or the second opens
    who meets (全国) or is the head itself."""
    a, b = (toks[j - 2], toks[j]) if j >= 2 else (None, None)
    return a is not None and j < i and a.tag in ("n", "vn", "an") and b.tag in ("n", "vn", "an") \
        and len(a.word) == len(b.word) == 2 and not _ending(toks, j - 2, suffix_table())[0] \
        and b.word not in _SCOPE and a.word not in _SAID_OR_WRITTEN


# 主办二十国集团: one token of the tagger's, a verb that takes a meeting and the name's first word
_ACT_AND_NAME = re.compile(r"(?:主办|出席|参加|举办|召开)[\u4e00-\u9fff]{2,}")
# Verbs of learning or following, whose object a meeting is (领会|全会精神, 收看|大会)
_TAKES_IN = re.compile(r"(?:领会|把握|学习|宣传|贯彻|宣讲|理解|收听|收看|落实|传达|研读|聆听|观看|解读|阐释)$")


def _object_of_clause(toks: list[Token], i: int) -> bool:
    """A meeting word right after a verb of learning or following, a preposition, or a verb and
    its complement (领会好|全会), is what the clause acts on, not a name's last word (成立|大会,
    审议|大会 are kinds of meeting, 世界中国|学|大会 a name)."""
    p = toks[i - 1] if i else None
    return p is not None and p.end == toks[i].start and (
        p.tag == "v" and _TAKES_IN.search(p.word) or p.tag == "p"
        or p.tag in ("a", "ad") and len(p.word) == 1 and i >= 2 and toks[i - 2].tag == "v")


def _whole_title(text: str, end: int, name: str) -> str:
    """A meeting named by a long title in quotes or 《》 (“加强宪法实施，为强国建设…”座谈会):
    the name opens where the title does, however many words it holds."""
    for close, open_ in (("”", "“"), ("》", "《")):
        if name.count(close) > name.count(open_):
            k = text.rfind(open_, 0, end - len(name))
            if k >= 0 and end - k <= 90 and "。" not in text[k:end]:
                return text[k:end]
    return name


# 纪念民族区域自治法颁布实施40周年座谈会: what an anniversary meeting marks, verbs and all
_ANNIVERSARY = re.compile(r"(?:纪念|庆祝)[^，,。；;：:、“”《》（）\s]{1,30}?(?:\d+|[一二三四五六七八九十百]+)周年$")


def _anniversary(text: str, end: int, suffix: str) -> str | None:
    """The whole name of a meeting that marks an anniversary, from 纪念 or 庆祝."""
    m = _ANNIVERSARY.search(text, 0, end - len(suffix))
    return text[m.start():end] if m else None


# What an anniversary marks after the name of whose it is (联合国贸发会议|成立|60周年…)
_MARKED = ("成立", "建交", "诞辰", "建院", "建校", "建馆", "开馆", "建党", "建军", "通车", "创刊", "开播", "颁布实施",
           "实施", "回归祖国", "回归", "解放")
_YEARS = re.compile(r"^(?:\d+|[一二三四五六七八九十百]+)周年")


def _anniversary_holders(found: list[Mention], s: Sentence) -> list[Mention]:
    """An anniversary meeting named after whose anniversary it is, when the tagger cut
    that name off (联合国贸发会议成立60周年庆祝活动开幕式): the whole is the meeting."""
    out = list(found)
    for m in found:
        if m.label != "Meeting" or not _YEARS.match(m.text):
            continue
        for o in found:
            gap = s.text[o.end:m.start]
            if o is not m and o.start < m.start and gap in _MARKED and o.label in ("Meeting", "Organization", "District"):
                out.append(Mention("Meeting", s.text[o.start:m.end], s.index, o.start, m.end, via=m.via))
                out = [x for x in out if x is not m and not (x is o and o.label == "Meeting")]
                break
    # whose anniversary it is, not named: no meeting of its own (成立75周年|大会)
    return [m for m in out if not (m.label == "Meeting" and _YEARS.match(m.text) and s.text.endswith(_MARKED, 0, m.start))]


# Games and sessions named by their year, number and place alone (2022年北京冬奥会, 全国两会).
_HELD_WHERE = ("奥运会", "冬奥会", "残奥会", "冬残奥会", "亚运会", "运动会", "全运会", "两会", "锦标赛", "世界杯", "世博会")
# Events named by who holds them or where, never by a topic's verb.
_EVENTS = ("峰会", "大会", "论坛", "博览会", "运动会", "冬奥会", "亚运会", "奥运会", "交易会", "洽谈会")
# Verbs that open no topic: copulas, modals, and verbs whose object the meeting is.
_NO_TOPIC = ("是", "也是", "为", "成为", "不得", "借", "据", "评选", "出", "评选出", "迎来", "举办", "迎接")


def _inner_verb(toks: list[Token], k: int, boundary: set[str], strict: str) -> bool:
    """A verb inside a name (河套深港科技创新合作区展示交流中心, 粤澳共建…平台) stands
    between name words; 引|江|济淮 is a verb and its object cut apart."""
    t = toks[k]
    if strict == "Project" and t.word == "至" and k and toks[k - 1].tag == "LOC":
        return True   # 深圳至中山跨江通道, 成都至重庆高速公路
    nxt = toks[k + 1].word if k + 1 < len(toks) else ""
    if strict in ("Project", "Meeting") and (t.word in _DASHES and toks[k - 1].word not in _DASHES and nxt not in _DASHES
                                or nxt in _DASHES and t.tag in _PROPER_TAGS + ("PER",)
                                and (k + 2 >= len(toks) or toks[k + 2].word not in _DASHES)):
        return True   # 诺维萨德－鲁马快速路, 中国—中亚峰会: between two places, the first one tagged as anything
    if t.tag != "v" or t.word in boundary or strict not in ("Organization", "Project"):
        return False
    if _verb_object(toks, k):
        return True
    p = toks[k - 1] if k else None
    if strict == "Project" and _CLAUSE_VERB.fullmatch(t.word):
        return False   # 重庆|开行|国际铁路联运班列, 陕北革命老区|迈入|高铁: a place's doing, no work's name
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    # a verb before a name is a clause's (代表|中央纪委, 运抵|兰州新区, 加州政府|请求|法院); an
    # organisation's own verb is a verbal noun's neighbour (展示|交流中心)
    follows = ("vn",) if strict == "Organization" else ("vn", "n", "nz")
    if strict == "Organization" and p is not None and p.tag == "LOC":
        return False   # 中国|设立|研发中心, 临塔村|开办|…照料中心: a place and its doing, no body's name
    return p is not None and nxt is not None and len(t.word) >= 2 and nxt.tag in follows \
        and p.tag in _STRICT_TAGS[strict] and not _ends_name(p, boundary) \
        and _ending(toks, k - 1, suffix_table())[0] in (None, "District") + (("Project",) if strict == "Organization" else ())


# Provinces' one-character names, which follow 京 in names of a route or a region (京雄, 京津冀, 京港澳)
_PROVINCE_INITIALS = "津冀沪渝晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台雄哈广"
# Verbs of a clause that a work is the object of, never inside its name.
_CLAUSE_VERB = re.compile(r"迈入|迈进|进入|实现|修复|开行|开通|完成|建成|迎来|启动|推动|推进|加快|支持|打造|开启|开放|关闭|封锁|打通|提供"
                          r"|撤离|靠泊|停靠|抵达|驶离|驶入|对接|搭建|设立|成立|建立|处于|监管"
                          # going to or leaving a place, gathering at it (探测器|运抵|发射场, 民众|齐聚|广场)
                          r"|运抵|送往|运往|飞往|驶向|驶往|前往|来到|返回|离开|脱离|齐聚|汇聚|亲历"
                          # a doer's use, addition or halt of something (…工作者|利用|…平台, 呼和浩特|增设|查验通道)
                          r"|利用|增设|采取|形成|签订|暂停|保障"
                          # a place's offering, a list or a sanction a thing is put in (浦口区|推出|…观光项目,
                          # 宝鸡先进结构材料|列入|…集群发展工程)
                          r"|推出|列入|纳入|入选|获批"
                          # meeting those who built it (人民大会堂|接见|探月工程…代表)
                          r"|接见|会见")


def _verb_object(toks: list[Token], k: int) -> bool:
    """引|江, 补|汉: a one-character verb and a one-character object make one word."""
    return len(toks[k].word) == 1 and k + 1 < len(toks) and len(toks[k + 1].word) == 1 \
        and toks[k + 1].tag in ("n", "LOC", "nz", "j")


# Endings specific enough that what precedes them needs no proper noun (…有限公司).
_SPECIFIC_ENDINGS = ("有限公司", "有限责任公司", "股份有限公司", "委员会", "管委会", "领导小组", "研究中心", "研究院")


# A department of a government, named by its field alone (文化和旅游部, 国家粮食和物资储备局):
# four to ten characters of field before the ending, no firm's or school's unit.
_MINISTRY = ("部", "局", "总局", "署")
_MINISTRY_NAME = re.compile(r"(?!.*(?:公司|集团|中心|学校|大学|学院|医院|俱乐部|工作|干部|指挥))[\u4e00-\u9fff]{4,10}(?:总局|[部局署])")


_FACILITY = ("中心", "纪念馆", "博物馆", "展览馆", "体育馆", "图书馆", "医院", "卫生院", "工厂")


def _kind_of_facility(word: str) -> bool:
    """Is a word the tagger read as one name a kind of facility in plain words of the
    language (社区|卫生|服务|中心, 历史|纪念馆)? A national one opens with its level
    (国家|图书馆) and is a name."""
    head = next((h for h in _FACILITY if word.endswith(h)), None)
    stem = word[:len(word) - len(head)] if head else ""
    if not stem or stem.startswith(("国家", "中央", "全国", "中华", "人民")):
        return False
    return _made_of(stem, plain_word, len(stem))


def _proper(toks: list[Token], start: int, i: int, suffix: str) -> bool:
    """Does the name hold something proper (a name LAC tagged, a place, a brand) before
    its ending? 义务教育学校, 地方政府, 物业公司 do not; 重庆邮电大学, 兼善中学 do."""
    if start == i and _kind_of_facility(toks[i].word):
        return False
    if suffix.endswith(_SPECIFIC_ENDINGS) and sum(len(t.word) for t in toks[start:i + 1]) - len(suffix) >= 4:
        return True
    name = "".join(t.word for t in toks[start:i + 1])
    if suffix in _MINISTRY and _MINISTRY_NAME.fullmatch(name) and (suffix == "总局" or not common_word(name[-2:])):
        return True   # 生态环境部, 应急管理部, 市场监管总局: a state's department, named by its field
    named = _NAMED_KIND.fullmatch(name[:-len(suffix)]) if suffix in ("工程", "项目") and name.endswith(suffix) else None
    if named and not plain_words(named.group(1), 2) and not _COUNT_OF.fullmatch(named.group(1)) \
            and not (dictionary_word(named.group(1)) and divisions().lookup(named.group(1)) is None) \
            and not any(k.tag in ("s", "f", "r", "d", "p", "c", "u", "TIME") for k in toks[start:i + 1]
                        if k.start < toks[start].start + len(named.group(1))) \
            and not (start and len(toks[start - 1].word) == 1 and toks[start - 1].tag == "v"):
        return True   # 四方井|水利枢纽工程: a kind of work that is always named, after a name no dictionary knows
        # (not one whose first character the tagger read as a verb: 临|淮岗复线船闸项目)
    generic = _generic_words()
    words = [t for t in toks[start:i + 1]]
    modifiers = read_set("generic_modifiers.txt")
    # a park or base named by plain nouns (工业互联网产业生态园), with no 重大 or 重点 inside
    if suffix in _PROJECT_WORKS and sum(1 for t in words if t.tag in ("n", "nz") and len(t.word) >= 2) >= 3 \
            and not any(t.word in modifiers for t in words):
        return True
    table = suffix_table()
    project = {k for k, v in table.items() if v == "Project"}
    for k, t in enumerate(toks[start:i + 1], start):
        word = t.word[: len(t.word) - len(suffix)] if t is toks[i] else t.word
        if suffix.endswith("网") and k > start and toks[k - 1].word == "“" and toks[k + 1].word == "”" and k + 1 < i \
                and re.fullmatch("[\u4e00-\u9fff]{4,}", word):
            return True   # “八纵八横”|高铁网: a network's quoted layout, whatever the tagger read it as
        if not word or word in generic or word in table or suffix in project and word in _NATIONAL and not name.endswith(_ONE_A_NATION) \
                or t.tag == "LOC" and any(w in word for w in read_list("generic_place_parts.txt")):
            continue   # 中国民用运输机场, 高速公路|通道, 智慧社区|服务平台 name nothing in particular
        if t.tag in ("ORG", "LOC", "nz", "nw", "j", "PER") or _division_word(word) or _partners(word) \
                or _REGIONS_COUNTED.fullmatch(word):
            return True
    return False


# Kinds of work that are each named, before the 工程 or 项目 of their building (四方井水利枢纽工程).
_NAMED_KIND = re.compile(r"([\u4e00-\u9fff]{2,5}?)(?:水利枢纽|枢纽|水库|水电站|灌区|特大桥|大桥|隧道|隧洞|船闸|运河|航道)")
_COUNT_OF = re.compile(r"[\d一二三四五六七八九十两百千万多几]+[座个项处条批]?")


def _adverb(t: Token) -> bool:
    return t.tag in ("d", "ad") or common_tag(t.word) in ("d", "ad")


# Verbs of building, which a work's name does not hold (在海南|建设|自由贸易港).
_BUILDS = ("建设", "打造", "建成", "推进", "加快", "支持", "推动")


# Works a nation has one of, named by the nation (中国空间站).
_ONE_A_NATION = ("空间站",)


# One-character names of regions and of countries the press writes only in such pairs
# (欧洲, 非洲; 新加坡, 吉尔吉斯斯坦, 哈萨克斯坦, 塔吉克斯坦, 阿拉伯, 沙特).
_REGION_ABBR = set("欧非新吉哈塔阿沙")


def _partners(word: str) -> bool:
    """Two or three countries or provinces by their one-character names (中老|铁路,
    中吉乌|铁路, 渝新欧|班列): the partners name the work."""
    first, rest = _partner_names()
    return 2 <= len(word) <= 3 and word[0] in first and all(c in rest for c in word)


@lru_cache(maxsize=1)
def _partner_names() -> tuple[frozenset[str], frozenset[str]]:
    """(who may open a pair of partners, who may be in it): asked for every word before
    a work's ending, so made once."""
    first = frozenset(_COUNTRY_ABBR | set(divisions().abbreviations))
    return first, first | _REGION_ABBR


# Words for the whole country: a work needs something more particular (中国民用运输机场).
_NATIONAL = ("中国", "我国", "国际", "国内", "中华")


def _division_word(word: str) -> bool:
    """A division written with its level (石柱县) or in three characters or more; two
    characters alone are often common words (合作, 通道 are also counties)."""
    return (len(word) >= 3 or word.endswith(_LEVEL_ENDINGS)) and divisions().lookup(word) is not None


def _relative_body(name: str, suffix: str) -> bool:
    """区青年志愿服务中心, 市扶贫办: a body of the paper's own district or city, named
    by the level alone."""
    return name[:1] in "市区县" and len(suffix) >= 2 and len(name) > len(suffix) \
        and not name.startswith(("市场", "市民", "区域", "区块", "县城"))


_PROJECT_WORKS = ("产业生态园", "生态园", "产业园", "工业园", "科技园", "新城", "科技城", "小镇",
                  "分中心", "体验中心", "先导区")


def _shared_head(s: Sentence, toks: list[Token], i: int, name: str, suffix: str, label: str) -> list[Mention]:
    """Names listed before a name share its head: 成渝中线、渝万、渝西高铁 names three
    railways, 京港澳、大广高速 two roads, 湖南省和衡阳市纪委监委 two commissions; a name that ends
    as the head does is one of its own (永定河、温榆河、北运河: rivers, no canals)."""
    k = _token_at(toks, toks[i].end - len(name))
    if k is None:
        return []
    # a list of divisions written with their level (湖南省和衡阳市…)
    place = next((n for n in range(min(len(name) - 2, 8), 1, -1)
                  if name[:n].endswith(_LEVEL_ENDINGS) and divisions().lookup(name[:n])), 0)
    if place:
        head = name[place:]
    elif label == "Project":
        # the head is what follows the name's proper words (浙江桐庐|抽水蓄能电站, 渝西|高铁)
        lead = k
        while lead < i and toks[lead].tag in _PROPER_TAGS:
            lead += 1
        if lead == k + 1 and len(toks[k].word) == 1 and lead < i and len(toks[lead].word) == 1:
            lead += 1   # 赣|深|高铁: two places' first characters, the work's name
        head = name[toks[lead].start - toks[k].start:] if lead > k else suffix
    else:
        return []
    out, table = [], suffix_table()
    while k >= 2 and toks[k - 1].word in ("、", "和", "及", "与"):
        j = k - 1
        while j > 0 and toks[j - 1].tag in _PROPER_TAGS + ("n",) and toks[j - 1].word not in ("、",) \
                and not (toks[j - 1].tag == "n" and _ending(toks, j - 1, table)[0]):
            j -= 1   # 物流合作基地|中欧、中亚班列: a kind ends the words before the list
        item = "".join(t.word for t in toks[j:k - 1])
        proper = any(t.tag in _PROPER_TAGS for t in toks[j:k - 1])
        if not (2 <= len(item) <= 6 and proper) or _ending(toks, k - 2, table)[0] or item[-1] == head[-1] \
                or label == "Project" and not place and divisions().lookup(item) is not None and toks[k - 1].word != "、" \
                or place and not (item.endswith(_LEVEL_ENDINGS) and divisions().lookup(item)):
            break
        start = toks[j].start
        out.append(Mention(label, item + head, s.index, start, toks[k - 2].end, via="suffix"))
        if toks[k - 1].word != "、":
            break
        k = j
    return out


_PROPER_TAGS = ("LOC", "ORG", "nz", "j")
_DASHES = {"—", "－", "-", "–"}


def _token_at(toks: list[Token], offset: int) -> int | None:
    return next((k for k, t in enumerate(toks) if t.start == offset), None)


_INSTITUTION = re.compile(r"大学|学院|科学院|研究院|研究中心|研究所")


def _institutions_within(name: str) -> list[tuple[int, str]]:
    """The institutions a unit's name is built on: 重庆工商大学长江上游经济研究中心 holds
    重庆工商大学, 某研究中心某大学分中心 both; (offset, name) pairs."""
    out, begin = [], 0
    if name.endswith("联盟"):
        return out   # 丝绸之路大学联盟: an alliance of many, no unit of one
    for m in _INSTITUTION.finditer(name):
        if len(name) - m.end() < 2 or m.end() - begin < 4:
            continue
        out.append((begin, name[begin:m.end()]))
        begin = m.end()
    return out


def _policy_name(name: str, toks: list[Token], i: int) -> str | None:
    """A policy's ending followed by a noun is a modifier (全面战略|伙伴关系, 革命战略|思想);
    the city's own plan (市“十四五”规划纲要) is named without the level."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and (nxt.tag == "n" or (nxt.tag == "vn" or nxt.word in ("引领", "指引", "引导")) and name.endswith("战略")) \
            and len(nxt.word) >= 2:
        return None   # …战略|对话机制: the strategic dialogue, no strategy; 元首战略|引领: guidance
    if name[:1] in "市区县省" and name[1:2] == "级":
        return None   # 省级|国土空间规划: a plan of a level, no place's
    if name[:1] in "市区县省" and not divisions().lookup(name[:2]) and len(name) > 4 and not dictionary_word(name[:2]):
        name = name[1:]   # 市|旅游发展规划: the city's own (区域, 市场, 县域: a word that opens the name)
    ending = next((w for w in _WEAK_POLICY if name.endswith(w)), None)
    stem = re.sub(r"(?:对外|外交|对华|经济|贸易)$", "", name[:len(name) - len(ending)]) if ending else ""
    if ending and (divisions().lookup(stem) or stem in _COUNTRY_ABBR):
        return None   # 重庆行动, 中国方案, 美政策, 巴基斯坦对外政策: a place's doing, no named policy
    return name


# Kinds of project: a name ending so (南水北调后续工程重大项目, 合作旗舰项目) is generic.
_KIND_OF_PROJECT = re.compile(r"(?:重大|重点|重要|大|合作|旗舰|标志性|代表性|建设|在建|新建|民生)(?:项目|工程)$")
# Parts of a work that the news names by the work (石黔高速公路控制性工程, 引江济淮工程配套项目).
_PART_OF_WORK = re.compile(r"^(.{2,}?(?:工程|高速公路|高速|铁路|高铁|水库|水电站|电站|水利枢纽|大桥|隧道|机场|运河))"
                           r"(?:控制性工程|土建工程|主体工程|配套工程|配套项目)$")


_EDITION = re.compile(r"^(?:第[一二三四五六七八九十百\d]+届|首届)")
_STATION_VERBS = ("开站", "建站", "进站", "出站", "到站", "停站", "设站", "靠站", "驻站")
_NO_STATION = re.compile(r"赛|杯|运动会|奥运|亚运|巡演|巡展|巡回|基站|雷达站|经停站"
                         # a kind of service point, no work (零工驿站, 加油站, 文化充电站)
                         r"|驿站|加油站|加气站|充电站|广播站|宣传站"
                         # a kind written before the station's name (核电站|徐大堡核电站, 变电站|雄东站)
                         r"|^(?:核电站|变电站|水电站|火车站)(?=.{2,}站$)")
_SPORT = re.compile(r"奥运|冬奥|残奥|亚运|运动会|锦标赛|体操|全能|田径|游泳|比赛")
_WORK_VERB = re.compile(r"^(?:高质量|加快|全力|积极|大力)?(?:监测|建立|建设|开设|组成|打造|推进|实施|新建|兴建|改造|保护|制裁|袭击|炸毁|破坏|关闭|重启)(?=.{4})")
# What a place is, written between it and a work named after it (石油重镇哈尔克港).
_RANK_BEFORE = re.compile(r"^.{0,10}(?:重镇|首都|首府|名城|门户|老区|地区|动脉)|^.{1,10}[东西南北中]部")
_KIND_BEFORE = re.compile(r"^.{0,12}?(?:重大|重点|重要|合作|旗舰|标志性|代表性|民生)(?:项目|工程)|^(?:.{0,5}性)?(?:港口|海港|口岸)(?=.{2,}港$)")


# A country, province or city and a kind of work with nothing of its own between them
# (贵州高铁, 新疆铁路, 深圳园区) are all the works of the kind there, not one named work;
# so are a country's airports and bases (伊朗机场, 乌军用机场), where a city's airport is
# the one it has (深圳机场, 浦东机场). A port after one province's abbreviation is a pair
# of places (粤港, 沪港). A station or a port is named by its place alone (西安站, 天津港).
_KINDS_IN_A_PLACE = ("高铁", "铁路", "高速", "高速公路", "公路", "路网", "铁路网", "公路网", "水网", "园区", "码头",
                     "通道", "项目", "平台")
_KINDS_IN_A_COUNTRY = ("机场", "基地", "管道", "核电站", "电站")
_ARMED = re.compile(r"(?:军用|军方|军事|空军|海军|军)+$")
_CIVIL = re.compile(r"(?:民用|高速|城际|普速|通用|运输)+$")


_WHERE = ("海域", "地区", "境内", "全国", "国内", "沿海", "沿线", "当地", "全境", "全省", "全市")


def _a_place(text: str) -> bool:
    """A country, a division, or divisions written one inside the other."""
    return text in _COUNTRY_ABBR or is_country(text) or divisions().lookup(text) is not None or _chain(text)


def _place_and_kind(name: str, suffix: str) -> bool:
    stem = name[:-len(suffix)] if name.endswith(suffix) else ""
    if suffix == "港" and stem in divisions().abbreviations:
        return True
    if suffix == "口岸":   # 新疆口岸: a province's ports (二连浩特口岸, 深圳湾口岸 are named by their towns)
        return getattr(divisions().lookup(stem), "level", 9) <= 1 and stem not in divisions().abbreviations
    if suffix not in _KINDS_IN_A_PLACE + _KINDS_IN_A_COUNTRY or not (stem := _ARMED.sub("", stem)):
        return False
    civil = _CIVIL.search(stem)   # 甘肃|高速|铁路, 新疆|民用|机场: a place's works of a kind, by what they serve
    stem = stem[:civil.start()] if civil and civil.start() >= 2 else stem
    # 浙江舟山|海域|码头, 英国|全国|铁路: a place and a word of where before the kind
    where = next((w for w in _WHERE if stem.endswith(w) and _a_place(stem[:-len(w)])), "")
    stem = stem[:len(stem) - len(where)]
    div = divisions().lookup(stem)
    highest = 0 if suffix in _KINDS_IN_A_COUNTRY and not civil else 2
    return stem in _COUNTRY_ABBR or div is not None and div.level <= highest or bool(highest) and _chain(stem)


# A work described, not named: by its grade (国家级海洋牧场示范区, a category) or a superlative
# (日本最大核电站, 世界最高海中大桥).
_DESCRIBED = re.compile(r"^(?:国家级|省级|市级|县级).*(?:示范区|基地|园区|开发区|保护区|试验区)$|最[大长高深宽新早多美]")


def _whole_work(name: str) -> str | None:
    if re.fullmatch(r"[\u4e00-\u9fff]{2,6}至[\u4e00-\u9fff]{2,6}站", name):
        return None   # 济南西至郑州东站: a stretch between two stations, no station
    if counted := _COUNTED_RUN.match(name):
        name = name[counted.end():]   # 第10万列|中欧班列, 乌鲁木齐5大|中欧班列: runs or lines counted, the line's name after
    if _KIND_OF_PROJECT.search(name) or name.startswith("最") or name[:1] in "级号期段座条" \
            or _DESCRIBED.search(name) and _project_chain(name)[0] is None \
            or name.endswith("项目") and _SPORT.search(name) or name.endswith("香港") and len(name) > 2:
        return None   # 重大项目; 最长隧洞, 日本最大核电站: a rank; 国家级…示范区: a grade; 级|单线铁路, 号|大桥: cut; 体操…项目: an event; …香港: the place
    if (cls := _CLASS_OF_WORKS.search(name)) and (not cls.group(1) or plain_words(cls.group(1), 3)):
        return None   # “十四五”重点铁路, 河南重大交通项目, 商务部重点监测平台: a class of works, no one work
    if name.endswith("网") and not name.startswith("国家") and (plain_words(name, 5) or _JOINS_NETWORK.search(name)):
        return None   # 区域路网, 高速铁路网, 城乡路网: a kind of network in plain words; 接入全国高铁网: joining the nation's
    if (rank := _RANK_COUNTED.search(name)) and plain_words(name[rank.end():], 3):
        return None   # 柬埔寨第一条高速公路, 中哈第三条跨境铁路: the work ranked by a count, unnamed
    if _ENERGY_CLASS.search(name):
        return None   # “沙戈荒”新能源基地, “三北”风电光伏基地: energy bases go by their places; a quoted kind of land names their class
    name = _WORK_VERB.sub("", name)   # 监测|扎波罗热核电站, 高质量建设|自由贸易试验区: the clause's verb
    # 印尼合作项目雅万高铁, 国家“十四五”规划重点工程|乌江白马航电枢纽工程, 综合性港口|天津港: the
    # kind written before the work's name
    kind = _KIND_BEFORE.search(name)
    if kind and len(name) - kind.end() >= 3 and (_work_ending(name[kind.end():], suffix_table()) or name.endswith("港")):
        name = name[kind.end():]
    kind = re.match(r"^.{0,12}?(?:重大|重点)(.{2,4}?)(?:项目|工程)(?=.{3,}$)", name)
    if kind and plain_words(kind.group(1), 2) and _work_ending(name[kind.end():], suffix_table()):
        name = name[kind.end():]   # 重大水利工程|金塘冲水库: the class of the work before its name
    plain = re.match(r"(.{2,8}?)(?:项目|工程)(?=.{3,}$)", name)
    if plain and plain_words(plain.group(1), 3) and _work_ending(name[plain.end():], suffix_table()):
        name = name[plain.end():]   # 水电投资项目|卡洛特水电站: the kind in plain words before the work's name
    m = _PART_OF_WORK.match(name)
    return m.group(1) if m else name


# A class of works: a key or major kind in plain words (重点铁路, 重大交通项目, 重大科研平台).
_CLASS_OF_WORKS = re.compile(r"(?:重大|重点)(.{0,6}?)(?:工程项目|项目|工程|铁路|路网|园区|平台|变电站|基础设施)$")
_ENERGY_CLASS = re.compile(r"^[^“]{0,4}“[^”]{1,6}”(?:大型)?(?:新能源|清洁能源|可再生能源|能源|风电|光伏|光热|风光|绿电|储能|实证)+(?:大基地|基地|项目|基地项目)$")
_JOINS_NETWORK = re.compile(r"(?:接入|融入|织密|畅通|完善|摸排)[^“]*网$")
_RANK_COUNTED = re.compile(r"第[一二三四五六七八九十\d]+[条座个]")
_COUNTED_RUN = re.compile(r"^[^\d]{0,6}?第?\d+[万千百]?[列大条](?=.{2,}(?:班列|专列|铁路|高铁))")


def _project_chain(name: str) -> tuple[str | None, str]:
    """石黔高速公路控制性工程郁江河特大桥 names two works: the road and, last, the
    bridge. Returns (the first work or None, the last one)."""
    m = re.match(r"^(.{2,20}?(?:高速公路|高速|铁路|高铁|工程))(?:.{0,8}?(?:工程)|最[长大高深宽]的?(?:隧洞|隧道|桥梁|大桥|站房|车站|枢纽)(?:——)?|隧道|隧洞|大桥)?"
                 r"(.{2,12}(?:特大桥|大桥|立交|隧道|隧洞|枢纽|站))$", name) \
        or re.match(r"^(.{2,20}?(?:网|通道|走廊))([A-Z]\d{1,5}.{4,30})$", name)   # 国家高速公路网|G0711…高速公路
    if not m:
        return None, name
    return m.group(1), m.group(2)


def _gap(text: str, last_start: int, first: str) -> int:
    """Characters between the first work and the last one in the text."""
    k = text.rfind(first, 0, last_start)
    return last_start - (k + len(first)) if k >= 0 else 0


# The scope that opens a leading group's name, and the acts that govern it and end it.
_GROUP_SCOPE = ("中央", "全国", "国务院")
_GROUP_GOVERNED = ("主持", "召开", "出席", "按照", "根据", "担任", "任", "经", "由", "向", "为", "是", "和", "与", "及", "同",
                   "成立", "组建", "设立", "牵头")


def _group_scope(toks: list[Token], start: int) -> int:
    """The first token of a leading group's name, whose topic may hold verbs, 的 and quotes
    the body's grammar stops at: back to the scope that opens it (中央巡视工作领导小组, not
    工作领导小组; 中央党的建设工作领导小组), where one is written before the clause's act."""
    j = start
    while j > 0 and start - j < 10:
        p = toks[j - 1]
        if p.word in _GROUP_GOVERNED or p.tag in ("w", "p", "c", "u", "PER", "TIME", "m", "r") and p.word not in ("“", "”", "的") \
                or p.word.endswith("了") or p.tag == "ORG" and not p.word.startswith(_GROUP_SCOPE):
            break
        j -= 1
        if p.word.startswith(_GROUP_SCOPE) or p.word.endswith(("省委", "市委", "县委")):
            return j
    return start


def _after_place(toks: list[Token], start: int, i: int) -> int:
    """天生街道西南大学 is 西南大学 in 天生街道: an organisation LAC recognised after a
    town, street or community starts at itself."""
    for k in range(i, start, -1):
        if toks[k].tag == "ORG" and toks[k - 1].tag == "LOC" and toks[k - 1].word.endswith(("街道", "镇", "乡", "村", "社区")):
            return k
    return start


def _noun_place(toks: list[Token], i: int) -> bool:
    """A verbal noun between a noun and a list's comma or the sentence's end stands as a
    noun (科学城国土空间|规划、)."""
    return i > 0 and toks[i - 1].tag in ("n", "nz", "LOC", "ORG", "j") \
        and (i + 1 == len(toks) or toks[i + 1].tag == "w")


def _ends_name(p: Token, boundary: set[str]) -> bool:
    if p.tag == "TIME":
        return not re.fullmatch(r"\d{4}年", p.word)      # 2020年全市…电视电话会
    if p.tag == "m":   # 第95次, 一期, 首届; 三北, a count of regions, names them (三北|工程)
        return not re.fullmatch(r"第.+|.*期|\d+|首届", p.word) and not _REGIONS_COUNTED.fullmatch(p.word)
    return p.tag not in _NAME_TAGS or p.word in boundary


# What is said or written, which 和 joins to a meeting as another thing (讲话和|全会精神, 决议和|世卫大会)
_SAID_OR_WRITTEN = ("思想", "精神", "讲话", "指示", "会议", "决议", "决定", "宣言", "公报", "报告", "倡议")
# Who meets is part of a meeting's name (部分省纪委书记座谈会, 全市…电视电话会, 各民主党派中央…座谈会).
_SCOPE = ("部分", "全国", "全省", "全市", "全区", "全县", "各")
# A press conference is named by who holds it (中共中央举行新闻发布会 → 中共中央新闻发布会);
# alone, its kind names none in particular.
_PRESS = ("新闻发布会", "发布会", "记者会", "新闻发布")


def _held_by(toks: list[Token], start: int, name: str) -> str | None:
    k = start - 1
    if k < 0 or toks[k].word not in ("举行", "召开", "举办"):
        return None
    k -= 1
    while k >= 0 and toks[k].tag in ("TIME", "d", "ad"):
        k -= 1
    return toks[k].word + name if k >= 0 and toks[k].tag == "ORG" else None


_SITTING = re.compile(r"^第[一二三四五六七八九十\d]+次(?:全体会议|会议)$")

# The object of 出席, 主持, 召开, 举行 or 参加 that ends with a meeting's head is the whole
# meeting's name, its topic too (全国组织部长会议, 纪念乔石同志诞辰100周年座谈会); a
# clause before 的 is no part of it (出席在京举行的X).
_GOVERNING = re.compile(r"(?:出席|主持召开|主持|召开|举行|参加|举办|在|预祝|祝贺)(?:了)?")
# A meeting that opens its clause and is held in it (…座谈会8日在京召开).
_HELD_NEXT = re.compile(r"[^，,。；;的]{0,12}?(?:召开|举行|开幕)")
_NOT_A_NAME = re.compile(r"这|此|该|本次|上述|有关|相关|一系列|系列|各类|多场|多次|几次|两次|数次|\d+个|[一二两三四五六七八九十几]+个|会上|期间|同志们"
                         r"|并(?:参观|出席|参加|考察|调研|会见|观看|视察|听取|宣布|致辞|讲话|发表|主持)|以(?:视频|线上|书面|远程)(?:方式|形式)"
                         r"|[信话辞]中对"   # 在贺信中对会议的召开表示祝贺
                         r"|^会议|以(?:视频|电视电话|网络)")   # 会议以电视电话会议形式召开: the manner of the one meant


def _ending_of(name: str) -> str:
    """The longest ending of the suffix table that ``name`` ends with ("" if none)."""
    table = suffix_table()
    return next((name[-n:] for n in range(min(len(name), 8), 0, -1) if name[-n:] in table), "")


def _governed(text: str, starts: set[int], end: int, suffix: str) -> str | None:
    clause = max(text.rfind(c, 0, end) for c in "，,。；;：:！？") + 1
    if text.count("”", clause, end) > text.count("“", clause, end) and (k := text.rfind("“", 0, clause)) >= 0:
        clause = k   # “中国与世界：携手…”国际研讨会: a title's colon is inside the name
    found = None
    for m in _GOVERNING.finditer(text, clause, end):
        found = m
    subject = found is None
    if found is not None:
        begin = found.end()
    elif _HELD_NEXT.match(text, end):
        begin = clause   # 各民主党派中央、无党派人士…座谈会8日在京召开, 不结盟运动第19次峰会在乌干达举行: the clause's subject
    else:
        return None
    if subject:
        for m in _SUBJECT_CUT.finditer(text, begin, end):
            begin = m.end()   # 今天（7月29日）是|…运动会, 距|第七届中国国际进口博览会, 阿拉布表示|…峰会
    cut = text.rfind("的", begin, end)
    if cut >= 0 and not (subject and text[cut - 1] == "党"):
        begin = cut + 1   # 由…主办的|…大会, 为期三天的|…; but 中央和国家机关党的工作暨纪检工作会议 is whole
    listed = text.rfind("、", begin, end)
    if not subject and listed >= 0 and end - listed - 1 > len(suffix) + 1 and _EVENT_ITEM.search(text, begin, listed):
        begin = listed + 1   # 举办电影展映、|金椰论坛: what is held is a list of events, the meeting its last
        # (召开各民主党派中央、全国工商联负责人…座谈会 lists who meet, in the name)
    name = text[begin:end]
    pieces = re.split(r"[、和及与\s]", name)[:-1]
    if any(p.startswith("第") or suffix_table().get(_ending_of(p)) == "Meeting" or p.endswith("会晤") for p in pieces):
        return None   # 出席第52次、第53次委员长会议, A座谈会、B座谈会, a heading's A峰会 B峰会, 金砖国家领导人
        # 第十四次会晤、全球发展高层对话会: meetings, each its own
    if begin not in starts or len(name) <= len(suffix) + 1 or len(name) > 40 or _NOT_A_NAME.search(name) \
            or _GOVERNING.match(name) or name in read_set("generic_names.txt"):
        return None
    return _trim(name, suffix, {k - begin for k in starts if begin <= k < end}, keep=_SCOPE)


_EVENT_ITEM = re.compile(r"(?:展映|展览|展|活动|节|赛|行|演出)”?$")


# Where a clause's subject can begin after its start: after a copula, a distance in time,
# what someone said or a broadcaster will show, a letter, a date or a space.
_SUBJECT_CUT = re.compile(r"是|距离|距|表示|直播|致|\d+日）?|日）|\s+|(?<!面)向|对(?=第|[“《])|宣布|围绕|作为|配合|审议"
                          r"|等(?=多|\d|[一二三四五六七八九十几])")


_DATED = re.compile(r"^(?:（[^）]{0,10}日）|\d{4}年?(?=[\u4e00-\u9fff“])|年(?=“))")   # (2014|年“义新欧”中欧班列)


def _trim(name: str, suffix: str, cuts: set[int] = frozenset({0}), keep: tuple[str, ...] = ()) -> str | None:
    """Drop generic modifiers from the start; None when nothing specific is left.
    A modifier goes only where a word ends (重大|项目, not 大兴国际机场: ``cuts`` holds the
    offsets where the name's words start)."""
    generic = [g for g in read_list("generic_modifiers.txt") if g not in keep]
    if _COUNTED_OR_BACK.search(name):
        return None
    cut = 0
    changed = True
    while changed:
        changed = False
        for g in generic:
            if name.startswith(g, cut) and cut + len(g) in cuts and len(name) > cut + len(g) + len(suffix):
                cut, changed = cut + len(g), True
                break
    name = name[cut:]
    if suffix_table().get(suffix) == "Policy" and (suffix in ("政策", "战略") and _owner_and_field(name, suffix)
                                                   or _SOME_OR_LATEST.search(name)):
        return None   # 拉美各国发展战略, 水利部最新规划: the plans of many or the latest, told of and not named
    if suffix_table().get(suffix) == "Organization":
        if _MISSIONS.search(name):
            return None   # 中国驻多国大使馆: missions, none named
        if _with_country(name):
            name = name[1:]
        name = _TERM_OF_OFFICE.sub("", name)   # 第五任|澳门特别行政区基本法委员会: a term, no part of the body
        if (said := _LOCAL_OR_OFFICIAL.search(name, 2)) is not None:
            name = name[said.end():]   # 伊朗官方|伊通社, 奈良当地|医院: a description of a body, no part of its name
        kind = name.rfind("企业")
        if name.endswith(_FIRMS) and kind >= 0 and len(name) - kind - 2 >= 4:
            name = name[kind + 2:]   # 石化企业|浙江恒逸集团: the kind of firm described before its name
    if suffix_table().get(suffix) == "Project":
        name = _DATED.sub("", name)   # （12月20日）白鹤滩水电站, 2025年…自然保护区: the date is the news's
        if len(name) == len(suffix) + 1 and name[0] not in "东西南北中":
            return None   # 新成|昆铁路, 改陈|项目, 图阿普谢|港: one character is a piece of a word, no work's
            # name, where a side names one of two (东人工岛, 西人工岛)
    name = _strip_quotes(_COUNT_OF_WHO.sub("", name).strip("、，,·—－-"))
    if _unbalanced(name):
        name = name.lstrip("（(").rstrip("）)") if _unbalanced(name) else name
    if len(name) <= len(suffix) or name in read_set("generic_names.txt") or len(name) > 40:
        return None
    if name[:len(name) - len(suffix)] in generic or any(
            name.startswith(g) and cut + len(g) in cuts for g in generic) and len(name) - len(suffix) <= 2:
        return None
    return _whole_name(name, suffix)


_TERM_OF_OFFICE = re.compile(r"^第[一二三四五六七八九十\d]+任")
_LOCAL_OR_OFFICIAL = re.compile(r"当地|官方")
_SOME_OR_LATEST = re.compile(r"各国|最新")


# A country's missions in several countries, none of them named (中国驻多国大使馆).
_MISSIONS = re.compile(r"驻(?:多|各|有关|一些)")


def _owner_and_field(name: str, suffix: str) -> bool:
    """美方关税政策, 美国联邦政府移民政策, 中国发展战略, 对菲友好政策: a side's policy in a field, told
    of and not named (一个中国政策, 乡村振兴战略 are names)."""
    field = name[:len(name) - len(suffix)]
    if field.lstrip("对")[:1] in _COUNTRY_ABBR and common_tag(field.lstrip("对")[1:]) in ("a", "ad", "an"):
        return True   # (对)菲友好政策: a policy towards a country, told of
    for n in range(len(field) - 2, 1, -1):
        owner = field[:n]
        if len(field) - n <= 4 and (owner.endswith(("方", "政府")) and len(owner) >= 2 or is_country(owner)):
            return True
    return False


# 关于上述报告的2个决议草案, 城市领域一系列重大战略, 重庆不少地铁站: a count or a pointer
# back, not a name (两个确立, 三个代表 count in words and stay names).
# A count of who (1273位|选举会议成员) opens no name.
_COUNT_OF_WHO = re.compile(r"^\d+[位名](?=[\u4e00-\u9fff])")
_COUNTED_OR_BACK = re.compile(r"上述|一系列|不少|\d+个|^(?:多个|多项|几个|若干)|^(?:\d+|[一二三四五六七八九十两几]+)(?:件|项|次|场|份)")


def _strip_quotes(name: str) -> str:
    """Quotation marks at the ends go, unless they enclose a part of the name
    (“一带一路”倡议)."""
    name = name.strip("\"'")
    while name[:1] == "“" and "”" not in name[1:]:
        name = name[1:]
    while name[-1:] == "”" and "“" not in name[:-1]:
        name = name[:-1]
    while name[-1:] == "“":
        name = name[:-1]
    return name


def _whole_name(name: str, suffix: str) -> str:
    """Endings that are names by themselves (国务院, 党中央) take nothing before them
    but a place (重庆市人民政府): 对表党中央, 新华社北京4月21日电国务院 are cut."""
    if suffix in _WHOLE_NAMES and name != suffix and not divisions().lookup(name[:len(name) - len(suffix)]):
        return suffix
    return name


_WHOLE_NAMES = ("国务院", "党中央", "中共中央", "中央军委", "全国人大", "全国政协")


def _unbalanced(name: str) -> bool:
    return name.count("（") + name.count("(") != name.count("）") + name.count(")")


# ---- quoted names ---------------------------------------------------------------------
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
_QUOTE = re.compile(r"“([^“”\n]{2,24})”")
_MEDIA = ("报", "杂志", "周刊", "日报", "晚报", "网")
_NOT_MEDIA = ("公报", "通报", "简报", "汇报", "情报", "年报", "快报")   # documents, no periodical
# A study's report is a work, no policy (《…前瞻研究报告》, 《中国心脏骤停与心肺复苏报告（2022年版）》).
_STUDY = re.compile(r"(?:研究|发展|指数|调查|评估|监测|前瞻)报告(?:（[^）]*）)?$|报告（\d{4}年版）$|蓝皮书$")
_NUMBERS = set("一二三四五六七八九十两百千万0123456789")


_POLICY_AFTER = re.compile(r"(改革|战略|行动|工程|政策|要求|理念|机制|制度|方针|模式|目标|原则|思想|方略|倡议|建设|格局)"
                           r"|的(?:工作)?(?:目标|要求|理念|原则|方针)(?![\u4e00-\u9fff])")
_POLICY_WORDS = ("改革", "战略", "行动", "政策", "机制", "制度", "方针", "模式", "方略", "倡议")
_POLICY_BEFORE = re.compile(r"(实施|落实|推进|坚持|践行|深化|推行|贯彻|做到|增强|坚定|统筹做好|抓好|实行)$")
# Formulas are counted in Chinese numerals (六稳, 四个不摘, 两不愁三保障); 80后 and 1天办结 are
# quantities; a five-year plan by its short name (“十四五”时期) is found by a rule of its own.
_NUMBERED = re.compile(r"^(?:双(?=[一二三四五六七八九十]))?[一二三四五六七八九十两百千万]+[个大项条]?"
                       r"(?=.*[^一二三四五六七八九十两百千万])[\u4e00-\u9fff0-9]{1,8}$")
# A device's feature (“一键启动”) or a machine's name (“九章四号”) is counted like a formula.
_FEATURE = re.compile(r"^一键|号$")
# A numbered phrase before these names a kind of people, places or a period (“五老”人员,
# “九小”场所, “十三五”末期) or an exercise (“七月风暴”作战演习), not a policy.
# …or ends with such a kind itself (“十二类人员”, “三支队伍”建设: kinds of people or groups, no formula).
_PEOPLE_OR_PLACES = "人员|场所|干部|群众|家庭|单位"
_PEOPLE_COUNTED = re.compile(rf"(?:{_PEOPLE_OR_PLACES}|队伍|人群|群体)$")
_CATEGORY_AFTER = re.compile(rf"({_PEOPLE_OR_PLACES}|户|企业|时期|期间|末期|以来|初期|末|期|作战|演习|军演|演练)")
# Quoted names of systems and platforms (“渝快办”等政务服务平台, “互联网+监管”等系统).
_WORK_AFTER = re.compile(r"等[\u4e00-\u9fff]{0,4}(?:平台|系统)|(?:等)?(?:平台|项目|工程|APP|App|小程序)")
_WORK_ENDINGS = ("系统", "平台", "APP", "App", "小程序")
_HEAD_AFTER = re.compile(r"(?:工程|项目)(?!师|部|院|局|公司)")
# Adjacent quoted phrases (“一户一策”“一人一策”“包户到人”) are one list.
_QUOTE_RUN = re.compile(r"(?:“[^“”\n]{2,24}”[、和及与]?)+")


# “二十一连丰”, “十连冠”: a record counted, no policy.
_RECORD = re.compile(r"[一二三四五六七八九十\d]连[丰增胜冠涨降跌]$")
_ONE_THING = re.compile(r"一[朵片根棵杯天颗粒滴只头匹首幅张本盘]|一[^一二三四五六七八九十两]$")
# “五一”, “七一”, “三八”: a day of the calendar (五一旅游景点, 七一勋章), no count (not 十一五, a plan)
_HOLIDAY = re.compile(r"^(?:五一|六一|七一|八一|五四|三八|十一(?!五))")


def _formula(inner: str) -> bool:
    """Is a numbered phrase a formula (六稳, 四个全面, 两不愁三保障, 一网统管)? Not where the count
    is of a measure or a time (三秒, 一束光, 二级航天功勋奖章, 一箭十四星, 百年花市, 百万标箱), unless a
    second count, of no measure, pairs with it (七天三检, 一楼一策)."""
    if not _NUMBERED.match(inner) or inner.endswith("了之") or _HOLIDAY.match(inner):
        return False
    count = re.match("双?[一二三四五六七八九十两百千万]+", inner)
    measured = inner[count.end():count.end() + 1] in _MEASURES \
        or inner.startswith(("百年", "千年", "万年", "百万年"))
    paired = _PAIRED.search(inner, count.end())
    return not measured or paired is not None and paired.group(1) not in _MEASURES


# what a count may be of that makes the phrase a quantity, no formula
_MEASURES = set("秒分时天日月周级块束次里亩米吨标系定半线脉连季轮批家名场位座支架艘份代届栋层股声遍趟亿箭星钟门")
_PAIRED = re.compile("[一二三四五六七八九十两双百千万]+([^一二三四五六七八九十两百千万])")


def _slogan(inner: str, before: str, after: str) -> bool:
    """Is a quoted phrase a named policy? 党建+ is; numbered
    formulas (六稳, 四个不摘) are; so is a phrase that 实施/坚持… govern or that
    改革/战略/行动… follow (“放管服”改革). A saying in quotes is not."""
    if after.startswith(("型", "号")):
        return False   # “三叉戟2”型导弹: a model's name
    if _NUMBERED.match(inner) and (_CATEGORY_AFTER.match(after) or _PEOPLE_COUNTED.search(inner)) \
            or is_idiom(inner) or _FEATURE.search(inner) \
            or inner.endswith("的") or _ONE_THING.match(inner) or _RECORD.search(inner) \
            or after.startswith(("功能", "能力")) or common_tag(inner) == "ns":
        return False   # “有针对性的”: a modifier; “一朵雪花”, “一天两次下潜”, “一张图”: one thing or one day, no formula;
        # “四海”, “九州”: a place's word of the language, counted as a formula is
    if common_tag(inner) in ("n", "a", "v", "vn", "ad", "d"):
        # “幸福”的目标, “二维码”: a common word is a policy's name only before a policy's head
        return bool(re.match(r"改革|战略|行动|政策|机制|制度", after))
    # a programme named “X+” (互联网+, 人工智能+) is; plain things joined by + (线上+线下,
    # 核酸+抗原) are a pairing, unless what governs or follows them makes them a policy
    return (inner.endswith("+") or _formula(inner)
            or bool(_POLICY_AFTER.match(after)) or bool(_POLICY_BEFORE.search(before)))


def _quoted(s: Sentence) -> list[Mention]:
    out, table = [], suffix_table()
    for m in _BOOK.finditer(s.text):
        inner = m.group(1)
        if inner.endswith(_MEDIA) and not inner.endswith(_NOT_MEDIA) or _PERIODICAL_AFTER.match(s.text, m.end()):
            out.append(Mention("Organization", inner, s.index, m.start(1), m.end(1), via="book"))
        elif len(inner) >= 4 and _DOCUMENT.search(inner) and not _STUDY.search(inner):
            out.append(Mention("Policy", f"《{inner}》", s.index, m.start(), m.end(), via="book"))
        # any other title in 《》 is a work (a film, a book, a song, a programme, a
        # commentary): none of the seven types
    for run in _QUOTE_RUN.finditer(s.text):
        before, after = s.text[max(0, run.start() - 4):run.start()], s.text[run.end():run.end() + 8]
        # “网上办”“掌上办”等“不见面审批”模式: the list gives examples of the last phrase
        examples = after.startswith("等“")
        if _PARTS_AFTER.match(after):
            continue   # 分为“闪耀中国红”“百舸勇争流”…四个板块: the parts of a show, named
        for m in _QUOTE.finditer(s.text, run.start(), run.end()):
            label = _quoted_label(m.group(1), before, after, examples, table)
            head = _HEAD_AFTER.match(s.text, m.end()) if m.end() == run.end() else None
            campaign = _CAMPAIGN_AFTER.match(s.text, m.end()) if m.end() == run.end() else None
            if campaign and label in (None, "Policy") and not examples:
                # “寒冬送温暖”专项救助行动, “种植十亿棵树”计划: a campaign or a plan named by its slogan and its kind
                # (a slogan that is a policy of its own is part of it, as any name inside a longer one)
                out.append(Mention("Policy", s.text[m.start():campaign.end()], s.index, m.start(), campaign.end(), via="quote"))
            elif label == "Project" and head:   # “三北”工程: the work is the phrase and its head
                out.append(Mention(label, s.text[m.start():head.end()], s.index, m.start(), head.end(), via="quote"))
            elif label:
                out.append(Mention(label, m.group(1), s.index, m.start(1), m.end(1), via="quote"))
    return out


_PARTS_AFTER = re.compile(r"等?[一二三四五六七八九十两\d]+个?(?:板块|篇章|单元|章节|部分|环节|展区|展厅|分会场|主题)")
_COUNTED_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两几]+)多?[个项批]$|多个$|一批$")
# A campaign's or a plan's kind after its slogan in quotes (“百日千万”招聘专项行动; not “一带一路”的八项行动,
# “断卡”等专项行动)
_CAMPAIGN_AFTER = re.compile(r"(?:(?![的等和与及])[\u4e00-\u9fff]){0,6}?(?:行动|计划)(?!计划|方案|纲要|者|中|书)")
# What a document's title ends with (laws, plans, decisions, treaties…), before any
# bracketed note such as （草案） or （2021—2025年）.
_DOCUMENT = re.compile(r"(?:法|规划|纲要|方案|意见|决定|决议|办法|条例|规定|规则|细则|通知|计划|报告|协议|协定|公约|条约|"
                       r"宣言|声明|纲领|指南|准则|清单|建议|草案|修正案|章程|战略|倡议|路线图|备忘录|议定书|措施|"
                       r"政策|制度|标准|目录|白皮书|公报|议程|框架|指引|导则|通告|公告|令|批复|要点|提案|议案)"
                       r"(?:[（(][^）)]*[）)])*$")
# 《西部论坛》常务副主编: a periodical, named by its staff.
_PERIODICAL_AFTER = re.compile(r"(?:常务)?(?:副)?(?:主编|编辑|编审|杂志社|编辑部)")


_GAME_OR_WEAPON = re.compile(r"(?:(?<![全地寰星眼])球|接力|拔河|跳绳|赛跑|竞走|(?:导弹|防空|反导|火箭炮)系统)$")


def _quoted_label(inner: str, before: str, after: str, examples: bool, table: dict) -> str | None:
    if re.search(r"[。！？：；]", inner) or inner.count("，") > 1 or inner.endswith("式") \
            or inner.endswith("地") and len(inner) == 5 and dictionary_word(inner[:-1]):
        return None   # speech, or a manner (沉浸式, 保姆式, “一劳永逸地”), not a name
    if before.endswith(("台风", "飓风", "热带风暴", "气旋")):
        return None   # 台风“万宜”: a storm's name
    if _COUNTED_BEFORE.search(before) \
            or not re.search(r"[\u4e00-\u9fff]", inner) and not any(after.startswith(x) for x in table) \
            or after.startswith(("向“", "到“")) or before.endswith(("”向", "”到")):
        return None   # 100个|“产品创新强基”项目: a kind counted; “B+”: a grade (“3820”战略 has a kind after it);
        # 从“一地一季”向“全域全季”: states of a change
    ending = next((x for x in sorted(table, key=len, reverse=True) if inner.endswith(x)), None)
    if _TRANSFER.fullmatch(inner.removesuffix("工程")):
        return "Project"   # 实施“西电东送”: a transfer works, whatever governs it
    if _GAME_OR_WEAPON.search(inner):
        return None   # “水瓶保龄球”等项目: a game's event; “地空导弹系统”: a weapon
    if inner.endswith(_WORK_ENDINGS) or _WORK_AFTER.match(after) or ending and table[ending] == "Project":
        # “绿色通道”, “代表通道”: a noun of the language names no work (“菜篮子”工程 does)
        generic = inner in _generic_words() or common_tag(inner) == "n"
        if after.startswith("活动") or before.endswith("实现") or "、" in inner:
            return None   # 开展“书香高铁”活动: an activity; 实现“市市通高铁”: a goal; “课程、教材…和实践项目”: a list
        return None if generic and not _HEAD_AFTER.match(after) else "Project"
    if ending and table[ending] in ("Meeting", "Organization"):
        body = table[ending] == "Organization"
        if body and (inner == ending or plain_words(inner[:-len(ending)], 2)):
            return None   # “联盟”运载火箭: a body's ending alone; “绿色工厂”, “帐篷学校”: a kind in plain words
        return table[ending]   # (a meeting's ending alone is its name: “两会”)
    if "的" in inner and inner.endswith("行动"):
        return None   # “有针对性的地面行动”: an operation told of, no campaign's name
    if _slogan(inner, "" if examples else before, after) or _POLICY_AFTER.search(inner) and inner.endswith(_POLICY_WORDS):
        return "Policy"   # …, “四种资产收益扶贫模式”
    return None
