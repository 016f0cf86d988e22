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
from dataclasses import dataclass, field

from .divisions import divisions
from .lexicon import read_list, read_set
from .nlp import Token, tag
from .titles import chain_span, past_posts, role_of, title_after

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
_WEAK_POLICY = ("政策", "机制", "制度", "规划", "方案", "意见", "办法", "建设", "改革", "通知", "决定", "规定", "协议", "工程", "行动")
_OPEN, _CLOSE = "（(“《", "）)”》"
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|\n+")
# Verbs after a bare name that only an office-holder does in the news.
_OFFICIAL_ACTS = re.compile(r"(?:(?:在|同|与|向|对|赴|到|分别|先后|今天|日前|近日)[^，。；、]{0,12}?)?"
                            r"(?:出席|主持|会见|会晤|会谈|举行会谈|通电话|调研|考察|视察|致信|致电|致贺信|批示|"
                            r"签署|发表|讲话|强调|指出|宣布|表示|检查|慰问|颁奖|作报告|作出|陪同|参加|同志)")


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
    return [Sentence(i, s, tag(s)) for i, s in enumerate(sentences(text))]


def mentions(sents: list[Sentence], authors: tuple[str, ...] = ()) -> list[Mention]:
    out: list[Mention] = []
    for s in sents:
        people, posts = _people(s, authors)
        named = _prune(_named(s) + _quoted(s))
        # a name inside a policy's name is part of it (习近平新时代中国特色社会主义思想)
        policies = [(m.start, m.end) for m in named if m.label == "Policy"]
        out.extend(p for p in people if not any(a <= p.start and p.end <= b for a, b in policies))
        # an organisation named inside a post (重庆市委 in 重庆市委常委胡文容, 中共中央政治局
        # in 中共中央政治局常委、国务院总理李强) is part of the title, not a mention of its own
        meetings = [(m.start, m.end) for m in named if m.label == "Meeting"]
        out.extend(m for m in named
                   if not (m.label == "Organization" and any(a <= m.start and m.end <= b for a, b in posts))
                   and not (m.label == "Organization" and any(a == m.start and m.end < b for a, b in meetings)))
    return out


def _prune(found: list[Mention]) -> list[Mention]:
    """Of mentions of one label that end at the same place, keep the longest
    (两江新区, not 江新区); a rule-made name also beats a LAC fragment inside it."""
    longest: dict[tuple[str, int], Mention] = {}
    for m in found:
        k = (m.label, m.end)
        if k not in longest or len(m.text) > len(longest[k].text):
            longest[k] = m
    kept = [m for m in found if longest[(m.label, m.end)] is m]
    # and of names of one label that start at the same place (永辉超市 | 永辉超市文星湾店)
    first: dict[tuple[str, int], Mention] = {}
    for m in kept:
        if m.label in ("Organization", "Project", "Policy", "Meeting"):
            k = (m.label, m.start)
            if k not in first or len(m.text) > len(first[k].text):
                first[k] = m
    kept = [m for m in kept if first.get((m.label, m.start), m) is m]
    ruled = [m for m in kept if m.via not in ("lac", "division")]

    def inside(m):
        return any(r.start <= m.start and m.end <= r.end and len(r.text) > len(m.text) for r in ruled)
    # a bare short form inside a longer name is part of it (双城 in 成渝地区双城经济圈, 中国
    # in 中国共产党); a suffixed one (沙坪坝区 in 中共沙坪坝区委党校) and a province
    # (支援湖北医疗队) still name the place
    return [m for m in kept if m.via not in ("lac", "division") or _province(m) or not inside(m)
            or (m.via == "division" and m.text.endswith(_LEVEL_ENDINGS))]


def _province(m: Mention) -> bool:
    """A province inside a longer name is still a mention of it (支援湖北医疗队)."""
    if m.label != "District":
        return False
    div = divisions().lookup(m.text)
    return div is not None and div.level == 1


# ---- people ---------------------------------------------------------------------------
def _people(s: Sentence, authors) -> tuple[list[Mention], list[tuple[int, int]]]:
    """People of the sentence, and the spans of the titles written before them."""
    out, posts, toks = [], [], s.tokens
    previous: Mention | None = None
    for i, t in enumerate(toks):
        if t.tag != "PER" or not _plausible_name(t.word):
            if t.tag != "PER" and t.word not in ("、",):
                previous = None
            continue
        titles, start = chain_span(toks, i)
        if titles:
            posts.append((start, t.start))
        titles, former = past_posts(toks, i, titles)
        after = title_after(toks, i)
        if after:
            titles.append(after)
        # 区领导董伦、陈德川、魏兴贵: the names of a list share the title before the first
        if not titles and previous and i >= 2 and toks[i - 1].word == "、":
            titles, former = list(previous.titles), list(previous.former)
        role = None
        if titles and role_of(titles[-1]) and not (after and not role_of(after)):
            role = role_of(titles[-1])
        elif i > 0 and role_of(toks[i - 1].word):
            role = role_of(toks[i - 1].word)
        elif t.word in authors:
            role = "记者"
        if role:
            m = Mention("Person", t.word, s.index, t.start, t.end, role=role, via="role")
        elif titles:
            m = Mention("Official", t.word, s.index, t.start, t.end, titles=titles, former=former, via="title")
        elif _OFFICIAL_ACTS.match(s.text, _end_of_list(toks, i)):
            m = Mention("Official", t.word, s.index, t.start, t.end, via="act")
        else:
            m = Mention("Person", t.word, s.index, t.start, t.end, via="lac")
        out.append(m)
        previous = m
    return out, posts


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


def _plausible_name(word: str) -> bool:
    if "·" in word or "•" in word:
        return 3 <= len(word) <= 20
    return 2 <= len(word) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in word) and not word.endswith("方")


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


def _named(s: Sentence) -> list[Mention]:
    toks, out = s.tokens, []
    table = suffix_table()
    boundary = read_set("boundary_verbs.txt")
    for i, t in enumerate(toks):
        label, suffix = _ending(toks, i, table)
        if label:
            start = _extend_left(toks, i, boundary, strict=label)
            if label == "Organization":
                start = _after_place(toks, start, i)
            name = _trim(s.text[toks[start].start:t.end], suffix)
            if name and label == "District":
                name = _innermost_place(name)
            if name and (label in ("Organization", "Project") or label == "Policy" and suffix in _WEAK_POLICY) \
                    and not _proper(toks, start, i, suffix):
                name = None
            if name and label == "Project":
                first, name = _project_chain(name)
                if first:
                    start0 = t.end - len(name) - len(first) - _gap(s.text, t.end - len(name), first)
                    out.append(Mention(label, first, s.index, start0, start0 + len(first), via="suffix"))
            if name:
                out.append(Mention(label, name, s.index, t.end - len(name), t.end, via="suffix"))
        if t.tag in ("ORG", "LOC") and len(t.word) >= 2:
            lab = "Organization" if t.tag == "ORG" else "District"
            word, start = t.word, t.start
            if word.startswith("电") and i and toks[i - 1].word.endswith("日"):
                word, start = word[1:], start + 1   # 新华社北京4月21日电|国务院
            # two-character ORG tags are mostly fragments (中乌, 亚欧, 雅万)
            if (len(word) >= (3 if lab == "Organization" else 2) or re.fullmatch(r"[省市区县镇乡]委", word)) \
                    and word not in _generic_words():
                out.append(Mention(lab, word, s.index, start, t.end, via="lac"))
    out.extend(_divisions_in(s))
    out.extend(_places_below_county(s))
    out.extend(_congresses(s))
    out.extend(_national_policies(s))
    return out


_POLICY_TERMS: re.Pattern | None = None


def _national_policies(s: Sentence) -> list[Mention]:
    """Named national strategies and formulas (lexicons/national_policies.txt)."""
    global _POLICY_TERMS
    if _POLICY_TERMS is None:
        _POLICY_TERMS = re.compile("|".join(re.escape(t) for t in read_list("national_policies.txt")))
    return [Mention("Policy", m.group(), s.index, m.start(), m.end(), via="book") for m in _POLICY_TERMS.finditer(s.text)]


# 党的十八大, 党的十九届四中全会, 市委五届八次全会: congresses and plenums by their numbers.
_NUM = "一二三四五六七八九十"
_CONGRESS = re.compile(
    rf"(?:(?:中国共产党|党的)?(?:第?[{_NUM}]{{1,3}}次全国代表大会|[{_NUM}]{{2,3}}大(?![学会楼厦])|[{_NUM}]{{2,3}}届[{_NUM}]{{1,2}}中全会))"
    rf"|(?:[省市区县]委[{_NUM}]{{1,2}}届[{_NUM}]{{1,2}}次全会)")


def _congresses(s: Sentence) -> list[Mention]:
    return [Mention("Meeting", m.group(), s.index, m.start(), m.end(), via="suffix") for m in _CONGRESS.finditer(s.text)]


# 龙凤桥街道燎原社区, 水土街道大地村党委书记, 天生街道奔月路社区居委会: a village or
# community written after its street or town, whatever LAC made of its name.
_SUB_PLACE = re.compile(r"(?:街道|镇|乡)([\u4e00-\u9fff]{2,6}?(?:社区|村))(?!民|庄|子|落|级)")


def _places_below_county(s: Sentence) -> list[Mention]:
    out = []
    for m in _SUB_PLACE.finditer(s.text):
        name = _innermost_place(m.group(1))
        if name and not name.startswith(("各", "全", "该", "本", "我")):
            start = m.end(1) - len(name)
            out.append(Mention("District", name, s.index, start, m.end(1), via="suffix"))
    return out


_INNER_PLACE = re.compile(r"^.*?(?:街道|镇|乡)(?=.{2,}(?:社区|村)$)")


def _innermost_place(name: str) -> str | None:
    """天生街道西南大学南社区 → 西南大学南社区 (the street is a mention of its own);
    郴州市汝城县沙洲瑶族村 → 沙洲瑶族村; 区天生街道 (from 我区天生街道) → 天生街道."""
    name = _INNER_PLACE.sub("", name)
    forms = divisions().by_form
    stripped = True
    while stripped:
        stripped = False
        for n in range(min(12, len(name) - 3), 1, -1):
            if name[:n] in forms and name[:n].endswith(_LEVEL_ENDINGS):
                name, stripped = name[n:], True
                break
    if name[:1] in "区市县" and len(name) >= 4:
        name = name[1:]
    return name if len(name) >= 3 else None


def _divisions_in(s: Sentence) -> list[Mention]:
    """Every form of the division table written in the sentence, longest first.

    A form with its level suffix (沙坪坝区, 怒江州, 和田地区) counts wherever it starts a
    word LAC made, or anywhere when it has four characters or more (中共沙坪坝区委党校);
    a bare short form (北碚, 石柱) only where LAC reads a place name or a verb of
    motion leads to it (亲临石柱视察), so that 乡村振兴 gives no 振兴区."""
    forms, out = divisions().by_form, []
    heads = _form_heads(forms)
    starts = {t.start: t for t in s.tokens}
    text, i = s.text, 0
    while i < len(text):
        hit = None
        # no form starts here unless one starts with these two characters
        for n in range(min(12, len(text) - i) if text[i:i + 2] in heads else 0, 1, -1):
            form = text[i:i + n]
            if form not in forms:
                continue
            suffixed = form.endswith(_LEVEL_ENDINGS)
            tok = starts.get(i)
            if suffixed and (n >= 4 or tok is not None):
                hit = n
            elif tok is not None and tok.word == form and (tok.tag == "LOC" or _led_to(s, tok)):
                hit = n
            if hit:
                break
        if hit:
            out.append(Mention("District", text[i:i + hit], s.index, i, i + hit, via="division"))
            i += hit
        else:
            i += 1
    return out


_LEVEL_ENDINGS = ("省", "市", "区", "县", "州", "盟", "旗", "地区")
_HEADS: dict = {}


def _form_heads(forms) -> set:
    """The first two characters of every form of the division table."""
    hit = _HEADS.get(id(forms))
    if hit is None or hit[0] is not forms:
        hit = _HEADS[id(forms)] = (forms, {f[:2] for f in forms if len(f) >= 2})
    return hit[1]
_MOTION_VERBS = {"在", "到", "赴", "来", "亲临", "来到", "前往", "走进", "深入", "回到", "抵达", "离开"}


def _led_to(s: Sentence, tok: Token) -> bool:
    k = s.tokens.index(tok)
    before = s.tokens[k - 1].word if k else ""
    after = s.tokens[k + 1].word if k + 1 < len(s.tokens) else ""
    return before in _MOTION_VERBS or after in ("视察", "调研", "考察")


def _generic_words() -> frozenset:
    return read_set("generic_names.txt")


def _ending(toks: list[Token], i: int, table: dict[str, str]) -> tuple[str | None, str]:
    """Does a name end with token ``i``? A one-character ending (局, 办, 村) must be a
    token of its own or close a name LAC tagged; longer ones may close any token, or
    span the token and its predecessor (电视电话 | 会)."""
    t = toks[i]
    if i + 1 < len(toks) and toks[i + 1].tag in ("n", "vn", "nz") and toks[i + 1].word in table:
        return None, ""   # the name goes on (…项目 管理委员会)
    for n in range(min(len(t.word), 8), 0, -1):
        label = table.get(t.word[-n:])
        if not label:
            continue
        # a one-character ending closes a word of three or more (展示馆, 派出所), never a
        # two-character word (全部, 大局, 住院)
        whole = t.tag in ("n", "nz", "ORG", "LOC", "j") and (n == len(t.word) or len(t.word) >= 3) \
            and t.word not in _generic_words()
        # an ending inside a verb is no name (出席会议, 对照全会)
        if label and (n >= 2 and not t.tag.startswith("v") or whole or t.tag in ("ORG", "LOC", "nz")):
            return label, t.word[-n:]
    if i:
        joined = toks[i - 1].word + t.word
        for n in range(min(len(joined), 8), len(t.word), -1):
            label = table.get(joined[-n:])
            if label and n >= 2:
                return label, joined[-n:]
    return None, ""


def _extend_left(toks: list[Token], i: int, boundary: set[str], strict: str = "") -> int:
    """Index of the first token of the name ending at token ``i``."""
    j, depth = i, 0
    while j > 0 and i - j < 14:
        p = toks[j - 1]
        if p.word in _CLOSE:
            depth += 1
        elif p.word in _OPEN:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (_ends_name(p, boundary) or strict in _STRICT_TAGS and p.tag not in _STRICT_TAGS[strict]
                             and not (p.tag == "TIME" and re.fullmatch(r"\d{4}年", p.word))):
            break
        j -= 1
    return j


# Endings specific enough that what precedes them needs no proper noun (…有限公司).
_SPECIFIC_ENDINGS = ("有限公司", "有限责任公司", "股份有限公司", "委员会", "管委会", "领导小组", "研究中心", "研究院")


def _proper(toks: list[Token], start: int, i: int, suffix: str) -> bool:
    """Does the name hold something proper (a name LAC tagged, a place, a brand) before
    its ending? 义务教育学校, 地方政府, 物业公司 do not; 重庆邮电大学, 兼善中学 do."""
    if suffix.endswith(_SPECIFIC_ENDINGS) and sum(len(t.word) for t in toks[start:i + 1]) - len(suffix) >= 4:
        return True
    generic = _generic_words()
    words = [t for t in toks[start:i + 1]]
    modifiers = read_set("generic_modifiers.txt")
    # a park or base named by plain nouns (工业互联网产业生态园), with no 重大 or 重点 inside
    if suffix in _PROJECT_WORKS and sum(1 for t in words if t.tag in ("n", "nz") and len(t.word) >= 2) >= 3 \
            and not any(t.word in modifiers for t in words):
        return True
    for t in toks[start:i + 1]:
        word = t.word[: len(t.word) - len(suffix)] if t is toks[i] else t.word
        if word and (t.tag in ("ORG", "LOC", "nz", "nw", "j", "PER") or divisions().lookup(word)) and word not in generic:
            return True
    return False


_PROJECT_WORKS = ("产业生态园", "生态园", "产业园", "工业园", "科技园", "基地", "新城", "科技城", "小镇",
                  "分中心", "体验中心", "先导区")


def _project_chain(name: str) -> tuple[str | None, str]:
    """石黔高速公路控制性工程郁江河特大桥 names two works: the road and, last, the
    bridge. Returns (the first work or None, the last one)."""
    m = re.match(r"^(.{2,20}?(?:高速公路|高速|铁路|高铁|工程))(?:.{0,8}?(?:工程))?(.{2,12}(?:特大桥|大桥|立交|隧道|枢纽|站))$", name)
    if not m:
        return None, name
    return m.group(1), m.group(2)


def _gap(text: str, last_start: int, first: str) -> int:
    """Characters between the first work and the last one in the text."""
    k = text.rfind(first, 0, last_start)
    return last_start - (k + len(first)) if k >= 0 else 0


def _after_place(toks: list[Token], start: int, i: int) -> int:
    """天生街道西南大学 is 西南大学 in 天生街道: an organisation LAC recognised after a
    town, street or community starts at itself."""
    for k in range(i, start, -1):
        if toks[k].tag == "ORG" and toks[k - 1].tag == "LOC" and toks[k - 1].word.endswith(("街道", "镇", "乡", "村", "社区")):
            return k
    return start


def _ends_name(p: Token, boundary: set[str]) -> bool:
    if p.tag == "TIME":
        return not re.fullmatch(r"\d{4}年", p.word)      # 2020年全市…电视电话会
    if p.tag == "m":
        return not re.fullmatch(r"第.+|.*期|\d+", p.word)  # 第95次, 一期
    return p.tag not in _NAME_TAGS or p.word in boundary


def _trim(name: str, suffix: str) -> str | None:
    """Drop generic modifiers from the start; None when nothing specific is left."""
    generic = read_list("generic_modifiers.txt")
    changed = True
    while changed:
        changed = False
        for g in generic:
            if name.startswith(g) and len(name) > len(g) + len(suffix):
                name, changed = name[len(g):], True
                break
    name = name.strip("“”\"'、，,·")
    if _unbalanced(name):
        name = name.lstrip("（(").rstrip("）)") if _unbalanced(name) else name
    if len(name) <= len(suffix) or name in read_set("generic_names.txt") or len(name) > 40:
        return None
    if name.startswith(tuple(generic)) and name[len(name) - len(suffix):] == suffix and len(name) - len(suffix) <= 2:
        return None
    return name


def _unbalanced(name: str) -> bool:
    return name.count("（") + name.count("(") != name.count("）") + name.count(")")


# ---- quoted names ---------------------------------------------------------------------
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
_QUOTE = re.compile(r"“([^“”\n]{2,24})”")
_MEDIA = ("报", "杂志", "周刊", "日报", "晚报", "网")
_NUMBERS = set("一二三四五六七八九十两百千万0123456789")


_POLICY_AFTER = re.compile(r"(改革|战略|行动|工程|政策|要求|理念|机制|制度|方针|模式|目标|原则|思想|方略|倡议|建设|格局)")
_POLICY_BEFORE = re.compile(r"(实施|落实|推进|坚持|践行|深化|推行|贯彻|做到|增强|坚定|统筹做好|抓好)$")
_NUMBERED = re.compile(r"^[一二三四五六七八九十两百千万\d]+[个大项条]?[\u4e00-\u9fff]{1,8}$")


def _slogan(inner: str, before: str, after: str) -> bool:
    """Is a quoted phrase a named policy? 党建+ and 互联网+政务服务 are; numbered
    formulas (六稳, 四个不摘) are; so is a phrase that 实施/坚持… govern or that
    改革/战略/行动… follow (“放管服”改革). A saying in quotes is not."""
    return ("+" in inner or bool(_NUMBERED.match(inner) and not inner.endswith("了之"))
            or bool(_POLICY_AFTER.match(after)) or bool(_POLICY_BEFORE.search(before)))


def _quoted(s: Sentence) -> list[Mention]:
    out, table = [], suffix_table()
    for m in _BOOK.finditer(s.text):
        inner = m.group(1)
        if inner.endswith(_MEDIA):
            out.append(Mention("Organization", inner, s.index, m.start(1), m.end(1), via="book"))
        elif len(inner) >= 4:
            out.append(Mention("Policy", f"《{inner}》", s.index, m.start(), m.end(), via="book"))
    for m in _QUOTE.finditer(s.text):
        inner = m.group(1)
        if re.search(r"[。！？：；]", inner) or inner.count("，") > 1:
            continue   # speech, not a name
        rest = s.text[m.end():m.end() + 6]
        ending = next((x for x in sorted(table, key=len, reverse=True) if inner.endswith(x)), None)
        if ending and table[ending] in ("Project", "Meeting", "Organization"):
            label = table[ending]
        elif re.match(r"(政务服务)?平台|项目|工程|APP|App|小程序", rest):
            label = "Project"
        elif _slogan(inner, s.text[max(0, m.start() - 4):m.start()], rest):
            label = "Policy"
        else:
            continue
        out.append(Mention(label, inner, s.index, m.start(1), m.end(1), via="quote"))
    return out
