"""Incremental builds: OUT/.cache remembers each file's analysis; a grown corpus
analyses only its new files, and the graph files come out byte for byte as a full build
of the same corpus writes them, whether they were updated (documents added after all
the others) or merged again (a file added in the middle, changed or removed)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.builder.job import build
from graph.cli.main import main
from loaders import load

from conftest import SAMPLES

OUTPUTS = ("graph.json", "graph.graphml", "merges.json", "report.json")


@pytest.fixture(scope="module")
def articles():
    """Short articles of the sample pages, as JSON Lines records."""
    out = []
    for f in sorted(SAMPLES.glob("*.txt")):
        for a in load(f):
            if 80 <= len(a.text) <= 700:
                out.append({"title": a.title, "date": a.date, "text": a.text,
                            "authors": list(a.authors)})
    assert len(out) >= 10
    return out[:10]


def corpus(folder: Path, articles, names) -> Path:
    """One file per name (day-<name>.jsonl) holding two articles."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in folder.glob("*.jsonl"):
        f.unlink()
    for name in names:
        k = int(name) % 5
        lines = [json.dumps(a, ensure_ascii=False) for a in articles[2 * k:2 * k + 2]]
        (folder / f"day-{name}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def same_files(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def full(tmp_path: Path, src: Path, tag: str) -> Path:
    out = tmp_path / f"full-{tag}"
    r = build([src], out, html=False, incremental=False)
    assert not r.incremental
    return out


def test_added_day_updates_the_files(tmp_path, articles):
    src = corpus(tmp_path / "src", articles, ["1", "2", "3"])
    out = tmp_path / "out"
    first = build([src], out, html=False)
    assert first.analysed == 3 and not first.incremental
    again = build([src], out, html=False)
    assert again.analysed == 0 and again.incremental
    same_files(out, full(tmp_path, src, "a"))

    # a new day that names what the others named (day-6 holds day-1's articles): new
    # documents, new edges, grown nodes
    corpus(src, articles, ["1", "2", "3", "6"])
    grown = build([src], out, html=False)
    assert grown.analysed == 1 and grown.incremental
    same_files(out, full(tmp_path, src, "b"))
    # and days with new entities on top of the update: updated, or merged again when a
    # new node comes first with other attributes (GraphML numbers its keys in the order
    # it meets them); the same bytes either way
    for day in ("4", "5"):
        corpus(src, articles, ["1", "2", "3", "6"] + [str(d) for d in range(7, 7 + int(day))])
        assert build([src], out, html=False).analysed >= 1
        same_files(out, full(tmp_path, src, "c" + day))


def test_day_added_by_the_early_child(tmp_path, articles, monkeypatch):
    """With a second worker, a folder built before starts a child that loads the
    analysis while the build looks for new files: it analyses the new day, and is ended
    when there is none. The same bytes as a full build."""
    from graph.builder.executors import Early

    made, given = [], []
    init, give = Early.__init__, Early.give

    def spy_init(self, year):
        init(self, year)
        made.append(self)

    def spy_give(self, paths):
        given.append(paths)
        return give(self, paths)
    monkeypatch.setattr(Early, "__init__", spy_init)
    monkeypatch.setattr(Early, "give", spy_give)

    src = corpus(tmp_path / "src", articles, ["1", "2", "3"])
    out = tmp_path / "out"
    build([src], out, html=False)
    assert not made                      # nothing built before: no early child
    corpus(src, articles, ["1", "2", "3", "6"])
    r = build([src], out, html=False, workers=2)
    assert r.incremental and r.analysed == 1
    assert len(made) == 1 and [Path(p).name for p in given[0]] == ["day-6.jsonl"]
    same_files(out, full(tmp_path, src, "early"))

    r = build([src], out, html=False, workers=2)   # nothing new: the child is ended
    assert r.analysed == 0 and len(made) == 2 and len(given) == 1
    for early in made:
        assert early.child.pid is None       # ended and reaped


def test_early_child_that_fails_says_why(tmp_path, articles, monkeypatch):
    """The early child's failure stops the build with the child's error; the next build
    adds the day."""
    import graph.builder.executors as ex

    src = corpus(tmp_path / "src", articles, ["1", "2"])
    out = tmp_path / "out"
    build([src], out, html=False)
    corpus(src, articles, ["1", "2", "3"])

    def broken():
        raise OSError("the model file is gone")
    monkeypatch.setattr(ex, "load_analysis", broken)
    with pytest.raises(RuntimeError, match="the model file is gone"):
        build([src], out, html=False, workers=2)
    monkeypatch.undo()
    r = build([src], out, html=False, workers=2)
    assert r.incremental and r.analysed == 1
    same_files(out, full(tmp_path, src, "after"))


def test_changed_merge_code_merges_again(tmp_path, articles, monkeypatch):
    import graph.builder.cache
    import graph.merge.knowledge
    src = corpus(tmp_path / "src", articles, ["1", "2", "3"])
    out = tmp_path / "out"
    # the last build merged with other code (fewer evidence sentences per edge)
    with monkeypatch.context() as m:
        m.setattr(graph.merge.knowledge, "MAX_EVIDENCE", 1)
        m.setattr(graph.builder.cache, "merge_fingerprint", lambda: "older merge code")
        build([src], out, html=False)
    # a grown corpus is merged again from the cache, not analysed again
    corpus(src, articles, ["1", "2", "3", "6"])
    r = build([src], out, html=False)
    assert r.analysed == 1 and not r.incremental
    same_files(out, full(tmp_path, src, "a"))
    # and so is an unchanged one
    with monkeypatch.context() as m:
        m.setattr(graph.builder.cache, "merge_fingerprint", lambda: "newer merge code")
        r = build([src], out, html=False)
    assert r.analysed == 0 and not r.incremental


def test_graph_files_not_synced_are_trusted_in_their_boot_only(tmp_path, articles, monkeypatch):
    """Where the boot is known, the graph files are renamed into place without waiting
    for the disk, and a build of another boot merges them again; files synced to disk
    (no boot known) are updated in any boot."""
    import os

    import graph.builder.cache
    synced = []
    fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(Path(os.readlink(f"/proc/self/fd/{fd}")).name),
                                                 fsync(fd))[1])

    def grow_in(boot, days):
        monkeypatch.setattr(graph.builder.cache, "boot_id", lambda: boot)
        synced.clear()
        r = build([corpus(src, articles, days)], out, html=False)
        assert r.analysed == 1
        return r

    src, out = tmp_path / "src", tmp_path / "out"
    grow_in("boot-1", ["1"])
    assert not synced
    assert not grow_in("boot-2", ["1", "2"]).incremental
    same_files(out, full(tmp_path, src, "a"))
    assert grow_in("boot-2", ["1", "2", "3"]).incremental
    assert not grow_in(None, ["1", "2", "3", "6"]).incremental      # cannot vouch for boot-2's files
    assert {n.split(".")[1] for n in synced} == {"graph", "merges", "report", "index"}
    assert grow_in("boot-3", ["1", "2", "3", "6", "7"]).incremental
    same_files(out, full(tmp_path, src, "b"))


def test_file_added_in_the_middle_changed_or_removed(tmp_path, articles):
    src = corpus(tmp_path / "src", articles, ["1", "3", "5"])
    out = tmp_path / "out"
    build([src], out, html=False)

    corpus(src, articles, ["1", "2", "3", "5"])              # sorts before the last documents
    r = build([src], out, html=False)
    assert r.analysed == 1 and not r.incremental
    same_files(out, full(tmp_path, src, "middle"))

    (src / "day-3.jsonl").write_text((src / "day-1.jsonl").read_text("utf-8"), "utf-8")   # changed
    r = build([src], out, html=False)
    assert r.analysed == 1
    same_files(out, full(tmp_path, src, "changed"))

    (src / "day-2.jsonl").unlink()                           # removed: its documents drop out
    r = build([src], out, html=False)
    assert r.analysed == 0
    same_files(out, full(tmp_path, src, "removed"))
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    assert not any(n.get("doc_id", "").startswith("day-2#") for n in graph["nodes"])


def test_skipped_files_are_remembered_with_their_reason(tmp_path, articles):
    src = corpus(tmp_path / "src", articles, ["1"])
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(src), "--out", str(out), "--no-html"])
    assert first.exit_code == 3, first.output
    report = (out / "report.json").read_bytes()
    again = runner.invoke(main, ["build", str(src), "--out", str(out), "--no-html"])
    assert again.exit_code == 3 and "analysed 0 of 2" in again.output
    assert (out / "report.json").read_bytes() == report


def test_edited_graph_file_is_rewritten_not_patched(tmp_path, articles):
    src = corpus(tmp_path / "src", articles, ["1", "2"])
    out = tmp_path / "out"
    build([src], out, html=False)
    (out / "graph.json").write_text("{}", "utf-8")          # someone wrote over it
    corpus(src, articles, ["1", "2", "3"])
    r = build([src], out, html=False)
    assert not r.incremental
    same_files(out, full(tmp_path, src, "x"))


@pytest.mark.parametrize("damage", ["cut short", "another Python", "a pickle of format 2"])
def test_unreadable_index_merges_again(tmp_path, articles, damage):
    """The index (marshal, whose format belongs to the Python version) cut short, written
    by another Python, or the pickle an older govkg kept: the build merges everything
    again, the same bytes, and keeps a good index."""
    import pickle

    from graph.builder.cache import INDEX
    src = corpus(tmp_path / "src", articles, ["1", "2"])
    out = tmp_path / "out"
    build([src], out, html=False)
    index = out / ".cache" / INDEX
    data = index.read_bytes()
    if damage == "cut short":
        index.write_bytes(data[: len(data) // 2])
    elif damage == "another Python":
        index.write_bytes(data.replace(b"govkg-index 1 ", b"govkg-index 1 \xff", 1))
    else:
        index.unlink()
        (out / ".cache" / "index.pickle").write_bytes(pickle.dumps({"sizes": None}))
    corpus(src, articles, ["1", "2", "3"])
    r = build([src], out, html=False)
    assert not r.incremental and r.analysed == 1
    same_files(out, full(tmp_path, src, "x"))
    assert index.read_bytes() != b"" and not (out / ".cache" / "index.pickle").exists()
    corpus(src, articles, ["1", "2", "3", "6"])   # day-6 names what day-1 named
    assert build([src], out, html=False).incremental


def test_other_year_option_analyses_again(tmp_path, articles):
    src = corpus(tmp_path / "src", articles, ["1"])
    out = tmp_path / "out"
    build([src], out, html=False)
    assert build([src], out, html=False, year=2019).analysed == 1


def test_incremental_push_to_neo4j(tmp_path, articles, neo4j, neo4j_server):
    from graph.store.neo4j import pull_frozen
    from graph.store.files import load_frozen

    src = corpus(tmp_path / "src", articles, ["1", "2"])
    out = tmp_path / "out"
    build([src], out, html=False, neo4j_uri=neo4j_server.uri)
    corpus(src, articles, ["1", "2", "3"])
    r = build([src], out, html=False, neo4j_uri=neo4j_server.uri)
    assert r.incremental and r.pushed["nodes"] < sum(1 for _ in load_frozen(out / "graph.json"))
    pulled = pull_frozen(neo4j)
    local = load_frozen(out / "graph.json")
    assert sorted(pulled.nodes) == sorted(local.nodes)
    assert sorted(pulled.edges(keys=True)) == sorted(local.edges(keys=True))
    for s, t, k, d in local.edges(keys=True, data=True):
        assert pulled.edges[s, t, k]["count"] == d["count"]


def test_graph_files_written_by_two_processes(tmp_path, articles, monkeypatch):
    """On a big graph GraphML is written by a forked child beside graph.json: the same
    bytes, and an index that a later update can splice into."""
    import graph.builder.outputs as gb
    src = corpus(tmp_path / "src", articles, ["1", "2", "3"])
    serial = full(tmp_path, src, "serial")
    monkeypatch.setattr(gb, "FORK_AT", 0)
    out = tmp_path / "forked"
    build([src], out, html=False)
    same_files(out, serial)
    corpus(src, articles, ["1", "2", "3", "6"])   # day-6 names what day-1 named
    r = build([src], out, html=False)
    assert r.incremental and r.analysed == 1
    same_files(out, full(tmp_path, src, "grown"))


def test_forked_writer_reports_its_failure():
    from graph.builder.procs import Forked

    assert Forked(lambda: {"n": 3})() == {"n": 3}

    def fail():
        raise ValueError("disk full")
    with pytest.raises(RuntimeError, match="disk full"):
        Forked(fail)()
