"""Property-based fuzzing (hypothesis) of every stage that reads text a file brought:
decoding, each format's parser, OCR repair, page splitting, extraction and the gold
schema. Whatever the input: no exception but LoadError, spans inside the text, output
valid against the schema. Example budgets are fixed and derandomized, so the run is the
same every time and fits in the test budget."""
from __future__ import annotations

import json
import time

import networkx as nx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph.extract.pipeline import analyse
from graph.extract.mentions import mentions
from graph.extract.sentences import MAX_SENTENCE, analyse_sentences, sentences
from graph.gold import to_gold
from graph.merge.knowledge import KnowledgeGraph
from graph.schema import ENTITY_LABELS, EXTRACTED_RELATIONS, RELATION_ENDS, RELATION_TYPES
from graph.store.files import to_graphml_bytes, to_json_bytes
from loaders import SUFFIXES, LoadError, load
from loaders.article import Article
from loaders.encoding import decode
from loaders.html import parse_html
from loaders.jsonl import parse_jsonl
from loaders.markdown import split_markdown
from loaders.ocr import _TO_WIDE, repair
from loaders.split import split_page


def fuzz(n: int):
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# ---- what the text is made of ------------------------------------------------------------

# words of the news, the markers the loaders cut pages at, and things that try to run
WORDS = ["本报讯", "新华社重庆3月5日电", "（上接1版）", "（下转2版）", "□", "●", "## ", "### ", "# ",
         "（记者 申晓佳）", "本报记者", "记者张三摄", "图1", "2020年", "3月5日", "（2020年3月6日）",
         "区委书记", "市委常委、政法委书记", "副市长", "区长", "刘强", "周旭", "陆克华", "申晓佳", "习近平",
         "总书记", "北碚区", "北碚", "重庆市", "我区", "来碚", "天生街道", "洞桥村", "大足区", "江北区",
         "区民政局", "西南大学", "重庆盛泰光电有限公司", "国务院", "市政府常务会议", "第95次常务会议",
         "梁滩河生态修复项目", "高速公路", "《关于加快发展的意见》", "两不愁三保障", "“放管服”",
         "调研", "考察", "视察", "走进", "来到", "前往", "赴", "出席", "主持召开", "陪同", "印发", "出台",
         "会议", "座谈会", "项目", "中共中央、国务院关于", "他指出", "我", "一行", "等",
         "。", "，", "、", "；", "：", "！", "？", "“", "”", "《", "》", "（", "）", "(", ")", "·", "—", "…",
         "\n", "\n\n", " ", "\u3000", "\t", "\r\n", ",", ".", ":", ";", "!", "?", '"', "'",
         "<script>alert(1)</script>", '<img src=x onerror="window.__pwned=1">', "'}) DETACH DELETE n //",
         "$name", "`x`", "\\", "&amp;", "<!--", "-->", "[查看原文](", "](", "**", "\x00", "\x01", "\u2028",
         "\ufeff", "\ufffd", "𠀀", "Ａ１", "ａｂｃ", "abc", "123", "2020-04-21"]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCT = st.sampled_from(list("。，、；：！？“”‘’《》（）()[]【】—…·,.;:!?\"' \n\t\u3000#□●"))
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


def mixed_text(max_size: int = 300):
    """CJK, ASCII, punctuation and whole words of the news, in any order."""
    piece = st.one_of(st.sampled_from(WORDS), st.text(CJK, min_size=1, max_size=6), PUNCT,
                      st.text(ASCII, min_size=1, max_size=4))
    return st.lists(piece, max_size=max_size // 3).map("".join)


ANY_TEXT = st.one_of(mixed_text(), st.text(max_size=200))       # st.text: all of Unicode but surrogates


def _encoded(text_and_codec):
    text, codec = text_and_codec
    data = text.encode(codec, "replace")
    return data


ANY_BYTES = st.one_of(
    st.binary(max_size=400),
    st.tuples(mixed_text(), st.sampled_from(["utf-8", "gbk", "gb18030", "utf-16", "utf-8-sig"])).map(_encoded),
    # a text cut anywhere, and two encodings glued together
    st.tuples(mixed_text(), st.integers(0, 5)).map(lambda t: t[0].encode("utf-8")[:max(0, len(t[0].encode()) - t[1])]),
    st.tuples(mixed_text(), mixed_text()).map(lambda t: t[0].encode("utf-8") + b"\n" + t[1].encode("gbk", "replace")),
)


# ---- decoding and the loaders -----------------------------------------------------------

@fuzz(400)
@given(ANY_BYTES)
@example(b"\xef\xbb\xbf")
@example(b"\xef\xbb\xbf\xef\xbb\xbf")
@example("区委书记李文到北碚区调研。\n".encode() + "区长赵武".encode("gbk") + b"\xb5")
def test_decode_gives_text_or_says_why(data):
    try:
        text, enc = decode(data, "f.txt")
    except LoadError as e:
        assert e.path == "f.txt" and e.reason
        return
    assert isinstance(text, str) and text.strip() and enc
    text.encode("utf-8")                   # no lone surrogates: it can be written anywhere
    assert not text.startswith("\ufeff")


@fuzz(300)
@given(st.sampled_from(sorted(SUFFIXES)), ANY_BYTES)
def test_load_raises_only_load_error(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("f") / f"doc{suffix}"
    path.write_bytes(data)
    warnings: list[str] = []
    try:
        arts = load(path, warnings=warnings)
    except LoadError as e:
        assert e.path == str(path) and e.reason
        return
    assert arts
    for i, a in enumerate(arts):
        assert a.doc_id == f"doc#{i}" and a.source == str(path) and a.index == i
        assert a.text.strip() or a.title.strip()
        assert 0 <= a.span[0] <= a.span[1]
        assert a.date is None or (len(a.date) == 10 and a.date[4] == "-")
        json.dumps([a.text, a.title, a.authors, a.publication, a.meta], ensure_ascii=False).encode("utf-8")
    assert all(w.startswith(f"{path}: ") for w in warnings)


def _check_items(items, src, spans_in_source=True):
    for it in items:
        assert set(it) == {"text", "span", "title", "date", "publication", "authors", "home", "meta"}
        assert isinstance(it["text"], str) and isinstance(it["title"], str)
        s, e = it["span"]
        assert 0 <= s <= e <= len(src), (it["span"], len(src))
        assert it["date"] is None or (len(it["date"]) == 10 and it["date"][4] == "-")
        assert all(isinstance(a, str) and a for a in it["authors"])


@fuzz(400)
@given(ANY_TEXT)
@example("](")
@example("(本报讯)3月5日，区委书记郑华到北碚区调研。\nTel: 023-1234 (x)")
def test_page_split(src):
    items = split_page(src, 2020)
    _check_items(items, src)
    assert all(it["text"] or it["title"] for it in items)


@fuzz(300)
@given(ANY_TEXT)
def test_markdown(src):
    _check_items(split_markdown(src, "20230301"), src)


@fuzz(300)
@given(st.one_of(ANY_TEXT, st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</script>", "<!--",
                                                        "-->", "<", ">", "<title>", "&#xD800;", "&#0;", "<br/>",
                                                        "<?xml version='1.0' encoding='gbk'?>", "正文", "a"]),
                                      max_size=60).map("".join)))
def test_html(src):
    it = parse_html(src)
    _check_items([it], src)
    assert "<script" not in it["text"].lower() or "<script" in src.lower()


@fuzz(300)
@given(st.lists(st.one_of(
    st.fixed_dictionaries({"text": ANY_TEXT}, optional={
        "title": st.one_of(ANY_TEXT, st.integers(), st.none()), "date": st.one_of(st.text(max_size=12), st.integers()),
        "authors": st.one_of(st.lists(st.one_of(st.text(max_size=5), st.integers())), st.text(max_size=10),
                             st.integers(), st.dictionaries(st.text(max_size=2), st.integers())),
        "publication": st.one_of(st.text(max_size=6), st.integers(), st.booleans()),
        "source": st.one_of(st.text(max_size=10), st.integers())}).map(lambda d: json.dumps(d, ensure_ascii=False)),
    st.text(max_size=40),
    st.sampled_from(['{"text": "\\ud800孤"}', "[" * 3000, '{"text": 1e999}', "{" + '"a":' * 10, "null"]),
), max_size=8).map("\n".join))
def test_jsonl(src):
    items, problems = parse_jsonl(src, max_chars=1000)
    _check_items(items, src)
    for it in items:
        assert it["text"].strip() and len(it["text"]) <= 1000
        (it["text"] + it["title"] + "".join(it["authors"])).encode("utf-8")
    assert all(p.startswith("line ") for p in problems)


# ---- OCR repair ------------------------------------------------------------------------

_SAME = {**{chr(0xFF10 + i): str(i) for i in range(10)},
         **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}, **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}}


@fuzz(400)
@given(ANY_TEXT)
@example("abc)")
def test_ocr_repair_maps_back_to_the_source(src):
    rep = repair(src)
    assert len(rep.index) == len(rep.text) + 1
    for i, c in enumerate(rep.text):
        j = rep.index[i]
        assert 0 <= j < len(src)
        if c in "\n ":
            continue                    # breaks and spaces the repair put in
        orig = src[j]
        assert (orig == c or _SAME.get(orig) == c or _TO_WIDE.get(orig) == c
                or (orig == "." and c == "。") or (orig == '"' and c in "“”")), (i, c, orig)
    assert rep.index == tuple(sorted(rep.index))     # in source order
    if rep.text:
        s, e = rep.to_source(0, len(rep.text))
        assert 0 <= s <= e <= len(src)


# ---- extraction and the gold schema ------------------------------------------------------

def _article(text, title=""):
    return Article(doc_id="fuzz#0", source="fuzz.txt", index=0, text=text, span=(0, len(text)),
                   title=title, date="2020-04-21", publication="北碚报", authors=("申晓佳",))


def _check_result(r, article):
    keys = {(e.label, e.key) for e in r.entities}
    assert len(keys) == len(r.entities)
    for e in r.entities:
        assert e.label in ENTITY_LABELS and isinstance(e.name, str) and e.name
        assert not e.sentence or e.sentence in article.text or e.sentence in article.title
    for rel in r.relations:
        assert rel.type in RELATION_TYPES
        assert rel.source in keys and rel.target in keys, rel
        src_labels, dst_labels = RELATION_ENDS[rel.type]
        assert rel.source[0] in src_labels and rel.target[0] in dst_labels, rel
        assert not rel.sentence or rel.sentence in article.text or rel.sentence in article.title
    gold = to_gold(article.doc_id, [r])
    json.dumps(gold, ensure_ascii=False).encode("utf-8")
    assert set(gold) == {"doc_id", "entities", "relations"}
    names: dict[str, set] = {}
    for e in gold["entities"]:
        assert e["type"] in ENTITY_LABELS and isinstance(e["name"], str) and e["name"]
        assert all(isinstance(a, str) and a for a in e.get("aliases", []))
        if e["type"] == "Official":
            assert all(isinstance(t, str) and t for t in e["titles"])
        for n in [e["name"], *e.get("aliases", [])]:
            names.setdefault(n, set()).add(e["type"])
    for rel in gold["relations"]:
        assert set(rel) == {"type", "source", "target"} and rel["type"] in EXTRACTED_RELATIONS
        assert "Official" in names.get(rel["source"], ()) or rel["type"] in ("LOCATED_IN", "ISSUED"), rel
        assert rel["source"] in names, rel
        if rel["type"] == "HOLDS_POSITION":
            assert any(rel["target"] in e.get("titles", ()) for e in gold["entities"] if e["type"] == "Official")
        else:
            assert rel["target"] in names, rel
            src_labels, dst_labels = RELATION_ENDS[rel["type"]]
            assert names[rel["source"]] & src_labels and names[rel["target"]] & (dst_labels | {"District"})


@fuzz(150)
@given(mixed_text(300), st.one_of(st.just(""), mixed_text(30)))
@example("本报讯3月5日，区委书记刘强到北碚区调研。", "")
@example("区委书记钱勇到北碚区调研" + "加快推进城乡融合发展" * 300, "")
@example("<script>alert(1)</script>区委书记刘强'}) DETACH DELETE n //到北碚区调研。", "")
def test_analyse_and_gold_schema(text, title):
    article = _article(text, title)
    r = analyse(article)
    _check_result(r, article)


@fuzz(100)
@given(mixed_text(300))
def test_mention_spans_are_inside_their_sentence(text):
    sents = analyse_sentences(text)
    assert all(0 < len(s.text) <= MAX_SENTENCE for s in sents)
    assert all(s.text in text for s in sents)
    for m in mentions(sents):
        s = sents[m.sent].text
        assert 0 <= m.start < m.end <= len(s), (m, s)
        assert s[m.start:m.end] == m.text, (m, s)


@fuzz(200)
@given(st.text(st.sampled_from(list("加快推进发展，,、 。\n")), max_size=5000))
def test_sentences_are_short_and_lose_nothing(text):
    parts = sentences(text)
    assert all(0 < len(p) <= MAX_SENTENCE for p in parts)
    squeeze = lambda s: "".join(c for c in s if not c.isspace())  # noqa: E731
    assert squeeze("".join(parts)) == squeeze(text)


@fuzz(60)
@given(st.lists(st.tuples(mixed_text(200), st.text(max_size=20)), min_size=1, max_size=4))
def test_any_documents_make_a_graph_every_store_can_write(docs):
    kg = KnowledgeGraph()
    for i, (text, title) in enumerate(docs):
        a = Article(doc_id=f"d{i}\x01#0", source=f"d{i}.txt", index=0, text=text, span=(0, len(text)), title=title)
        kg.add(analyse(a))
    data = json.loads(to_json_bytes(kg))
    assert len(data["nodes"]) == kg.g.number_of_nodes()
    g = nx.parse_graphml(to_graphml_bytes(kg))           # XML, whatever the text held
    assert g.number_of_nodes() == kg.g.number_of_nodes()


def test_hostile_repetition_costs_linear_time():
    """Thousands of one token (unclosed comments, brackets, markers): each parser in well
    under a second, where a backtracking pattern would take minutes."""
    tokens = ["<!--", "<script>", "<script", "<", "<a ", "<title>", "&#", "[", "[查看原文](", "](", "**",
              "### x\n", "（记者", "本报记者", "□", "（", "（上接", "1月1日", "本报讯", "\"", "报", "重庆日报", "(",
              "2020年3月4日电", "\n", " ", "记者张三摄", "对此文亦有贡献", "据重庆日报讯", "{\"text\": \"", "\\"]
    slow = []
    for tok in tokens:
        text = tok * (60000 // len(tok))
        for name, f in (("html", parse_html), ("md", split_markdown), ("txt", split_page), ("jsonl", parse_jsonl),
                        ("repair", repair)):
            t = time.monotonic()
            f(text)
            if time.monotonic() - t > 2.0:
                slow.append((name, tok, round(time.monotonic() - t, 1)))
    assert not slow
