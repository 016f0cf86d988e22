"""Relations from what each sentence says.

A relation needs its cue in the sentence (lexicons/cues.tsv): 调研/考察/走进… for VISITED,
出席/主持/召开… for ATTENDED, 陪同 for ACCOMPANIED, 印发/出台/签署… for ISSUED. Two
names in one sentence without a cue are no relation.

The subject of a cue is an official written before it with nothing between them but
other officials and their titles, dates and words such as 一行, 等, 先后
(``区委书记周旭，区委副书记、区长何庆前往…``). The object is what the cue's clause names
(up to the next comma). A verb whose clause names no subject has the official who opens
an earlier clause of the sentence (调研期间，赵乐际来到…，并主持召开…), unless the clause
describes a person (会见来华出席…的总统X: X attended). A sentence that names no subject
(他指出…, 调研中，…) continues with the officials of the last visit; in a speech, 我 is its
author.

A report goes on about the meeting it holds (…座谈会召开, 主持召开…): 丁薛祥出席。, 吴政隆
参加。, 万鄂湘作工作报告 say who attended it. On a tour, a paragraph that opens on a
company and goes on with the visitor at work (…公司致力…。唐良智走进生产车间) is a visit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import Sentence
from .divisions import divisions, is_country, joined_countries
from .doc import Doc
from .lexicon import read_list, read_pairs
from .mentions import PRESENT_ALSO, UNNAMED_PEOPLE
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
_WORDS_BETWEEN = (r"一行|等|并|先后|分别|共同|联合|一同|带队|近日|日前|随后|还|也|又|专程|亲自|再次|实地|当地时间|"
                  r"[\d０-９一二三四五六七八九十]+[年月日]|上午|下午|晚上|当天|同志|现场|领导人|领导同志|负责同志|"
                  r"(?:通过|以)视频(?:连线)?(?:形式|方式)?")
_FILLER = re.compile(rf"^(?:{_WORDS_BETWEEN}|(?:在|赴|来|到)\S{{0,12}}|至|应邀|对|进行(?:国事|正式|友好|工作)*"
                     r"|率(?:\S{0,12}?(?:代表团|团组|考察团|调研组|工作组))?)*$")   # 率中央代表团|来到: who leads goes
# Before a speech: 在(大会)上, not 在听取…发言后 (someone else's speech).
_AT_MEETING = re.compile(rf"^(?:{_WORDS_BETWEEN}|在\S{{0,12}}?(?:上|会场|现场)|在主席台\S{{0,8}}|代表\S{{2,12}}"
                         r"|(?:中外|各界|与会|外方|中方)(?:代表|嘉宾))*$")
# Before the official who opens a clause: posts, dates, no phrase that may hide a verb.
_OPENER_FILLER = re.compile(rf"^(?:{_WORDS_BETWEEN})*$")
# What a visitor says others should do (希望外国投资者…到中国来) is no visit of his.
_WISHED = re.compile(r"^要|希望|欢迎|鼓励|必须")
_LEAD = re.compile(r"在([^，。]{2,60}?)[，,]")
_TO_CHINA = ("来华", "访华", "抵华")
_CLAUSE_END = re.compile(r"[，,；;。！？　 ]")   # (a heading parts its clauses with spaces)


@dataclass
class _Item:
    start: int
    end: int
    key: Key


@dataclass
class _Story:
    """What an article carries from one sentence to the next."""
    visitors: list[Key] = field(default_factory=list)   # the officials of the last visit
    lead: list[Key] = field(default_factory=list)       # those of the first: whom the story follows
    topic: Key | None = None        # the company a sentence opened on
    held: Key | None = None         # the last meeting the text holds (召开, 主持…), not one it cites
    session: Key | None = None      # the last session of a congress named (十四届全国人大二次会议)
    guests: Key | None = None       # the meeting of the guests the last sentence welcomed
    plenary: bool = False           # the meeting held hears members speak in turn (作大会发言)


@dataclass
class _Here:
    """One sentence and the outermost mentions in it."""
    s: Sentence
    items: list[_Item]
    text: str = field(init=False)
    officials: list[_Item] = field(init=False)
    meetings: list[_Item] = field(init=False)
    places: list[_Item] = field(init=False)
    people: list[_Item] = field(init=False)

    def __post_init__(self):
        self.text = self.s.text
        self.officials = [i for i in self.items if i.key[0] == "Official"]
        self.meetings = [i for i in self.items if i.key[0] == "Meeting"]
        self.places = [i for i in self.items if i.key[0] in _PLACE_LABELS]
        self.people = [i for i in self.items if i.key[0] == "Person"]


def cue_relations(doc: Doc) -> None:
    speaker = _speaker(doc.article, doc.entities)   # who 我 is
    for f in relate(doc.sents, doc.spans, doc.entities, speaker):
        doc.add(f.type, doc.entities[f.source], doc.entities[f.target], f.sentence)


def _speaker(article, entities: dict):
    """The official who gave a speech (在…座谈会上的讲话, signed 习近平) or signed an
    article he appears in as an official: the subject of its 我."""
    speech = re.search(r"讲话|致辞|报告$", article.title or "")
    for name in article.authors:
        if ("Official", name) in entities:
            return ("Official", name)
        if speech:
            person = entities.pop(("Person", name), None)
            e = entities[("Official", name)] = Resolved("Official", name, name)
            if person:
                e.first, e.spans, e.aliases, e.forms = person.first, person.spans, person.aliases, person.forms
            return ("Official", name)
    return None


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
    story = _Story()
    for s in sents:
        here = _Here(s, _outermost(by_sentence.get(s.index, [])))
        text, officials, meetings = here.text, here.officials, here.meetings

        def add(rtype, a: Key, b: Key):
            if a != b:
                found.append(Found(rtype, a, b, s.index))

        # the speaker of a speech attended the meeting its title names (在…座谈会上的讲话)
        if speaker and s.index == 0 and re.search(r"在.+上的", text):
            for i in meetings:
                add("ATTENDED", speaker, i.key)

        # ACCOMPANIED: 周旭，李旭锋陪同调研 / 陪同刘强调研
        for cue in _positions(text, _CUES["ACCOMPANIED"]):
            described = _WHO_ACCOMPANY.match(text, cue)
            if described:
                # 陪同出席活动的何立峰，…王小洪等同机抵达: those the phrase describes went with the visit
                stop = text.find("等", described.end())
                stop = _clause(text, described.end(), 0) if stop < 0 else stop
                for c in [o.key for o in officials if described.end() <= o.start < stop]:
                    for t in story.lead:
                        add("ACCOMPANIED", c, t)
                    if story.held and _PRESENT_AT_HELD.search(text, cue, described.end()):
                        add("ATTENDED", c, story.held)   # 陪同出席活动的…: the activity held
                continue
            companions = _subjects(text, officials, cue)
            clause = _clause(text, cue)
            led = [o.key for o in officials if cue < o.start < clause] or story.visitors
            for c in companions:
                for t in led:
                    add("ACCOMPANIED", c, t)
        # 区领导董伦、陈德川参加检查调研: they went along with the visit's leaders
        m = re.search(r"(参加|参与)(检查|调研|考察|视察)", text)
        if m and story.visitors and not _positions(text, _CUES["ACCOMPANIED"]):
            for c in _subjects(text, officials, m.start()):
                for t in story.visitors:
                    add("ACCOMPANIED", c, t)

        if not m:
            _visited(here, story, add)
        _toured(here, story, add)
        # 来华出席…的总统: a visit to China
        china = ("District", "中国")
        for cue in _positions(text, _TO_CHINA):
            visitors = _visitors(here, cue)
            if visitors and china not in entities:   # 来华 names China (华) where nothing else does
                div = divisions().lookup("中国")
                entities[china] = Resolved("District", div.name, "中国", attrs={"adcode": div.code, "level": 0},
                                           first=(s.index, cue), spans=[(s.index, cue + 1, cue + 2)])
            for o in visitors:
                add("VISITED", o, china)

        _attended(here, story, speaker, add)

        # ISSUED: 国务院办公厅印发《…》
        for cue in _positions(text, _CUES["ISSUED"]):
            issuers = [i.key for i in here.items if i.key[0] == "Organization" and _subject_gap(text, i.end, cue, here.items)]
            policies = [i.key for i in here.items if i.key[0] == "Policy" and cue < i.start < _clause(text, cue, 40)]
            for o in issuers:
                for p in policies:
                    add("ISSUED", o, p)
    return found


# An exhibition of a work's or a body's achievements (参观…“探月工程二十年”成果展览): the
# exhibition is visited, not what it shows.
_EXHIBITION_OF = re.compile(r"(?:[^，。；“”]{0,6}”)?(?:成果|成就|主题|图片)?展(?:览)?(?![开现望示区])")


def _visited(here: _Here, story: _Story, add) -> None:
    """VISITED by the cues of a visit; a verb of motion right before a place is a cue
    too (带队来碚, 赴大足)."""
    text, items = here.text, here.items
    cues = [c for c in _positions(text, _CUES["VISITED"])
            if not _positions(text[max(0, c - 3):c], _CUES["ACCOMPANIED"])]
    cues += [i.start - 1 for i in items if i.key[0] == "District" and i.start
             and text[i.start - 1] in "来到抵" and i.start - 1 not in cues]
    cues.sort()
    lead = _LEAD.match(text)
    for cue in cues:
        subjects = _visitors(here, cue)
        if not subjects and (not here.officials or _FOLLOW.match(text)) and not _WISHED.search(text, 0, cue):
            subjects = list(story.visitors)
        # 与到访的意大利总理梅洛尼会面: the places of the clause, not of his post
        described = _described(here.s, cue)
        clause = described.mark if described else _clause(text, cue)
        # 李强在湖南调研: the place between the subject and the verb
        # (not where the one who meets him is: 在北京会见来华访问的总理X)
        where = None if described else \
            re.search(r"(?:在|赴|到|来)([^，。；]{2,30})$|对([^，。；]{2,20}?)进行(?:国事|正式|友好|工作)*$", text[:cue])
        targets = [i.key for i in here.places
                   if (cue <= i.start < clause or (lead and i.end <= lead.end())
                       or (where and subjects and where.start() <= i.start and i.end <= cue))
                   and not _EXHIBITION_OF.match(text, i.end)]
        for o in subjects:
            for t in targets:
                add("VISITED", o, t)
        if subjects:
            story.visitors = subjects
            story.lead = story.lead or subjects
    # 在民勤县草方格固沙点，李克强听取…: on a tour, where the visitor is
    officials = here.officials
    if story.visitors and lead and not cues and officials and officials[0].start >= lead.end() \
            and _subject_gap(text, lead.end(), officials[0].start, items, _OPENER_FILLER):
        for i in here.places:
            if i.end <= lead.end():
                add("VISITED", officials[0].key, i.key)


def _toured(here: _Here, story: _Story, add) -> None:
    """重庆平伟汽车科技股份有限公司致力…。唐良智走进生产车间…: a paragraph that opens on a
    company, then the visitor at work there."""
    if story.topic and not here.places and _on_site(here.text, here.officials, story.visitors):
        for o in story.visitors:
            add("VISITED", o, story.topic)
    items = here.items
    story.topic = None
    if story.visitors and not here.officials and items and items[0].start == 0 \
            and items[0].key[0] in ("Organization", "Project"):
        story.topic = items[0].key


def _attended(here: _Here, story: _Story, speaker: Key | None, add) -> None:
    """ATTENDED: 陆克华出席会议, 李克强主持召开国务院常务会议, 我…召开了…座谈会, 丁薛祥出席。"""
    text, meetings = here.text, here.meetings
    attended = set()
    for cue in _positions(text, _CUES["ATTENDED"]):
        if _SET_FOR.search(text, _clause_start(text, cue), cue):
            continue   # 会议于2022年3月5日召开: the date set for it, no one holding it
        if _WENT_ALONG.match(text, cue):
            continue   # 王毅参加会见: the talks, which are no meeting
        clause = _clause(text, cue)
        while clause < len(text) and text[clause] in "　 " and any(i.start == clause + 1 for i in meetings):
            clause = _clause(text, clause + 1)   # 出席全国科技大会 国家科学技术奖励大会 …: a heading's meetings listed
        targets = [i.key for i in meetings if cue < i.start < clause]
        # 出席会议, 丁薛祥出席。: the meeting named before, or the one the report holds
        if not targets and _GENERIC_MEETING.match(text, cue + 2):
            before = [i.key for i in meetings if i.end <= cue]
            targets = before[-1:] or ([story.held] if story.held else [])
        # 潘基文、阿罗约等与会代表, …以及印度代表与会。: those of a list who take part in the meeting held
        if not targets and text.startswith("与会", cue) and (text.startswith("等", cue - 1) or _CLAUSE_END.match(text, cue + 2)) \
                and story.held and not meetings:
            targets = [story.held]
        for o in _attendees(here, cue, speaker):
            for t in targets:
                add("ATTENDED", o, t)
                attended.add(t)
        # 出席座谈会的党外人士还有A、B、C
        also = _ALSO_PRESENT.match(text, cue)
        if also:
            meeting = targets or ([story.held] if story.held and _GENERIC_MEETING_OF.match(text, cue + 2) else [])
            for o in here.officials:
                if o.start >= also.end():
                    for t in meeting:
                        add("ATTENDED", o.key, t)
    # 欢迎来华出席…开幕式的国际贵宾。他们是：A、B…: the guests named after who they are
    if story.guests and _THEY_ARE.match(text):
        for o in here.officials:
            add("ATTENDED", o.key, story.guests)
    story.guests = next((i.key for i in meetings if _PRESENT_AT.search(text, 0, i.start)
                         and _GUESTS.match(text, i.end)), None)
    # 在主席台就座的还有：A、B…: those seated at the meeting held
    seated = _SEATED_ALSO.match(text)
    if seated and story.held and not meetings:
        for o in here.officials:
            if o.start >= seated.end():
                add("ATTENDED", o.key, story.held)
    # 万鄂湘作工作报告, 李希发了言: who speaks at the meeting of the report attended it
    for cue in _positions(text, _CUES["SPEECH"]):
        made = _MADE.search(text, 0, cue)
        cue = made.start() if made else cue   # …作了|发言
        topic = _SPOKEN_ON.search(text, max(0, text.rfind("。", 0, cue) + 1), cue)
        cue = topic.start() if topic else cue   # 江金权就全会情况…作了介绍
        if story.held and not meetings and not _CITED.search(text, 0, cue):
            for o in _attendees(here, cue, filler=_AT_MEETING):
                add("ATTENDED", o, story.held)
    # 参加所在代表团审议, 参加内蒙古代表团审议: the session the delegation sits in
    for m in _DELEGATION.finditer(text):
        inside = [i.key for i in meetings if m.start() <= i.start < m.end()]
        for o in _attendees(here, m.start()):
            for t in inside or ([story.session] if story.session else []):
                add("ATTENDED", o, t)
    # a party congress is the session of its delegations only where the text has it held or
    # deliberated in, not where it is cited (党的二十大以来, 党的二十大精神)
    story.session = next((i.key for i in reversed(meetings) if _SESSION.search(i.key[1]) and (
        not i.key[1].startswith("党的") or _HELD.match(text, i.end) or _PRESENT_AT.search(text, 0, i.start)
        or any(m.start() <= i.start < m.end() for m in _DELEGATION.finditer(text)))), story.session)
    # 看望出席全国政协十四届一次会议的委员并参加讨论: leaders who join the members at a session
    for m in _JOINED_MEMBERS.finditer(text):
        for o in _attendees(here, m.start()):
            for i in meetings:
                if m.start() < i.start and i.end <= m.end():
                    add("ATTENDED", o, i.key)
    # 沈春耀作了说明, 信春鹰作的关于…草案审议结果的报告: who reports to the session held
    if story.held:
        for m in _REPORTED.finditer(text):
            for o in _attendees(here, m.start(), filler=_AT_MEETING):
                add("ATTENDED", o, story.held)
    # 会议听取了国务院港澳事务办公室主任夏宝龙关于…的汇报: whom the meeting hears reported to it
    if story.held:
        for m in _HEARD.finditer(text):
            for o in here.officials:
                if m.start() < o.start and o.end <= m.start(1):
                    add("ATTENDED", o.key, story.held)
    # 何立峰在会上传达…并讲话: who speaks at the meeting held, whatever he says there
    # (苏辉，吴荣元，…徐晓在大会上发言: each of a list before it)
    if story.held and not meetings:
        for m in _AT_THE_MEETING.finditer(text):
            if text.startswith("的", m.end()):
                continue   # 习近平总书记在全会上的重要讲话: a speech cited, not given here
            for o in _subjects(text, here.officials, m.start(), here.people, filler=_AT_MEETING):
                add("ATTENDED", o, story.held)
    # 习近平总书记在(全国)…座谈会上发表重要讲话
    for i in meetings:
        at = _AT.search(text, max(0, i.start - 6), i.start)
        if at and _SPOKEN_AT.match(text, i.end):
            for o in _subjects(text, here.officials, at.start()):
                add("ATTENDED", o, i.key)
            if not text.startswith("上的", i.end):
                attended.add(i.key)     # a speech given here, not one cited
        # 在刚刚闭幕的中央经济工作会议上，习近平总书记发表重要讲话
        lead = _AFTER_THE_MEETING.match(text, i.end)
        if at and lead:
            for o in here.officials:
                if o.start >= lead.end() and _OPENER_FILLER.match(text[lead.end():o.start]) \
                        and _GIVES_SPEECH.match(text, o.end):
                    add("ATTENDED", o.key, i.key)
                    attended.add(i.key)
    story.held = next((i.key for i in reversed(meetings) if i.key in attended
                       or _HELD.match(text, i.end) and not _SCHEDULED.match(text, i.end)
                       or (_HOLDS.search(text, max(0, i.start - 6), i.start) and not _SINCE.match(text, i.end)
                           and not _DECIDED_FOR.search(text, _clause_start(text, i.start), i.start))
                       or _HELD_WITHIN.search(text, i.start, i.end)),   # 中共中央|举行|新闻发布会
                      story.held)
    # 14位政协常委…作大会发言。易纲常委建议…: each member who opens a paragraph speaks at it
    story.plenary = story.plenary or bool(story.held and _PLENARY.search(text))
    if story.plenary:
        for o in here.officials:
            if (o.start == 0 or _CLAUSE_END.match(text, o.start - 1)) and _MEMBER_SPEAKS.match(text, o.end):
                add("ATTENDED", o.key, story.held)
    # at a press conference held (here or before), who answers or explains took part in it
    # (郑栅洁表示, 蓝佛安在回答…的提问时说, 秦刚就…回答), whatever meeting the answer names
    if story.held and _BRIEFING.search(story.held[1]):
        for cue in _positions(text, _ANSWERS):
            topic = _SPOKEN_ON.search(text, max(0, text.rfind("。", 0, cue) + 1), cue)
            cue = topic.start() if topic else cue   # 秦刚就中国外交政策和对外关系回答
            for o in _subjects(text, here.officials, cue, here.people, filler=_WHILE_ANSWERING):
                add("ATTENDED", o, story.held)


_AT_THE_MEETING = re.compile(r"(?:也|还|随后|先后|分别)?在(?:(?:会|会议|大会|座谈会|全会|开幕式|闭幕式|论坛|峰会)上"
                             r"|(?:致辞|讲话|发言|演讲|主旨演讲|主旨讲话)中)")
_DELEGATION = re.compile(r"参加了?[^，。；]{0,30}?(?:代表团|委员小组|界别小组|界别)的?(?:审议|讨论|协商)"
                         r"|来到(?:他|她)?所在的[^，。；]{0,30}?代表团")
_SESSION = re.compile(r"届全国人大[一二三四五六七八九十]+次会议$|全国政协[一二三四五六七八九十]+届[一二三四五六七八九十]+次会议$"
                      r"|^党的[一二三四五六七八九十]+大$")
_PRESENT_AT = re.compile(r"(?:出席|参加|列席)$")
_SEATED_ALSO = re.compile(r"在主席台[^，,。；;]{0,8}?就座的[^，,。；;]{0,6}?(?:还有|有)[：:]?")
_GUESTS = re.compile(r"的[^，。；]{0,8}?(?:贵宾|嘉宾|外宾|领导人)[。：:]?$")
_THEY_ARE = re.compile(r"(?:他们|嘉宾|贵宾)(?:分别)?(?:是|有)[：:]")
_JOINED_MEMBERS = re.compile(r"看望(?:出席|参加|列席)[^，。；]{2,40}?的[^，。；]{0,8}?(?:委员|代表)[^，。；]{0,6}?(?:参加|一起)[^，。；]{0,6}?(?:讨论|审议)")
_BRIEFING = re.compile(r"(?:记者会|发布会|吹风会|通气会|记者见面会)$")
_ANSWERS = ("表示", "介绍", "解读", "回答", "说", "指出", "强调", "答记者问")
_WHILE_ANSWERING = re.compile(rf"^(?:{_WORDS_BETWEEN}|在(?:回答|谈到|介绍|答)[^，。；]{{0,40}}?时|就[^，。；]{{1,40}})*$")
_GENERIC_MEETING_OF = re.compile(r"(?:会议|座谈会|全会|大会|开幕会|闭幕会|开幕式|闭幕式|仪式|会)的")
_ALSO_PRESENT = re.compile(PRESENT_ALSO)
# After an attending verb, a meeting named by its kind alone (出席会议, 主持开幕会) or nothing.
_WENT_ALONG = re.compile(r"参加了?(?:上述|相关|有关)?(?:会见|会谈)")
_GENERIC_MEETING = re.compile(r"了?(?:(?:上午|下午|晚上)?(?:和(?:上午|下午|晚上))?的?(?:全体会议|会议)|座谈会|全会|大会|开幕会|闭幕会"
                              r"|开幕式|闭幕式|仪式|峰会|论坛|年会|典礼|会|(?:上述|相关|纪念|庆祝)?活动)?(?=[，,。；;、并和]|$)")
# A meeting held: M…召开/举行, 在M上，…, 举行M
# (迎接…胜利召开, 成功召开…后 cite a meeting as an event of the past or to come)
_HELD = re.compile(r"(?:[，,]于[^，,。；;的是]{0,24}?|[^，,。；;的是]{0,16}?|[^，,。；;的是]{0,8}?在[^，,。；;是]{1,20}?)(?<!胜利)(?<!成功)(?:召开|举行|开幕|闭幕)(?![的以后前])|上[，,]")
_SET_FOR = re.compile(r"(?:定于|将于|于\d{4}年)[^，,。；;]{0,12}$")
_PRESENT_AT_HELD = re.compile(r"(?:出席|参加)(?:活动|会议|大会|仪式|庆祝活动|纪念活动)的")
_WHO_ACCOMPANY = re.compile(r"陪同[^，,。；;的]{0,12}的")
_MADE = re.compile(r"(?:先后|分别|相继)?作了?(?:交流|书面|大会|专题|重点|主题|典型)?$")
_SPOKEN_ON = re.compile(r"(?:重点|分别)?(?:就|围绕)[^。；;]{1,80}?$")
_REPORTED = re.compile(r"(?:分别)?作(?:了|的|(?=说明|报告|汇报))[^。；;]{0,80}?(?:报告|说明|汇报|讲座)")
_HEARD = re.compile(r"听取了?[^。；;，,]{2,40}?(关于)[^。；;]{0,80}?的(?:汇报|报告|说明)")
# 会议于2025年3月5日召开, 定于…举行: a date set for it, not a report of it
_SCHEDULED = re.compile(r"[^，,。；;]{0,4}?(?:定于|将于|于\d{4}年)")
_HELD_WITHIN = re.compile(r"举行|召开")
_HOLDS = re.compile(r"(?<!胜利)(?<!成功)(?<!即将)(?:召开|举行|举办)了?$")
_DECIDED_FOR = re.compile(r"决定|定于|将于|拟于|计划于")   # 决定8月22日至24日在北京召开…: a meeting to come
_SINCE = re.compile(r"[^，,。；;]{0,4}?(?:后|以来|之前|前|精神)")
_AT = re.compile(r"在[^，,。；;在]{0,5}$")
# 在…座谈会上(的|发表)重要讲话
_SPOKEN_AT = re.compile(r"上(?:的|发表了?|作了?)?(?:重要|视频|书面)?(?:讲话|致辞|报告|发言|主旨演讲|演讲)")
# A speech cited, not given (习近平总书记在全会上的重要讲话)
_AFTER_THE_MEETING = re.compile(r"上[，,]")
_GIVES_SPEECH = re.compile(r"(?:总书记|主席|总理|委员长|同志)?(?:发表了?|作了?)(?:重要|主旨)?(?:讲话|致辞|报告|演讲)")
_CITED = re.compile(r"的(?:重要)?$")
# Members speaking in turn to the plenary (14位政协常委作大会发言), each by his post (易纲常委建议).
_PLENARY = re.compile(r"(?:作|进行)了?大会发言")
_MEMBER_SPEAKS = re.compile(r"(?:常委|委员|代表)(?:代表[^，,。；;]{2,20}?)?(?:发言)?(?:建议|提出|表示|认为|指出|说)")
# After the subject of a verb, the words that report what he said (李强指出，…要参加…).
_SAYS = re.compile(r"指出|强调|表示|说|要求|希望|认为|提出|介绍")


def _on_site(text: str, officials: list[_Item], visitors: list[Key]) -> bool:
    """The sentence opens with a visitor (or 他) who does what one does on the spot
    (走进…, 听取…汇报, 察看…) before saying anything."""
    if text.startswith("他"):
        start = 1
    elif officials and officials[0].start == 0 and officials[0].key in visitors:
        start = officials[0].end
    else:
        return False
    first = text[start:_clause(text, start)]
    said = _SAYS.search(first)
    cues = _positions(first, _CUES["VISITED"]) + _positions(first, _CUES["ONSITE"])
    return bool(cues) and (not said or min(cues) < said.start())


def _visitors(here: _Here, cue: int) -> list[Key]:
    """The subject of a visiting verb: the official the verb's clause describes, the
    officials right before it (places between them say where), or the one who opens an
    earlier clause."""
    named = _modified(here.s, here.officials, cue)
    if named is not None:
        return named
    return (_subjects(here.text, here.officials, cue, here.places)
            or _carried(here, cue))


def _attendees(here: _Here, cue: int, speaker: Key | None = None, filler: re.Pattern = _FILLER) -> list[Key]:
    """The subject of an attending verb: the official the verb's clause describes
    (会见来华出席…的总统X), the officials right before it, 我 in a speech, the one who
    opens an earlier clause (赵乐际来到…，并主持召开…), or who 由…主持 names."""
    text, officials = here.text, here.officials
    named = _modified(here.s, officials, cue)
    if named is not None:
        return named
    # people in the list are no gap (无党派人士代表孙其信 among the leaders who spoke)
    subjects = _subjects(text, officials, cue, here.people, filler=filler)
    if not subjects and speaker and ("我" in text[max(0, cue - 20):cue] or not officials):
        subjects = [speaker]
    if subjects:
        return subjects
    subjects = _carried(here, cue)
    if not subjects:
        chair = re.search(r"由(.{0,30}?)主持", text)
        if chair and text.find("主持", chair.start()) == cue:
            subjects = [o.key for o in officials if chair.start() < o.start < cue]
    return subjects


def _modified(s: Sentence, officials: list[_Item], cue: int) -> list[Key] | None:
    """The person a verb's clause describes (会见来华出席开幕式的乌兹别克斯坦总统X), or
    None if the verb is in no such clause."""
    person = _described(s, cue)
    if person is None:
        return None
    return [o.key for o in officials if o.start == person.start]


def _described(s: Sentence, cue: int) -> _Described | None:
    """The person the clause of the verb at ``cue`` describes: after the clause's 的,
    places, a post and the name (到访的意大利总理梅洛尼, 来华…的斯里兰卡总理X, whatever
    LAC makes of X). A post with no name after it (看望…的全国政协委员) is no one's."""
    clause = _clause(s.text, cue)
    toks = [t for t in s.tokens if cue < t.start < clause]
    mark = next((t for t in toks if t.word == "的"), None)
    if mark is None:
        return None
    words, post = "", False
    for t in toks[toks.index(mark) + 1:]:
        if t.word == "、":     # 越共中央总书记、国家主席苏林
            words, post = "", False
            continue
        if post and t.tag not in ("w", "u", "v", "c", "p"):
            return _Described(t.start, mark.start)
        if t.tag not in _DESCRIBING:
            return None
        words += t.word
        post = bool(ends_with_head(words))
    return None


# What stands between a clause's 的 and the name it describes: places, posts, numbers.
_DESCRIBING = {"LOC", "ORG", "n", "nz", "nw", "m", "PER"}


@dataclass
class _Described:
    start: int      # the name
    mark: int       # the 的 before it


def _carried(here: _Here, cue: int) -> list[Key]:
    """The official who opens a clause of the sentence before the verb, when nobody else
    may be its subject and nothing he said stands between: 调研期间，赵乐际来到…，亲切看望…，
    并主持召开…; 韩正在北京会场，李希在广州会场，共同出席… gives both."""
    text, officials, others = here.text, here.officials, here.items
    openers = [o for o in officials if o.end <= cue and not _SAYS.search(text, o.end, cue)
               and not _FUTURE.search(text[o.end:cue])
               and _subject_gap(text, _clause_start(text, o.start), o.start, others, _OPENER_FILLER)]
    if not openers:
        return []
    own = _clause_start(text, cue)
    if _clause_start(text, openers[-1].start) == own:
        # in his own clause, no one else he names (习近平举行仪式欢迎突尼斯总统访华)
        if _someone(here, openers[-1].end, cue):
            return []
    elif not _subject_gap(text, own + (text[own:own + 1] in "他她"), cue, others):
        return []
    if _TOGETHER.search(text, own, cue):
        return [o.key for o in openers]
    # with the officials listed before him (区委书记周旭，区委副书记、区长何庆前往…)
    return _subjects(text, officials, openers[-1].end)


def _someone(here: _Here, start: int, end: int) -> bool:
    """A person or a post is named between ``start`` and ``end``."""
    return any(start <= t.start and t.end <= end and (t.tag == "PER" or ends_with_head(t.word))
               for t in here.s.tokens)


# 计划于…召开, 将出席, 建议召开: what is to come is not done
_FUTURE = re.compile(r"将|计划|拟于|准备|建议|提议|呼吁|决定")
_TOGETHER = re.compile(r"共同|一同|一起")


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding offset ``at`` begins."""
    return max(text.rfind(c, 0, at) for c in "，,；;") + 1


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


def _subjects(text: str, officials: list[_Item], cue: int, places: list[_Item] = (),
              filler: re.Pattern = _FILLER) -> list[Key]:
    """Officials who are the subject of the verb at ``cue`` (places between them are
    where it happens: 李克强在甘肃省金昌、武威考察)."""
    out = []
    for o in officials:
        if o.end <= cue and _subject_gap(text, o.end, cue, [*officials, *places], filler) \
                and not _ENVOY_OF.match(text, o.end) and not _toward_official(text, o, officials, cue):
            out.append(o.key)
    return out


def _toward_official(text: str, o: _Item, officials: list[_Item], cue: int) -> bool:
    """习近平对|卢拉访华表示欢迎: the official after 对 is the verb's subject, not who speaks of him."""
    return text.startswith("对", o.end) and any(
        o.end < p.start < cue and not re.search(r"[，,。；;]", text[o.end:p.start]) for p in officials)


# 习近平主席特别代表、国家副主席王岐山出席: the leader whose envoy attends does not
_ENVOY_OF = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:特别代表|特使)")


def _subject_gap(text: str, end: int, cue: int, others, filler: re.Pattern = _FILLER) -> bool:
    """Only other subjects, their posts and filler words between ``end`` and ``cue``."""
    gap = text[end:cue]
    for o in others:
        if end <= o.start and o.end <= cue:
            start = o.start
            if o.key[0] == "Person":   # 台湾青年杨品骅: what a person of the list is, with him
                m = _DESCRIBED.search(text, max(end, o.start - 10), o.start)
                start = m.start() if m else start
            gap = gap.replace(text[start:o.end], "、")
    # 李强、赵乐际等党和国家领导人出席: what the named are, its 和 no list's
    gap = gap.replace("党和国家领导", "领导").replace("以及", "、")
    for name in _JOINED_NAMES.findall(gap):   # 阿尔及利亚总理: no 及 of a list
        gap = gap.replace(name, "国")
    pieces = [p for p in re.split(r"[、，,和及与]", gap) if p and not p.startswith("·")]   # 帕巴拉|·格列朗杰
    # 李作成、苗华，军委机关各部门、各战区…有关负责同志等参加: bodies listed before the unnamed people
    group = gap[:1] in "、，," and bool(pieces) and bool(_GROUP_PIECE.match(pieces[-1]))
    for k, piece in enumerate(pieces):
        if not (filler.match(_without_post(piece)) or ends_with_head(piece) and "担任" not in piece or _GROUP_PIECE.match(piece)
                or _group_then_filler(piece, filler)
                or group and k < len(pieces) - 1 and _BODY_PIECE.match(piece)
                or k < len(pieces) - 1 and is_country(piece)):   # …以及印度、阿根廷外长与会
            return False
    return len(gap) <= 200   # a list of twenty leaders with their posts


_DESCRIBED = re.compile(r"(?<=[，,、])[\u4e00-\u9fff]{1,8}$")


# Countries whose names hold a conjunction (阿尔及利亚, 特立尼达和多巴哥)
_JOINED_NAMES = joined_countries()


# Unnamed people and the bodies they come from, in a list of those present:
# 刘国中、李干杰，中共中央、国务院有关部门负责人出席
_GROUP_PIECE = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,20}}{UNNAMED_PEOPLE}|中共中央|党中央|国务院|全国人大常委会|全国政协|中央军委)$")


def _group_then_filler(piece: str, filler: re.Pattern) -> bool:
    """和大会主席团成员在主席台|就座: the unnamed present, then where they are."""
    m = _GROUP_HEAD.match(piece)
    return m is not None and bool(filler.match(piece[m.end():]))


_GROUP_HEAD = re.compile(rf"[\u4e00-\u9fff]{{0,20}}?{UNNAMED_PEOPLE}")


_BODY_PIECE = re.compile(r"^[\u4e00-\u9fff]{0,14}(?:部门|单位|机关|战区|军兵种|部队|地方|企业|高校|院校|学院|大学|中心|委员会|办公室"
                         r"|组织|联盟|东盟|[^、]{1,3}会)$")   # 东盟、海合会国家领导人


def _without_post(piece: str) -> str:
    """A gap without the post written right after the name (习近平总书记近日考察)."""
    post = next((w for w in read_list("title_after_name.txt") if piece.startswith(w)), "")
    return piece[len(post):]
