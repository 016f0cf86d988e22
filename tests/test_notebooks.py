"""The analysis notebooks (notebooks/*.ipynb) and their API (graph/api.py).

Every notebook runs top to bottom in a real Jupyter kernel (nbclient, kernel ``python3``
of this very interpreter) on the sample corpus graph, the Neo4j notebook against the
project's server; a cell error fails the test. Their charts must draw every Chinese
character (no matplotlib "Glyph ... missing" warning), the notebooks are committed
without outputs, and nbconvert renders them to HTML."""
from __future__ import annotations

import io
import json
import logging
import os
import re
import sys
import warnings
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, require

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NEO4J_NOTEBOOK = "04_neo4j.ipynb"
# the chart each notebook writes through api.save_figure (docs/ holds a copy of each)
FIGURES = {"01_overview.ipynb": "notebook-overview", "02_officials.ipynb": "notebook-officials",
           "03_projects_policies.ipynb": "notebook-projects-policies", "04_neo4j.ipynb": "notebook-neo4j"}
GLYPH_TROUBLE = re.compile(r"Glyph \d+ .*missing|missing from (current )?font|findfont: Font family", re.I)
HAN = re.compile(r"[\u4e00-\u9fff]")


def _nbclient():
    try:
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401
        import ipykernel  # noqa: F401
    except ImportError as e:
        require(False, f"nbclient, nbformat and ipykernel ({e})")


def _execute(nb, cwd: Path):
    from nbclient import NotebookClient

    client = NotebookClient(nb, kernel_name="python3", timeout=300, startup_timeout=120,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute()   # raises CellExecutionError on the first failing cell
    return nb


def _streams(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.get("outputs", []) if o.get("output_type") == "stream")


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory) -> Path:
    """The sample corpus built once into a temporary folder: what GOVKG_GRAPH points to."""
    from graph.api import sample_graph as build

    out = tmp_path_factory.mktemp("notebook-graph")
    build(out, rebuild=True)
    return out / "graph.json"


@pytest.fixture
def notebook_env(sample_graph, tmp_path, monkeypatch):
    """The environment the kernels inherit: the sample graph, a figures folder, and the
    inline backend (whatever MPLBACKEND the caller had)."""
    monkeypatch.setenv("GOVKG_GRAPH", str(sample_graph))
    monkeypatch.setenv("GOVKG_FIGURES", str(tmp_path / "figures"))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    for k in ("GOVKG_NEO4J_URI", "NEO4J_URI", "GOVKG_NEO4J_RESET"):
        monkeypatch.delenv(k, raising=False)
    return tmp_path / "figures"


# ---- the notebooks as committed ----------------------------------------------------------

def test_there_are_the_four_notebooks():
    assert [p.name for p in NOTEBOOKS] == sorted(FIGURES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert "widgets" not in nb["metadata"]
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, \
                f"{path.name}: cell {cell.get('id')} has outputs; clear them before committing"
        assert "execution" not in cell.get("metadata", {}), f"{path.name}: cell {cell.get('id')} has timings"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_opens_with_its_question_in_chinese_and_english(path):
    first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]
    text = "".join(first["source"])
    assert first["cell_type"] == "markdown"
    assert "**问题：**" in text and "**Question:**" in text
    question_zh = text.split("**问题：**", 1)[1].split("\n", 1)[0]
    assert len(HAN.findall(question_zh)) >= 10 and question_zh.strip().endswith("？")


# ---- running them --------------------------------------------------------------------------

@pytest.mark.notebook
def test_kernel_is_this_interpreter(tmp_path):
    """Kernel ``python3`` resolves to the interpreter running the tests, so notebooks see
    the same packages (govkg installed in this venv)."""
    _nbclient()
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell("import sys, graph.api\nprint(sys.prefix)\nprint(graph.api.__file__)")])
    _execute(nb, tmp_path)
    prefix, api_file = _streams(nb).split()
    assert os.path.realpath(prefix) == os.path.realpath(sys.prefix)
    assert Path(api_file).resolve() == (ROOT / "graph" / "api.py").resolve()


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, notebook_env, request, monkeypatch):
    _nbclient()
    import nbformat

    if path.name == NEO4J_NOTEBOOK:
        server = request.getfixturevalue("neo4j_server")
        monkeypatch.setenv("GOVKG_NEO4J_URI", server.uri)
        monkeypatch.setenv("GOVKG_NEO4J_RESET", "1")
        for k, v in server.env().items():
            monkeypatch.setenv(k, v)
    nb = nbformat.read(path, as_version=4)
    _execute(nb, path.parent)

    streams = _streams(nb)
    assert not GLYPH_TROUBLE.search(streams), f"{path.name}: a chart lacks glyphs:\n{streams[-2000:]}"
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert images, f"{path.name} drew no chart"
    figure = notebook_env / f"{FIGURES[path.name]}.png"
    assert figure.is_file() and figure.stat().st_size > 20_000, f"{path.name} did not save {figure.name}"

    from nbconvert import HTMLExporter

    html, _ = HTMLExporter().from_notebook_node(nb)
    assert "问题" in html and "<img" in html


# ---- charts draw Chinese -------------------------------------------------------------------

def _text_of_charts(sample_graph: Path) -> str:
    """Every character a chart of the notebooks may draw on the sample: the names of all
    nodes and titles, the Chinese names of labels and types, and the notebooks' text."""
    from graph import api

    kg = api.load(sample_graph)
    names = api.entities(kg)
    text = "".join(names["name"]) + "".join("".join(t) for t in names["titles"].dropna())
    text += "".join(api.LABEL_ZH.values()) + "".join(api.RELATION_ZH.values())
    for path in NOTEBOOKS:
        text += "".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"])
    return "".join(sorted(set(text) - set(" \n\t")))


def _render(text: str) -> list[str]:
    """Draw ``text`` as title, tick labels, annotations and a legend; return the
    glyph-related warnings and log records matplotlib gave."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    records: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    handler = Catch(level=logging.WARNING)
    logging.getLogger("matplotlib").addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            lines = [text[i:i + 40] for i in range(0, len(text), 40)]
            fig, ax = plt.subplots(figsize=(8, 0.3 * len(lines) + 1))
            ax.barh(range(len(lines)), [1] * len(lines), label=lines[0])
            ax.set_yticks(range(len(lines)), lines, fontsize=7)
            ax.set_title(text[:30])
            ax.annotate(text[-30:], (0.5, 0.5))
            ax.legend()
            fig.savefig(io.BytesIO(), format="png")
            plt.close(fig)
    finally:
        logging.getLogger("matplotlib").removeHandler(handler)
    messages = [str(w.message) for w in caught] + records
    return [m for m in messages if GLYPH_TROUBLE.search(m)]


def test_charts_draw_every_chinese_character(sample_graph):
    """With api.use_cjk_font(), every character the charts draw has a glyph; without it
    the same drawing warns (so the warning is really caught)."""
    import matplotlib
    from graph import api

    text = _text_of_charts(sample_graph)
    assert len(HAN.findall(text)) > 500
    with matplotlib.rc_context():
        matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
        assert _render(text), "drawing Chinese with DejaVu Sans should warn of missing glyphs"
    with matplotlib.rc_context():
        try:
            name = api.use_cjk_font()
        except RuntimeError as e:
            require(False, f"a CJK font ({e})")
        assert "CJK" in name or "SC" in name
        assert _render(text) == []


# ---- the API itself ------------------------------------------------------------------------

def test_api_tables(sample_graph):
    from graph import api
    from graph.schema import ENTITY_LABELS

    kg = api.load(sample_graph)
    assert api.load(sample_graph.parent).stats() == kg.stats()       # a folder holding graph.json
    nodes = api.entities(kg)
    assert len(nodes) == kg.g.number_of_nodes()
    assert set(api.entities(kg, "Official")["label"]) == {"Official"}
    assert list(api.entities(kg, "Official").columns[:3]) == ["id", "label", "name"]
    assert set(api.entities(kg, ["Policy", "Project"])["label"]) <= {"Policy", "Project"}
    rels = api.relations(kg)
    assert len(rels) == kg.g.number_of_edges()
    for col in ("source_name", "type", "target_name", "count", "evidence_docs", "evidence_dates",
                "evidence_sentences"):
        assert col in rels.columns
    posts = api.relations(kg, "HOLDS_POSITION")
    assert "title" in posts.columns and set(posts["type"]) == {"HOLDS_POSITION"}
    assert all(len(d) == len(s) for d, s in zip(rels["evidence_docs"], rels["evidence_sentences"]))
    ev = api.evidence(kg, "VISITED")
    assert len(ev) == sum(len(d) for d in api.relations(kg, "VISITED")["evidence_docs"])
    dates = [d for d in ev["date"]]
    assert dates == sorted(dates, key=lambda d: (d is None, d or ""))      # dated first, in order
    assert all(v is None or isinstance(v, str) for v in ev["date"])           # None, not NaN
    G = api.entity_graph(kg)
    assert {G.nodes[n]["label"] for n in G} <= set(ENTITY_LABELS)
    with pytest.raises(ValueError, match="unknown label"):
        api.entities(kg, "Officials")
    with pytest.raises(ValueError, match="unknown relation type"):
        api.relations(kg, "VISIT")


def test_api_query_embedded(sample_graph):
    from graph import api

    kg = api.load(sample_graph)
    posts = api.relations(kg, "HOLDS_POSITION")
    who = posts["source_name"].iloc[0]
    res = api.query("official_posts", name=who, graph=kg)   # `name` is the query's parameter
    assert list(res.columns) == ["official", "title", "former", "body", "documents"]
    assert res["documents"].dtype.kind == "i"
    mine = posts[posts["source_name"] == who].reindex(columns=["source_name", "title", "former", "target_name", "count"])
    assert api.row_diff(res, mine).empty
    assert "official_posts" in set(api.queries()["name"])
    text = api.query("MATCH (o:Official) RETURN o.name AS name", graph=kg)
    assert sorted(text["name"]) == sorted(api.entities(kg, "Official")["name"])


def test_api_load_follows_govkg_graph(sample_graph, monkeypatch, tmp_path):
    from graph import api

    monkeypatch.setenv("GOVKG_GRAPH", str(sample_graph))
    assert api.graph_path() == sample_graph
    assert api.load().stats() == api.load(sample_graph).stats()
    monkeypatch.setenv("GOVKG_GRAPH", str(tmp_path / "nowhere.json"))
    with pytest.raises(FileNotFoundError, match="nowhere.json"):
        api.load()


def test_row_diff():
    import pandas as pd
    from graph import api

    a = pd.DataFrame({"x": ["甲", "乙", "乙"], "n": [1, 2, 2], "l": [["a"], [], None]})
    b = pd.DataFrame({"y": ["乙", "甲", "乙"], "m": [2, 1, 2], "k": [[], ("a",), float("nan")]})
    assert api.row_diff(a, b).empty                       # order, names, list/tuple, NaN/None aside
    d = api.row_diff(a, b.iloc[:2])
    assert d.to_dict("records") == [{"x": "乙", "n": 2, "l": None, "side": "left"}]


def test_save_figure(monkeypatch, tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from graph import api

    fig, _ = plt.subplots()
    monkeypatch.delenv("GOVKG_FIGURES", raising=False)
    assert api.save_figure(fig, "x") is None
    monkeypatch.setenv("GOVKG_FIGURES", str(tmp_path / "figs"))
    assert api.save_figure(fig, "x") == tmp_path / "figs" / "x.png"
    assert (tmp_path / "figs" / "x.png").stat().st_size > 0
    plt.close(fig)


@pytest.mark.neo4j
def test_api_push_pull_query_neo4j(neo4j, neo4j_server, sample_graph):
    from graph import api

    kg = api.load(sample_graph)
    neo4j.execute_query("CREATE (:Other {name: 'kept'})")
    try:
        counts = api.push(kg, neo4j_server.uri, reset=True)
        assert counts["nodes"] == kg.g.number_of_nodes()
        api.push(kg, neo4j_server.uri, reset=True)                    # reset: only :GovKG nodes go
        assert neo4j.execute_query("MATCH (n:Other) RETURN count(n) AS n").records[0]["n"] == 1
        assert api.pull(neo4j_server.uri).stats() == kg.stats()
        labels = api.query("MATCH (n:GovKG) RETURN n.label AS label, count(n) AS n", neo4j=neo4j_server.uri)
        assert dict(zip(labels["label"], labels["n"])) == {k: v for k, v in kg.stats()["nodes"].items() if v}
        posts = api.query("official_posts", name=api.relations(kg, "HOLDS_POSITION")["source_name"].iloc[0],
                          neo4j=neo4j)                                # a driver works too
        assert len(posts) >= 1
    finally:
        neo4j.execute_query("MATCH (n:Other) DELETE n")
        api.close()
