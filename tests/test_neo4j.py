"""The Neo4j store and exports, against the project's real Neo4j (scripts/neo4j.sh)."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest_neo4j import neo4j_script
from graph.cli.main import main
from graph.merge.knowledge import KnowledgeGraph
from graph.schema import LABELS, RELATION_TYPES
from graph.store.export import cypher_statements, cypher_string, export, to_cypher
from graph.store.files import to_json_bytes, write_json
from graph.store.neo4j import StoreError, pull, pull_frozen, push_frozen, push_graph
from handmade import NASTY, handmade_kg


def _db_stats(driver) -> dict:
    nodes = {k: driver.execute_query(f"MATCH (n:GovKG:{k}) RETURN count(n) AS c").records[0]["c"] for k in LABELS}
    rels = {k: driver.execute_query(f"MATCH (:GovKG)-[r:{k}]->(:GovKG) RETURN count(r) AS c").records[0]["c"]
            for k in RELATION_TYPES}
    return {"nodes": nodes, "relations": rels}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- without a server -----------------------------------------------------------------

def test_handmade_graph_covers_the_schema():
    stats = handmade_kg().stats()
    assert all(stats["nodes"][k] > 0 for k in LABELS)
    assert all(stats["relations"][k] > 0 for k in RELATION_TYPES)


def test_cypher_string_escapes():
    assert cypher_string("a'b\\c\n") == "'a\\'b\\\\c\\n'"
    script = to_cypher(handmade_kg().frozen())
    assert NASTY not in script                # never raw
    assert all(s.strip() for s in cypher_statements(script))


def test_missing_password_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(StoreError, match="NEO4J_PASSWORD"):
        push_graph(handmade_kg(), "bolt://127.0.0.1:1")


# ---- with the server ------------------------------------------------------------------

@pytest.mark.neo4j
def test_push_counts_match_the_graph(neo4j, neo4j_server):
    kg = handmade_kg()
    counts = push_graph(kg, neo4j_server.uri)
    assert _db_stats(neo4j) == kg.stats()
    assert counts["nodes_created"] == kg.g.number_of_nodes()
    assert counts["relationships_created"] == kg.g.number_of_edges()
    names = {r["name"] for r in neo4j.execute_query("SHOW CONSTRAINTS YIELD name").records}
    assert "govkg_id" in names      # only GovKG ids: other data may use the labels too
    indexes = {r["name"] for r in neo4j.execute_query("SHOW INDEXES YIELD name").records}
    assert {f"govkg_{k.lower()}_name" for k in LABELS} <= indexes


@pytest.mark.neo4j
def test_second_push_changes_nothing(neo4j, neo4j_server):
    kg = handmade_kg()
    push_graph(kg, neo4j_server.uri)
    before = pull_frozen(neo4j)
    again = push_graph(kg, neo4j_server.uri)
    assert (again["nodes_created"], again["nodes_updated"], again["relationships_created"],
            again["relationships_updated"]) == (0, 0, 0, 0)
    after = pull_frozen(neo4j)
    assert sorted(before.nodes(data=True)) == sorted(after.nodes(data=True))
    assert sorted(before.edges(keys=True, data=True)) == sorted(after.edges(keys=True, data=True))


@pytest.mark.neo4j
def test_larger_build_adds_what_is_new(neo4j, neo4j_server):
    small, full = handmade_kg(2), handmade_kg()
    push_graph(small, neo4j_server.uri)
    ids = {r["id"]: r["eid"] for r in neo4j.execute_query(
        "MATCH (n:GovKG) RETURN n.id AS id, elementId(n) AS eid").records}
    counts = push_graph(full, neo4j_server.uri)
    assert counts["nodes_created"] == full.g.number_of_nodes() - small.g.number_of_nodes()
    assert counts["relationships_created"] == full.g.number_of_edges() - small.g.number_of_edges()
    assert _db_stats(neo4j) == full.stats()
    kept = {r["id"]: r["eid"] for r in neo4j.execute_query(
        "MATCH (n:GovKG) RETURN n.id AS id, elementId(n) AS eid").records}
    assert all(kept[i] == e for i, e in ids.items())   # merged, not recreated


@pytest.mark.neo4j
def test_pull_round_trips(neo4j, neo4j_server):
    kg = handmade_kg()
    push_graph(kg, neo4j_server.uri)
    back = pull(neo4j_server.uri, (neo4j_server.user, neo4j_server.password))
    assert to_json_bytes(back) == to_json_bytes(kg)
    assert back.stats() == kg.stats()


@pytest.mark.neo4j
def test_a_push_into_an_empty_database_leaves_what_a_merging_push_leaves(neo4j, neo4j_server):
    """Into a database without govkg nodes the push CREATEs; over part of the graph it
    MERGEs. Both end with the graph, every node and relationship once."""
    kg = handmade_kg()
    first = push_graph(kg, neo4j_server.uri)
    assert first["fresh"] and first["relationships_created"] == kg.g.number_of_edges()
    created = to_json_bytes(KnowledgeGraph.from_frozen(pull_frozen(neo4j)))
    neo4j.execute_query("MATCH (n:GovKG) DETACH DELETE n")
    assert push_graph(handmade_kg(2), neo4j_server.uri)["fresh"]
    merged = push_graph(kg, neo4j_server.uri)
    assert not merged["fresh"]
    assert merged["relationships_created"] < kg.g.number_of_edges()
    assert to_json_bytes(KnowledgeGraph.from_frozen(pull_frozen(neo4j))) == created == to_json_bytes(kg)
    assert _db_stats(neo4j) == kg.stats()


@pytest.mark.neo4j
def test_a_former_post_round_trips(neo4j, neo4j_server):
    kg = handmade_kg()   # 李副市长's post as 渝北区区长 is a former one
    former = [(s, t) for s, t, d in kg.frozen().edges(data=True) if d.get("former")]
    assert former
    push_graph(kg, neo4j_server.uri)
    assert neo4j.execute_query("MATCH ()-[r:HOLDS_POSITION {former: true}]->() RETURN count(r) AS c"
                               ).records[0]["c"] == len(former)
    back = pull(neo4j_server.uri, (neo4j_server.user, neo4j_server.password))
    assert to_json_bytes(back) == to_json_bytes(kg)


@pytest.mark.neo4j
def test_text_is_stored_verbatim_and_foreign_nodes_untouched(neo4j, neo4j_server):
    neo4j.execute_query("MERGE (:Official {id: 'not-govkg', name: 'foreign'})")
    try:
        push_graph(handmade_kg(), neo4j_server.uri)
        titles = {r["t"] for r in neo4j.execute_query("MATCH (d:GovKG:Document) RETURN d.title AS t").records}
        assert NASTY in titles
        sentences = neo4j.execute_query(
            "MATCH (:GovKG)-[r:VISITED]->(:GovKG) UNWIND r.evidence_sentences AS s RETURN collect(s) AS s"
        ).records[0]["s"]
        assert NASTY in sentences
        assert "not-govkg" not in pull_frozen(neo4j)
        assert neo4j.execute_query("MATCH (n {id: 'not-govkg'}) RETURN count(n) AS c").records[0]["c"] == 1
    finally:
        neo4j.execute_query("MATCH (n {id: 'not-govkg'}) DELETE n")


@pytest.mark.neo4j
def test_cli_push_pull(neo4j, neo4j_server, tmp_path):
    kg = handmade_kg()
    write_json(kg, tmp_path / "graph.json")
    runner = CliRunner()
    r = runner.invoke(main, ["push", str(tmp_path / "graph.json"), "--neo4j", neo4j_server.uri])
    assert r.exit_code == 0, r.output
    assert "20 nodes (20 new" in r.output
    r = runner.invoke(main, ["pull", "--neo4j", neo4j_server.uri, "--out", str(tmp_path / "back.json")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "back.json").read_bytes() == (tmp_path / "graph.json").read_bytes()


@pytest.mark.neo4j
def test_cli_wrong_password_and_server_down(neo4j, neo4j_server, tmp_path, monkeypatch):
    write_json(handmade_kg(), tmp_path / "graph.json")
    runner = CliRunner()
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    r = runner.invoke(main, ["push", str(tmp_path / "graph.json"), "--neo4j", neo4j_server.uri])
    assert r.exit_code != 0
    assert "refused the credentials" in r.output and len(r.output.strip().splitlines()) == 1
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    r = runner.invoke(main, ["push", str(tmp_path / "graph.json"), "--neo4j", f"bolt://127.0.0.1:{_free_port()}"])
    assert r.exit_code != 0
    assert "cannot reach Neo4j" in r.output and len(r.output.strip().splitlines()) == 1


@pytest.mark.neo4j
def test_export_cypher_loads_into_neo4j(neo4j, tmp_path):
    kg = handmade_kg()
    export(kg, "cypher", tmp_path / "graph.cypher")
    for stmt in cypher_statements((tmp_path / "graph.cypher").read_text(encoding="utf-8")):
        neo4j.execute_query(stmt)
    assert to_json_bytes(KnowledgeGraph.from_frozen(pull_frozen(neo4j))) == to_json_bytes(kg)


@pytest.mark.neo4j
def test_export_neo4j_admin_imports(neo4j_server, tmp_path):
    kg = handmade_kg()
    out = tmp_path / "csv"
    export(kg, "neo4j-admin", out)
    home = tmp_path / "home"
    files = [f"--nodes={p}" for p in sorted(out.glob("nodes_*.csv"))]
    files += [f"--relationships={p}" for p in sorted(out.glob("relationships_*.csv"))]
    assert len(files) == len(LABELS) + len(RELATION_TYPES)
    r = neo4j_script("admin", home, "database", "import", "full", "neo4j", "--array-delimiter=U+001F",
                     "--multiline-fields=true", f"--report-file={tmp_path / 'import.report'}", *files)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    r = neo4j_script("start", home, env={"NEO4J_PASSWORD": neo4j_server.password, "NEO4J_BOLT_PORT": ""})
    assert r.returncode == 0, r.stderr
    try:
        uri = r.stdout.strip().splitlines()[-1]
        back = pull(uri, (neo4j_server.user, neo4j_server.password))
        assert to_json_bytes(back) == to_json_bytes(kg)
    finally:
        neo4j_script("stop", home)


@pytest.mark.neo4j
def test_samples_graph_counts(neo4j, neo4j_server):
    build = pytest.importorskip("graph.builder.job")
    if not hasattr(build, "build_graph"):
        pytest.skip("graph.builder.job.build_graph has not landed")
    root = Path(__file__).resolve().parent.parent
    kg = build.build_graph([str(root / "samples")])
    counts = push_graph(kg, neo4j_server.uri)
    assert counts["nodes"] == kg.g.number_of_nodes() > 0
    assert _db_stats(neo4j) == kg.stats()
    assert push_graph(kg, neo4j_server.uri)["nodes_created"] == 0


@pytest.mark.neo4j
def test_the_projects_server_in_one_command(tmp_path, neo4j_server, monkeypatch):
    """govkg neo4j start: the URI and where the password is kept; push, query and pull
    find the server with nothing exported; Neo4j Browser is served on 127.0.0.1 with
    govkg's style; stop stops it."""
    import json
    import re
    import urllib.request

    from graph.schema import COLORS
    from graph.store.files import write_json as write

    for var in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "GOVKG_NEO4J_URI"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GOVKG_NEO4J_DIR", str(tmp_path / "server"))
    runner = CliRunner()
    assert runner.invoke(main, ["neo4j", "status"]).exit_code == 1
    r = runner.invoke(main, ["neo4j", "start"])
    try:
        assert r.exit_code == 0, r.output
        uri = re.search(r"uri:\s+(bolt://127\.0\.0\.1:\d+)", r.output).group(1)
        browser = re.search(r"browser:\s+(http://127\.0\.0\.1:\d+/browser/)", r.output).group(1)
        assert str(tmp_path / "server" / "password") in r.output
        graph = tmp_path / "graph.json"
        write(handmade_kg(), graph)
        r = runner.invoke(main, ["push", str(graph)])
        assert r.exit_code == 0 and uri in r.output, r.output
        r = runner.invoke(main, ["query", "official_posts", "-p", "name=王市长", "--neo4j", "--format", "json"])
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)[0]["official"] == "王市长"
        # what is set still wins: a wrong password is refused, not replaced
        monkeypatch.setenv("NEO4J_PASSWORD", "wrong")
        r = runner.invoke(main, ["query", "official_posts", "-p", "name=王市长", "--neo4j"])
        assert r.exit_code != 0 and "refused the credentials" in r.output
        monkeypatch.delenv("NEO4J_PASSWORD")
        # Neo4j Browser, and the style it applies on connecting: each label in the page's colour
        with urllib.request.urlopen(browser, timeout=30) as page:
            assert page.status == 200 and b"<title>Neo4j Browser</title>" in page.read()
        conf = (tmp_path / "server" / "conf" / "neo4j.conf").read_text("utf-8")
        style = json.loads(re.search(r"^browser\.post_connect_cmd=style (.+)$", conf, re.M).group(1))
        assert style["node.Official"]["color"] == COLORS["Official"] and style["node.Official"]["caption"] == "{name}"
        assert re.search(r"^server\.http\.listen_address=127\.0\.0\.1:\d+$", conf, re.M)
        r = runner.invoke(main, ["neo4j", "status"])
        assert r.exit_code == 0 and uri in r.output
    finally:
        r = runner.invoke(main, ["neo4j", "stop"])
    assert r.exit_code == 0 and "stopped" in r.output
    assert runner.invoke(main, ["neo4j", "status"]).exit_code == 1
