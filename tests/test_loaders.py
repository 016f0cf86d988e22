"""loaders/: formats, encodings, errors, and the seeds split into articles."""
from __future__ import annotations

import os

import pytest

from conftest import SAMPLES, SHARED
from loaders import LoadError, iter_sources, load
from loaders.encoding import decode

SEED0 = SAMPLES / "000_8cf053e44cfd7b42.txt"
SEED2 = SAMPLES / "002_446373b283d7168b.txt"
SEED3 = SAMPLES / "003_dbc7e43415f1aa2b.txt"
SEED4 = SAMPLES / "004_aa1ebb4fc6edc8ba.txt"

# the opening of samples/002, as printed
PAGE = """ 本报讯（记者 霍吕）3 月 5 日，市
委常委、政法委书记刘强带队来碚，实
地调研新冠肺炎疫情防控和商务服务
行业市场主体复业复市工作。

区委书记周旭陪同调研。

刘强在碚调研时指出

加快建立同疫情防控相适应的经济社会运行秩序

本报讯（记者 韦玉婷）近日，龙
凤桥街道燎原社区的刁晓洪收到了
一份暖心的“礼物”。

据 悉 ，截 至 目 前 ，我 区 一 线 村
（社区）干部和志愿者基本实现了防
疫专项保险全覆盖。

全区1870名防疫一线工作者获专属保险
"""

CCTV = """# 《新闻联播》（20230301）

## 新闻摘要

本期节目主要内容：

1.习近平举行仪式欢迎白俄罗斯总统访华；

2.李克强会见白俄罗斯总统。

[查看原文](https://tv.cctv.com/2023/03/02/x.shtml)

## 详细新闻

### 习近平举行仪式欢迎白俄罗斯总统访华

<!--repaste.body.begin-->

**央视网消息**（新闻联播）：国家主席习近平3月1日在人民大会堂北大厅举行仪式。

**会谈**

两国元首检阅中国人民解放军仪仗队。

<!--repaste.body.end-->

[查看原文](https://tv.cctv.com/2023/03/01/a.shtml)

### 李克强会见白俄罗斯总统

**央视网消息**（新闻联播）：国务院总理李克强3月1日在人民大会堂会见白俄罗斯总统卢卡申科。

[查看原文](https://tv.cctv.com/2023/03/01/b.shtml)

---

更新时间：2023-09-04T14:45:05.397Z
"""


def write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


# ---------------------------------------------------------------- iter_sources

def test_iter_sources_recurses_sorts_and_skips(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/z.txt", "a.md", "b/c.jsonl", "x.pdf", ".dot.txt", ".hidden/h.txt", "p.HTML"]:
        write(tmp_path, rel, "正文")
    os.symlink(tmp_path, tmp_path / "b" / "loop")    # a link back up: must not loop forever
    got = [p.relative_to(tmp_path).as_posix() for p in iter_sources([tmp_path])]
    assert got[:4] == ["a.md", "b/c.jsonl", "b/z.txt", "p.HTML"]
    assert all(".hidden" not in g and not g.endswith(".pdf") and ".dot" not in g for g in got)
    assert len(got) == len(set(got))


def test_iter_sources_missing_path(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        iter_sources([tmp_path / "nope"])


# ---------------------------------------------------------------- encodings

TEXT = "本报讯（记者 霍吕）3月5日，市委常委、政法委书记刘强带队来碚调研。\n"


@pytest.mark.parametrize("codec,prefix", [
    ("gbk", b""), ("gb18030", b""), ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_encodings(tmp_path, codec, prefix):
    p = write(tmp_path, "page.txt", prefix + TEXT.encode(codec))
    [a] = load(p)
    assert a.authors == ("霍吕",)
    assert "刘强带队来碚" in a.text
    assert not a.text.startswith("\ufeff")


def test_gb18030_only_characters():
    # 𠀀 (U+20000) has no GBK code; GB18030 encodes it in four bytes
    data = ("重庆𠀀" * 5).encode("gb18030")
    text, enc = decode(data)
    assert text == "重庆𠀀" * 5 and enc == "gb18030"


def test_charset_normalizer_fallback():
    # cp1252 with bytes invalid in both UTF-8 and GB18030 (0x80, 0xFF are never GB18030 leads)
    data = "Prices: 5€ and 7€ – ÿes, fine.\n".encode("cp1252") * 20
    text, enc = decode(data)
    assert "guessed" in enc and "Prices" in text


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"\xef\xbb\xbf\xff\xfe\xfd", "byte-order mark"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 100, "binary"),
])
def test_unreadable_files_name_file_and_reason(tmp_path, data, reason):
    p = write(tmp_path, "bad.txt", data)
    with pytest.raises(LoadError) as ei:
        load(p)
    assert str(p) in str(ei.value) and reason in ei.value.reason


def test_unsupported_and_missing(tmp_path):
    with pytest.raises(LoadError, match="unsupported"):
        load(write(tmp_path, "x.pdf", "x"))
    with pytest.raises(LoadError, match="cannot be read"):
        load(tmp_path / "missing.txt")


# ---------------------------------------------------------------- OCR page (.txt)

def test_page_splits_at_benbao_and_takes_headline_after_body(tmp_path):
    p = write(tmp_path, "page.txt", PAGE)
    arts = load(p, year=2020)
    assert [a.doc_id for a in arts] == ["page#0", "page#1"]
    a, b = arts
    assert a.title == "刘强在碚调研时指出 加快建立同疫情防控相适应的经济社会运行秩序"
    assert a.authors == ("霍吕",) and b.authors == ("韦玉婷",)
    assert a.date == "2020-03-05"           # 3 月 5 日 + year argument
    assert b.date is None                   # 近日: no date in the text
    assert a.text.startswith("本报讯（记者霍吕）3月5日，市委常委、政法委书记刘强带队来碚，实地调研")
    assert "加快建立同疫情防控相适应" not in a.text   # the headline is not body text
    assert "据悉，截至目前，我区一线村（社区）干部" in b.text
    assert b.title == "全区1870名防疫一线工作者获专属保险"
    src = PAGE
    for art in arts:
        s, e = art.span
        assert src[s:e].lstrip().startswith("本报讯（记者")
    assert arts[0].span[1] <= arts[1].span[0]
    assert src[a.span[0]:a.span[1]].rstrip().endswith("经济社会运行秩序")


def test_page_without_year_gives_no_date(tmp_path):
    [a, _] = load(write(tmp_path, "page.txt", PAGE))
    assert a.date is None


def test_seed_002_split():
    arts = load(SEED2, year=2020)
    src = SEED2.read_text(encoding="utf-8")
    assert len(arts) >= 7
    starts = [a for a in arts if a.text.startswith("本报讯")]
    assert len(starts) >= 7
    assert sum("霍吕" in a.authors for a in arts) >= 2
    names = {n for a in arts for n in a.authors}
    assert {"霍吕", "韦玉婷", "曾晓隆", "邓公平", "齐宏"} <= names
    titles = [a.title for a in arts]
    assert "工业互联网产业生态园正在加紧施工" in titles
    assert "我区多措并举保障 疫情期间困难群众基本生活" in titles
    # the unmarked article after two headline lines is cut off on its own
    assert any(a.text.startswith("重点项目建设是经济发展的助推器") for a in arts)
    # subheadings inside an article stay in its text
    assert any("多重保障助力项目建设" in a.text for a in arts)
    assert arts[0].date == "2020-03-05"
    for a in arts:
        s, e = a.span
        assert 0 <= s < e <= len(src)
        assert "".join(a.text[:8].split()) in "".join(src[s:e].split())
    spans = [a.span for a in arts]
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_seed_000_dispatch_brief_and_page_year():
    arts = load(SEED0)        # no year argument: 2020 comes from the page (4月21日，2020年全市…)
    src = SEED0.read_text(encoding="utf-8")
    brief = arts[0]
    assert brief.authors == ("申晓佳",) and brief.date == "2020-04-21"
    assert "副市长陆克华出席会议" in brief.text
    xinhua = next(a for a in arts if a.text.startswith("新华社北京4月21日电"))
    assert xinhua.date == "2020-04-21" and xinhua.meta.get("agency") == "新华社"
    assert src[xinhua.span[0]:xinhua.span[1]].lstrip().startswith("新华社北京 4 月 21 日电")
    liu = next(a for a in arts if "黄乔" in a.authors)
    assert liu.title.startswith("刘强赴大足调研时指出")
    assert next(a for a in arts if "人民日报" == a.publication).text.startswith("着力扩大国内需求")
    assert any(a.authors == ("罗斌",) and a.title == "石黔高速预计 明年建成通车" for a in arts)
    assert any(set(a.authors) == {"周松", "杨骏"} for a in arts)


def test_seed_003_speech_title_after_body():
    arts = load(SEED3)
    speech = arts[0]
    assert speech.title == "在决战决胜脱贫攻坚座谈会上的讲话"
    assert speech.authors == ("习近平",)
    assert speech.date == "2020-03-06"            # （新华社北京3月6日电）
    assert speech.text.startswith("同志们：")
    tang = next(a for a in arts if "罗静雯" in a.authors)
    assert tang.date == "2020-03-06" and tang.title.startswith("唐良智在检查调研")
    cont = [a for a in arts if a.text.startswith("要分区分级加强精准防控")]
    assert cont, "（上接 1 版） text starts an article without the marker"


def test_seed_001_bylines_and_headings():
    arts = load(SAMPLES / "001_57414710c54d5ef4.txt")
    by_title = {a.title: a for a in arts}
    fin = by_title["以新金融理念推进智慧政务建设"]
    assert fin.authors[0] == "高永强" and {"常青华", "师子峰"} <= set(fin.authors)
    assert "重庆市政府参事" in fin.meta["author_note"]
    assert by_title['在战"疫"中 读懂国家治理优势'].authors == ("全定成",)
    assert any(a.authors == ("樊自甫", "万晓榆") for a in arts)
    # half-width punctuation inside Chinese text became full-width
    assert "但也有效拉动了线上消费需求，加快" in arts[0].text


def test_seed_004_column_labels_and_year_argument():
    arts = load(SEED4, year=2020)
    assert arts[0].title == "全面彻底解决“两不愁三保障”突出问题"
    assert arts[0].meta["kicker"] == "热点观察 第一视点 学思践悟"
    assert arts[0].authors == ()      # □中共石柱县委理论学习中心组 is not a person
    mo = next(a for a in arts if a.authors == ("莫远明",))
    assert mo.date == "2020-03-11" and mo.title == "加快发展线上业态线上服务线上管理"
    assert load(SEED4)[1].date is None


def test_masthead_gives_publication_and_home(tmp_path):
    page = "北碚报\n2020年3月6日 星期五\n本报讯（记者 霍吕）3月5日，市领导来我区调研。\n"
    [a] = load(write(tmp_path, "bb.txt", page))
    assert a.publication == "北碚报" and a.home == "北碚区" and a.date == "2020-03-05"
    [b] = load(write(tmp_path, "cq.txt", "本报讯（重庆日报记者 张三）3月5日，我市召开会议。\n"))
    assert b.publication == "重庆日报"
    [c] = load(write(tmp_path, "n.txt", "本报讯（记者 张三）3月5日，我市召开会议。\n"))
    assert c.publication is None


# ---------------------------------------------------------------- markdown

def test_cctv_markdown(tmp_path):
    p = write(tmp_path, "20230301.md", CCTV)
    arts = load(p)
    assert [a.title for a in arts] == ["习近平举行仪式欢迎白俄罗斯总统访华", "李克强会见白俄罗斯总统"]
    a = arts[0]
    assert a.date == "2023-03-01" and a.publication == "新闻联播"
    assert a.text.startswith("央视网消息（新闻联播）：国家主席习近平3月1日")   # the dateline is text
    assert "<!--" not in a.text and "查看原文" not in a.text and "**" not in a.text
    assert "会谈" in a.text
    assert a.meta["url"] == "https://tv.cctv.com/2023/03/01/a.shtml"
    assert "更新时间" not in arts[1].text and "---" not in arts[1].text
    for art in arts:
        assert CCTV[art.span[0]:art.span[1]].startswith("### " + art.title)
    # date from the title when the file name has none
    assert load(write(tmp_path, "day.md", CCTV))[0].date == "2023-03-01"


def test_generic_markdown_is_one_article(tmp_path):
    p = write(tmp_path, "note.md", "# 会议纪要\n\n2020年4月21日，市政府召开第95次常务会议。\n\n## 议题\n\n研究了[规划](http://x)。\n")
    [a] = load(p)
    assert a.title == "会议纪要" and a.publication is None
    assert "研究了规划。" in a.text and "http" not in a.text


def test_real_cctv_file():
    f = SHARED / "corpus" / "cctv_news" / "20230301.md"
    if not f.exists():
        pytest.skip("cctv_news corpus not present")
    arts = load(f)
    assert len(arts) == 21          # 21 ### items under ## 详细新闻
    assert all(a.date == "2023-03-01" for a in arts)
    assert not any("本期节目主要内容" in a.text for a in arts)


# ---------------------------------------------------------------- html

def test_html(tmp_path):
    page = """<html><head><title>刘强赴大足调研</title><script>var x="<p>脚本</p>";</script>
    <style>p{color:red}</style><meta name="publishdate" content="2020-04-21"></head>
    <body><h1>大标题</h1><!-- 注释 --><div><p>第一段<b>加粗</b>文字。</p><p>第二段。</p></div>
    <ul><li>一</li><li>二</li></ul></body></html>"""
    [a] = load(write(tmp_path, "a.html", page))
    assert a.title == "刘强赴大足调研" and a.date == "2020-04-21"
    assert a.text.split("\n") == ["大标题", "第一段加粗文字。", "第二段。", "一", "二"]
    assert "脚本" not in a.text and "注释" not in a.text and "color" not in a.text


def test_html_malformed_and_deep(tmp_path):
    [a] = load(write(tmp_path, "m.htm", "<p>未闭合<div><b>混乱</p></i>文本<table><td>格"))
    assert "未闭合" in a.text and "文本" in a.text and a.title == ""
    deep = "<div>" * 100000 + "深处" + "</div>" * 100000
    [d] = load(write(tmp_path, "deep.html", "<html><body>" + deep + "尾</body></html>"))
    assert d.text == "深处\n尾"     # lxml drops text past its depth cap; the fallback keeps it


# ---------------------------------------------------------------- jsonl

def test_jsonl_with_bad_lines(tmp_path):
    lines = [
        '{"title": "甲", "date": "2020-04-21", "text": "副市长陆克华出席会议。", "authors": ["申晓佳"], "publication": "重庆日报", "source": "http://x"}',
        '{"title": "乙", "date": "2020年4月2',
        '',
        '[1, 2]',
        '{"title": "丙", "date": "20200305", "text": "刘强带队来碚。", "authors": "霍吕 曾晓隆"}',
        '{"title": "丁", "text": ""}',
    ]
    p = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    warns: list[str] = []
    arts = load(p, warnings=warns)
    assert [a.title for a in arts] == ["甲", "丙"]
    assert [a.doc_id for a in arts] == ["feed#0", "feed#1"]
    assert arts[0].date == "2020-04-21" and arts[0].publication == "重庆日报"
    assert arts[0].authors == ("申晓佳",) and arts[0].meta["origin"] == "http://x"
    assert arts[1].date == "2020-03-05" and arts[1].authors == ("霍吕", "曾晓隆")
    assert len(warns) == 3 and all(w.startswith(str(p)) for w in warns)
    assert "line 2" in warns[0] and "line 4" in warns[1] and "line 6" in warns[2]
    src = p.read_text(encoding="utf-8")
    assert src[arts[1].span[0]:arts[1].span[1]] == lines[4]
    load(p)    # without a warnings list the bad lines are skipped silently


def test_jsonl_nothing_usable(tmp_path):
    with pytest.raises(LoadError) as ei:
        load(write(tmp_path, "bad.jsonl", "{oops\nnot json\n"))
    assert "bad.jsonl" in str(ei.value) and "line 1" in ei.value.reason


# ---------------------------------------------------------------- whole samples

def test_all_samples_load():
    files = iter_sources([SAMPLES])
    assert len(files) == 5
    for f in files:
        arts = load(f)
        assert arts and all(a.text for a in arts)
        assert all(a.doc_id == f"{f.stem}#{i}" for i, a in enumerate(arts))
