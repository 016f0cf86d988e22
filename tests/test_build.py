"""The main job end to end on the sample corpus: outputs, determinism, the extract
schema, bad input, and quality against the gold annotations."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.builder.job import BuildReport, build_graph, write_outputs
from graph.cli.main import EXIT_NOTHING_READ, EXIT_SOME_SKIPPED, main
from graph.gold import load_jsonl, score
from graph.schema import ENTITY_LABELS, EXTRACTED_RELATIONS, LABELS, RELATION_TYPES

from conftest import SAMPLES, SHARED, require


@pytest.fixture(scope="module")
def seeds_graph():
    report = BuildReport()
    return build_graph([SAMPLES], report=report), report


def test_build_writes_every_output(tmp_path, seeds_graph):
    kg, report = seeds_graph
    paths = write_outputs(kg, tmp_path, report)
    for name in ("graph.json", "graph.graphml", "graph.html", "merges.json", "report.json"):
        assert (tmp_path / name).stat().st_size > 0
    data = json.loads((tmp_path / "graph.json").read_text("utf-8"))
    labels = {n["label"] for n in data["nodes"]}
    assert labels <= set(LABELS) and {"Document", "Official", "District"} <= labels
    assert {l["type"] for l in data["links"]} <= set(RELATION_TYPES)
    # every extracted relation carries its evidence: document, sentence and date
    for link in data["links"]:
        if link["type"] in EXTRACTED_RELATIONS and link["type"] != "HOLDS_POSITION":
            ev = link["evidence"][0]
            assert ev["doc"] and ev["sentence"]
    # the merges report shows 碚 and 我区 became 北碚区
    merges = json.loads(paths["merges"].read_text("utf-8"))
    beibei = next(m for m in merges if m["name"] == "北碚区")
    assert {"碚", "我区", "北碚"} <= set(beibei["forms"])


def test_same_corpus_same_bytes(tmp_path):
    outs = []
    for run in ("a", "b"):
        report = BuildReport()
        kg = build_graph([SAMPLES], report=report)
        write_outputs(kg, tmp_path / run, report)
        outs.append(tmp_path / run)
    for name in ("graph.json", "graph.graphml", "graph.html", "merges.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_order_of_inputs_does_not_matter(tmp_path):
    files = sorted(SAMPLES.glob("*.txt"))
    a = build_graph(files)
    b = build_graph(list(reversed(files)))
    from graph.store.files import to_json_bytes
    assert to_json_bytes(a) == to_json_bytes(b)


def test_extract_prints_the_gold_schema():
    result = CliRunner().invoke(main, ["extract", str(SAMPLES / "002_446373b283d7168b.txt")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(l) for l in result.output.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0]["doc_id"] == "002_446373b283d7168b"
    rec = lines[0]
    assert set(rec) == {"doc_id", "entities", "relations"}
    for e in rec["entities"]:
        assert e["type"] in ENTITY_LABELS and e["name"] and isinstance(e["aliases"], list)
        if e["type"] == "Official":
            assert isinstance(e["titles"], list)
    for r in rec["relations"]:
        assert set(r) == {"type", "source", "target"} and r["type"] in EXTRACTED_RELATIONS
    liu = next(e for e in rec["entities"] if e["name"] == "刘强")
    assert liu["type"] == "Official" and liu["titles"] == ["市委常委", "政法委书记"]


def test_extract_per_article():
    result = CliRunner().invoke(main, ["extract", "--per-article", str(SAMPLES / "002_446373b283d7168b.txt")])
    ids = [json.loads(l)["doc_id"] for l in result.output.splitlines() if l.strip()]
    assert len(ids) > 3 and all(i.startswith("002_446373b283d7168b#") for i in ids)


def test_bad_files_are_reported_and_the_rest_is_kept(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("本报讯（记者 霍吕）3月5日，市委常委、政法委书记刘强带队来碚调研。", "utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == EXIT_SOME_SKIPPED
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert report["read"] == 1 and {s["file"].rsplit("/", 1)[-1] for s in report["skipped"]} == {"empty.txt", "binary.txt"}
    data = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    assert any(n["name"] == "刘强" for n in data["nodes"])


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_NOTHING_READ
    assert not (tmp_path / "out" / "graph.json").exists()


# Floors each type must keep, as regression guards: where the figure reached the
# quality the project aims at they sit on that aim, elsewhere a little below today's.
# The seed floors follow seeds.jsonl as corrected to GUIDELINES' "Settled cases"
# (organizations inside posts, datelines' outlets, laws as policies).
SEED_FLOORS = {"Official": 0.95, "District": 0.97, "Organization": 0.86, "Project": 0.79,
               "Policy": 0.73, "Person": 0.92, "Meeting": 0.95, "HOLDS_POSITION": 0.93, "VISITED": 0.84,
               "ATTENDED": 0.97, "ACCOMPANIED": 1.00, "LOCATED_IN": 0.73, "ISSUED": 0.80}
# tests/gold/cctv.jsonl: "dev" is the part rules may be tuned on, "test" the part held
# back; each has its own floors (tests/gold/README.md).
CCTV_FLOORS = {
    "dev": {"Official": 0.99, "District": 0.96, "Organization": 0.92, "Project": 0.85, "Policy": 0.79,
            "Person": 0.96, "Meeting": 0.95, "HOLDS_POSITION": 0.97, "VISITED": 0.89, "ATTENDED": 0.95,
            "ACCOMPANIED": 0.92, "LOCATED_IN": 0.86, "ISSUED": 0.97},
    "test": {"Official": 0.98, "District": 0.92, "Organization": 0.90, "Project": 0.63, "Policy": 0.76,
             "Person": 0.50, "Meeting": 0.92, "HOLDS_POSITION": 0.96, "VISITED": 0.86, "ATTENDED": 0.88,
             "ACCOMPANIED": 1.00, "LOCATED_IN": 0.56, "ISSUED": 0.83},
}


def _figures(gold_file, corpus, *options):
    require(gold_file.exists() and corpus.exists(), f"{gold_file} and {corpus}")
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold_file), "--corpus", str(corpus), "--json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_quality_on_the_seed_gold():
    figures = _figures(SHARED / "gold" / "seeds.jsonl", SAMPLES)
    for t, floor in SEED_FLOORS.items():
        assert figures[t]["f1"] >= floor, (t, figures[t])


@pytest.mark.parametrize("split", ["dev", "test"])
def test_quality_on_the_cctv_gold(split):
    """Hand annotations of 新闻联播 articles (tests/gold/): text the rules were not
    written from."""
    figures = _figures(Path(__file__).parent / "gold" / "cctv.jsonl", SHARED / "corpus" / "cctv_news",
                       "--split", split)
    for t, floor in CCTV_FLOORS[split].items():
        assert figures[t]["f1"] >= floor, (t, figures[t])


def test_eval_agrees_with_the_reference_scorer(tmp_path):
    gold_file = SHARED / "gold" / "seeds.jsonl"
    require(gold_file.exists(), "../shared/gold beside this checkout")
    pred = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["extract", str(SAMPLES)])
    pred.write_text(result.output, "utf-8")
    ours = score(load_jsonl(gold_file), load_jsonl(pred))
    ref = subprocess.run([sys.executable, str(SHARED / "gold" / "score.py"), str(gold_file), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(ref.stdout) == ours


def test_the_sample_graph_passes_its_audit(tmp_path):
    """GUIDELINES' one node per body: the sample graph has no two nodes of one body, no
    name with stray punctuation, no generic head alone."""
    out = tmp_path / "out"
    built = CliRunner().invoke(main, ["build", str(SAMPLES), "--out", str(out), "--no-html"])
    assert built.exit_code == 0
    assert "entities related to nothing but their documents" in built.output   # the build prints it
    result = CliRunner().invoke(main, ["audit", str(out / "graph.json"), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert json.loads((out / "report.json").read_text("utf-8"))["audit"] == found   # and writes it
    for finding in ("same_body", "punctuation", "generic_heads", "official_and_person"):
        assert found[finding]["count"] == 0, (finding, found[finding])
    assert 0 < found["unrelated"]["without_relation"] < found["unrelated"]["entities"]
