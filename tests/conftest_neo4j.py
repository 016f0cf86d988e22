"""Fixtures for tests that need the project's Neo4j (scripts/neo4j.sh): one server per
session, in a temporary directory, stopped at the end. Registered from conftest.py."""
from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, require

SCRIPT = ROOT / "scripts" / "neo4j.sh"


@dataclass
class Neo4jServer:
    uri: str
    user: str
    password: str
    dir: Path

    def env(self) -> dict:
        return {"NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}


def neo4j_script(*args, env=None, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    require(bool(shutil.which("java")), "Java (for Neo4j)")
    r = neo4j_script("install")
    require(r.returncode == 0, f"Neo4j from Maven Central ({r.stderr.strip()[-300:]})")
    home = tmp_path_factory.mktemp("neo4j")
    password = "govkg-" + secrets.token_hex(8)
    # a heap for a year of news (tests/test_embedded.py), not only the small test graphs
    r = neo4j_script("start", home, env={"NEO4J_PASSWORD": password, "NEO4J_BOLT_PORT": "",
                                         "NEO4J_HEAP": "1500m", "NEO4J_PAGECACHE": "512m"})
    require(r.returncode == 0, f"a running Neo4j ({r.stderr.strip()[-500:]})")
    server = Neo4jServer(r.stdout.strip().splitlines()[-1], "neo4j", password, home)
    yield server
    neo4j_script("stop", home)


@pytest.fixture
def neo4j(neo4j_server, monkeypatch):
    """A driver on a database without govkg nodes; NEO4J_USER/PASSWORD set."""
    from neo4j import GraphDatabase

    for k, v in neo4j_server.env().items():
        monkeypatch.setenv(k, v)
    driver = GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password))
    clear(driver)
    yield driver
    driver.close()


def clear(driver) -> None:
    """Delete govkg's nodes, relationships first, in batches: a test may leave a year of
    news behind, too big for one transaction (a hub has thousands of relationships)."""
    with driver.session() as s:
        s.run("MATCH (:GovKG)-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        s.run("MATCH (n:GovKG) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
