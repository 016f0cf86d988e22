"""No text executes. Documents whose names and sentences carry HTML, JavaScript and
Cypher are built into a graph with ``govkg build`` from real files: the page shows the
text and runs none of it (in Chromium), Neo4j receives it only as parameters (the
database is intact, the text stored as written), and ``govkg query`` refuses write
clauses unless ``--write``."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.cli.main import main
from graph.store.files import read_json, to_json_bytes
from graph.store.neo4j import pull_frozen
from graph.merge.knowledge import KnowledgeGraph
from test_browser import browser, wait_for  # noqa: F401  (the browser fixture)
from test_neo4j_faults import db_stats, drop_foreign, foreign_snapshot, seed_foreign

CYPHER = "'}) DETACH DELETE n //"
CYPHER2 = '"}) MATCH (m) DETACH DELETE m //'
IMG = '<img src=x onerror="window.__pwned=3">'
SCRIPT = "<script>window.__pwned=4</script>"
AUTHORS = [CYPHER, IMG, SCRIPT, "反斜杠\\'引号\""]
TITLE = f"标题{CYPHER}{SCRIPT}"
IMG_TXT = "<img src=x onerror=window.__pwned=6>"   # an OCR page's straight quotes become “ ”
SENTENCE = f"区委书记周旭到北碚区调研，强调{CYPHER}{IMG_TXT}要落实。"


def hostile_documents(root):
    root.mkdir(parents=True, exist_ok=True)
    (root / "feed.jsonl").write_text(json.dumps({
        "title": TITLE, "date": "2020-04-21", "publication": CYPHER2, "authors": AUTHORS,
        "text": f"本报讯 3月5日，区委书记刘强到北碚区调研，他说：{CYPHER} {SCRIPT} 要落实。"}, ensure_ascii=False) + "\n",
        "utf-8")
    (root / "page.txt").write_text(f"本报讯（记者 申晓佳）3月5日，{SENTENCE}\n", "utf-8")
    (root / "web.html").write_text(
        "<html><head><title>'}) DETACH DELETE n //</title></head><body><p>区委书记何庆到北碚区调研，"
        "&lt;script&gt;window.__pwned=5&lt;/script&gt;要落实。</p></body></html>", "utf-8")
    (root / f"{CYPHER.replace('/', '')}<b>.txt").write_text(f"本报讯 区委书记王刚到北碚区调研，{SCRIPT}。", "utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory):
    root = tmp_path_factory.mktemp("inject")
    hostile_documents(root / "in")
    r = CliRunner().invoke(main, ["build", str(root / "in"), "--out", str(root / "out")])
    assert r.exit_code == 0, r.output
    return root / "out"


def test_the_text_reaches_the_graph_as_written(hostile_out):
    data = json.loads((hostile_out / "graph.json").read_text("utf-8"))
    names = {n["name"] for n in data["nodes"]}
    assert set(AUTHORS) <= names                                 # reporters: Person nodes
    assert TITLE in names and "'}) DETACH DELETE n //" in names  # document titles
    sentences = {ev["sentence"] for link in data["links"] for ev in link["evidence"]}
    assert any(CYPHER in s and IMG_TXT in s for s in sentences)
    assert any("<script>window.__pwned=5</script>" in s for s in sentences)


# ---- the page, in Chromium --------------------------------------------------------------

def test_page_shows_the_text_and_runs_none_of_it(browser, hostile_out):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    events = []
    page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: events.append(f"pageerror: {e}"))
    page.on("console", lambda m: m.type == "error" and events.append(f"console: {m.text}"))
    page.on("request", lambda r: not r.url.startswith(("file:", "data:", "about:", "blob:"))
            and events.append(f"request: {r.url}"))
    try:
        page.goto((hostile_out / "graph.html").resolve().as_uri())
        wait_for(page, "!!(window.govkg && window.govkg.state.settled)")
        for name in AUTHORS:
            page.fill("#search", name)
            assert name in page.inner_text("#results"), name
            page.keyboard.press("Enter")
            nid = page.evaluate("(name) => govkg.data.nodes.find(n => n.name === name).id", name)
            wait_for(page, f"govkg.network.getSelectedNodes()[0] === {json.dumps(nid)}")
            assert page.inner_text("#panel h2") == name
            assert TITLE in page.inner_text("#panel")       # the document the reporter wrote
        page.fill("#search", "周旭")
        page.keyboard.press("Enter")
        wait_for(page, "govkg.network.getSelectedNodes().length === 1")
        assert f"{CYPHER}{IMG_TXT}" in page.text_content("#panel")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('img, #panel script, #results script').length") == 0
        assert events == []
    finally:
        page.close()


# ---- Neo4j: parameters only ----------------------------------------------------------------

@pytest.mark.neo4j
def test_neo4j_stores_the_text_and_nothing_runs(neo4j, neo4j_server, tmp_path):
    drop_foreign(neo4j)
    try:
        seed_foreign(neo4j, "official-000000000000")
        before = foreign_snapshot(neo4j)
        hostile_documents(tmp_path / "in")
        r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                      "--no-html", "--neo4j", neo4j_server.uri])
        assert r.exit_code == 0, r.output
        kg = read_json(tmp_path / "out" / "graph.json")
        assert db_stats(neo4j) == kg.stats()
        assert foreign_snapshot(neo4j) == before
        assert to_json_bytes(KnowledgeGraph.from_frozen(pull_frozen(neo4j))) == (tmp_path / "out" / "graph.json").read_bytes()
        people = {rec["n"] for rec in neo4j.execute_query("MATCH (p:GovKG:Person) RETURN p.name AS n").records}
        assert set(AUTHORS) <= people
        docs = {rec["t"]: rec["p"] for rec in neo4j.execute_query(
            "MATCH (d:GovKG:Document) RETURN d.title AS t, d.publication AS p").records}
        assert docs[TITLE] == CYPHER2

        # the query command, with the text as a parameter, on Neo4j and on the file
        runner = CliRunner()
        q = "MATCH (p:Person) WHERE p.name = $name RETURN p.name AS name"
        for name in AUTHORS:
            for where in (["--neo4j", neo4j_server.uri], ["--graph", str(tmp_path / "out" / "graph.json")]):
                r = runner.invoke(main, ["query", q, "-p", f"name={name}", "--format", "json", *where])
                assert r.exit_code == 0, (where, r.output)
                assert json.loads(r.output) == [{"name": name}], (where, r.output)
        r = runner.invoke(main, ["query", "official_posts", "-p", f"name={CYPHER}", "--neo4j", neo4j_server.uri])
        assert r.exit_code == 0, r.output
        assert db_stats(neo4j) == kg.stats() and foreign_snapshot(neo4j) == before
    finally:
        drop_foreign(neo4j)


# ---- govkg query and write clauses ------------------------------------------------------------

WRITES = [
    "MATCH (n) DETACH DELETE n",
    "match (n) detach delete n",
    "CREATE (:Pwned)",
    "MERGE (x:Pwned {id: 1}) RETURN x",
    "MATCH (n) SET n.name = 'x' RETURN n",
    "MATCH (n) REMOVE n:GovKG RETURN n",
    "DROP CONSTRAINT govkg_id",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL { MATCH (n) DETACH DELETE n } RETURN 1",
    "MATCH (n) FOREACH (x IN [1] | DELETE n)",
    "MATCH (n) RETURN n /* ' */ DETACH DELETE n /* ' */",      # a quote in a comment hides nothing
    "MATCH (n) RETURN n // '\nDETACH DELETE n",
]


def test_query_refuses_writes_without_write(hostile_out):
    runner = CliRunner()
    graph = str(hostile_out / "graph.json")
    before = (hostile_out / "graph.json").read_bytes()
    for q in WRITES:
        r = runner.invoke(main, ["query", q, "--graph", graph])
        assert r.exit_code == 1 and "refused without --write" in r.output, (q, r.output)
    r = runner.invoke(main, ["query", "CREATE (:Pwned)", "--write", "--graph", graph])
    assert r.exit_code == 1 and "read-only" in r.output, r.output
    # write words inside strings, comments and backquoted names are no writes
    r = runner.invoke(main, ["query", 'MATCH (n:Person) WHERE n.name <> "DETACH DELETE" RETURN n.name AS name '
                                      "// CREATE", "--graph", graph, "--format", "json"])
    assert r.exit_code == 0, r.output
    assert sorted(row["name"] for row in json.loads(r.output)) == sorted(AUTHORS + ["申晓佳"])
    assert (hostile_out / "graph.json").read_bytes() == before


@pytest.mark.neo4j
def test_query_refuses_writes_on_neo4j_unless_write(neo4j, neo4j_server):
    from graph.store.neo4j import push_graph
    from handmade import handmade_kg

    kg = handmade_kg()
    push_graph(kg, neo4j_server.uri)
    runner = CliRunner()
    for q in WRITES:
        r = runner.invoke(main, ["query", q, "--neo4j", neo4j_server.uri])
        assert r.exit_code == 1 and "refused without --write" in r.output, (q, r.output)
    assert db_stats(neo4j) == kg.stats()
    assert neo4j.execute_query("MATCH (n:Pwned) RETURN count(n) AS c").records[0]["c"] == 0
    r = runner.invoke(main, ["query", "CREATE (s:Scratch {v: $v}) RETURN s.v AS v", "-p", f"v={CYPHER}",
                             "--write", "--neo4j", neo4j_server.uri, "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output) == [{"v": CYPHER}], r.output
    r = runner.invoke(main, ["query", "MATCH (s:Scratch) DELETE s", "--write", "--neo4j", neo4j_server.uri])
    assert r.exit_code == 0, r.output
    assert db_stats(neo4j) == kg.stats()
