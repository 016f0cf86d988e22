"""The query library: every query against an answer computed in Python from the
networkx graph, on Neo4j and on the embedded graph database."""
from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli.main import main
from graph.store.files import write_json
from graph.store.neo4j import push_graph
from handmade import NASTY, handmade_kg
from queries.runner import QueryError, library, load, parse_params, run, write_clauses

F = handmade_kg().frozen()


def _name(n):
    return F.nodes[n]["name"]


def _label(n):
    return F.nodes[n]["label"]


def _edges(rtype):
    return [(s, t, d) for s, t, d in F.edges(data=True) if d["type"] == rtype]


def _under(district):
    """The district named so and every district under it."""
    part_of = nx.DiGraph((s, t) for s, t, _ in _edges("PART_OF"))
    roots = [n for n in F if _label(n) == "District" and _name(n) == district]
    return {x for r in roots for x in ({r} | (nx.ancestors(part_of, r) if r in part_of else set()))}


# ---- the answers, in Python ----------------------------------------------------------

def official_posts(name):
    rows = [[name, d["title"], d.get("former"), _name(t), d["count"]]   # former: true, or null
            for s, t, d in _edges("HOLDS_POSITION") if _name(s) == name]
    return sorted(rows, key=lambda r: (r[1], r[2]))


def official_visits(name):
    rows = [[ev["date"], _name(t), ev["doc"], ev["sentence"]]
            for s, t, d in _edges("VISITED") if _name(s) == name and _label(s) == "Official" for ev in d["evidence"]]
    return sorted(rows, key=lambda r: (r[0] is None, r[0] or "", r[1], r[2]))


def district_visitors(district):
    under = _under(district)
    return sorted([_name(s), _name(t), d["count"]] for s, t, d in _edges("VISITED")
                  if t in under and _label(s) == "Official")


def co_attendees():
    rows = []
    for m in (n for n in F if _label(n) == "Meeting"):
        names = sorted({_name(s) for s, t, _ in _edges("ATTENDED") if t == m and _label(s) == "Official"})
        rows += [[a, b, _name(m)] for i, a in enumerate(names) for b in names[i + 1:]]
    return sorted(rows)


def district_projects(district):
    under = _under(district)
    return sorted([_name(s), _name(t)] for s, t, _ in _edges("LOCATED_IN") if t in under and _label(s) == "Project")


def policies_by_documents():
    rows = []
    for p in (n for n in F if _label(n) == "Policy"):
        docs = {t for s, t, _ in _edges("MENTIONED_IN") if s == p}
        officials = sorted({_name(s) for s, t, _ in _edges("MENTIONED_IN") if t in docs and _label(s) == "Official"})
        rows.append([_name(p), F.nodes[p]["documents"], officials])
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def relation_evidence(source, target):
    rows = [[d["type"], ev["doc"], ev["date"], ev["sentence"]] for s, t, d in F.edges(data=True)
            if _name(s) == source and _name(t) == target for ev in d["evidence"]]
    return sorted(rows, key=lambda r: (r[0], r[1], r[3]))


def entity_documents(name):
    return sorted([F.nodes[t]["doc_id"], F.nodes[t]["title"], F.nodes[t]["date"]]
                  for s, t, _ in _edges("MENTIONED_IN") if _name(s) == name)


def new_entities(start, end):
    rows = [[d["label"], d["name"], d["first_date"]] for _, d in F.nodes(data=True)
            if d["label"] != "Document" and d.get("first_date") and start <= d["first_date"] <= end]
    return sorted(rows, key=lambda r: (r[2], r[0], r[1]))


def most_connected_officials(limit):
    rows = []
    for o in (n for n in F if _label(n) == "Official"):
        near = {t for s, t, d in F.out_edges(o, data=True) if d["type"] not in ("MENTIONED_IN", "WROTE")}
        near |= {s for s, t, d in F.in_edges(o, data=True) if d["type"] not in ("MENTIONED_IN", "WROTE")}
        if near:
            rows.append([_name(o), len(near)])
    return sorted(rows, key=lambda r: (-r[1], r[0]))[:limit]


def districts_by_visits():
    rows = {}
    for s, t, d in _edges("VISITED"):
        if _label(s) == "Official" and _label(t) == "District":
            v, o = rows.get(_name(t), (0, 0))
            rows[_name(t)] = (v + d["count"], o + 1)
    return sorted(([k, v, o] for k, (v, o) in rows.items()), key=lambda r: (-r[1], r[0]))


def meeting_attendees(meeting):
    return sorted([_name(s), d["count"]] for s, t, d in _edges("ATTENDED") if _name(t) == meeting)


def _dates_key(*cols):
    """Sort key of rows with nullable dates: nulls last, as both engines sort them."""
    return lambda r: tuple((r[c] is None, r[c] or "") for c in cols)


def post_holders(post):
    rows = {}
    for s, t, d in _edges("HOLDS_POSITION"):
        if d["title"] == post or _name(t) + d["title_norm"] == post:
            first, last, n = rows.get(_name(s), (None, None, 0))
            first = min(x for x in (first, d["first_date"]) if x) if first or d["first_date"] else None
            last = max(x for x in (last, d["last_date"]) if x) if last or d["last_date"] else None
            rows[_name(s)] = (first, last, n + d["count"])
    out = [[k, f, l, n] for k, (f, l, n) in rows.items()]
    return sorted(out, key=lambda r: (*_dates_key(1, 2)(r), r[0]))


def official_career(name):
    rows = [[d["title"], _name(t), d["first_date"], d["last_date"], d["count"], bool(d.get("former"))]
            for s, t, d in _edges("HOLDS_POSITION") if _name(s) == name]
    return sorted(rows, key=lambda r: (*_dates_key(2, 3)(r), r[0], r[1]))


CASES = [
    ("official_posts", {"name": "王市长"}, official_posts),
    ("official_posts", {"name": "赵书记"}, official_posts),
    ("official_posts", {"name": "李副市长"}, official_posts),
    ("official_visits", {"name": "王市长"}, official_visits),
    ("official_visits", {"name": "李副市长"}, official_visits),
    ("district_visitors", {"district": "重庆市"}, district_visitors),
    ("district_visitors", {"district": "龙兴镇"}, district_visitors),
    ("co_attendees", {}, co_attendees),
    ("district_projects", {"district": "重庆市"}, district_projects),
    ("district_projects", {"district": "龙兴镇"}, district_projects),
    ("policies_by_documents", {}, policies_by_documents),
    ("relation_evidence", {"source": "王市长", "target": "渝北区"}, relation_evidence),
    ("relation_evidence", {"source": "王市长", "target": "龙兴镇"}, relation_evidence),
    ("entity_documents", {"name": "王市长"}, entity_documents),
    ("entity_documents", {"name": "渝北区"}, entity_documents),
    ("new_entities", {"from": "2020-05-01", "to": "2020-12-31"}, lambda **p: new_entities(p["from"], p["to"])),
    ("most_connected_officials", {"limit": 2}, most_connected_officials),
    ("districts_by_visits", {}, districts_by_visits),
    ("meeting_attendees", {"meeting": "市政府常务会议"}, meeting_attendees),
    ("post_holders", {"post": "市长"}, post_holders),
    ("post_holders", {"post": "重庆市人民政府副市长"}, post_holders),
    ("post_holders", {"post": "渝北区区长"}, post_holders),
    ("official_career", {"name": "李副市长"}, official_career),
    ("official_career", {"name": "赵书记"}, official_career),
]


def _ids(case):
    return f"{case[0]}-{'-'.join(map(str, case[1].values()))}"


# ---- the library itself ----------------------------------------------------------------

def test_library_is_documented():
    lib = library()
    assert len(lib) >= 12
    for name, q in lib.items():
        assert q.question.endswith("?"), name
        assert q.used_params() <= set(q.params), f"{name}: undocumented parameters"
        assert not write_clauses(q.text), name
    assert {c[0] for c in CASES} | {"shortest_path"} == set(lib)   # shortest_path: its own test


def test_every_case_has_an_answer():
    for name, params, expected in CASES:
        assert expected(**params), f"{name} {params}: the test graph gives no rows"


def test_write_clauses_are_refused():
    for text in ("MATCH (n) DETACH DELETE n", "CREATE (n:X)", "MATCH (n) SET n.x = 1", "MERGE (n:X {id: 1})",
                 "MATCH (n) REMOVE n.x", "DROP INDEX x", "LOAD CSV FROM 'file:///x' AS r RETURN r",
                 "CALL db.labels()", "match (n) detach\n delete n"):
        assert write_clauses(text), text
        with pytest.raises(QueryError, match="refused without --write"):
            run(text, graph=F)
    # words inside strings and comments are not clauses
    assert not write_clauses('MATCH (n) WHERE n.name = "CREATE DELETE" RETURN n // SET')
    r = CliRunner().invoke(main, ["query", "MATCH (n) DETACH DELETE n", "--graph", __file__])
    assert r.exit_code != 0 and "refused without --write" in r.output


def test_params_and_loading(tmp_path):
    assert parse_params(["a=1", "b=x=y", "c=2020-01-01", "d=1.5"]) == {"a": 1, "b": "x=y", "c": "2020-01-01", "d": 1.5}
    with pytest.raises(QueryError, match="needs parameter"):
        run("official_posts", {}, graph=F)
    with pytest.raises(QueryError, match="no query named"):
        load("no_such_query")
    f = tmp_path / "mine.cypher"
    f.write_text("// Which meetings?\nMATCH (m:Meeting) RETURN m.name AS meeting ORDER BY meeting\n")
    assert run(str(f), graph=F).rows == sorted([[d["name"]] for _, d in F.nodes(data=True) if d["label"] == "Meeting"])


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_embedded_answers(case):
    name, params, expected = case
    res = run(name, params, graph=F)
    assert res.rows == expected(**params)


def test_embedded_shortest_path():
    und = nx.Graph(F.to_undirected())
    for a, b in (("王市长", "重庆市"), ("申晓佳", "优化营商环境条例"), ("空港新城", "两江数字产业园")):
        rows = run("shortest_path", {"source": a, "target": b}, graph=F).rows
        hops = nx.shortest_path_length(und, _find(a), _find(b))
        assert rows and all(r[2] == hops and r[0][0] == a and r[0][-1] == b for r in rows)
        assert all(len(r[1]) == hops for r in rows)


@pytest.mark.parametrize("text", ["MATCH (n) RETURN no_such_function(n)", "MATCH (n) RETURN n.name AS x ORDER BY",
                                  "MATCH (n:NoSuchLabel) RETURN n"])
def test_embedded_refuses_clearly(text):
    # what the engine cannot run is an error that names Neo4j, never an empty answer
    with pytest.raises(QueryError, match="--neo4j"):
        run(text, graph=F)


def test_embedded_parameters_are_not_code():
    # a parameter holding quotes and Cypher stays one value
    assert run("entity_documents", {"name": NASTY}, graph=F).rows == []
    assert run("official_posts", {"name": '王市长" OR 1=1 //'}, graph=F).rows == []


def test_cli_query_embedded(tmp_path):
    write_json(handmade_kg(), tmp_path / "graph.json")
    runner = CliRunner()
    r = runner.invoke(main, ["query", "official_posts", "-p", "name=王市长", "--graph", str(tmp_path / "graph.json"),
                             "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == "official,title,former,body,documents"
    assert "writing the embedded database" in r.stderr
    # the database is written beside the graph the first time, and read from there after
    assert (tmp_path / "graph.db").is_file()
    r = runner.invoke(main, ["query", "shortest_path", "-p", "source=王市长", "-p", "target=重庆市",
                             "--graph", str(tmp_path / "graph.json"), "--format", "json"])
    assert r.exit_code == 0 and '"hops": 2' in r.output, r.output   # 王市长 → 渝北区 → 重庆市
    r = runner.invoke(main, ["query", "MATCH (n) RETURN bogus(n)", "--graph", str(tmp_path / "graph.json")])
    assert r.exit_code != 0 and "--neo4j" in r.output
    # a graph.json written again (another build) gets its database written again
    write_json(handmade_kg(2), tmp_path / "graph.json")
    r = runner.invoke(main, ["query", "MATCH (d:Document) RETURN count(d) AS n", "--graph", str(tmp_path / "graph.json"),
                             "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines()[1] == "2", r.output


# ---- on Neo4j --------------------------------------------------------------------------

@pytest.fixture
def pushed(neo4j, neo4j_server):
    push_graph(handmade_kg(), neo4j_server.uri)
    return neo4j


@pytest.mark.neo4j
def test_neo4j_answers(pushed):
    for name, params, expected in CASES:
        assert run(name, params, driver=pushed).rows == expected(**params), f"{name} {params}"


@pytest.mark.neo4j
def test_neo4j_shortest_path(pushed):
    und = nx.Graph(F.to_undirected())
    for a, b in (("王市长", "重庆市"), ("申晓佳", "优化营商环境条例"), ("空港新城", "两江数字产业园")):
        rows = run("shortest_path", {"source": a, "target": b}, driver=pushed).rows
        hops = nx.shortest_path_length(und, _find(a), _find(b))
        assert rows and all(r[2] == hops and r[0][0] == a and r[0][-1] == b for r in rows)


def _find(name):
    return next(n for n in F if _name(n) == name)


@pytest.mark.neo4j
def test_both_stores_agree(pushed):
    for name, params, _ in CASES:
        assert run(name, params, driver=pushed).rows == run(name, params, graph=F).rows, name


@pytest.mark.neo4j
def test_neo4j_write_needs_write(pushed, neo4j_server):
    with pytest.raises(QueryError, match="refused"):
        run("MATCH (n:GovKG) DETACH DELETE n", driver=pushed)
    res = run("MATCH (n:GovKG {name: $name}) SET n.flag = true RETURN count(n) AS n", {"name": "王市长"},
              driver=pushed, write=True)
    assert res.rows == [[1]]
    r = CliRunner().invoke(main, ["query", "most_connected_officials", "-p", "limit=1", "--neo4j", neo4j_server.uri,
                                  "--format", "json"])
    assert r.exit_code == 0, r.output
    assert '"official": "王市长"' in r.output
