"""HOLDS_POSITION: each post of an official, to the body it belongs to (市委常委 in a
Chongqing paper → 重庆市委; 总理 → 国务院; 区长 → the county's 人民政府); a post the text
puts in the past (时任, 原…) is marked ``former``."""
from __future__ import annotations

import re

from .divisions import country_by_abbr, divisions, is_country
from .doc import Doc
from .lexicon import read_list, read_pairs, read_set
from .nlp import common_tag
from .resolve import Home, _qualify, central_organ, implied
from .titles import DAILY_WORK, ends_with_head, split_title, stationed

# Posts whose organisation is implied by the post alone.
_HEAD_ORG = {
    "总理": "国务院", "副总理": "国务院", "国务委员": "国务院",
    "总书记": "中共中央", "国家主席": "中华人民共和国", "国家副主席": "中华人民共和国",
}
_CITY_GOV = ("市长", "副市长", "常务副市长", "代市长")
_COUNTY_GOV = ("区长", "副区长", "代区长", "县长", "副县长")


def holds_position(doc: Doc) -> None:
    _positions(doc.entities, doc.home, doc.add)


def _positions(entities: dict, home: Home, add) -> None:
    """HOLDS_POSITION: each title of an official, to the organisation it belongs to; a
    post the text puts in the past (时任, 原…) is one too, marked ``former``. A body
    whose name the post writes (中共中央政治局 in 中共中央政治局常委, 市委 in 市委常委) is
    an entity of the document; one the post only implies (总理 → 国务院) is ``implied``."""
    for o in [e for e in entities.values() if e.label == "Official"]:
        si = o.first[0]
        previous = None
        # 总书记, 总理 alone name 中共中央's, 国务院's post, unless the official's other
        # titles give that post a body (越共中央总书记) or put him abroad
        bodied = {split_title(t)[1] for t in o.titles if split_title(t)[0]}
        abroad = any(_abroad(split_title(t)[0] or "") for t in o.titles)
        # 越共中央政治局委员、中央书记处常务书记: the organs of the Centre of the party abroad the
        # official's other post names
        party = next((m.group(1) for t in o.titles if (m := _FOREIGN_PARTY.match(t))), None)
        for title in o.titles:
            org_part, head = split_title(title)
            if party and org_part.startswith("中央"):
                org_part = party + org_part
            if org_part and "兼" in org_part:
                org_part = org_part.rsplit("兼", 1)[1] or None   # 国务委员兼国务院秘书长: the last post's body
            if org_part and len(org_part) == 2 and org_part.endswith(("副", "原")):
                org_part = org_part[0]   # 俄|副外长: the deputy's 副 is the post's, the country's character is left
            if org_part and len(org_part) > 2:
                # 拉德万部队副|指挥官, …发展中心原|党委书记: the deputy's 副 and the former's 原 are the post's,
                # and so are a rank or an honour (终审法院首席|法官, 全国模范|检察官)
                org_part = re.sub(r"(?:常务)?副$|原$|已故$|原(?=党委|党组|纪委|纪检)|首席$|特别$|(?:全国)?模范$", "", org_part)
                # 伊朗已故|总统: the late president's country; 人民银行原|党委书记: the committee's
            org = None
            if org_part:
                org = _organ(org_part, head, previous, home)
            elif head in _HEAD_ORG and head not in bodied and not abroad:
                org = _HEAD_ORG[head]
            elif head in _CITY_GOV and home.city:
                org = home.city.name + "人民政府"
            elif head in _COUNTY_GOV and home.county:
                org = home.county.name + "人民政府"
            org = central_organ(org) if org else org
            if org in read_set("generic_heads.txt"):
                org = None   # 政法委书记 in a report of no place: a kind of body, not one
            previous = org or previous
            if not org:
                continue   # the post stays in the official's titles; no organisation to point at
            target = next((e for e in entities.values() if e.label in ("Organization", "District") and e.name == org), None)
            target = target or next((e for e in entities.values() if e.label in ("Organization", "District")
                                     and org in e.aliases), None)
            target = target or _country(entities, org) or _state(entities, org, head) or implied(entities, "Organization", org)
            if org_part and target.label == "Organization" and not _place(org):
                _written(target, org_part + _organ_in_head(head), si)
            past = {"former": True} if title in o.former else {}
            add("HOLDS_POSITION", o, target, si, title=title, title_norm=head or title, **past)


_FOREIGN_PARTY = re.compile(r"((?!中共|中国共产党)[\u4e00-\u9fff]{1,8}?[共党])中央")


def _country(entities: dict, name: str):
    """A country's post (国家主席 of 中华人民共和国, 巴西总统) belongs to the country, a
    District wherever it is named (GUIDELINES, Settled cases), and so does a special region's
    (香港特区行政长官: 香港特别行政区)."""
    d = divisions()
    region = re.fullmatch(r"(.{2,4})特区", name)
    div = d.lookup(region.group(1) if region else name)
    special = region is not None and div is not None and div.name.endswith("特别行政区")
    if not special and (div is None or div.level != 0):
        return None
    same = next((e for e in entities.values() if e.label == "District" and e.attrs.get("adcode") == div.code), None)
    if same is not None:
        if name != same.name:
            same.aliases.add(name)
        return same
    return implied(entities, "District", div.name, key=d.path(div.code), adcode=div.code, level=div.level)


def _state(entities: dict, name: str, head: str):
    """A governor's state or province abroad (俄勒冈州州长, 西澳州州长, 加州州长) and a
    mayor's city abroad (莫斯科市长, 基辅市市长) are the place, a District, as a country's post
    is the country's."""
    governor = head.lstrip("副代") in ("州长", "省长") and re.fullmatch(r"[\u4e00-\u9fff·]{1,10}[州省]", name)
    mayor = head.lstrip("副代") == "市长" and re.fullmatch(r"[\u4e00-\u9fff·]{2,10}", name) \
        and name[-1] not in _BODY_CHARS and divisions().lookup(name) is None
    if not (governor or mayor):
        return None
    return implied(entities, "District", name, key=name)


def _written(body, form: str, si: int) -> None:
    """The body is named by the text, in a post: no longer implied, and the form the
    post writes (市委 for 重庆市委) is one of its names."""
    body.attrs.pop("implied", None)
    if form != body.name and len(form) >= 2 and form not in _RELATIVE_ORGANS \
            and not ("驻" in form and "驻" not in body.name) \
            and not body.name.startswith(form) and not ends_with_head(form) and not _FIELD.search(form):
        # (联合国驻也门|协调员: where it serves; 伊朗石油|部长: the ministry cut; 阿盟秘书长|特别代表: a post;
        # 欧盟外交与安全政策|高级代表: a field)
        body.aliases.add(form)
    body.first = min(body.first, (si, 0))


def _abroad(org_part: str) -> bool:
    """Does the body open with a foreign country, by its name or its one-character
    abbreviation before a party (越共, 老挝人民革命党: 老挝)?"""
    from .divisions import COUNTRY_CODE
    d = divisions()
    for n in range(min(len(org_part), 8), 1, -1):
        div = d.by_form.get(org_part[:n])
        if div is not None:
            div = div if not isinstance(div, list) else div[0]
            return div.level == 0 and div.code != COUNTRY_CODE
    return org_part[:1] in _FOREIGN_ABBR and org_part[1:2] in ("共", "方", "党")


_FOREIGN_ABBR = {a for a, code in read_pairs("country_abbr.tsv") if code != "CN"}   # 俄, 越…


def _place(name: str) -> bool:
    """A division or a country (巴西 in 巴西副总统): no organisation of its own."""
    return divisions().lookup(name) is not None


# Organs that a chain names relative to the post before (党委常委、政府副主席: the
# government of that region; 劳动党中央政治局常委、中央书记), or that a meeting has:
# alone they name no organisation.
_RELATIVE_ORGANS = ("中央", "政府", "人民政府", "党委", "党组", "人大", "人大常委会", "政协", "纪委", "议会",
                    "中央委员会", "自治区", "驻华", "大会", "会议", "主席团", "大会主席团", "会议主席团")
# A party committee's own organs: after a post at that committee they are its organs
# (市委常委、政法委书记 → 市委政法委; 区委常委、组织部部长 → 区委组织部).
_COMMITTEE_ORGANS = ("政法委", "组织部", "宣传部", "统战部", "办公厅", "办公室", "政研室", "政策研究室",
                     "社会工作部", "网信办", "编办", "巡视办", "教育工委", "秘书长")
# The unit a post heads when the name before it stops short: 财政部长 is 财政部's.
_POST_UNIT = {"部长": "部", "副部长": "部", "局长": "局", "副局长": "局", "厅长": "厅", "副厅长": "厅",
              "大臣": "部", "副大臣": "部"}   # 丹麦国防大臣: of 丹麦国防部


# 香港特别行政区第六任行政长官: the holder's number is no part of the body
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+(?:任|届)$")


_BODY_CHARS = set("委协会部局院厅署办党军团社行所处馆站组府队盟")   # how a body's short name ends (市委, 政协)
# The field of an envoy's or a representative's post, written between the body and the post
_FIELD = re.compile(r"(?:政策|事务|问题)$")


def _organ(org_part: str, head: str, previous: str | None, home: Home) -> str | None:
    """The organisation of a post from the part of the title before its head."""
    org_part = re.sub(r"^(?:再次)?(?:当选|连任)+", "", org_part)   # 当选连任马达加斯加共和国总统
    if org_part.startswith(("有关", "该", "此", "这")):
        return None   # 有关内阁部长, 该党主席: no body named
    if "常驻" in org_part and head == "代表":   # 俄常驻维也纳国际组织代表: the country's envoy
        country = org_part.split("常驻")[0]
        div = country_by_abbr(country)
        return div.name if div else country or None
    if head == "代表" and "驻" in org_part[2:] or head != "大使" and stationed(org_part) is not None:
        # 联合国难民署驻黎巴嫩代表, 联合国驻也门协调员: the body's envoy or officer there
        org_part = org_part[:org_part.index("驻", 2)]
    if head == "大代表" or head == "党代表" and not org_part:
        return None   # 二十大代表: a delegate to a congress, which is a meeting, not a body
    if re.search(r"第[一二三四五六七八九十百\d]+次.*(?:大会|会议)$", org_part):
        return None   # 中国共产党第二十次全国代表大会新闻发言人: a session's, which is a meeting
    # 民族和宗教委员会驻会副主任: who works there full time; 驻会 is no part of the body
    org = _ORDINAL.sub("", org_part.replace(DAILY_WORK, "")).removesuffix("驻会") + _organ_in_head(head)
    org = re.sub(r"(?:首席|特别|(?:全国)?模范)$", "", org)   # 终审法院首席|法官, 全国模范|检察官: the post's rank or honour
    if head == "党代表":
        org += "党"   # 立宪民主党代表: the party's leader
    if (inner := ends_with_head(org)) and not _organ_in_head(inner):
        org = org[:-len(inner)]   # 俄罗斯总统新闻秘书: the president's aide serves his country
    if head == "大使":
        # 中国驻赞比亚大使: an ambassador serves his country, written right before 驻; the embassy
        # is a body only where the text writes it
        sender = org.split("驻")[0]
        return next((sender[-n:] for n in range(min(len(sender), 8), 1, -1) if is_country(sender[-n:])),
                    getattr(country_by_abbr(sender[-1:]), "name", None))
    if head in ("特使", "特别代表", "特别顾问"):   # 美国中东问题特使: an envoy serves his country
        org = next((org[:n] for n in range(min(len(org), 8), 1, -1) if is_country(org[:n])), org)
    if len(org) == 1 and (country := country_by_abbr(org)) is not None:
        return country.name   # 俄|外长, 美|总统: the country by its one character
    if len(org) < 2 or len(org) == 2 and common_tag(org) in ("n", "a", "v", "vn") \
            and org[-1] not in _BODY_CHARS and head[0] not in _BODY_CHARS:   # (财政|部长: the ministry)
        return None   # 选择|党主席, 议|会议长: a piece of a name the tagger cut; 军事|领导人: a field, no body
    d = divisions()
    # 中华人民共和国香港特别行政区行政长官: a division written inside another heads the post
    org = next((org[n:] for n in range(2, len(org) - 1) if org[:n] in d.by_form and d.lookup(org[n:])), org)
    # 东盟轮值主席国马来西亚总理: the country the role before it describes
    org = next((org[n:] for n in range(2, len(org) - 1) if org[n - 1] == "国" and is_country(org[n:])), org)
    # 俄罗斯统一俄罗斯党主席: a body whose own name holds the country written before it is named without it
    org = next((org[n:] for n in range(2, len(org) - 1) if is_country(org[:n]) and org[:n] in org[n:]), org)
    if not _bodylike(org) and head not in _POST_UNIT:
        # 美国总统国家安全事务|助理, 印度国家|安全顾问: an aide for a field to a post, or a
        # country's adviser, serves the post's body or the country
        org = next((org[:n - len(inner)] for n in range(len(org) - 1, 2, -1)
                    if (inner := ends_with_head(org[:n])) and not _organ_in_head(inner) and n - len(inner) >= 2),
                   next((org[:n] for n in range(len(org) - 1, 1, -1) if is_country(org[:n])), org))
        if ends_with_head(org[:2]) or ends_with_head(org[:3]) == org[:3]:
            return None   # (前)总统国家安全事务|助理 with no country: no body named
        if _FIELD.search(org):
            # 欧盟外交与安全政策|高级代表: the post's field after its body
            org = next((org[:n] for n in range(len(org) - 1, 1, -1) if _bodylike(org[:n])), org)
    if org.endswith("地区") and d.lookup(org[:-2]) is not None:
        org = org[:-2]   # 台湾地区领导人: the region's
    org = _qualify(org, home)
    if org in _RELATIVE_ORGANS:
        return _within(org, previous)
    if org in _COMMITTEE_ORGANS and previous and previous.endswith("委") and not previous.endswith(_COMMITTEE_ORGANS):
        return previous + org
    # 两江新区党工委书记、管委会主任: the zone's administration beside its party committee
    if org in ("管委会", "管理委员会") and previous:
        zone = next((previous[:-len(p)] for p in ("党工委", "党委") if previous.endswith(p)), None)
        if zone:
            return zone + org
    unit = _POST_UNIT.get(head)
    if unit and not org.endswith(unit) and not org.endswith(read_list("org_suffixes.txt")):
        org += unit
    return org
# The organ a compound post starts with: 纪委书记, 党组书记, 政协主席, 人大常委会主任.
_HEAD_ORGANS = ("委", "党组", "政协")


def _bodylike(org: str) -> bool:
    """Does the name end as a body's or a place's does (…办公厅, …委, 参谋长联席会议, 巴西)?"""
    return org[-1] in _BODY_CHARS or org.endswith(read_list("org_suffixes.txt") + ("会议",)) or _place(org)


def _organ_in_head(head: str) -> str:
    """中央纪委书记 is 书记 of 中央纪委: the organ part of a compound post; a deputy
    (全国人大代表) sits in 人大."""
    if head.endswith("人大代表"):
        return head[:-2]
    for k in range(1, len(head) - 1):
        if head[:k].endswith(_HEAD_ORGANS) and ends_with_head(head[k:]) == head[k:]:
            return head[:k]
    return ""


def _within(organ: str, previous: str | None) -> str | None:
    """A relative organ within the organisation of the post before it: 中央 after
    朝鲜劳动党中央政治局 is 朝鲜劳动党中央; 政府 after 内蒙古自治区党委 is the region's."""
    if not previous:
        return None
    k = previous.find(organ[:2])
    if k > 0:
        within = previous[:k] + organ
        # 中共全国人大常委会党组书记、委员长: the state body itself goes without 中共
        return within[2:] if within.startswith("中共") and not within.endswith(("党组", "党委", "委")) else within
    place = next((previous[:n] for n in range(min(len(previous), 12), 1, -1) if previous[:n] in divisions().by_form), None)
    return place + organ if place else None
