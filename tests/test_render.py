"""The explorer page (graph/render.py): escaping, determinism, max_nodes, focus."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from graph.model import KnowledgeGraph
from graph.records import DocResult, Entity, Relation
from graph.render import focus_subgraph, page_data, render, render_html

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
    m = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_hostile_text_is_escaped():
    page = render_html(demo_graph())
    data_block = re.search(r'id="govkg-data">(.*?)</script>', page, re.S).group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in data_block
    outside = page.replace(data_block, "")
    assert "__pwned" not in outside                               # not in the head, vis or markup
    assert page.count("</script>") == 3                           # vis, data, app: nothing injected
    assert "<img" not in page
    data = embedded_data(page)                                    # ... and the JSON is intact
    names = {n["name"] for n in data["nodes"]}
    assert HOSTILE_NAME in names and f"政策{IMG}" in names
    sentences = {ev[1] for e in data["edges"] for ev in e["evidence"]}
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
    data = page_data(demo_graph())
    labels = {lab: c for lab, _, c in data["labels"]}
    assert labels["Official"] == 3 and labels["Policy"] == 2 and labels["District"] == 2
    assert data["drawn"] == len(data["nodes"]) == 10
    liu = next(n for n in data["nodes"] if n["name"] == "刘强")
    assert liu["aliases"] == ["刘强同志"] and liu["titles"] == ["区委书记", "区长"]
    assert (liu["first"], liu["last"], liu["ndocs"]) == ("2020-04-21", "2021-06-01", 2)
    assert {e["type"] for e in data["edges"]} == {"HOLDS_POSITION", "VISITED", "ACCOMPANIED", "LOCATED_IN",
                                                  "PART_OF", "ISSUED", "ATTENDED"}
    assert data["nodes"][0]["name"] == "北碚区"                     # the most connected comes first
    assert all(d[0].startswith("doc-") for d in data["docs"])       # documents are a table, not nodes
    hp = next(e for e in data["edges"] if e["type"] == "HOLDS_POSITION")
    assert hp["title"] == "区委书记" and hp["evidence"][0][2] == "2020-04-21"


def test_max_nodes_keeps_most_connected():
    data = page_data(star_graph(40), max_nodes=5)
    assert data["drawn"] == 5 and len(data["nodes"]) == 41          # all searchable, 5 drawn
    assert data["nodes"][0]["name"] == "中心区"
    degrees = [n["degree"] for n in data["nodes"]]
    assert degrees == sorted(degrees, reverse=True)
    assert page_data(star_graph(3), max_nodes=100)["drawn"] == 4


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


def test_cli(tmp_path):
    from graph.cli import main
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
