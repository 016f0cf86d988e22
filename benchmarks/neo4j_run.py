"""The project's Neo4j (scripts/neo4j.sh) for a benchmark: started in a folder of its
own with the heap and page cache of NEO4J_HEAP and NEO4J_PAGECACHE (2g and 1g unless
set), stopped after."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "neo4j.sh"


def start(home: Path, password: str, **env) -> tuple[str | None, dict]:
    """(Bolt URI, the environment it runs with); the URI is None, and why printed, when it
    does not start. ``env``: more variables for scripts/neo4j.sh."""
    env = {**os.environ, "NEO4J_PASSWORD": password, "NEO4J_HEAP": os.environ.get("NEO4J_HEAP", "2g"),
           "NEO4J_PAGECACHE": os.environ.get("NEO4J_PAGECACHE", "1g"), **env}
    r = subprocess.run(["bash", str(SCRIPT), "start", str(home)], capture_output=True, text=True, env=env)
    if r.returncode:
        print(f"\nNeo4j did not start: {r.stderr[-500:]}")
        return None, env
    return r.stdout.strip().splitlines()[-1], env


def stop(home: Path, env: dict) -> None:
    subprocess.run(["bash", str(SCRIPT), "stop", str(home)], capture_output=True, text=True, env=env)
