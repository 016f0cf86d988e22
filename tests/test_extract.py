"""Extraction on real sentences of the seeds and of cctv_news: titles, contextual
references, division resolution, relations with their evidence."""
from __future__ import annotations

import pytest

from graph.analyse import analyse
from graph.divisions import divisions, short_name
from graph.extract import analyse_sentences, mentions
from graph.titles import chain_before, split_title
from loaders.article import Article


def _article(text, publication=None, doc_id="t#0"):
    return Article(doc_id, "t.txt", 0, text, (0, len(text)), publication=publication, date="2020-03-05")


def _titles(sentence, name):
    s = analyse_sentences(sentence)[0]
    i = next(k for k, t in enumerate(s.tokens) if t.word == name)
    return chain_before(s.tokens, i)


@pytest.mark.parametrize("sentence,name,titles", [
    ("市委常委、政法委书记刘强带队来碚，实地调研。", "刘强", ["市委常委", "政法委书记"]),
    ("区委书记周旭，区委副书记、区长何庆前往歇马街道。", "何庆", ["区委副书记", "区长"]),
    ("四川省委常委、组织部部长王正谱出席会议并讲话。", "王正谱", ["四川省委常委", "组织部部长"]),
    ("调研中，刘强走进永辉超市文星湾店。", "刘强", []),
    # the tagger cuts 白|俄罗斯: the place keeps its first character
    ("当天，国家主席习近平会见了来访的白俄罗斯总统卢卡申科。", "卢卡申科", ["白俄罗斯总统"]),
    # and glues 同法国: the place where they met is not the president's
    ("习近平在深圳同法国总统马克龙举行会晤。", "马克龙", ["法国总统"]),
])
def test_title_chain_before_a_name(sentence, name, titles):
    assert _titles(sentence, name) == titles


def test_title_chain_across_a_comma():
    got = _titles("市委常委，两江新区党工委书记、管委会主任段成刚出席会议。", "段成刚")
    assert got[-2:] == ["两江新区党工委书记", "管委会主任"]


def test_title_split_into_organisation_and_post():
    assert split_title("重庆市经信委副主任") == ("重庆市经信委", "副主任")
    assert split_title("区委副书记") == ("区委", "副书记")
    assert split_title("副市长") == ("", "副市长")


def test_officials_and_persons():
    text = "本报讯（记者 霍吕）区委书记周旭，西南大学党委书记李旭锋陪同调研。习近平总书记作出重要指示。"
    found = {m.text: m for m in mentions(analyse_sentences(text), authors=("霍吕",))}
    assert found["周旭"].label == "Official" and found["周旭"].titles == ["区委书记"]
    assert found["李旭锋"].titles == ["西南大学党委书记"]
    assert found["习近平"].label == "Official" and "总书记" in found["习近平"].titles
    assert found["霍吕"].label == "Person"


def test_division_short_forms_and_hierarchy():
    d = divisions()
    assert short_name("石柱土家族自治县") == "石柱"
    assert short_name("新疆维吾尔自治区") == "新疆"
    assert d.lookup("北碚").name == "北碚区"
    assert d.lookup("石柱县").name == "石柱土家族自治县"
    assert d.path(d.lookup("北碚区").code) == "中国/重庆市/北碚区"
    # 江北区 is in 重庆 and in 宁波: context decides, none without it
    chongqing = d.lookup("重庆").code
    assert d.lookup("江北区") is None
    assert d.path(d.lookup("江北区", {chongqing}).code) == "中国/重庆市/江北区"


def _entity(result, label, name):
    return next((e for e in result.entities if e.label == label and (e.name == name or name in e.aliases)), None)


def test_contextual_references_in_a_district_paper():
    text = ("3月5日，市委常委、政法委书记刘强带队来碚，实地调研疫情防控工作。"
            "刘强走进永辉超市文星湾店，详细了解我区商务服务行业复业复市情况。北碚区相关负责人介绍了情况。")
    r = analyse(_article(text, publication="北碚报"))
    beibei = _entity(r, "District", "北碚区")
    assert beibei is not None and {"碚", "我区"} <= set(beibei.aliases)
    visited = {(x.source[1], x.target[1]) for x in r.relations if x.type == "VISITED"}
    assert ("刘强", beibei.key) in visited


def test_relative_organisation_names_get_their_district():
    text = "区民政局积极协调，为全区志愿者购买了保险。北碚区委书记周旭讲话。"
    r = analyse(_article(text, publication="北碚报"))
    org = _entity(r, "Organization", "区民政局")
    assert org is not None and org.name == "北碚区民政局"


def test_relations_carry_their_sentence_and_need_a_cue():
    text = ("市委常委、政法委书记刘强带队来碚调研。区委书记周旭，西南大学党委书记李旭锋陪同调研。"
            "调研中，刘强走进区青年志愿服务中心。周旭和刘强都是北碚人。")
    r = analyse(_article(text, publication="北碚报"))
    acc = [x for x in r.relations if x.type == "ACCOMPANIED"]
    assert {(x.source[1], x.target[1]) for x in acc} == {("周旭", "刘强"), ("李旭锋", "刘强")}
    assert all("陪同" in x.sentence for x in acc)
    # co-mention without a cue makes no relation between the two officials
    assert not any(x.type == "VISITED" and x.target[0] == "Official" for x in r.relations)


def test_attended_a_numbered_meeting():
    text = "4月21日，市政府第95次常务会议召开，副市长李波出席会议。"
    r = analyse(_article(text, publication="重庆日报"))
    meeting = _entity(r, "Meeting", "市政府第95次常务会议")
    assert meeting is not None
    assert any(x.type == "ATTENDED" and x.source[1] == "李波" and x.target == ("Meeting", meeting.key)
               for x in r.relations)


def test_cctv_national_news():
    text = ("中共中央党校3月1日举行建校90周年庆祝大会暨2023年春季学期开学典礼。"
            "中共中央总书记、国家主席、中央军委主席习近平出席并发表重要讲话。")
    r = analyse(_article(text, publication="新闻联播"))
    xi = _entity(r, "Official", "习近平")
    assert xi is not None and {"中共中央总书记", "国家主席", "中央军委主席"} <= set(xi.titles)


def _official(sentence, name):
    return next(m for m in mentions(analyse_sentences(sentence)) if m.text == name and m.label == "Official")


@pytest.mark.parametrize("sentence,name,former", [
    # a post the text dates before the article: 时任, 曾任, 原…, 前…, 老…
    ("2004年，时任浙江省委书记赵立新来到这个村调研。", "赵立新", ["浙江省委书记"]),
    ("曾任浙江省委书记赵立新出席。", "赵立新", ["浙江省委书记"]),
    ("原福建省副省长刘建华出席座谈会。", "刘建华", ["福建省副省长"]),
    ("老区长刘建华回到村里看望乡亲。", "刘建华", ["区长"]),
    # a cue before a comma is no cue of the post after it
    ("会见前，国务院总理李强同他亲切握手。", "李强", []),
    ("浙江省委书记赵立新主持召开会议。", "赵立新", []),
])
def test_former_posts(sentence, name, former):
    m = _official(sentence, name)
    assert m.former == former and set(former) <= set(m.titles)


def test_only_the_posts_after_the_cue_are_former():
    m = _official("重庆市委常委、原副市长刘建华出席会议。", "刘建华")
    assert m.former == ["副市长"]
    m = _official("美国前总统布朗今天在纽约表示，将继续推动两国交流。", "布朗")
    assert m.former and m.former == m.titles


def test_a_former_post_is_marked_on_its_relation():
    text = "1990年，时任福州市委书记赵立新到鼓岭调研。如今，国务院副总理赵立新再次来到这里。"
    r = analyse(_article(text, publication="新闻联播"))
    posts = {x.attrs["title"]: x.attrs.get("former", False) for x in r.relations if x.type == "HOLDS_POSITION"}
    assert posts == {"福州市委书记": True, "国务院副总理": False}
    # a post that one sentence says is held now is current, whatever the others say
    text = "时任福州市委书记赵立新在会上讲话。福州市委书记赵立新主持会议。"
    r = analyse(_article(text, publication="新闻联播"))
    assert not any(x.attrs.get("former") for x in r.relations if x.type == "HOLDS_POSITION")
