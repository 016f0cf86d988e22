"""Officials across documents: one name is one official unless the posts put its
mentions in different provinces whose dates interleave (posts in one province, then in
another, are a transfer); mentions without posts join the official of the paper's
province, else the one named most. Same bytes for any number of workers and for an
incremental update."""
from __future__ import annotations

import json
from pathlib import Path

from graph.builder.job import build
from graph.extract.divisions import divisions
from graph.merge.officials import Officials
from graph.extract.regions import LISTED, region_of_org
from graph.schema import node_id

SICHUAN_MEMBER = {"title": "四川召开生态环境保护会议", "date": "2021-04-02", "publication": "四川日报",
                  "text": "4月1日，四川省委常委王刚主持召开全省生态环境保护工作会议，部署下一阶段重点工作。"}
JIANGSU_VICE = {"title": "江苏推进乡村振兴", "date": "2021-04-03",
                "text": "江苏省副省长王刚到南京市江宁区调研乡村振兴工作，察看了农田水利建设。"}
SICHUAN_SECRETARY = {"title": "省委召开常委会", "date": "2021-04-04", "publication": "四川日报",
                     "text": "省委书记王刚主持召开省委常委会会议，传达学习有关会议精神。"}
SICHUAN_NO_POST = {"title": "调研企业复工", "date": "2021-04-05", "publication": "四川日报",
                   "text": "王刚在成都调研企业复工复产情况，看望慰问一线职工。"}
NO_HOME_NO_POST = {"title": "座谈会召开", "date": "2021-04-06",
                   "text": "王刚到企业调研，听取了企业代表的意见建议。"}
CHENGDU_SECRETARY = {"title": "成都部署防汛工作", "date": "2021-04-07",
                     "text": "成都市委书记李明主持召开防汛工作会议，要求压实各级责任。"}
SICHUAN_DEPUTY = {"title": "四川召开防汛会议", "date": "2021-04-08",
                  "text": "四川省委副书记李明出席全省防汛工作会议并讲话。"}
STATE_COUNCIL = {"title": "国务院召开会议", "date": "2021-04-09",
                 "text": "国务院副总理李明主持召开国务院防汛抗旱工作会议。"}
ZHEJIANG_SECRETARY = {"title": "浙江部署数字化改革", "date": "2022-01-10",
                      "text": "浙江省委书记赵立新主持召开全省数字化改革推进会，部署下一阶段工作。"}
ZHEJIANG_VISIT = {"title": "浙江调研", "date": "2022-01-25",
                  "text": "浙江省委书记赵立新到杭州市调研数字经济发展情况。"}
CHONGQING_SECRETARY = {"title": "重庆调研", "date": "2022-03-08",
                       "text": "重庆市委书记赵立新到渝北区调研数字经济发展情况。"}
SICHUAN_JANUARY = {"title": "四川部署春耕", "date": "2022-01-12",
                   "text": "四川省副省长刘建华到眉山市调研春耕备耕工作。"}
JIANGSU_FEBRUARY = {"title": "江苏部署安全生产", "date": "2022-02-15",
                    "text": "江苏省副省长刘建华主持召开全省安全生产工作会议。"}
SICHUAN_MARCH = {"title": "四川推进乡村振兴", "date": "2022-03-20",
                 "text": "四川省副省长刘建华到南充市调研乡村振兴工作。"}
JIANGSU_UNDATED = {"title": "江苏召开会议",
                   "text": "江苏省委书记赵立新主持召开全省经济工作会议。"}
# a national leader whose past provincial posts are recalled, on interleaved dates
NATIONAL = {"title": "中央经济工作会议举行", "date": "2023-01-10",
            "text": "中共中央总书记、国家主席习近平出席会议并发表重要讲话。"}
FUJIAN_PAST = {"title": "鼓岭情缘", "date": "2023-03-05",
               "text": "1992年，时任福州市委书记习近平到鼓岭看望老朋友。"}
ZHEJIANG_PAST = {"title": "余村的变化", "date": "2023-06-20",
                 "text": "2005年8月15日，时任浙江省委书记习近平在安吉余村考察。"}
FUJIAN_PAST_AGAIN = {"title": "福州治水", "date": "2023-09-01",
                     "text": "1993年，时任福州市委书记习近平部署内河整治工作。"}


def corpus(folder: Path, days: dict[str, list[dict]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in folder.glob("*.jsonl"):
        f.unlink()
    for day, records in days.items():
        (folder / f"day-{day}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return folder


def officials(out: Path, name: str) -> dict[str, dict]:
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    return {n["id"]: n for n in graph["nodes"] if n["label"] == "Official" and n["name"] == name}


def by_region(nodes: dict) -> dict[str, dict]:
    return {n.get("region"): n for n in nodes.values()}


def test_posts_in_two_provinces_at_the_same_time_are_two_officials(tmp_path):
    # 四川 on the 2nd and the 4th, 江苏 on the 3rd: not one official transferred
    src = corpus(tmp_path / "src", {"1": [SICHUAN_MEMBER], "2": [JIANGSU_VICE], "3": [SICHUAN_SECRETARY]})
    build([src], tmp_path / "out", html=False)
    nodes = by_region(officials(tmp_path / "out", "王刚"))
    assert set(nodes) == {"四川省", "江苏省"}
    assert nodes["四川省"]["id"] == node_id("Official", "王刚（四川省）")
    assert nodes["四川省"]["doc_ids"] == ["day-1#0", "day-3#0"] and nodes["江苏省"]["doc_ids"] == ["day-2#0"]
    assert nodes["四川省"]["homonyms"] == ["王刚（江苏省）"]
    # merges.json says which namesakes were split, and why
    merges = json.loads((tmp_path / "out" / "merges.json").read_text("utf-8"))
    split = {m["split"]["region"]: m["split"] for m in merges if "split" in m}
    assert split["四川省"]["homonyms"] == [{"id": nodes["江苏省"]["id"], "key": "王刚（江苏省）"}]
    assert "四川省" in split["四川省"]["reason"]


def test_a_mention_without_posts_joins_the_official_of_its_paper(tmp_path):
    # alone, a 四川 paper's secretary and a mention with no post are one official, under the plain id
    src = corpus(tmp_path / "src", {"1": [SICHUAN_SECRETARY], "2": [SICHUAN_NO_POST]})
    build([src], tmp_path / "one", html=False)
    assert list(officials(tmp_path / "one", "王刚")) == [node_id("Official", "王刚")]
    # beside a 江苏 namesake: the relative 省委 and the unplaced mention are the 四川 paper's
    src = corpus(src, {"0": [SICHUAN_MEMBER], "1": [SICHUAN_SECRETARY], "2": [SICHUAN_NO_POST], "3": [JIANGSU_VICE]})
    build([src], tmp_path / "two", html=False)
    nodes = by_region(officials(tmp_path / "two", "王刚"))
    assert nodes["四川省"]["doc_ids"] == ["day-0#0", "day-1#0", "day-2#0"]
    assert nodes["江苏省"]["doc_ids"] == ["day-3#0"]


def test_a_mention_of_no_place_joins_the_official_named_most(tmp_path):
    src = corpus(tmp_path / "src", {"1": [SICHUAN_MEMBER, SICHUAN_SECRETARY], "2": [JIANGSU_VICE],
                                    "3": [NO_HOME_NO_POST]})
    build([src], tmp_path / "out", html=False)
    nodes = by_region(officials(tmp_path / "out", "王刚"))
    assert nodes["四川省"]["doc_ids"] == ["day-1#0", "day-1#1", "day-3#0"]


def test_compatible_posts_are_one_official(tmp_path):
    # a city's post and its province's, then a national one: one official, the plain id
    src = corpus(tmp_path / "src", {"1": [CHENGDU_SECRETARY], "2": [SICHUAN_DEPUTY], "3": [STATE_COUNCIL]})
    build([src], tmp_path / "out", html=False)
    nodes = officials(tmp_path / "out", "李明")
    assert list(nodes) == [node_id("Official", "李明")]
    node = nodes[node_id("Official", "李明")]
    assert node["documents"] == 3 and "region" not in node
    assert {"成都市委书记", "四川省委副书记", "国务院副总理"} <= set(node["titles"])


def test_the_region_of_an_organisation():
    context = frozenset()
    assert region_of_org("中共江苏省委", context, None) == "江苏省"
    assert region_of_org("南京市江宁区人民政府", context, None) == "江苏省"
    assert region_of_org("国务院", context, "四川省") is None
    assert region_of_org("省委", context, "四川省") == "四川省"
    assert region_of_org("省委", context, None) is None
    assert region_of_org("东方电气集团", context, None) is None   # a firm, not 东方市
    # an ambiguous district name is settled by the places of its document
    jiangbei = frozenset({divisions().lookup("宁波市").code})
    assert region_of_org("江北区人民政府", jiangbei, None) == "浙江省"


def test_same_bytes_for_any_number_of_workers(tmp_path):
    days = {"1": [SICHUAN_MEMBER], "2": [JIANGSU_VICE], "3": [SICHUAN_NO_POST, SICHUAN_SECRETARY],
            "4": [NO_HOME_NO_POST], "5": [ZHEJIANG_SECRETARY], "6": [CHONGQING_SECRETARY]}
    src = corpus(tmp_path / "src", days)
    for workers in (1, 2):
        r = build([src], tmp_path / f"out-{workers}", html=False, workers=workers)
        assert r.analysed == 6
    assert len(officials(tmp_path / "out-1", "王刚")) == 2
    assert list(officials(tmp_path / "out-1", "赵立新")) == [node_id("Official", "赵立新")]
    for name in ("graph.json", "graph.graphml", "merges.json"):
        assert (tmp_path / "out-1" / name).read_bytes() == (tmp_path / "out-2" / name).read_bytes(), name


def test_an_update_that_splits_a_name_merges_again(tmp_path):
    src = corpus(tmp_path / "src", {"1": [SICHUAN_MEMBER, SICHUAN_SECRETARY], "2": [SICHUAN_NO_POST]})
    out = tmp_path / "out"
    build([src], out, html=False)
    # a later day that only adds a mention leaves the official as it was: updated in place
    corpus(src, {"1": [SICHUAN_MEMBER, SICHUAN_SECRETARY], "2": [SICHUAN_NO_POST], "3": [NO_HOME_NO_POST]})
    assert build([src], out, html=False).incremental
    # a later day that names a 江苏 namesake between the 四川 posts splits the name:
    # everything is merged again
    days = {"1": [SICHUAN_MEMBER, SICHUAN_SECRETARY], "2": [SICHUAN_NO_POST], "3": [NO_HOME_NO_POST],
            "4": [JIANGSU_VICE]}
    corpus(src, days)
    r = build([src], out, html=False)
    assert not r.incremental and r.analysed == 1
    build([src], tmp_path / "full", html=False, incremental=False)
    for name in ("graph.json", "graph.graphml", "merges.json"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    assert set(by_region(officials(out, "王刚"))) == {"四川省", "江苏省"}


def test_posts_in_one_province_then_another_are_a_transfer(tmp_path):
    src = corpus(tmp_path / "src", {"1": [ZHEJIANG_SECRETARY], "2": [ZHEJIANG_VISIT], "3": [CHONGQING_SECRETARY]})
    build([src], tmp_path / "out", html=False)
    nodes = officials(tmp_path / "out", "赵立新")
    assert list(nodes) == [node_id("Official", "赵立新")]
    node = nodes[node_id("Official", "赵立新")]
    assert node["doc_ids"] == ["day-1#0", "day-2#0", "day-3#0"] and "region" not in node
    assert {"浙江省委书记", "重庆市委书记"} <= set(node["titles"])
    merges = json.loads((tmp_path / "out" / "merges.json").read_text("utf-8"))
    assert not [m for m in merges if "split" in m]


def test_interleaved_dates_are_two_officials(tmp_path):
    # 四川 in January and March, 江苏 in February: two namesakes, whatever order the files come in
    src = corpus(tmp_path / "src", {"1": [SICHUAN_MARCH], "2": [JIANGSU_FEBRUARY], "3": [SICHUAN_JANUARY]})
    build([src], tmp_path / "out", html=False)
    nodes = by_region(officials(tmp_path / "out", "刘建华"))
    assert set(nodes) == {"四川省", "江苏省"}
    assert nodes["四川省"]["doc_ids"] == ["day-1#0", "day-3#0"]
    assert nodes["江苏省"]["homonyms"] == ["刘建华（四川省）"]


def test_an_undated_document_does_not_split(tmp_path):
    src = corpus(tmp_path / "src", {"1": [ZHEJIANG_SECRETARY], "2": [JIANGSU_UNDATED]})
    build([src], tmp_path / "out", html=False)
    assert list(officials(tmp_path / "out", "赵立新")) == [node_id("Official", "赵立新")]


def test_an_update_that_adds_a_transfer_gives_the_full_build(tmp_path):
    src = corpus(tmp_path / "src", {"1": [ZHEJIANG_SECRETARY], "2": [ZHEJIANG_VISIT]})
    out = tmp_path / "out"
    build([src], out, html=False)
    corpus(src, {"1": [ZHEJIANG_SECRETARY], "2": [ZHEJIANG_VISIT], "3": [CHONGQING_SECRETARY]})
    r = build([src], out, html=False)
    assert r.incremental and r.analysed == 1
    build([src], tmp_path / "full", html=False, incremental=False)
    for name in ("graph.json", "graph.graphml", "merges.json"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    assert list(officials(out, "赵立新")) == [node_id("Official", "赵立新")]


def split_of(seen: dict) -> list | None:
    persons = Officials({"X": seen}).persons("X")
    return persons and sorted(p.regions for p in persons)


def test_which_regions_are_one_career():
    # three provinces one after another: one official
    assert split_of({"浙江省": [2, "2020-01-01", "2020-06-01"], "重庆市": [1, "2021-01-01", "2021-01-01"],
                     "上海市": [3, "2022-05-01", "2023-01-01"]}) is None
    # the same day in two provinces is not one after the other
    assert split_of({"浙江省": [1, "2020-01-01", "2020-01-01"],
                     "重庆市": [1, "2020-01-01", "2020-01-01"]}) == [("浙江省",), ("重庆市",)]
    # a province after two namesakes could be either's next post: its own official
    assert split_of({"四川省": [2, "2020-01-01", "2020-03-01"], "江苏省": [1, "2020-02-01", "2020-02-01"],
                     "重庆市": [1, "2020-05-01", "2020-05-01"]}) == [("四川省",), ("江苏省",), ("重庆市",)]
    # undated mentions join the one official there is, not one of two
    assert split_of({"浙江省": [1, "2020-01-01", "2020-01-01"], "江苏省": [1, None, None]}) is None
    assert split_of({"四川省": [2, "2020-01-01", "2020-03-01"], "江苏省": [1, "2020-02-01", "2020-02-01"],
                     "重庆市": [1, None, None]}) == [("四川省",), ("江苏省",), ("重庆市",)]
    # a country is no province's predecessor, nor another country's
    assert split_of({"法国": [1, "2020-01-01", "2020-01-01"],
                     "四川省": [1, "2021-01-01", "2021-01-01"]}) == [("四川省",), ("法国",)]
    assert split_of({"法国": [1, "2020-01-01", "2020-01-01"],
                     "德国": [1, "2021-01-01", "2021-01-01"]}) == [("德国",), ("法国",)]


def test_former_posts_do_not_date_their_province(tmp_path):
    # 福建 in March and September, 浙江 in June: interleaved, but every provincial post
    # is a former one (时任): one official, under the plain id
    src = corpus(tmp_path / "src", {"1": [NATIONAL], "2": [FUJIAN_PAST], "3": [ZHEJIANG_PAST],
                                    "4": [FUJIAN_PAST_AGAIN]})
    build([src], tmp_path / "out", html=False)
    nodes = officials(tmp_path / "out", "习近平")
    assert list(nodes) == [node_id("Official", "习近平")]
    assert nodes[node_id("Official", "习近平")]["documents"] == 4
    # the former posts stay posts, marked as such in both graph files
    graph = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    posts = {link["title"]: link.get("former", False) for link in graph["links"]
             if link["type"] == "HOLDS_POSITION" and link["source"] == node_id("Official", "习近平")}
    assert posts["福州市委书记"] is True and posts["浙江省委书记"] is True and posts["国家主席"] is False
    assert 'attr.name="former" attr.type="boolean"' in (tmp_path / "out" / "graph.graphml").read_text("utf-8")


def test_the_build_counts_what_observing_the_documents_counts(tmp_path):
    """The build counts the regions the workers list with each file's analysis, without
    reading the documents for it; ``build_graph`` observes the documents themselves.
    Splits, a transfer, former posts and an undated document: the same graph."""
    from graph.builder.job import build_graph
    from graph.store.files import to_json_bytes

    days = {"1": [SICHUAN_MEMBER], "2": [JIANGSU_VICE], "3": [SICHUAN_NO_POST, SICHUAN_SECRETARY],
            "4": [ZHEJIANG_SECRETARY, ZHEJIANG_VISIT], "5": [CHONGQING_SECRETARY, JIANGSU_UNDATED],
            "6": [NATIONAL, FUJIAN_PAST], "7": [ZHEJIANG_PAST, FUJIAN_PAST_AGAIN]}
    src = corpus(tmp_path / "src", days)
    build([src], tmp_path / "out", html=False)
    assert len(officials(tmp_path / "out", "王刚")) == 2
    assert (tmp_path / "out" / "graph.json").read_bytes() == to_json_bytes(build_graph([src]))


# The tagger reads 巴赫穆特 as a person's name where nothing says otherwise; another
# document shows it is a place (向巴赫穆特方向推进).
SAID = {"title": "前线消息", "date": "2023-02-01", "text": "巴赫穆特表示，将继续战斗。"}
A_PLACE = {"title": "前线战况", "date": "2023-02-02", "text": "俄军继续向巴赫穆特方向推进。"}


def persons(out: Path) -> set[str]:
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    return {n["name"] for n in graph["nodes"] if n["label"] == "Person"}


def test_a_name_shown_to_be_a_place_is_no_person_anywhere(tmp_path):
    src = corpus(tmp_path / "src", {"1": [SAID]})
    out = tmp_path / "out"
    build([src], out, html=False)
    assert "巴赫穆特" in persons(out)   # alone, the tagger's guess stands
    # the day that shows it is a place takes the Person node away: merged again, as a fresh build
    corpus(src, {"1": [SAID], "2": [A_PLACE]})
    r = build([src], out, html=False)
    assert not r.incremental
    assert "巴赫穆特" not in persons(out)
    build([src], tmp_path / "full", html=False, incremental=False)
    for name in ("graph.json", "graph.graphml", "merges.json"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    # once known, a later mention is no person either, and the update stays in place
    # (a graph with no relation at all: its "links" stay an empty list)
    corpus(src, {"1": [SAID], "2": [A_PLACE], "3": [dict(SAID, date="2023-02-03")]})
    assert build([src], out, html=False).incremental
    assert "巴赫穆特" not in persons(out)
    build([src], tmp_path / "full2", html=False, incremental=False)
    for name in ("graph.json", "graph.graphml", "merges.json"):
        assert (out / name).read_bytes() == (tmp_path / "full2" / name).read_bytes(), name


LEADERS_TITLED = {"title": "国务院召开会议", "date": "2023-03-01",
                  "text": "国务院副总理张国华、国务委员李德明出席会议并讲话。"}
LEADERS_LISTED = {"title": "各界人士送别老同志", "date": "2023-03-02",
                  "text": "张国华、李德明、赵文斌等前往八宝山革命公墓送别。"}
TEAM_LISTED = {"title": "冬奥赛场捷报频传", "date": "2023-03-03",
               "text": "中国队张国华、李德明、赵文斌三位选手参加了比赛。"}


def officials_and_persons(out: Path) -> tuple[set[str], set[str]]:
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    return ({n["name"] for n in graph["nodes"] if n["label"] == "Official"},
            {n["name"] for n in graph["nodes"] if n["label"] == "Person"})


def test_a_list_of_leaders_makes_its_untitled_names_officials(tmp_path):
    # alone, the list names three people
    src = corpus(tmp_path / "src", {"1": [LEADERS_LISTED]})
    out = tmp_path / "out"
    build([src], out, html=False)
    assert officials_and_persons(out) == (set(), {"张国华", "李德明", "赵文斌"})
    # once two of the three hold posts elsewhere, the third is a leader too: the Person
    # nodes go, so the graph is merged again, as a fresh build would
    corpus(src, {"1": [LEADERS_LISTED], "2": [LEADERS_TITLED]})
    r = build([src], out, html=False)
    assert not r.incremental
    assert officials_and_persons(out) == ({"张国华", "李德明", "赵文斌"}, set())
    build([src], tmp_path / "full", html=False, incremental=False)
    for name in ("graph.json", "graph.graphml", "merges.json"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    # a team counted by its role (三位选手) is not a list of leaders, whatever names it shares
    corpus(src, {"1": [TEAM_LISTED], "2": [LEADERS_TITLED]})
    build([src], tmp_path / "team", html=False, incremental=False)
    officials, persons = officials_and_persons(tmp_path / "team")
    assert "赵文斌" in persons and "赵文斌" not in officials


def test_a_long_list_needs_fewer_known_officials_than_a_short_one():
    def officials_of(listed: list[str]) -> Officials:
        known = [[n, "", None] for n in ("张一", "张二", "张三")]   # officials elsewhere
        officials = Officials()
        officials.count(known + [["、".join(listed), LISTED, None]])
        return officials
    # three known of twelve: a body's members, all officials
    assert officials_of(["张一", "张二", "张三"] + [f"李{k}" for k in range(9)]).is_official("李8")
    # three known of ten: a short list needs two in three
    assert not officials_of(["张一", "张二", "张三"] + [f"李{k}" for k in range(7)]).is_official("李6")
    assert officials_of(["张一", "张二", "张三", "李0"]).is_official("李0")


HONOURED = {"title": "授予荣誉称号", "date": "2023-04-01",
            "text": "中共中央决定，授予王天宇同志“英雄航天员”荣誉称号。"}
CREW = {"title": "神舟乘组出征", "date": "2023-04-02",
        "text": "神舟十八号乘组王天宇、陈一鸣、刘晓东3名航天员领命出征。"}


def test_a_role_that_is_no_post_outweighs_an_officials_act(tmp_path):
    # alone, 同志 in a decision reads as an official's
    src = corpus(tmp_path / "src", {"1": [HONOURED]})
    out = tmp_path / "out"
    build([src], out, html=False)
    assert officials_and_persons(out) == ({"王天宇"}, set())
    # a later day names him an astronaut, and no document gives him a post: he is a
    # Person in both, one node; the Official node goes, so the graph is merged again
    corpus(src, {"1": [HONOURED], "2": [CREW]})
    r = build([src], out, html=False)
    assert not r.incremental
    assert officials_and_persons(out) == (set(), {"王天宇", "陈一鸣", "刘晓东"})
    build([src], tmp_path / "full", html=False, incremental=False)
    for name in ("graph.json", "graph.graphml", "merges.json", "report.json"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name


def test_merges_json_gives_the_reason_a_person_is_an_officials_namesake(tmp_path):
    src = corpus(tmp_path / "src", {"1": [LEADERS_TITLED], "2": [TEAM_LISTED]})
    out = tmp_path / "out"
    build([src], out, html=False)
    official, person = node_id("Official", "赵文斌"), node_id("Person", "赵文斌")
    officials, persons = officials_and_persons(out)
    assert "张国华" in officials and "张国华" in persons
    merges = {e["id"]: e for e in json.loads((out / "merges.json").read_text("utf-8"))}
    entry = merges[node_id("Person", "张国华")]
    assert entry["namesakes"]["officials"] == [node_id("Official", "张国华")]
    assert "选手" in entry["namesakes"]["reason"]
    assert official not in merges and person not in merges   # 赵文斌 is a Person only
    audit = json.loads((out / "report.json").read_text("utf-8"))["audit"]["official_and_person"]
    assert audit["count"] == 2 and audit["without_reason"] == 0   # 张国华, 李德明


def test_a_deputy_named_by_his_trade_is_the_deputy(tmp_path):
    deputy = {"title": "代表建言", "date": "2023-03-05", "text": "全国人大代表杨小明在审议时建议加强职业教育。"}
    worker = {"title": "车间里的工匠", "date": "2023-05-01", "text": "工人杨小明正在车间里调试设备。"}
    src = corpus(tmp_path / "src", {"1": [deputy], "2": [worker, TEAM_LISTED], "3": [LEADERS_TITLED]})
    build([src], tmp_path / "out", html=False)
    officials, persons = officials_and_persons(tmp_path / "out")
    # a deputy may be a worker: one person; a vice premier is no athlete: namesakes
    assert "杨小明" in officials and "杨小明" not in persons
    assert "张国华" in officials and "张国华" in persons


ASTRONAUT = {"title": "航天员出舱", "date": "2023-03-04", "text": "航天员李德明、赵文斌顺利完成出舱活动。"}
DEPUTY_ASTRONAUT = {"title": "代表委员履职", "date": "2023-03-05",
                    "text": "全国人大代表、航天员李德明说，要推动空间科学研究。全国妇联副主席李德明也出席了会议。"}


def test_a_role_an_official_is_given_beside_a_post_proves_no_namesake(tmp_path):
    # alone, the astronauts are people with a role
    src = corpus(tmp_path / "src", {"1": [ASTRONAUT]})
    out = tmp_path / "out"
    build([src], out, html=False)
    assert officials_and_persons(out) == (set(), {"李德明", "赵文斌"})
    # a document that names 李德明 a deputy and an astronaut at once makes the astronaut
    # the official; 赵文斌, given no post anywhere, stays a person
    corpus(src, {"1": [ASTRONAUT], "2": [DEPUTY_ASTRONAUT]})
    build([src], out, html=False)
    officials, persons = officials_and_persons(out)
    assert "李德明" in officials and "李德明" not in persons and "赵文斌" in persons
    merges = json.loads((out / "merges.json").read_text("utf-8"))
    assert not any(m["name"] == "李德明" and m.get("namesakes") for m in merges)


UNIT_HEAD = {"title": "航天员见面会", "date": "2023-03-06",
             "text": "见面会上，航天员大队大队长、航天员系统副总指挥赵文斌介绍了训练情况。"}


def test_a_role_that_names_the_unit_an_official_heads_proves_no_namesake(tmp_path):
    src = corpus(tmp_path / "src", {"1": [ASTRONAUT], "2": [UNIT_HEAD]})
    out = tmp_path / "out"
    build([src], out, html=False)
    officials, persons = officials_and_persons(out)
    assert "赵文斌" in officials and "赵文斌" not in persons


def test_an_associations_president_is_the_official_of_his_name(tmp_path):
    society = {"title": "红十字会活动", "date": "2024-10-09", "text": "中国红十字会会长陈明远出席活动并致辞。"}
    state = {"title": "人大会议", "date": "2024-10-10", "text": "全国人大常委会副委员长陈明远主持会议。"}
    src = corpus(tmp_path / "src", {"1": [society], "2": [state]})
    build([src], tmp_path / "out", html=False)
    officials, persons = officials_and_persons(tmp_path / "out")
    assert "陈明远" in officials and "陈明远" not in persons
