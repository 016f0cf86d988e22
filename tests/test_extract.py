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


def _gold_relations(result, rtype):
    from graph.gold import to_gold
    return {(x["source"], x["target"]) for x in to_gold(result.doc_id, [result])["relations"] if x["type"] == rtype}


def test_the_country_speaking_of_itself():
    r = analyse(_article("我国粮食产量稳中有升。中方愿同越方加强合作。多家德国企业在华追加投资。"))
    china = _entity(r, "District", "中国")
    assert china is not None and {"我国", "中方", "华"} <= set(china.aliases)
    # a country's name used as an attribute, or 华 opening another word, names no place
    r = analyse(_article("端午是中国人喜爱的节日，也是推进中国式现代化的契机。华为在华东新建工厂。"))
    assert _entity(r, "District", "中国") is None


def test_divisions_written_one_inside_the_other():
    text = ("今年5月，省长在广东湛江考察港口。随后，考察组来到甘肃省金昌、武威两地。"
            "记者来到河北雄安新区。李强在深圳主持座谈会，广东省长发言。辽宁全面振兴取得新突破。")
    r = analyse(_article(text, publication="新闻联播"))
    located = _gold_relations(r, "LOCATED_IN")
    assert {("湛江", "广东省"), ("金昌", "甘肃省"), ("武威", "甘肃省"), ("雄安新区", "河北")} <= located
    # the division table knows 深圳 is in 广东, but this text does not say so
    assert not any(s == "深圳" for s, _ in located)
    assert _entity(r, "District", "振兴区") is None


def test_each_level_of_a_written_chain():
    r = analyse(_article("在湖南省长沙市岳麓区，考察组走访了一家企业。", publication="新闻联播"))
    located = _gold_relations(r, "LOCATED_IN")
    assert {("岳麓区", "长沙市"), ("长沙市", "湖南省")} <= located
    assert ("岳麓区", "湖南省") not in located


def test_a_foreign_city_lies_in_the_country_written_before_it():
    r = analyse(_article("论坛于6月3日在法国巴黎举行。高铁连接印尼首都雅加达和万隆。", publication="新闻联播"))
    located = _gold_relations(r, "LOCATED_IN")
    assert {("巴黎", "法国"), ("雅加达", "印尼")} <= located
    assert _entity(r, "District", "印尼") is not None


def test_a_zone_lies_in_the_division_it_is_named_after():
    r = analyse(_article("会议在成都召开，各区县、成都高新区负责人在分会场参会。", publication="四川日报"))
    assert ("成都高新区", "成都") in _gold_relations(r, "LOCATED_IN")


def test_a_county_page_lends_its_county_to_its_articles():
    from graph.analyse import analyse_page
    texts = ["我区召开大会。区委书记在璧山区青杠街道调研，我区各街道参加。",
             "近日，丁家街道来凤社区开展义诊活动，我区居民踊跃参加。"]
    pages = [Article(f"p#{i}", "p.txt", i, t, (0, len(t))) for i, t in enumerate(texts)]
    second = analyse_page(pages)[1]
    assert ("丁家街道", "璧山区") in _gold_relations(second, "LOCATED_IN")
    # 区民政局 is the home district's, but the text writes no place in its name
    r = analyse(_article("区民政局为我区社区工作者购买保险。", publication="璧山报"))
    assert _gold_relations(r, "LOCATED_IN") == set()
    assert _entity(r, "District", "区社区") is None


def test_what_a_sentence_situates():
    text = ("据介绍，金凤软件产业园位于綦江区古南街道。"
            "在株洲，总理考察了中车株洲电力机车有限公司、湖南山河科技股份有限公司等企业，深入车间。"
            "在金川集团，总理慰问在岗工人。")
    r = analyse(_article(text, publication="新闻联播"))
    located = _gold_relations(r, "LOCATED_IN")
    assert ("金凤软件产业园", "古南街道") in located
    assert {("中车株洲电力机车有限公司", "株洲"), ("湖南山河科技股份有限公司", "株洲")} <= located


def test_a_tour_of_a_county_places_only_what_has_no_place_of_its_own():
    text = ("中央纪委书记赵乐际到汝城县调研。赵乐际来到郴州粮油机械有限公司和衡阳市纪委监委，看望干部。")
    r = analyse(_article(text, publication="新闻联播"))
    located = _gold_relations(r, "LOCATED_IN")
    assert not any(s == "衡阳市纪委监委" and t == "汝城县" for s, t in located)


def test_a_street_or_town_written_after_its_county():
    r = analyse(_article("书记来到浙江杭州市西湖区灵隐街道党群服务中心，又到綦江区特色小镇。", publication="新闻联播"))
    assert ("灵隐街道", "西湖区") in _gold_relations(r, "LOCATED_IN")
    assert _entity(r, "District", "特色小镇") is None


def test_a_work_lies_in_the_places_it_runs_through():
    text = "渝湘高铁起于重庆，经武隆、彭水止于湖南长沙。"
    r = analyse(_article(text, publication="新闻联播"))
    got = {t for s, t in _gold_relations(r, "LOCATED_IN") if s == "渝湘高铁"}
    assert {"重庆", "武隆", "彭水", "长沙"} <= got and "湖南" not in got


def test_works_in_a_county_paper_are_in_its_county():
    from graph.analyse import analyse_page
    texts = ["我区召开项目推进会。区委书记在璧山区调研，我区各街道参加。",
             "区长前往重庆璧泉新城项目、金剑山森林公园项目施工现场调研。"]
    pages = [Article(f"p#{i}", "p.txt", i, t, (0, len(t))) for i, t in enumerate(texts)]
    from graph.gold import to_gold
    page = to_gold("p", analyse_page(pages))
    located = {(x["source"], x["target"]) for x in page["relations"] if x["type"] == "LOCATED_IN"}
    # 重庆 is the city the paper's county lies in: the county is the place
    assert {s for s, t in located if t == "璧山区"} >= {"重庆璧泉新城项目", "金剑山森林公园项目"}
    assert not any(t == "重庆" for s, t in located)


def test_a_place_the_sentence_situates_is_a_place():
    r = analyse(_article("海坛地处福建福州东南部，缙云山位于重庆北碚。福州也是省会。", publication="新闻联播"))
    assert ("海坛", "福州") in _gold_relations(r, "LOCATED_IN")
    assert _entity(r, "District", "缙云山") is None


def test_the_place_an_organisation_name_starts_with():
    text = "中共綦江区委党校和綦江区人民医院体检中心的专家，来到綦江区教委。"
    located = _gold_relations(analyse(_article(text, publication="重庆日报")), "LOCATED_IN")
    assert ("中共綦江区委党校", "綦江区") in located
    # a unit is placed by its organisation, a district's own committee by nothing
    assert not any(s in ("綦江区人民医院体检中心", "綦江区教委") for s, _ in located)


def test_a_work_lies_where_another_work_it_reaches_is_named_after():
    text = "渝湘高铁起于重庆，经武隆止于包茂高速公路彭水郁山立交。彭水县将迎来高铁。"
    located = _gold_relations(analyse(_article(text, publication="新闻联播")), "LOCATED_IN")
    assert ("渝湘高铁", "彭水县") in located


def test_a_village_inside_a_post_is_a_place():
    r = analyse(_article("石门街道石门村党委书记刘明出席会议。", publication="新闻联播"))
    assert ("石门村", "石门街道") in _gold_relations(r, "LOCATED_IN")


def test_foreign_cities_named_in_apposition_or_as_hosts():
    text = ("铁路连接老挝首都万象和第二大城市琅勃拉邦。"
            "主席在巴西利亚出席会议，又在南非约翰内斯堡举行会谈，同南非总统交谈。活动在西人工岛举行。")
    r = analyse(_article(text, publication="新闻联播"))
    located = _gold_relations(r, "LOCATED_IN")
    assert {("万象", "老挝"), ("琅勃拉邦", "老挝")} <= located
    assert any(x.type == "PART_OF" and x.source[1].endswith("/约翰内斯堡") and x.target[1] == "南非" for x in r.relations)
    assert _entity(r, "District", "巴西利亚") is not None
    assert _entity(r, "District", "西人工岛") is None


def test_a_village_lac_read_with_its_county():
    r = analyse(_article("在黑龙江尚志龙王庙村，农民收获水稻。", publication="新闻联播"))
    located = _gold_relations(r, "LOCATED_IN")
    assert ("龙王庙村", "尚志") in located and ("尚志", "黑龙江") in located
    # the place before is 黑龙江, not the 龙江县 its last characters spell
    assert _entity(r, "District", "龙江县") is None


def test_what_is_built_in_a_place():
    text = "日本丰田公司在广东广州投资建设的丰田汽车新能源工厂项目开工。"
    located = _gold_relations(analyse(_article(text, publication="新闻联播")), "LOCATED_IN")
    assert ("丰田汽车新能源工厂项目", "广州") in located
