"""The CLI's error messages read the same in a terminal, a pipe and CI: each one whole
on one line, whatever the environment's width (COLUMNS unset, or narrow)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import SAMPLES

GOVKG = os.path.join(os.path.dirname(sys.executable), "govkg")
# Long enough that any wrapping at 40 or 80 columns would cut it.
MISSING = "/tmp/govkg-no-such-folder-with-a-long-name/one-level-deeper/and-another-level"


def govkg(args, columns):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    return subprocess.run([GOVKG, *map(str, args)], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=300)


CASES = [
    (["build", MISSING, "--out", "{tmp}/o"], 1, f"error: {MISSING}: no such file or directory"),
    (["extract", f"{MISSING}/a.txt"], 1, f"error: {MISSING}/a.txt: no such file or directory"),
    (["query", "official_posts", "-p", "name=x", "--graph", f"{MISSING}/graph.json"], 1,
     f"Error: no graph at {MISSING}/graph.json (build one, or give --graph FILE or --neo4j URI)"),
    (["build", str(SAMPLES), "--out", "{tmp}/o", "--scheduler", "tcp://127.0.0.1:1"], 2,
     "error: --scheduler goes with --executor dask"),
]


@pytest.mark.parametrize("columns", [None, "40"], ids=["COLUMNS-unset", "COLUMNS-40"])
@pytest.mark.parametrize("args,code,line", CASES, ids=["build-missing", "extract-missing", "query-no-graph",
                                                      "scheduler-without-dask"])
def test_an_error_is_one_whole_line(tmp_path, columns, args, code, line):
    r = govkg([a.replace("{tmp}", str(tmp_path)) for a in args], columns)
    assert r.returncode == code, r.stderr
    assert line in r.stderr.splitlines(), r.stderr
    assert "Traceback" not in r.stderr


def test_the_busy_folder_message_is_one_line_at_any_width(tmp_path):
    from graph.builder.cache import held

    out = tmp_path / "a-long-output-folder-name-so-that-the-message-passes-forty-columns"
    assert govkg(["build", SAMPLES, "--out", out, "--no-html"], None).returncode == 0
    with held(out):
        seen = []
        for columns in (None, "40"):
            r = govkg(["build", SAMPLES, "--out", out, "--no-html"], columns)
            assert r.returncode == 2
            line = next(ln for ln in r.stderr.splitlines() if ln.startswith("error:"))
            assert str(out) in line and f"process {os.getpid()}" in line and line.endswith("another --out"), line
            seen.append(r.stderr)
        assert seen[0] == seen[1]
