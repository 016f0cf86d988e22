"""Atomic outputs: every output file is written under a temporary name and renamed, so
a build killed (SIGKILL) at any moment leaves each output whole: the previous one, or
the new one. A build killed while it analyses leaves the previous outputs exactly as
they were, and building again ends with the same bytes as an uninterrupted build."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT, SAMPLES

GOVKG = Path(sys.executable).with_name("govkg")
OUTPUTS = ("graph.json", "graph.graphml", "merges.json", "report.json", "graph.html")


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def temporaries(out: Path) -> list[str]:
    try:
        return [n for n in os.listdir(out) if n.startswith(".") and n.endswith(".tmp")]
    except FileNotFoundError:
        return []


def loadable(out: Path) -> None:
    """Every output parses."""
    json.loads((out / "graph.json").read_bytes())
    json.loads((out / "merges.json").read_bytes())
    json.loads((out / "report.json").read_bytes())
    nx.read_graphml(out / "graph.graphml")
    assert (out / "graph.html").read_bytes().rstrip().endswith(b"</html>")


def govkg(*args, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([str(GOVKG), *map(str, args)], capture_output=True, text=True, timeout=timeout)


def start(*args) -> subprocess.Popen:
    return subprocess.Popen([str(GOVKG), *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


def corpus(root: Path, copies: int) -> Path:
    root.mkdir(parents=True)
    for p in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(p, root / p.name)
        for c in range(copies):
            shutil.copy(p, root / f"copy{c}_{p.name}")
    return root


def test_atomic_write_killed_mid_write_leaves_the_old_file(tmp_path):
    """The primitives themselves: a process killed while writing 200 MB through
    atomic_write (and through atomic_file) leaves the target as it was."""
    for how in ("atomic_write(p, b'x' * (200 << 20))",
                "cm = atomic_file(p); f = cm.__enter__(); [f.write(b'y' * (1 << 20)) for _ in range(400)]"):
        target = tmp_path / "graph.json"
        target.write_bytes(b'{"old": true}\n')
        code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
                f"from graph.atomic import atomic_write, atomic_file; p = Path({str(target)!r}); {how}")
        proc = subprocess.Popen([sys.executable, "-c", code])
        try:
            deadline = time.monotonic() + 60
            while not any((tmp_path / t).stat().st_size > (1 << 20) for t in temporaries(tmp_path)):
                assert proc.poll() is None and time.monotonic() < deadline, "the write ended before it was seen"
                time.sleep(0.002)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait()
        assert target.read_bytes() == b'{"old": true}\n'
        for t in temporaries(tmp_path):      # what a killed writer leaves: a hidden temporary
            (tmp_path / t).unlink()


def test_build_killed_keeps_the_previous_outputs(tmp_path):
    out = tmp_path / "out"
    r = govkg("build", SAMPLES, "--out", out)
    assert r.returncode == 0, r.stderr[-2000:]
    previous = outputs(out)
    assert set(previous) == set(OUTPUTS)
    bigger = corpus(tmp_path / "bigger", copies=3)

    # 1. killed while it analyses: nothing of the output folder has changed
    proc = start("build", bigger, "--out", out)
    time.sleep(3)
    assert proc.poll() is None and not temporaries(out), "the build ended too soon to be killed half-way"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert outputs(out) == previous
    loadable(out)

    # 2. killed while it writes (the moment a temporary output appears): each output is
    #    whole, the previous one or the new one
    proc = start("build", bigger, "--out", out)
    seen = None
    deadline = time.monotonic() + 600
    while proc.poll() is None and time.monotonic() < deadline:
        seen = temporaries(out)
        if seen:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.001)
    proc.wait()
    caught = outputs(out)
    print(f"killed while writing {seen}" if seen else "the write was not caught")
    loadable(out)

    # 3. built again, to the end: the same bytes as one uninterrupted build
    r = govkg("build", bigger, "--out", out)
    assert r.returncode == 0, r.stderr[-2000:]
    print(" ".join(ln for ln in r.stderr.splitlines() if ln.startswith("analysed")))
    r = govkg("build", bigger, "--out", tmp_path / "clean")
    assert r.returncode == 0, r.stderr[-2000:]
    final = outputs(tmp_path / "clean")
    assert outputs(out) == final and not temporaries(out)   # what the killed writer left is gone
    for name, data in caught.items():
        assert data in (previous[name], final[name]), name


def test_a_build_removes_what_a_killed_writer_left_and_nothing_else(tmp_path):
    out = tmp_path / "out"
    assert govkg("build", SAMPLES, "--out", out, "--no-html").returncode == 0
    left = [out / ".graph.json.k2v_9x0q.tmp", out / ".graph.graphml.abcdefgh.tmp", out / ".graph.html.12345678.tmp",
            out / ".cache" / ".index.marshal.zz_zz_zz.tmp"]
    others = [out / ".notes.abcdefgh.tmp", out / ".graph.json.tmp", out / "graph.json.abcdefgh.tmp",
              out / ".cache" / ".graph.json.abcdefgh.tmp"]
    for p in left + others:
        p.write_bytes(b"x" * 1000)
    r = govkg("build", SAMPLES, "--out", out, "--no-html")
    assert r.returncode == 0, r.stderr[-2000:]
    assert not any(p.exists() for p in left)
    assert all(p.read_bytes() == b"x" * 1000 for p in others)   # not govkg's, or not where it writes them


def test_a_second_build_into_the_same_folder_is_refused_while_the_first_runs(tmp_path):
    from graph.builder.cache import Busy, held

    out = tmp_path / "out"
    assert govkg("build", SAMPLES, "--out", out, "--no-html").returncode == 0
    before = outputs(out)
    with held(out):   # as a build running in this process holds it
        r = govkg("build", SAMPLES, "--out", out, "--no-html")
        assert r.returncode == 2
        assert str(out) in r.stderr and f"process {os.getpid()}" in r.stderr and "another --out" in r.stderr
        assert outputs(out) == before
        with pytest.raises(Busy):
            with held(out):
                pass
    r = govkg("build", SAMPLES, "--out", out, "--no-html")   # released: it builds
    assert r.returncode == 0, r.stderr[-2000:]
    assert outputs(out) == before

