"""The explorer page (graph/explorer/page.py): escaping, determinism, compact data, max_nodes,
layout, focus."""
from __future__ import annotations

import base64
import gzip
import re

import pytest
from click.testing import CliRunner

from graph.merge.knowledge import KnowledgeGraph
from graph.extract.records import DocResult, Entity, Relation
from graph.explorer.page import (EDGE_FIELDS, NODE_FIELDS, OTHER_EVIDENCE, PAGE_EVIDENCE, focus_subgraph, layout, page_data,
                          read_data_block, render, render_html)

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=2</script>"
HOSTILE_NAME = f"恶意{IMG}局"
HOSTILE_SENTENCE = f"“引号”'单引号' & {SCRIPT} {IMG}\u2028行分隔</script><!--"


def demo_docs() -> list[DocResult]:
    liu = Entity("Official", "刘强", aliases=["刘强同志"], titles=["区委书记", "区长"])
    wang = Entity("Official", "王芳", titles=["副区长"])
    beibei = Entity("District", "北碚区", aliases=["北碚"])
    cq = Entity("District", "重庆市")
    gov = Entity("Organization", "北碚区人民政府")
    policy = Entity("Policy", "乡村振兴实施意见")
    meeting = Entity("Meeting", "区委常委会会议")
    project = Entity("Project", "缙云山生态修复工程")
    d1 = DocResult(
        "doc-1", "samples/a.txt", title="刘强调研缙云山生态修复工程", date="2020-04-21",
        entities=[liu, wang, beibei, cq, project],
        relations=[
            Relation("HOLDS_POSITION", ("Official", "刘强"), ("District", "北碚区"),
                     "北碚区委书记刘强到缙云山调研。", {"title": "区委书记"}),
            Relation("VISITED", ("Official", "刘强"), ("Project", "缙云山生态修复工程"),
                     "4月21日，刘强调研缙云山生态修复工程。"),
            Relation("ACCOMPANIED", ("Official", "王芳"), ("Official", "刘强"), "副区长王芳陪同调研。"),
            Relation("LOCATED_IN", ("Project", "缙云山生态修复工程"), ("District", "北碚区"), "工程位于北碚区。"),
            Relation("PART_OF", ("District", "北碚区"), ("District", "重庆市"), "重庆市北碚区。"),
        ])
    d2 = DocResult(
        "doc-2", "samples/b.txt", title="北碚区出台乡村振兴实施意见", date="2021-06-01",
        entities=[Entity("Official", "刘强", titles=["区委书记"]), gov, policy, meeting,
                  Entity("District", "北碚区")],
        relations=[
            Relation("ISSUED", ("Organization", "北碚区人民政府"), ("Policy", "乡村振兴实施意见"),
                     "北碚区人民政府印发《乡村振兴实施意见》。"),
            Relation("ATTENDED", ("Official", "刘强"), ("Meeting", "区委常委会会议"),
                     "刘强主持召开区委常委会会议。"),
            Relation("LOCATED_IN", ("Organization", "北碚区人民政府"), ("District", "北碚区"), "北碚区人民政府。"),
        ])
    bad = Entity("Official", HOSTILE_NAME, aliases=[SCRIPT], titles=[IMG])
    d3 = DocResult(
        "doc-3", "samples/c.txt", title=f"标题{SCRIPT}", date="2022-01-05",
        entities=[bad, Entity("District", "北碚区"), Entity("Policy", f"政策{IMG}")],
        relations=[Relation("VISITED", ("Official", HOSTILE_NAME), ("District", "北碚区"), HOSTILE_SENTENCE)])
    return [d1, d2, d3]


def demo_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    for d in demo_docs():
        kg.add(d)
    return kg


def star_graph(n: int) -> KnowledgeGraph:
    """A hub district and n officials who visited it, official i also visiting i+1."""
    kg = KnowledgeGraph()
    ents = [Entity("District", "中心区")] + [Entity("Official", f"官员{i:03d}") for i in range(n)]
    rels = [Relation("VISITED", ("Official", f"官员{i:03d}"), ("District", "中心区"), f"官员{i:03d}到中心区调研。")
            for i in range(n)]
    rels += [Relation("ACCOMPANIED", ("Official", f"官员{i:03d}"), ("Official", f"官员{i + 1:03d}"), "陪同。")
             for i in range(0, n - 1, 2)]
    kg.add(DocResult("star", "star.txt", title="星", date="2023-01-01", entities=ents, relations=rels))
    return kg


def embedded_data(page: str) -> dict:
    return decode(read_data_block(page))


def decode(data: dict) -> dict:
    """The page data as the page's script reads it: entity and relation rows as dicts,
    evidence and mentions resolved into documents and sentences."""
    labels = [lab for lab, _, _ in data["labels"]]

    def cite(c):
        doc, sentence = (c[0], data["sents"][c[1]]) if isinstance(c, list) else (c, "")
        d = data["docs"][doc] if doc >= 0 else ["", "", ""]
        return {"doc": d[0], "title": d[1], "date": d[2], "sentence": sentence}

    def row(fields, r, defaults):
        return {f: r[i] if i < len(r) else defaults.get(f, "") for i, f in enumerate(fields)}

    empty = {"label": 0, "ndocs": 0, "degree": 0, "count": 0, "type": 0, "mentions": [], "evidence": [],
             "aliases": [], "titles": []}
    nodes = [row(NODE_FIELDS, r, empty) for r in data["nodes"]]
    for i, n in enumerate(nodes):
        n.update(id=i, label=labels[n["label"]], mentions=[cite(c) for c in n["mentions"]], last=n["last"] or n["first"])
    edges = [row(EDGE_FIELDS, r, empty) for r in data["edges"]]
    for e in edges:
        e.update(type=data["types"][e["type"]], evidence=[cite(c) for c in e["evidence"]])
    return dict(data, nodes=nodes, edges=edges)


def test_hostile_text_is_escaped():
    page = render_html(demo_graph())
    block = re.search(r'id="govkg-data">(.*?)</script>', page, re.S).group(1)
    assert re.fullmatch(r"[A-Za-z0-9+/]+=*", block)                # base64: no markup can hide in it
    raw = gzip.decompress(base64.b64decode(block)).decode("utf-8")
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        assert ch not in raw                                      # and its JSON is script-safe too
    assert "__pwned" not in page                                  # not in the head, vis, markup or data
    assert page.count("</script>") == 3                           # vis, data, app: nothing injected
    assert "<img" not in page
    data = embedded_data(page)                                    # ... and the text is intact
    names = {n["name"] for n in data["nodes"]}
    assert HOSTILE_NAME in names and f"政策{IMG}" in names
    bad = next(n for n in data["nodes"] if n["name"] == HOSTILE_NAME)
    assert bad["aliases"] == [SCRIPT] and bad["titles"] == [IMG]
    sentences = {ev["sentence"] for e in data["edges"] for ev in e["evidence"]}
    assert HOSTILE_SENTENCE in sentences
    assert [f"标题{SCRIPT}"] == [d[1] for d in data["docs"] if d[0] == "doc-3"]


def test_title_is_escaped(tmp_path):
    page = render(demo_graph(), tmp_path / "g.html", title="<b>x</b> __DATA__").read_text(encoding="utf-8")
    assert "<b>x</b>" not in page and page.count("&lt;b&gt;x&lt;/b&gt; __DATA__") == 2
    assert embedded_data(page)["title"] == "<b>x</b> __DATA__"


def test_page_is_offline_and_keeps_licence():
    page = render_html(demo_graph())
    assert "@license" in page and "vis.js is dual licensed" in page
    assert "sourceMappingURL" not in page
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page)
    assert "default-src 'none'" in page


def test_deterministic(tmp_path):
    docs = demo_docs()
    a, b = KnowledgeGraph(), KnowledgeGraph()
    for d in docs:
        a.add(d)
    for d in reversed(docs):
        b.add(d)
    pa = render(a, tmp_path / "a.html").read_bytes()
    pb = render(b, tmp_path / "b.html").read_bytes()
    assert pa == pb
    assert render(a, tmp_path / "a.html").read_bytes() == pa


def test_contents():
    data = decode(page_data(demo_graph()))
    labels = {lab: c for lab, _, c in data["labels"]}
    assert labels["Official"] == 3 and labels["Policy"] == 2 and labels["District"] == 2
    assert len(data["nodes"]) == 10
    assert data["drawn"] == data["linked"] == 9                     # 政策<img…> has no relation: not drawn
    assert data["nodes"][9]["name"] == f"政策{IMG}" and data["nodes"][9]["degree"] == 0
    liu = next(n for n in data["nodes"] if n["name"] == "刘强")
    assert liu["aliases"] == ["刘强同志"] and liu["titles"] == ["区委书记", "区长"]
    assert (liu["first"], liu["last"], liu["ndocs"]) == ("2020-04-21", "2021-06-01", 2)
    assert [m["date"] for m in liu["mentions"]] == ["2021-06-01", "2020-04-21"]       # latest first
    assert liu["mentions"][1]["title"] == "刘强调研缙云山生态修复工程"
    assert {e["type"] for e in data["edges"]} == {"HOLDS_POSITION", "VISITED", "ACCOMPANIED", "LOCATED_IN",
                                                  "PART_OF", "ISSUED", "ATTENDED"}
    assert data["nodes"][0]["name"] == "北碚区"                     # the most connected comes first
    assert all(d[0].startswith("doc-") for d in data["docs"])       # documents are a table, not nodes
    hp = next(e for e in data["edges"] if e["type"] == "HOLDS_POSITION")
    assert hp["title"] == "区委书记" and hp["evidence"][0]["date"] == "2020-04-21"
    assert hp["evidence"][0]["sentence"] == "北碚区委书记刘强到缙云山调研。"
    assert data["nodes"][hp["from"]]["name"] == "刘强" and data["nodes"][hp["to"]]["name"] == "北碚区"
    assert len(data["pos"]) == 2 * data["drawn"]
    assert len(set(data["sents"])) == len(data["sents"])            # each sentence embedded once


def test_evidence_caps():
    """Relations between drawn entities keep PAGE_EVIDENCE sentences, the others
    OTHER_EVIDENCE; ``count`` keeps the whole number; entities without relations carry
    neither dates nor sentences."""
    kg = KnowledgeGraph()
    for i in range(12):
        ents = [Entity("Official", "甲"), Entity("District", "乙区"), Entity("Project", "丙工程"),
                Entity("Policy", f"孤立政策{i}")]
        rels = [Relation("VISITED", ("Official", "甲"), ("District", "乙区"), f"甲到乙区调研（第{i}次）。"),
                Relation("VISITED", ("Official", "甲"), ("Project", "丙工程"), f"甲调研丙工程（第{i}次）。")]
        kg.add(DocResult(f"d{i:02d}", "x.txt", title=f"新闻{i}", date=f"2021-01-{i + 1:02d}", entities=ents,
                         relations=rels))
    data = decode(page_data(kg, max_nodes=2))
    assert data["drawn"] == 2 and data["linked"] == 3 and len(data["nodes"]) == 15
    drawn_edge, other_edge = sorted(data["edges"], key=lambda e: e["to"])
    assert (drawn_edge["count"], other_edge["count"]) == (12, 12)
    assert len(drawn_edge["evidence"]) == PAGE_EVIDENCE and len(other_edge["evidence"]) == OTHER_EVIDENCE
    assert drawn_edge["evidence"][0] == {"doc": "d00", "title": "新闻0", "date": "2021-01-01",
                                         "sentence": "甲到乙区调研（第0次）。"}
    lone = data["nodes"][-1]
    assert lone["degree"] == 0 and lone["first"] == "" and lone["ndocs"] == 1
    assert [m["doc"] for m in lone["mentions"]] and not any(m["sentence"] for m in lone["mentions"])
    assert len(data["nodes"][0]["mentions"]) == 12                  # a drawn entity lists its documents


def test_max_nodes_keeps_most_connected():
    data = decode(page_data(star_graph(40), max_nodes=5))
    assert data["drawn"] == 5 and len(data["nodes"]) == 41          # all searchable, 5 drawn
    assert data["nodes"][0]["name"] == "中心区"
    degrees = [n["degree"] for n in data["nodes"]]
    assert degrees == sorted(degrees, reverse=True)
    assert page_data(star_graph(3), max_nodes=100)["drawn"] == 4
    assert page_data(star_graph(3), max_nodes=1)["drawn"] == 1
    assert page_data(star_graph(3), max_nodes=0)["drawn"] == 0


def test_max_nodes_draws_no_lonely_dot():
    """An entity among the most connected whose relations all lead outside the drawn
    ones gives its place to the next that has a line to draw."""
    kg = star_graph(6)
    ents = [Entity("Official", "孤星")] + [Entity("Project", f"项目{i}") for i in range(5)]
    rels = [Relation("VISITED", ("Official", "孤星"), ("Project", f"项目{i}"), "调研。") for i in range(5)]
    kg.add(DocResult("lone", "lone.txt", title="孤", date="2023-02-01", entities=ents, relations=rels))
    data = decode(page_data(kg, max_nodes=3))
    by_degree = sorted(data["nodes"], key=lambda n: -n["degree"])
    assert [n["name"] for n in by_degree[:2]] == ["中心区", "孤星"]
    drawn = [n["name"] for n in data["nodes"][:data["drawn"]]]
    assert data["drawn"] == 3 and "孤星" not in drawn and drawn[0] == "中心区"
    assert all(n["degree"] == 2 for n in data["nodes"][1:3])
    assert data["nodes"][3]["name"] == "孤星"                        # first of the rest: search finds it


def test_layout():
    pairs = [(0, i) for i in range(1, 30)] + [(30, 31), (31, 32), (1, 2)]
    pos = layout(40, pairs)
    assert pos == layout(40, list(reversed(pairs)))                 # deterministic, whatever the order
    assert len(pos) == len(set(pos)) == 40 and all(isinstance(c, int) for p in pos for c in p)
    dist = lambda a, b: ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    assert max(dist(0, i) for i in range(1, 30)) < min(dist(0, i) for i in range(33, 40)) * 2
    assert layout(0, []) == [] and len(layout(1, [])) == 1 and len(layout(2, [(0, 1)])) == 2


def test_layout_beyond_the_force_computation(monkeypatch):
    import graph.explorer.page as render_module

    monkeypatch.setattr(render_module, "LAYOUT_MAX", 10)
    pos = layout(30, [(0, i) for i in range(1, 25)])
    assert len(pos) == 30 and pos == layout(30, [(0, i) for i in range(1, 25)])
    assert len(set(pos)) > 25


def test_focus_subgraph():
    kg = demo_graph()
    one = focus_subgraph(kg, "王芳", 1)
    names = {d["name"] for _, d in one.nodes() if d["label"] != "Document"}
    assert names == {"王芳", "刘强"}
    two = focus_subgraph(kg, "刘强同志", 2)                         # by alias
    names2 = {d["name"] for _, d in two.nodes() if d["label"] != "Document"}
    assert {"王芳", "北碚区", "重庆市", "区委常委会会议", HOSTILE_NAME} <= names2
    assert "乡村振兴实施意见" not in names2
    assert {d["doc_id"] for _, d in one.nodes("Document")} == {"doc-1", "doc-2"}
    with pytest.raises(KeyError):
        focus_subgraph(kg, "无此人", 1)
    assert kg.g.nodes[kg.find("刘强")[0]]["aliases"] == {"刘强同志"}   # the source graph is untouched


def test_exported_graph_gives_the_same_page(tmp_path):
    """``govkg render`` reads graph.json as exported (no rebuild of the model): the page
    and the focus pages are the same as from the KnowledgeGraph."""
    from graph.store.files import load_frozen, write_json

    kg = demo_graph()
    write_json(kg, tmp_path / "graph.json")
    g = load_frozen(tmp_path / "graph.json")
    assert render_html(g) == render_html(kg)
    assert render_html(focus_subgraph(g, "刘强同志", 2)) == render_html(focus_subgraph(kg, "刘强同志", 2))
    with pytest.raises(KeyError):
        focus_subgraph(g, "无此人", 1)


def test_cli(tmp_path):
    from graph.cli.main import main
    from graph.store.files import write_json

    write_json(demo_graph(), tmp_path / "graph.json")
    r = CliRunner().invoke(main, ["render", str(tmp_path / "graph.json"), "--out", str(tmp_path / "g.html"),
                                  "--max-nodes", "3"])
    assert r.exit_code == 0, r.output
    assert embedded_data((tmp_path / "g.html").read_text(encoding="utf-8"))["drawn"] == 3
    r = CliRunner().invoke(main, ["render", str(tmp_path / "graph.json"), "--out", str(tmp_path / "f.html"),
                                  "--focus", "王芳", "--hops", "1"])
    assert r.exit_code == 0, r.output
    assert {n["name"] for n in embedded_data((tmp_path / "f.html").read_text(encoding="utf-8"))["nodes"]} == {"王芳", "刘强"}
    r = CliRunner().invoke(main, ["render", str(tmp_path / "graph.json"), "--out", str(tmp_path / "x.html"),
                                  "--focus", "无此人"])
    assert r.exit_code != 0 and "无此人" in r.output
