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


def _people_of(text):
    r = analyse(_article(text, publication="新闻联播"))
    return {e.name: e for e in r.entities if e.label in ("Official", "Person")}, r


@pytest.mark.parametrize("text,name,glued", [
    # 副 of the post after the name
    ("人大常委会副委员长陈海明副委员长主持闭幕会。陈海明说，要依法履职。", "陈海明", "陈海明副"),
    # a preposition or 等 after a name the text also writes alone
    ("国家副主席韩正同智利副总统互致贺电。韩正表示，愿深化合作。", "韩正", "韩正同"),
    ("国家主席、中央军委主席习近平等出席。习近平发表讲话。", "习近平", "习近平等"),
])
def test_names_the_tagger_glued_to_a_neighbour(text, name, glued):
    people, _ = _people_of(text)
    assert glued not in people
    assert people[name].label == "Official"


def test_unglue_keeps_a_name_the_document_never_writes_shorter():
    from collections import Counter
    from graph.extract import unglue_names
    from graph.nlp import Token

    def toks(*pairs):
        out, p = [], 0
        for w, t in pairs:
            out.append(Token(w, t, p, p + len(w)))
            p += len(w)
        return out
    names = Counter({"托卡耶夫": 1, "魏凤和": 2, "斯图布": 1})
    got = unglue_names(toks(("同托卡耶夫", "PER"), ("总统", "n")), names)
    assert [(t.word, t.tag) for t in got] == [("同", "p"), ("托卡耶夫", "PER"), ("总统", "n")]
    got = unglue_names(toks(("同斯", "PER"), ("图布", "n"), ("总统", "n")), names)
    assert [t.word for t in got] == ["同", "斯图布", "总统"] and got[1].start == 1
    # 魏凤和 is a name: the document never writes 魏凤 alone
    assert [t.word for t in unglue_names(toks(("魏凤和", "PER"), ("出席", "v")), names)] == ["魏凤和", "出席"]
    # a foreign name never ends with 同: 同一天
    got = unglue_names(toks(("扬·利帕夫斯基同", "PER"), ("一天", "TIME")), names)
    assert [t.word for t in got] == ["扬·利帕夫斯基", "同", "一天"]
    got = unglue_names(toks(("阿拉格齐同", "PER"), ("一天", "TIME"), ("表示", "v")), names)
    assert [t.word for t in got] == ["阿拉格齐", "同", "一天", "表示"]
    # the post and name of the one met follow 同
    got = unglue_names(toks(("李明同", "PER"), ("巴西", "LOC"), ("副总统", "n"), ("阿尔克明", "PER")), names)
    assert [t.word for t in got][:2] == ["李明", "同"]
    got = unglue_names(toks(("张立新及", "PER"), ("市教育局", "ORG"), ("党组", "n"), ("成员", "n"), ("、", "w"),
                            ("副局长", "n"), ("王海", "PER")), names)
    assert [t.word for t in got][:2] == ["张立新", "及"]
    got = unglue_names(toks(("刘文华说", "PER"), ("，", "w")), names)
    assert [t.word for t in got] == ["刘文华", "说", "，"]
    # 同 opens no transliterated name: 同|迪亚斯-卡内尔
    got = unglue_names(toks(("同迪亚斯", "PER"), ("-", "w"), ("卡内尔", "PER")), names)
    assert [t.word for t in got][:2] == ["同", "迪亚斯"]


def test_a_form_of_address_is_an_alias_of_the_full_name():
    people, _ = _people_of("国务院总理李强出席论坛。李总理在致辞中表示，中国经济长期向好。")
    assert "李总理" not in people
    assert "李总理" in people["李强"].aliases
    # without the post in the document, a surname and a post name no one
    people, _ = _people_of("官兵们表示，要认真学习王主席的重要讲话精神。")
    assert "王主席" not in people


def test_a_post_points_at_its_own_organ():
    text = ("中共中央国务院中央军委向大会致贺信。中共国务院国资委党组举行会议，国务院国资委主任张玉卓主持。"
            "中央纪委书记李希出席会议。黑龙江省委常委、政府副省长王一新出席。")
    _, r = _people_of(text)
    orgs = {(x.source[1], x.attrs["title"]): x.target[1] for x in r.relations if x.type == "HOLDS_POSITION"}
    assert orgs[("李希", "中央纪委书记")] == "中央纪委"
    assert orgs[("王一新", "政府副省长")] == "黑龙江省政府"
    assert orgs[("张玉卓", "国务院国资委主任")] == "国务院国资委"


def test_a_post_points_at_the_unit_it_heads():
    text = "挪威外交部长艾德会见了中方代表。孟加拉国驻华大使哈桑出席招待会。国家副主席韩正出席开幕式。"
    _, r = _people_of(text)
    orgs = {(x.source[1], x.attrs["title"]): x.target[1] for x in r.relations if x.type == "HOLDS_POSITION"}
    assert orgs[("艾德", "挪威外交部长")] == "挪威外交部"
    assert orgs[("哈桑", "孟加拉国驻华大使")] == "孟加拉国驻华大使馆"
    assert orgs[("韩正", "国家副主席")] == "中华人民共和国"

