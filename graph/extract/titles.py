"""Titles (posts) written around a name.

A chain before a name is split at 、 and ，: ``市委常委、政法委书记刘强`` gives
``市委常委`` and ``政法委书记``; ``市委常委，两江新区党工委书记、管委会主任段成刚`` gives
three. Each part must end with a title head from the lexicon and hold nothing but
organisation-like words, so that ``调研中，刘强`` gives none.
"""
from __future__ import annotations

import re

from .divisions import country_by_abbr, divisions, is_country
from .lexicon import read_list, read_set
from .nlp import Token, dictionary_word
from .title_words import title_tokenizer

# Tags a title may be made of; anything else (verbs, prepositions, times, names) ends it.
_TITLE_TAGS = {"n", "nz", "nw", "ORG", "LOC", "j", "vn", "an", "s", "b"}
# One-character words that may open a title (市委, 区长, 副市长, 村主任 are cut so by LAC).
_OPENING_CHARS = set("市区县省州镇乡村副党团")
_SEPARATORS = {"、", "，", ","}
_CONJUNCTIONS = "同与和跟"   # 在北京同法国总统…: with whom, not where


def heads() -> tuple[str, ...]:
    return read_list("title_heads.txt")


def person_roles() -> tuple[str, ...]:
    return read_list("person_roles.txt")


def ends_with_head(text: str) -> str | None:
    """The title head ``text`` ends with, longest first, or None."""
    for h in heads():
        if text.endswith(h):
            return h
    return None


def role_of(text: str) -> str | None:
    for r in person_roles():
        if text.endswith(r):
            return r
    firm = _FIRMS_HEAD.match(text)   # 金融研究与分析公司全球研究主管: a firm's staff, no post
    return firm.group(1) if firm else None


# A firm's head or staff by a business title (company staff are Persons; a party post in a
# firm, 集团党委书记, is a post).
_FIRMS_HEAD = re.compile(r".*(?:公司|集团)[\u4e00-\u9fff]{0,8}?(主管|副总裁|总裁|总经理|经理|董事|监事)$")


def only_role(title: str) -> bool:
    """Is the title a role and no post (航天员; not 常驻联合国代表, whose head is longer, nor
    常驻维也纳国际组织代表, a country's permanent representative, nor 联合国难民署驻黎巴嫩代表,
    a body's representative in a country)?"""
    role, head = role_of(title), ends_with_head(title)
    return role is not None and not (head and len(head) > len(role)) \
        and not (role == "代表" and ("常驻" in title or "首席" in title or _POSTED.search(title))) \
        and not (role in _STATE_ROLES and _STATE_BODY.search(title[:-len(role)])) \
        and not (role in _STATE_ROLES + ("总经理",) and _WORLD_BODY.match(title[:-len(role)]))


# Roles that are posts in a state's or a party's body (美国国家情报总监, 真主党媒体负责人;
# not 公司负责人, a firm's).
_STATE_ROLES = ("负责人", "总监", "代表")
_STATE_BODY = re.compile(r"(?:国家|政府|党(?![史建员派])|[部局署厅])[\u4e00-\u9fff]{0,4}$")


# Bodies of states together (国际清算银行, 联合国多伙伴信托基金办公室), whose heads hold posts;
# a firm named so (国际商业机器公司) is no such body.
_WORLD_BODY = re.compile(r"^(?:联合国|国际|世界|欧盟|非盟|东盟|北约)(?![\u4e00-\u9fff]*(?:公司|集团)$)[\u4e00-\u9fff]{2,}$")


_POSTED = re.compile(r"[\u4e00-\u9fff]{3,}驻[\u4e00-\u9fff]{1,10}?(?:首席)?代表$")


_STATIONED = re.compile(r"驻([\u4e00-\u9fff]{1,8})$")


def stationed(body: str) -> int | None:
    """Where 驻 and a country or a division end a post's body (联合国驻也门 of 联合国驻也门协调员):
    the index of 驻, which comes after two characters of the body at least; else None."""
    there = _STATIONED.search(body, 2)
    if there is None or not (is_country(there.group(1)) or divisions().lookup(there.group(1)) is not None):
        return None
    return there.start()


DAILY_WORK = "分管日常工作的"   # 公安部分管日常工作的副部长 (posts.py takes it out of the body)


def _title_suffix(tokens: list[Token], whole: bool, headless: bool = False) -> list[Token] | None:
    """The longest run of title-like tokens at the end of ``tokens`` that ends with a
    title head; with ``whole`` the run must cover every token; ``headless``: the body
    before 分管日常工作的, which ends with no head."""
    run, cut = [], None
    if len(tokens) >= 2 and not headless and not (title_word(tokens[-1]) and title_word(tokens[-2])) \
            and ends_with_head(pair := tokens[-2].word + tokens[-1].word) == pair:
        cut = tokens[-2:]   # 副总|指挥: one post the tagger cut in two
        tokens = tokens[:-2] + [Token(pair, "n", tokens[-2].start, tokens[-1].end)]
    for k in range(len(tokens) - 1, -1, -1):
        t = tokens[k]
        # 立宪民主党|代表|野田佳彦: a post right before the name, whatever the tagger calls it
        last = k == len(tokens) - 1 and not headless and (t.word == "代表" or ends_with_head(t.word) in (t.word, t.word[1:]))
        # (副馆长, which the tagger may call an adjective)
        joins = run and k and tokens[k - 1].tag in _JOINS.get(t.word, ()) \
            and not (k >= 2 and tokens[k - 2].tag == "PER") \
            and not (t.word == "和" and tokens[k - 1].tag == "ORG" and tokens[k - 1].word.endswith("中央"))
        # 习近平主席|和|以色列总统: two people's posts; 越共中央|和|越南国会主席: a party's centre, and another's post
        if title_word(t) or last or joins:
            run.insert(0, t)
        else:
            break
    # 公安部分管日常工作的副部长: the deputy who runs the daily work is one post
    k = len(tokens) - len(run)
    n = next((n for n in range(3, 7) if run and k > n and "".join(t.word for t in tokens[k - n:k]) == DAILY_WORK), 0)
    if n:   # (the tagger cuts it as it likes: 分管|日常|工作|的, 分|管|日常|工作|的)
        before = _title_suffix(tokens[:k - n], whole=False, headless=True)
        if before:
            run = before + tokens[k - n:k] + run
    if len(tokens) - len(run) == 1 and tokens[0].tag == "v" and _LED_GROUP.search("".join(t.word for t in run)):
        run.insert(0, tokens[0])   # 推进|南水北调…领导小组|组长: a group named by its task
    if whole and len(run) != len(tokens):
        return None
    run = _after_conjunction(run)
    while run and len(run[0].word) == 1 and run[0].word not in _OPENING_CHARS and not _opens_place(run) \
            and not (len(run) > 1 and run[0].word != "中" and country_by_abbr(run[0].word)):   # 俄|武装力量总参谋长
        run.pop(0)
    if not run:
        return None
    text = "".join(t.word for t in run)
    k = len(tokens) - len(run)
    if k and tokens[k - 1].word in _GLUED_CUES and text in heads():
        run, text = [tokens[k - 1]] + run, tokens[k - 1].word + text   # 美国前|总统: as written
    if headless:
        return run
    if not (ends_with_head(text) or role_of(text)) or len(text) > 30:
        return None
    if cut and run[-1].end == cut[-1].end:
        run = run[:-1] + cut   # the tokens as the segment has them
    return run


_LED_GROUP = re.compile(r"(?:领导小组|工作小组|协调小组)")


# Words that join the parts of one written title, after a title word of these tags:
# 宪法和法律委员会, 党和国家领导人, 贸易与工业部部长; 中国驻德国大使; 国务委员兼国务院秘书长;
# 中国足球协会原主席.
_JOINS = {"和": ("n", "vn", "ORG"), "与": ("n", "vn", "ORG"), "驻": ("LOC", "ORG"), "兼": ("n", "nz", "ORG"),
          "原": ("ORG",)}   # 中国足球协会|原|主席: the body's former head


def title_word(t: Token) -> bool:
    """May the token be part of a title? A word of rank is, as the tagger may call it
    an adjective or a verb."""
    return t.tag in _TITLE_TAGS or (t.tag == "m" and _NUMBERED.fullmatch(t.word) is not None) or t.word in _RANKS \
        or t.word in _SIDES


# A number a post may hold: 第十四届, and a numbered congress (二十大|代表, a delegate to it).
_NUMBERED = re.compile(r"第.*|[一二三四五六七八九十]+大")


# Words of rank inside a post, whatever the tagger calls them (副|委员长, 常务|副主席, 执行|主席).
_RANKS = {"副", "常务", "执行", "候补", "名誉", "首席", "特别"}
# A side that names a command (东部|战区新闻发言人), whatever the tagger calls it.
_SIDES = {"东部", "西部", "南部", "北部", "中部"}


def _after_conjunction(run: list[Token]) -> list[Token]:
    """在北京同法国总统: the tagger glued 同法国 into one place; the title starts at 法国."""
    places = divisions().by_form
    for k in range(len(run) - 1, -1, -1):
        t = run[k]
        cut = max(t.word.rfind(c) for c in _CONJUNCTIONS)
        if t.tag == "LOC" and cut >= 0 and t.word not in places and t.word[cut + 1:] in places:
            return [Token(t.word[cut + 1:], t.tag, t.start + cut + 1, t.end)] + run[k + 1:]
    return run


def _opens_place(run: list[Token]) -> bool:
    """白|俄罗斯总统: the first character of a place name the tagger cut in two."""
    return len(run) > 1 and run[0].tag == "LOC" and run[0].word + run[1].word in divisions().by_form


def chain_before(tokens: list[Token], i: int) -> list[str]:
    """Titles written before the name at token ``i``, left to right."""
    return chain_span(tokens, i)[0]


def chain_span(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """The titles before the name at token ``i`` and the offset where they start."""
    titles, j, start = [], i, tokens[i].start
    first = True
    while j > 0:
        # the segment: tokens back to the previous separator or hard stop
        k = j
        while k > 0 and tokens[k - 1].word not in _SEPARATORS and tokens[k - 1].tag != "w":
            k -= 1
        segment = tokens[k:j]
        run = _title_suffix(segment, whole=not first)
        if not run and not first and tokens[j].word == "、":
            # 出席会议的中共中央政治局委员、国务院副总理何立峰, 会议由大会执行主席、…主持,
            # 会见朝鲜劳动党总书记、国务委员长金正恩: a list of posts after 的, 由 or a verb
            run = _title_suffix(segment, whole=False)
            if run and (len(run) == len(segment) or not (_opens_object(segment[-len(run) - 1], run[0])
                                                         or segment[-len(run) - 1].word in ("原", "前"))):
                run = None
        if not run:
            break
        titles.insert(0, "".join(t.word for t in run))
        start = run[0].start
        if len(run) != len(segment) or k == 0 or tokens[k - 1].word not in _SEPARATORS:
            break
        first = False
        j = k - 1
    return titles, start


def _opens_object(t: Token, first: Token) -> bool:
    """Does the token end what comes before a list of posts (的, 由, 对, 听取了, 会见)?"""
    if t.word in ("对", "向", "同", "与"):   # 记者对|重庆市委副书记、市长胡衡华进行了专访: a preposition's object
        return len(first.word) >= 2 and not dictionary_word(t.word + first.word[0])
        # (not 对|华合作国家委员会主席, 对华 a word)
    return t.word in ("的", "由", "了") or t.tag == "v" and len(t.word) >= 2 or t.tag == "TIME"   # 过去一年|全国人大代表、…


def title_after(tokens: list[Token], i: int) -> str | None:
    """A post written right after the name (习近平总书记, 陈敏尔书记)."""
    posts = read_list("title_after_name.txt")
    word, found = "", None
    for t in tokens[i + 1:i + 3]:    # the tagger may cut it (委员|长): the longest post
        word += t.word
        if word in posts:
            found = word
    if found and found != "同志":
        # 王储兼首相: two posts joined by 兼
        k = i + 1 + next(n for n in (1, 2) if "".join(t.word for t in tokens[i + 1:i + 1 + n]) == found)
        if k + 1 < len(tokens) and tokens[k].word == "兼" and tokens[k + 1].word in posts:
            return found + "兼" + tokens[k + 1].word
    if found:
        return None if found == "同志" else found
    # 刘泽金代表、饶文敏代表; 王芳代表说: a deputy (not 代表民建中央发言, on behalf of)
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if i + 1 < len(tokens) and tokens[i + 1].word == "代表" and (after is None or after.tag == "w" or after.word in _SPOKE):
        return "代表"
    return None


_SPOKE = ("说", "表示", "建议", "认为", "介绍", "发言", "指出", "提出", "先后", "分别", "等")


def split_title(title: str) -> tuple[str, str]:
    """(organisation part, head), cut by the lexicon-aware jieba tokenizer:
    重庆市经信委副主任 → (重庆市经信委, 副主任), 政法委书记 → (政法委, 书记),
    副市长 → ('', 副市长)."""
    words = list(title_tokenizer().cut(title, HMM=False))
    known = set(heads()) | set(person_roles())
    head = words[-1] if words and words[-1] in known else (ends_with_head(title) or role_of(title) or "")
    org = title[: len(title) - len(head)]
    # a rank written between the body and the post is the post's, with the former's cue before it
    # (政法委|原常务|副书记, 中非中心|执行|主任), and so is who is to take it up (澳门特别行政区|候任|行政长官) and a first deputy's rank (联合国|第一|副代表):
    # the body ends where a body's name does
    grade = _GRADE_BETWEEN.search(org) if head else None
    if grade:
        org, head = org[:grade.start()], org[grade.start():] + head
    return org, head


_GRADE_BETWEEN = re.compile(r"(?<=[委会部局院厅署办党团社所处馆站组府队台盟室心区])[原前]?(?:常务|执行)$|候任$|第一$")


# ---- posts the text puts in the past --------------------------------------------------
_REACH = 40   # tokens looked back from a name for a cue


def past_posts(tokens: list[Token], i: int, titles: list[str]) -> tuple[list[str], list[str]]:
    """(titles, the former ones) of the chain before the name at token ``i``: posts
    written after 时任, 曾任, 原, 前, 老 … were held before the article's date. A cue
    written into a title (原任县委书记, 老区长) is taken out of it."""
    if not titles:
        return titles, []
    n = min(_former_count(tokens, i), len(titles))
    former = set(range(len(titles) - n, len(titles)))
    out = []
    for k, title in enumerate(titles):
        bare = _without_cue(title)
        if bare != title or _glued_cue(title):
            former.add(k)
        out.append(bare)
    return out, [out[k] for k in sorted(former)]


def _former_count(tokens: list[Token], i: int) -> int:
    """How many of the last posts before the name follow a cue: those after the
    leftmost cue of the chain (原中共中央政治局常委、全国政协原主席 gives two)."""
    count, seps, j = 0, 0, i
    while j > 0 and i - j < _REACH:
        k = _cue_before(tokens, j)
        if k is not None and j < i and tokens[j].word not in _SEPARATORS:
            count, j = seps + 1, k
            continue
        t = tokens[j - 1]
        if t.word in _SEPARATORS:
            seps += 1
        elif t.tag not in _TITLE_TAGS and not (t.tag == "m" and t.word.startswith("第")):
            break
        j -= 1
    return count


def _cue_before(tokens: list[Token], j: int) -> int | None:
    """Where a cue ending right before token ``j`` starts: one token (时任, 原) or two
    (曾|任)."""
    cues = read_set("former_cues.txt")
    if tokens[j - 1].word in cues:
        return j - 1
    if j >= 2 and tokens[j - 2].word + tokens[j - 1].word in cues:
        return j - 2
    return None


def _without_cue(title: str) -> str:
    """原任县委书记 → 县委书记: a cue of its own is no part of the post. One character glued
    to a bare head stays, as written (前总统, 原副主任, 老区长: GUIDELINES, titles as written)."""
    for cue in read_list("former_cues.txt"):
        rest = title[len(cue):]
        if title.startswith(cue) and rest and len(cue) > 1:
            return rest
    return title


def _glued_cue(title: str) -> bool:
    """前总统, 原副主任: a one-character cue glued to a bare head (not 老干部局局长)."""
    return len(title) > 1 and title[0] in _GLUED_CUES and title[1:] in heads()


_GLUED_CUES = ("原", "前", "老")
