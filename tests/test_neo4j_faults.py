"""Neo4j faults, with the real server: none running, the wrong password, the server
stopped in the middle of a push and started again (a server of the test's own), and
other data in the same database, which govkg never touches."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time

import pytest
from click.testing import CliRunner

from conftest_neo4j import SCRIPT, Neo4jServer, neo4j_script
from conftest import require
from graph.cli.main import main
from graph.merge.knowledge import KnowledgeGraph
from graph.extract.records import DocResult, Entity, Relation
from graph.schema import LABELS, RELATION_TYPES, node_id
from graph.store.files import to_json_bytes, write_json
from graph.store.neo4j import pull_frozen, push_graph

pytestmark = pytest.mark.neo4j

NASTY = "'}) DETACH DELETE n // \"}) MATCH (m) DETACH DELETE m // <script>alert(1)</script> \\ $x"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def big_kg(docs: int = 60, per: int = 25) -> KnowledgeGraph:
    """A graph large enough that pushing it takes some seconds: about 3,000 nodes and
    6,000 relationships, with text that would break naive quoting."""
    kg = KnowledgeGraph()
    for d in range(docs):
        officials = [Entity("Official", f"官员{d}号{i}", titles=["区长"], sentence=f"{NASTY}{d}") for i in range(per)]
        places = [Entity("District", f"地区{d % 7}号{i}") for i in range(per)]
        rels = [Relation("VISITED", ("Official", o.name), ("District", p.name), f"{o.name}到{p.name}调研。{NASTY}")
                for o, p in zip(officials, places)]
        kg.add(DocResult(f"doc{d}", f"doc{d}.txt", title=f"标题{d}{NASTY}", date="2020-01-01",
                         entities=officials + places, relations=rels))
    return kg


def db_stats(driver) -> dict:
    nodes = {k: driver.execute_query(f"MATCH (n:GovKG:{k}) RETURN count(n) AS c").records[0]["c"] for k in LABELS}
    rels = {k: driver.execute_query(f"MATCH (:GovKG)-[r:{k}]->(:GovKG) RETURN count(r) AS c").records[0]["c"]
            for k in RELATION_TYPES}
    return {"nodes": nodes, "relations": rels}


def duplicates(driver) -> tuple[int, int]:
    """(node ids held twice, relationships held twice) among govkg's."""
    n = driver.execute_query("MATCH (n:GovKG) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS d")
    r = driver.execute_query("MATCH (a:GovKG)-[r]->(b:GovKG) WITH a, b, type(r) AS t, r.key AS k, count(*) AS c "
                             "WHERE c > 1 RETURN count(*) AS d")
    return n.records[0]["d"], r.records[0]["d"]


def seed_foreign(driver, govkg_id: str) -> None:
    """Data that is not govkg's: nodes with govkg's labels (two Documents with one id, an
    Official with the id of one of govkg's nodes), and nodes and relationships of their own."""
    driver.execute_query(
        "CREATE (:Document {id: '1', name: 'theirs'}), (:Document {id: '1', name: 'theirs too'}), "
        "(:Official {id: $gid, name: 'not govkg'}), "
        "(:Thing {name: 'x', note: $nasty})-[:KNOWS {since: 2001}]->(:Thing {name: 'y'})",
        gid=govkg_id, nasty=NASTY)


def foreign_snapshot(driver) -> tuple[list, list]:
    nodes = driver.execute_query(
        "MATCH (n) WHERE NOT n:GovKG RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props "
        "ORDER BY id").records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE NOT (a:GovKG AND b:GovKG) RETURN elementId(r) AS id, type(r) AS type, "
        "properties(r) AS props, elementId(a) AS a, elementId(b) AS b ORDER BY id").records
    return [r.data() for r in nodes], [r.data() for r in rels]


def drop_foreign(driver) -> None:
    driver.execute_query("MATCH (n) WHERE NOT n:GovKG DETACH DELETE n")


def one_line(output: str) -> str:
    lines = [ln for ln in output.strip().splitlines() if ln.strip()]
    assert len(lines) == 1, output
    return lines[0]


# ---- no server, the wrong password ------------------------------------------------------

def test_no_server_is_a_clear_error_everywhere(tmp_path, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "some-password")
    uri = f"bolt://127.0.0.1:{free_port()}"
    write_json(big_kg(2, 3), tmp_path / "graph.json")
    runner = CliRunner()
    for args in (["push", str(tmp_path / "graph.json"), "--neo4j", uri],
                 ["pull", "--neo4j", uri, "--out", str(tmp_path / "back.json")],
                 ["query", "official_posts", "-p", "name=刘强", "--neo4j", uri]):
        r = runner.invoke(main, args)
        assert r.exit_code == 1, r.output
        assert "cannot reach Neo4j" in one_line(r.output) and "scripts/neo4j.sh start" in r.output
    assert not (tmp_path / "back.json").exists()
    # build --neo4j: the files are written, then the push fails with the same message
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("本报讯3月5日，区委书记刘强到北碚区调研。", "utf-8")
    r = runner.invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-html",
                             "--neo4j", uri])
    assert r.exit_code == 2 and "cannot reach Neo4j" in " ".join(r.output.split()), r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))["nodes"]


def test_wrong_password(neo4j, neo4j_server, tmp_path, monkeypatch):
    kg = big_kg(2, 3)
    write_json(kg, tmp_path / "graph.json")
    runner = CliRunner()
    monkeypatch.setenv("NEO4J_PASSWORD", "not-" + neo4j_server.password)
    # two wrong tries (a third in a row would lock the user for a while)
    for args in (["push", str(tmp_path / "graph.json"), "--neo4j", neo4j_server.uri],
                 ["query", "MATCH (n) RETURN count(n) AS c", "--neo4j", neo4j_server.uri]):
        r = runner.invoke(main, args)
        assert r.exit_code == 1, r.output
        assert "refused the credentials" in one_line(r.output) and "NEO4J_PASSWORD" in r.output
        assert neo4j_server.password not in r.output
    assert db_stats(neo4j)["nodes"] == dict.fromkeys(LABELS, 0)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    r = runner.invoke(main, ["push", str(tmp_path / "graph.json"), "--neo4j", neo4j_server.uri])
    assert r.exit_code == 0, r.output
    assert db_stats(neo4j) == kg.stats()


# ---- other data in the database -----------------------------------------------------------

def test_other_data_is_never_touched(neo4j, neo4j_server):
    kg = big_kg(3, 4)
    gid = node_id("Official", "官员0号0")
    assert gid in kg.g
    drop_foreign(neo4j)
    try:
        seed_foreign(neo4j, gid)
        push_graph(kg, neo4j_server.uri)
        # a foreign node pointing at one of govkg's
        neo4j.execute_query("MATCH (g:GovKG {id: $gid}) CREATE (:Thing {name: 'z'})-[:LIKES]->(g)", gid=gid)
        before = foreign_snapshot(neo4j)
        assert len(before[0]) == 6 and len(before[1]) == 2
        bigger = big_kg(4, 4)
        push_graph(bigger, neo4j_server.uri)
        push_graph(bigger, neo4j_server.uri)
        assert foreign_snapshot(neo4j) == before
        assert db_stats(neo4j) == bigger.stats() and duplicates(neo4j) == (0, 0)
        assert to_json_bytes(KnowledgeGraph.from_frozen(pull_frozen(neo4j))) == to_json_bytes(bigger)
    finally:
        drop_foreign(neo4j)


# ---- the server stopped in the middle of a push -------------------------------------------

@pytest.fixture(scope="module")
def own_server_starting(tmp_path_factory):
    """``neo4j.sh start`` of this module's own server, begun at once in the background:
    the server comes up while the tests before the one that needs it run."""
    if not shutil.which("java") or neo4j_script("install").returncode != 0:
        yield None
        return
    home = tmp_path_factory.mktemp("neo4j-own")
    env = {"NEO4J_PASSWORD": "govkg-" + secrets.token_hex(8), "NEO4J_BOLT_PORT": str(free_port())}
    proc = subprocess.Popen(["bash", str(SCRIPT), "start", str(home)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **env})
    yield home, env, proc
    proc.communicate(timeout=600)
    state = home / "neo4j.state"
    if state.exists():       # a throw-away server: killed, not shut down cleanly
        pid = next((ln[4:] for ln in state.read_text().splitlines() if ln.startswith("PID=")), "")
        if pid.isdigit():
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.fixture(autouse=True, scope="module")
def _start_own_server_early(own_server_starting):
    yield


@pytest.fixture(scope="module")
def own_server(own_server_starting):
    """A Neo4j of this module's own, to stop and start again."""
    require(own_server_starting is not None, "Java and Neo4j from Maven Central")
    home, env, proc = own_server_starting
    out, err = proc.communicate(timeout=600)
    require(proc.returncode == 0, f"a running Neo4j of the test's own ({err.strip()[-500:]})")
    server = Neo4jServer(out.strip().splitlines()[-1], "neo4j", env["NEO4J_PASSWORD"], home)
    server.start_env = env
    return server


def test_retried_transactions_are_counted_not_printed():
    import logging

    from graph.store.neo4j import _Retries

    log, seen = logging.getLogger("neo4j.session"), []
    handler = logging.Handler()
    handler.emit = seen.append
    log.addHandler(handler)
    retries = _Retries()
    log.addFilter(retries)
    try:
        log.warning("Transaction failed and will be retried in %ss (%s)", 0.1, "DeadlockDetected")
        log.warning("something else")
    finally:
        log.removeFilter(retries)
        log.removeHandler(handler)
    assert retries.count == 1 and [r.getMessage() for r in seen] == ["something else"]


def test_sessions_share_out_sources_and_take_targets_in_order():
    """Each session's share of a type's relationships has sources no other share has
    (a dense entity is locked by one session) and runs in target order."""
    import random

    from graph.store.neo4j import _shares

    rng = random.Random(0)
    rows = [{"s": f"e{rng.randrange(40) ** 2 % 97}", "t": f"d{rng.randrange(500)}", "key": "MENTIONED_IN"}
            for _ in range(3000)]
    for n in (1, 2, 3, 7):
        shares = _shares(rows, n, by_source=True)
        assert 1 <= len(shares) <= n
        assert sorted(map(repr, rows)) == sorted(repr(r) for share in shares for r in share)
        sources = [{r["s"] for r in share} for share in shares]
        assert sum(map(len, sources)) == len(set().union(*sources))
        for share in shares:
            assert share == sorted(share, key=lambda r: (r["t"], r["s"], r["key"]))


def test_server_stopped_mid_push_then_started_again(own_server, tmp_path, monkeypatch):
    """A thread stops the server after the third batch of a push (each batch waits a
    little, so that the push is still going when the server goes): the push fails with
    a clear message; once the server is back, pushing again gives exactly the graph of
    one clean push, without duplicates, and the other data as it was."""
    from neo4j import GraphDatabase

    import graph.store.neo4j as store

    srv = own_server
    for k, v in srv.env().items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("GOVKG_NEO4J_RETRY", "2")     # give up soon once the server is gone
    monkeypatch.setattr(store, "BATCH", 100)         # many transactions
    kg = big_kg(30, 20)
    write_json(kg, tmp_path / "graph.json")
    auth = (srv.user, srv.password)
    with GraphDatabase.driver(srv.uri, auth=auth) as d:
        seed_foreign(d, node_id("Official", "官员0号0"))
        before = foreign_snapshot(d)

    third = threading.Event()
    write, batches = store._write, []

    def slow_write(tx, query, rows):
        time.sleep(0.3)
        out = write(tx, query, rows)
        batches.append(len(rows))
        if len(batches) == 3:
            third.set()
        return out

    stopped = {}

    def stop_after_third_batch():
        if third.wait(300):
            t0 = time.monotonic()
            stopped["result"] = neo4j_script("stop", srv.dir)
            stopped["seconds"] = time.monotonic() - t0

    t = threading.Thread(target=stop_after_third_batch)
    t.start()
    t0 = time.monotonic()
    monkeypatch.setattr(store, "_write", slow_write)
    r = CliRunner().invoke(main, ["push", str(tmp_path / "graph.json"), "--neo4j", srv.uri])
    monkeypatch.setattr(store, "_write", write)
    third.set()
    t.join(120)
    assert stopped["result"].returncode == 0, stopped["result"].stderr
    total = -(-kg.g.number_of_nodes() // 100) + sum(-(-len(rows) // 100) for rows in store.graph_rows(kg.frozen())[1].values())
    print(f"push cut off after {len(batches)} of {total} batches, failed after {time.monotonic() - t0:.1f}s; "
          f"the server took {stopped['seconds']:.1f}s to stop")
    assert r.exit_code == 1, r.output
    msg = one_line(r.output)
    assert f"of {kg.g.number_of_nodes()} nodes" in msg and "Push again" in msg, msg
    assert "will be retried" not in r.output         # the driver's retries are counted, not printed
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception

    t0 = time.monotonic()
    r2 = neo4j_script("start", srv.dir, env=srv.start_env)
    assert r2.returncode == 0, r2.stderr[-1000:]
    assert r2.stdout.strip().splitlines()[-1] == srv.uri
    print(f"restarted in {time.monotonic() - t0:.1f}s")
    with GraphDatabase.driver(srv.uri, auth=auth) as d:
        partial = db_stats(d)
        assert duplicates(d) == (0, 0)                       # whole batches only
        assert 0 < sum(partial["nodes"].values()) < kg.g.number_of_nodes()
        t0 = time.monotonic()
        r3 = CliRunner().invoke(main, ["push", str(tmp_path / "graph.json"), "--neo4j", srv.uri])
        assert r3.exit_code == 0, r3.output
        print(f"pushed again in {time.monotonic() - t0:.1f}s: {r3.output.strip()}")
        # the same graph as one clean push: counts, no duplicates, and a pull gives it back
        assert db_stats(d) == kg.stats() and duplicates(d) == (0, 0)
        assert to_json_bytes(KnowledgeGraph.from_frozen(pull_frozen(d))) == to_json_bytes(kg)
        assert foreign_snapshot(d) == before
