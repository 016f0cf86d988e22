"""loaders.ocr: spacing, line joins, punctuation, and the map back to the source."""
from __future__ import annotations

from loaders.ocr import repair


def test_spaces_between_cjk_removed():
    assert repair("据 悉 ，截 至 目 前 ，我 区 一 线 村").text == "据悉，截至目前，我区一线村"


def test_spaces_in_dates_removed_but_ascii_words_kept():
    r = repair("新华社北京 4 月 21 日电 国务院总理李克强 said hello world 21:00")
    assert r.text == "新华社北京4月21日电国务院总理李克强said hello world 21:00"


def test_lines_broken_mid_sentence_are_joined_even_across_blank_lines():
    src = "进一步加强排查，摸清流动人口底数，\n\n加强重点人群管控，坚决打赢疫情防控\n这场人民战争。\n"
    assert repair(src).text == "进一步加强排查，摸清流动人口底数，加强重点人群管控，坚决打赢疫情防控这场人民战争。"


def test_paragraph_ends_and_headings_kept():
    src = ("当前，要\n让“人流”与“物流”活跃起\n\n来，做到两手抓。\n刘强要求，要认真落实分区分级分\n\n"
           "类精准防控要求。\n\n多重保障助力项目建设\n\n据介绍，为了加强\n扶持力度。\n（记者 申晓佳）\n")
    assert repair(src).text.split("\n") == [
        "当前，要让“人流”与“物流”活跃起来，做到两手抓。",
        "刘强要求，要认真落实分区分级分类精准防控要求。",
        "多重保障助力项目建设",
        "据介绍，为了加强扶持力度。",
        "（记者申晓佳）",
    ]


def test_leading_short_block_is_a_heading():
    assert repair("石黔高速预计\n明年建成通车\n\n近日，大桥正紧张施工。").text == "石黔高速预计明年建成通车\n近日，大桥正紧张施工。"


def test_halfwidth_punctuation_normalised():
    src = '新冠肺炎疫情虽然短期内会给经 济发展带来不利影响,但也有效拉动 了"线上消费"需求.\n(作者系西彭园区党工委书记)'
    assert repair(src).text == "新冠肺炎疫情虽然短期内会给经济发展带来不利影响，但也有效拉动了“线上消费”需求。\n（作者系西彭园区党工委书记）"
    assert repair("增长10.2%, 华为WeLink等").text == "增长10.2%，华为WeLink等"
    assert repair("１２３ＡＢＣ年").text == "123ABC年"


def test_index_maps_back_to_source():
    src = "  本报讯（记者 霍吕）3 月 5 日，市\n委常委刘强来碚。\r\n\n区委书记周旭陪同。"
    r = repair(src)
    assert len(r.index) == len(r.text) + 1
    for i, c in enumerate(r.text):
        if c not in "\n":
            assert src[r.index[i]] == c
    k = r.text.index("委常委")
    s, e = r.to_source(k, k + 3)
    assert src[s:e] == "委常委"
    k = r.text.index("5日，市委")
    s, e = r.to_source(k, k + 5)
    assert src[s:e] == "5 日，市\n委"
    assert r.to_source(0, len(r.text)) == (2, len(src))
