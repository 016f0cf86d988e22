"""Hostile files: a corpus the test makes of binary files, broken encodings, empty
files, a 50 MB line, deep and malformed HTML, broken JSON Lines, files that cannot be
read (a named pipe, broken and looping links, and, as user nobody, files and folders
without permission) and odd names. ``govkg build`` reads every good file, names every
bad one with its reason (on stderr and in report.json), writes the graph of the good
ones and exits 3; nothing else is lost."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import require
from graph.cli.main import EXIT_ALL_READ, EXIT_NOTHING_READ, EXIT_SOME_SKIPPED, main
from loaders import LoadError, display_name, iter_sources, load

GOVKG = Path(sys.executable).with_name("govkg")
BIG = 50 * 1024 * 1024


def sentence(name: str) -> str:
    return f"本报讯3月5日，区委书记{name}到北碚区调研。"


def _bytes_name(root: Path, raw: bytes) -> Path:
    return Path(os.fsdecode(os.path.join(os.fsencode(root), raw)))


def hostile_corpus(root: Path, big: bool = True) -> tuple[dict[Path, str], dict[Path, str]]:
    """Write the corpus under ``root`` (``big``: with the two 50 MB files). Returns (good
    files → a sentence their text must hold, bad files → a word their reason must hold)."""
    root.mkdir(parents=True, exist_ok=True)
    good: dict[Path, str] = {}
    bad: dict[Path, str] = {}

    def put(name, data, expect=None, reason=None):
        p = name if isinstance(name, Path) else root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        if reason:
            bad[p] = reason
        else:
            good[p] = expect
        return p

    # ---- good files, some of them the worse for wear
    put("utf8.txt", sentence("刘强"), sentence("刘强"))
    put("gbk.txt", sentence("张明").encode("gbk"), sentence("张明"))
    put("utf16.txt", b"\xff\xfe" + sentence("王刚").encode("utf-16-le"), sentence("王刚"))
    put("truncated-utf8.txt", (sentence("李文") + "调").encode("utf-8")[:-1], sentence("李文"))
    put("truncated-gbk.txt", (sentence("赵武") + "调").encode("gbk")[:-1], sentence("赵武"))
    put("mixed.txt", (sentence("孙立") + "\n").encode("utf-8") + (sentence("周明") + "\n").encode("gbk")
        + (sentence("吴刚") + "\n").encode("utf-8"), sentence("周明"))
    put("paren-first.txt", "(本报讯)" + sentence("郑华")[3:] + "\nTel: 023-1234 (x)", "郑华到北碚区调研")
    put("no-stops.txt", "区委书记钱勇到北碚区调研" + "加快推进城乡融合发展" * 6000, "区委书记钱勇到北碚区调研")
    put("news.md", "# 新闻\n\n### 冯军调研\n\n" + sentence("冯军") + "\n\n### 陈平调研\n\n"
        + sentence("陈平") + "\n\n[" * 2000 + "<!--" * 2000, sentence("陈平"))
    put("page.html", f"<html><head><title>标题</title></head><body><p>{sentence('褚亮')}</p></body></html>",
        sentence("褚亮"))
    put("deep.html", "<html><body>" + "<div>" * 60000 + sentence("卫东") + "</div>" * 60000 + "</body></html>",
        sentence("卫东"))
    put("malformed.htm", "<p>未闭合<div><b>混乱</p></i>" + "<" * 3000 + "<title>" * 500 + "</title>"
        + f"<table><td>{sentence('蒋涛')}<script>window.x=1</script></tr>" + "<script" * 3000, sentence("蒋涛"))
    put("feed.jsonl", "\n".join([
        json.dumps({"title": "甲", "date": "2020-04-21", "text": sentence("韩冰")}, ensure_ascii=False),
        '{"title": "乙", "text": "截断',
        "[" * 100000 + "]" * 100000,                        # deeper than json.loads recurses
        '{"text": ' + "9" * 5000 + "}",                    # more digits than int() takes
        '{"text": "孤\\ud800代理", "authors": 7}',          # a lone surrogate; authors not a list
        "null", "",
        json.dumps({"title": "丙", "text": sentence("杨帆"), "authors": ["朱红"]}, ensure_ascii=False),
    ]) + "\n", sentence("杨帆"))
    (root / "folder.txt").mkdir()                          # a folder with a file's name: searched
    put(root / "folder.txt" / "inside.txt", sentence("何平"), sentence("何平"))
    os.symlink(root / "folder.txt", root / "linked")        # a linked folder: read once
    os.symlink(".", root / "folder.txt" / "cycle")         # a loop of folders: ends
    os.symlink("self", root / "self")                      # a link to itself, no supported name

    # ---- odd names (good content)
    put("with space.txt", sentence("吕强"), sentence("吕强"))
    put("new\nline.txt", sentence("孔明"), sentence("孔明"))
    put(_bytes_name(root, b"latin\xe9-\xff\xfe.txt"), sentence("曹阳"), sentence("曹阳"))
    put("-leading-dash.txt", sentence("华强"), sentence("华强"))
    put("长" * 80 + ".txt", sentence("金鑫"), sentence("金鑫"))           # 244 bytes
    put("[bold]rich markup[/bold].txt".replace("/", ""), sentence("魏巍"), sentence("魏巍"))
    put("ctl\x01\x1bname.txt", sentence("陶然"), sentence("陶然"))

    # ---- bad files
    put("random.txt", os.urandom(4096) + b"\x00", reason="binary")
    put("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, reason="binary")
    put("elf.md", Path(sys.executable).resolve().read_bytes()[:65536], reason="binary")
    put("highbytes.txt", bytes(range(0x80, 0x100)) * 64, reason="undecodable")
    put("controls.txt", "正文\x01\x02\x03\x04\x05\x06" * 50, reason="control characters")
    put("utf16-no-bom.txt", sentence("姜文").encode("utf-16-le"), reason="binary")
    put("empty.txt", b"", reason="empty")
    put("whitespace.md", " \n\t\r\n  \n".encode() + "\u3000\u3000\n".encode(), reason="empty")
    put("bom-only.txt", b"\xef\xbb\xbf \n", reason="empty")
    put("bad-bom.txt", b"\xef\xbb\xbf\xff\xfe\xfd", reason="byte-order mark")
    put("scripts-only.html", "<html><script>var a = '正文';</script><style>p{}</style></html>",
        reason="no article text")
    put("nothing.jsonl", '{"oops\n[1]\n{"text": ""}\n', reason="no usable JSON Lines record")
    put("[red]markup[bold].txt", b"\x00\x01" * 10, reason="binary")        # rich markup in a name
    if big:
        line = "重庆" * (BIG // 6)                             # 50 MB of text on one line
        put("huge-line.txt", line, reason="too large")
        put("huge-record.jsonl", '{"title": "大", "text": "' + line + '"}\n', reason="longer than an article")
    os.mkfifo(root / "pipe.txt")
    bad[root / "pipe.txt"] = "named pipe"
    os.symlink("nowhere.txt", root / "dangling.txt")
    bad[root / "dangling.txt"] = "broken symbolic link"
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    bad[root / "loop-a.txt"] = bad[root / "loop-b.txt"] = "loop of symbolic links"
    return good, bad


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    good, bad = hostile_corpus(root / "in")
    out = root / "out"
    result, seconds, rss = run_govkg_measured("build", root / "in", "--out", out)
    drop_big(bad)
    return dict(root=root, good=good, bad=bad, out=out, result=result, seconds=seconds, rss=rss)


def drop_big(files) -> None:
    """Remove the 50 MB files once used (the names stay in the expectations)."""
    for p in files:
        if p.name.startswith("huge-"):
            p.unlink(missing_ok=True)


# Starts a command and writes its peak resident memory (KiB) to the file argv[1]. The
# command is a child of this small process: a child of the test process would count the
# test process's own memory, which it shares between fork and exec.
_LAUNCHER = ("import os, subprocess, sys\n"
             "p = subprocess.Popen(sys.argv[2:])\n"
             "_, status, usage = os.wait4(p.pid, 0)\n"
             "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
             "sys.exit(os.waitstatus_to_exitcode(status))\n")


def run_govkg_measured(*args, user=None, timeout=300):
    """Run govkg; (result, seconds, peak resident memory of the govkg process in MB)."""
    cmd = [str(GOVKG), *map(str, args)]
    if user:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as peak:
        t = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, peak.name, *cmd], stdout=out, stderr=err,
                                env={**os.environ, "COLUMNS": "4000"})
        deadline = t + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"govkg {' '.join(map(str, args))} did not end within {timeout}s")
            time.sleep(0.05)
        seconds = time.monotonic() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(cmd, proc.returncode, out.read().decode("utf-8", "replace"),
                                             err.read().decode("utf-8", "replace"))
        rss = int(peak.read() or 0)
    return result, seconds, rss // 1024


def outputs(out: Path) -> dict[str, bytes]:
    """The output files of a build (not its cache)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


# ---- the loaders, file by file ---------------------------------------------------------

def test_each_hostile_file_loads_or_says_why(tmp_path):
    good, bad = hostile_corpus(tmp_path / "in")
    found = set(iter_sources([tmp_path / "in"]))
    assert set(good) | set(bad) <= found, sorted(map(display_name, set(good) | set(bad) - found))
    assert len(found) == len(good) + len(bad)       # the linked folder is read once, loops end
    for path, expect in good.items():
        warnings: list[str] = []
        arts = load(path, warnings=warnings)
        assert any(expect in a.text for a in arts), (display_name(path), [a.text[:80] for a in arts])
        for a in arts:
            json.dumps([a.doc_id, a.source, a.title, a.text, a.authors], ensure_ascii=False).encode("utf-8")
    for path, reason in bad.items():
        t = time.monotonic()
        with pytest.raises(LoadError) as ei:
            load(path)
        assert time.monotonic() - t < 10, display_name(path)
        assert reason in ei.value.reason, (display_name(path), ei.value.reason)
        assert ei.value.path == display_name(path)
    drop_big(bad)


def test_repaired_encodings_are_warned_about(tmp_path):
    good, _ = hostile_corpus(tmp_path / "in", big=False)
    by_name = {p.name: p for p in good}
    for name, word in (("truncated-utf8.txt", "truncated"), ("truncated-gbk.txt", "truncated"),
                       ("mixed.txt", "mixed")):
        warnings: list[str] = []
        load(by_name[name], warnings=warnings)
        assert len(warnings) == 1 and word in warnings[0], warnings
    text = "".join(a.text for a in load(by_name["mixed.txt"]))
    assert all(f"区委书记{n}到北碚区调研" in text for n in ("孙立", "周明", "吴刚"))
    warnings = []
    arts = load(by_name["feed.jsonl"], warnings=warnings)
    assert [a.title for a in arts] == ["甲", "", "丙"]
    assert arts[1].text == "孤\ufffd代理" and arts[2].authors == ("朱红",)
    assert [w.split(": ", 1)[1].split(":")[0] for w in warnings] == [
        "line 2", "line 3", "line 4", "line 5", "line 5", "line 6"]


# ---- the build, end to end -------------------------------------------------------------

def test_build_reads_the_good_reports_the_bad(hostile_build):
    b = hostile_build
    r = b["result"]
    assert r.returncode == EXIT_SOME_SKIPPED, r.stderr[-3000:]
    assert "Traceback" not in r.stderr
    report = json.loads((b["out"] / "report.json").read_text("utf-8"))
    assert report["files"] == len(b["good"]) + len(b["bad"])
    assert report["read"] == len(b["good"])
    skipped = {s["file"]: s["reason"] for s in report["skipped"]}
    assert set(skipped) == {display_name(p) for p in b["bad"]}
    for p, word in b["bad"].items():
        assert word in skipped[display_name(p)]
    # the summary names each bad file with its reason, on one line each
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("skipped ")]
    assert len(lines) == len(b["bad"])
    for p, word in b["bad"].items():
        assert any(ln.startswith(f"skipped {display_name(p)}: ") and word in ln for ln in lines), display_name(p)


def test_build_writes_the_graph_of_every_good_file(hostile_build):
    b = hostile_build
    data = json.loads((b["out"] / "graph.json").read_text("utf-8"))
    docs = {n["source"] for n in data["nodes"] if n["label"] == "Document"}
    assert docs == {display_name(p) for p in b["good"]}
    officials = {n["name"] for n in data["nodes"] if n["label"] == "Official"}
    assert {"刘强", "张明", "王刚", "孙立", "周明", "吴刚", "韩冰", "杨帆"} <= officials
    # the odd names are document ids as they are, the bytes that are not UTF-8 as \xNN
    ids = {n["doc_id"] for n in data["nodes"] if n["label"] == "Document"}
    assert {"new\nline#0", "-leading-dash#0", "latin\\xe9-\\xff\\xfe#0", "with space#0", "ctl\x01\x1bname#0"} <= ids
    # every output parses: GraphML is XML, which cannot hold \x01: it holds U+FFFD there
    g = nx.read_graphml(b["out"] / "graph.graphml")
    assert g.number_of_nodes() == len(data["nodes"])
    assert any(d.get("doc_id") == "ctl\ufffd\ufffdname#0" for _, d in g.nodes(data=True))
    assert (b["out"] / "graph.html").stat().st_size > 0
    json.loads((b["out"] / "merges.json").read_text("utf-8"))


def test_the_50mb_line_costs_neither_memory_nor_time(hostile_build):
    b = hostile_build
    print(f"hostile build: {b['seconds']:.1f}s, peak {b['rss']} MB, "
          f"{len(b['good'])} good and {len(b['bad'])} bad files")
    assert b["seconds"] < 120
    assert b["rss"] < 1200      # the 50 MB file and the 50 MB JSON Lines record are never held twice


def test_nothing_readable_keeps_the_previous_outputs(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(sentence("刘强"), "utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(out), "--no-html"])
    assert r.exit_code == EXIT_ALL_READ, r.output
    before = outputs(out)
    _, bad = hostile_corpus(tmp_path / "bad", big=False)
    r = CliRunner().invoke(main, ["build", str(tmp_path / "bad" / "random.txt"), str(tmp_path / "bad" / "pipe.txt"),
                                  "--out", str(out)])
    assert r.exit_code == EXIT_NOTHING_READ
    r = CliRunner().invoke(main, ["build", *map(str, bad), "--out", str(out)])
    assert r.exit_code == EXIT_NOTHING_READ, r.output
    assert outputs(out) == before


def test_odd_names_on_the_command_line(tmp_path):
    good, _ = hostile_corpus_small(tmp_path)
    args = ["build", "--out", str(tmp_path / "out"), "--no-html", "--", *map(str, good)]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == EXIT_ALL_READ, r.output
    data = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    assert {n["source"] for n in data["nodes"] if n["label"] == "Document"} == {display_name(p) for p in good}


def hostile_corpus_small(root: Path):
    names = ["-leading-dash.txt", "with space.txt", "new\nline.txt", "长" * 80 + ".txt"]
    good = {}
    for i, name in enumerate(names):
        p = root / name
        p.write_text(sentence("刘强"), "utf-8")
        good[p] = sentence("刘强")
    p = _bytes_name(root, b"latin\xe9.txt")
    p.write_text(sentence("刘强"), "utf-8")
    good[p] = sentence("刘强")
    return good, {}


# ---- permissions, as a user who has none ------------------------------------------------

def test_unreadable_files_and_folders_as_nobody():
    require(shutil.which("setpriv") is not None, "setpriv (util-linux), to run govkg as nobody")
    require(os.geteuid() == 0, "root, to drop to user nobody")
    nobody = 65534
    top = Path(tempfile.mkdtemp(prefix="govkg-nobody-", dir="/tmp"))
    try:
        os.chmod(top, 0o755)
        src = top / "in"
        src.mkdir()
        (src / "good.txt").write_text(sentence("刘强"), "utf-8")
        (src / "secret.txt").write_text(sentence("张明"), "utf-8")
        os.chmod(src / "secret.txt", 0o000)
        (src / "locked").mkdir()
        (src / "locked" / "inner.txt").write_text(sentence("王刚"), "utf-8")
        os.chmod(src / "locked", 0o000)
        out = top / "out"
        out.mkdir()
        os.chown(out, nobody, nobody)
        r, _, _ = run_govkg_measured("build", src, "--out", out, "--no-html", user=nobody)
        assert r.returncode == EXIT_SOME_SKIPPED, r.stderr[-2000:]
        report = json.loads((out / "report.json").read_text("utf-8"))
        skipped = {s["file"]: s["reason"] for s in report["skipped"]}
        assert skipped == {str(src / "secret.txt"): "cannot be read (Permission denied)",
                           str(src / "locked"): "is a folder that cannot be listed (Permission denied)"}
        assert report["read"] == 1
    finally:
        for p in (top / "in" / "locked", top / "in" / "secret.txt"):
            if p.exists():
                os.chmod(p, 0o755)
        shutil.rmtree(top)


def test_files_of_the_same_name_are_warned_about(tmp_path):
    for folder, name in (("a", "刘强"), ("b", "张明")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(sentence(name), "utf-8")
    r = CliRunner().invoke(main, ["build", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out"),
                                  "--no-html"])
    assert r.exit_code == EXIT_ALL_READ, r.output
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert [w for w in report["warnings"] if "same document ids" in w] == [
        f"{tmp_path / 'b' / 'page.txt'}: same document ids as {tmp_path / 'a' / 'page.txt'} "
        "(files of the same name): their documents are merged; rename one"]
    data = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    assert {"刘强", "张明"} <= {n["name"] for n in data["nodes"]}    # nothing of either is lost
