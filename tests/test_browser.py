"""The explorer page in a real headless Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import importlib.util
import os
import random
import time
from pathlib import Path

import pytest

from conftest import SAMPLES, require
from graph.explorer.page import MAX_NODES, render
from graph.merge.knowledge import KnowledgeGraph
from graph.extract.records import DocResult, Entity, Relation
from test_render import HOSTILE_NAME, HOSTILE_SENTENCE, IMG, SCRIPT, demo_graph, star_graph

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("GOVKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    require(importlib.util.find_spec("playwright") is not None, "the playwright Python package")
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def wait_for(page, expr: str, timeout: float = 20.0):
    """Poll a JS expression (the page's CSP forbids Playwright's eval-based waits)."""
    end = time.monotonic() + timeout
    while True:
        value = page.evaluate(expr)
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {expr}")
        time.sleep(0.05)


@pytest.fixture
def open_page(browser, tmp_path):
    """Render a graph, open it, wait for the settled layout; at the end, check that the
    page logged no error and asked for nothing beyond its own file."""
    pages = []

    def _open(kg, **kw):
        path = render(kg, tmp_path / f"page{len(pages)}.html", **kw)
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        page.errors, page.requests = [], []
        page.on("console", lambda m: m.type in ("error", "warning") and page.errors.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: page.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: r.url.split(":", 1)[0] not in ("file", "data", "about", "blob")
                and page.requests.append(r.url))
        page.goto(path.resolve().as_uri())
        wait_for(page, "!!(window.govkg && window.govkg.state.settled)")
        pages.append(page)
        return page

    yield _open
    for page in pages:
        assert page.errors == []
        assert page.requests == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.close()


def node_id_of(page, name):
    return page.evaluate("(name) => govkg.data.nodes.find(n => n.name === name).id", name)


def click_node(page, nid):
    """A real mouse click on the node's position on the canvas."""
    xy = page.evaluate("""(id) => { const p = govkg.network.getPosition(id);
        const d = govkg.network.canvasToDOM(p); const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""", nid)
    page.mouse.click(*xy)
    return xy


def visible_nodes(page):
    return page.evaluate("Object.values(govkg.network.body.nodes).filter(n => !n.options.hidden).map(n => n.id)")


def test_loads_offline_and_draws_every_linked_entity(open_page):
    page = open_page(demo_graph())
    assert page.evaluate("govkg.data.nodes.length") == 10
    assert len(visible_nodes(page)) == 9                          # all but the one without relations
    assert page.evaluate("govkg.network.physics.physicsEnabled") is False      # laid out in Python
    positions = page.evaluate("Object.values(govkg.network.getPositions())")
    assert len({(round(p["x"]), round(p["y"])) for p in positions}) == 9
    legend = page.inner_text("#legend")
    assert "Official" in legend and "Policy" in legend
    assert page.evaluate("getComputedStyle(document.querySelector('.swatch')).backgroundColor") == "rgb(214, 39, 40)"
    # the entity without relations is listed, and drawn when chosen from the list
    page.click("#unlinked summary")
    assert f"政策{IMG}" in page.inner_text("#unlinked")
    page.click("#unlinked li.link")
    lone = node_id_of(page, f"政策{IMG}")
    wait_for(page, f"govkg.network.getSelectedNodes()[0] === {lone}")
    assert lone in visible_nodes(page) and page.inner_text("#panel h2") == f"政策{IMG}"
    assert "标题" in page.inner_text("#panel")                       # the document that mentions it


def test_max_nodes_draws_the_most_connected_and_search_finds_the_rest(open_page):
    page = open_page(star_graph(40), max_nodes=5)
    drawn = page.evaluate("govkg.network.body.nodeIndices.length")
    assert drawn == 5 == len(visible_nodes(page))
    assert node_id_of(page, "中心区") in visible_nodes(page)
    hidden = page.evaluate("govkg.data.nodes[30]")
    assert hidden["id"] not in visible_nodes(page)
    page.fill("#search", hidden["name"])
    page.keyboard.press("Enter")
    wait_for(page, f"govkg.network.getSelectedNodes()[0] === {hidden['id']!r}")
    assert hidden["id"] in visible_nodes(page)
    assert hidden["name"] in page.inner_text("#panel")


def big_graph(linked: int, unlinked: int, seed: int = 7) -> KnowledgeGraph:
    """About ``linked`` entities joined at random (a few hubs, many with one or two
    relations) and ``unlinked`` entities with none, in documents of 20 relations."""
    rng = random.Random(seed)
    officials = [f"官员{i:05d}" for i in range(linked * 3 // 4)]
    places = [f"地区{i:04d}" for i in range(linked - len(officials))]
    rels = []
    for i, o in enumerate(officials):
        for _ in range(1 + (i % 3 == 0)):
            p = places[min(int(rng.paretovariate(1.2)) - 1, len(places) - 1)]
            rels.append(Relation("VISITED", ("Official", o), ("District", p), f"{o}到{p}调研（{i}）。"))
    kg = KnowledgeGraph()
    for d in range(0, len(rels), 20):
        batch = rels[d:d + 20]
        ents = {r.source: Entity("Official", r.source[1]) for r in batch}
        ents.update({r.target: Entity("District", r.target[1]) for r in batch})
        kg.add(DocResult(f"big-{d:06d}", "big.txt", title=f"大图新闻{d}", date="2023-05-01",
                         entities=list(ents.values()), relations=batch))
    for i in range(0, unlinked, 50):
        ents = [Entity("Project", f"孤立项目{j:05d}") for j in range(i, min(i + 50, unlinked))]
        kg.add(DocResult(f"lone-{i:06d}", "lone.txt", title=f"孤立新闻{i}", date="2023-06-01", entities=ents))
    return kg


def test_big_graph_default_page(open_page):
    """The default page of a graph bigger than max_nodes draws at most max_nodes, the
    most connected, without physics; search reaches what is not drawn."""
    page = open_page(big_graph(4000, 3000))
    total, linked, drawn = page.evaluate("[govkg.data.nodes.length, govkg.data.linked, govkg.data.drawn]")
    assert total > 6000 and linked > 3000 and 0 < drawn <= MAX_NODES
    assert len(visible_nodes(page)) == drawn == page.evaluate("govkg.network.body.nodeIndices.length")
    assert page.evaluate("govkg.network.physics.physicsEnabled") is False
    # the hub (node 0) is drawn and can be clicked
    click_node(page, 0)
    wait_for(page, "govkg.network.getSelectedNodes()[0] === 0")
    assert page.inner_text("#panel h2") == page.evaluate("govkg.data.nodes[0].name")
    # an entity with relations that is not drawn: search draws it with its evidence
    n = page.evaluate(f"govkg.data.nodes.slice({drawn}).find(n => n.degree > 0)")
    assert n["id"] not in visible_nodes(page)
    page.fill("#search", n["name"])
    page.keyboard.press("Enter")
    wait_for(page, f"govkg.network.getSelectedNodes()[0] === {n['id']}")
    assert n["id"] in visible_nodes(page)
    panel = page.inner_text("#panel")
    assert n["name"] in panel and "调研（" in panel and "大图新闻" in panel      # sentence, document
    # an entity without relations, at the end of the index
    page.fill("#search", "孤立项目02999")
    page.keyboard.press("Enter")
    lone = node_id_of(page, "孤立项目02999")
    wait_for(page, f"govkg.network.getSelectedNodes()[0] === {lone}")
    assert lone in visible_nodes(page) and "孤立新闻2950" in page.inner_text("#panel")


def test_search_focuses_and_selects(open_page):
    page = open_page(demo_graph())
    liu = node_id_of(page, "刘强")
    page.fill("#search", "刘强同")                              # an alias, partly typed
    assert page.inner_text("#results li.active").startswith("刘强")
    page.keyboard.press("Enter")
    wait_for(page, f"govkg.network.getSelectedNodes()[0] === {liu!r}")
    time.sleep(0.6)                                               # the focus animation
    view, pos = page.evaluate(f"[govkg.network.getViewPosition(), govkg.network.getPosition({liu!r})]")
    assert abs(view["x"] - pos["x"]) < 5 and abs(view["y"] - pos["y"]) < 5
    assert page.inner_text("#panel h2") == "刘强"
    # neighbourhood highlighted, the rest faded
    colours = page.evaluate("Object.fromEntries(govkg.nodes.get().map(n => [n.label, n.color]))")
    assert colours["王芳"] == "#d62728" and colours["乡村振兴实施意见"].startswith("rgba")


def test_hiding_a_label(open_page):
    page = open_page(demo_graph())
    policies = page.evaluate("govkg.data.nodes.filter(n => n.label === 'Policy').map(n => n.id)")
    assert len(policies) == 2
    page.check("#legend input[data-label=Policy]")
    page.uncheck("#legend input[data-label=Policy]")
    shown = visible_nodes(page)
    assert not set(policies) & set(shown) and len(shown) == 8
    issued = page.evaluate("govkg.data.edges.find(e => e.type === 'ISSUED').id")
    assert page.evaluate(f"govkg.network.body.edges[{issued!r}].options.hidden") is True
    page.check("#legend input[data-label=Policy]")
    assert len(visible_nodes(page)) == 9


def test_clicking_a_node_shows_its_evidence(open_page):
    page = open_page(demo_graph())
    wang = node_id_of(page, "王芳")
    click_node(page, wang)
    wait_for(page, f"govkg.network.getSelectedNodes()[0] === {wang!r}")
    panel = page.inner_text("#panel")
    assert "副区长王芳陪同调研。" in panel
    assert "刘强调研缙云山生态修复工程 (2020-04-21)" in panel        # document title and date
    assert "副区长" in panel
    page.click("#panel .link")                                     # follow the relation to 刘强
    assert page.inner_text("#panel h2") == "刘强"


def test_date_filter(open_page):
    page = open_page(demo_graph())
    page.fill("#date-from", "2021-01-01")
    page.dispatch_event("#date-from", "change")
    names = set(page.evaluate("govkg.nodes.get().filter(n => !n.hidden).map(n => n.label)"))
    assert "刘强" in names and "乡村振兴实施意见" in names
    assert "王芳" not in names and "缙云山生态修复工程" not in names   # seen only in 2020
    page.click("#date-reset")
    assert len(visible_nodes(page)) == 9


def test_hostile_text_stays_text(open_page):
    page = open_page(demo_graph())
    bad = node_id_of(page, HOSTILE_NAME)
    page.fill("#search", "恶意")
    assert IMG in page.inner_text("#results")
    page.keyboard.press("Enter")
    wait_for(page, f"govkg.network.getSelectedNodes()[0] === {bad!r}")
    panel = page.inner_text("#panel")
    assert HOSTILE_NAME in panel and SCRIPT in panel and IMG in panel
    assert "window.__pwned=2" in panel and f"标题{SCRIPT}" in panel
    assert HOSTILE_SENTENCE.split("\u2028")[0] in page.text_content("#panel")
    # the tooltip, shown by hovering the node
    time.sleep(0.6)
    page.mouse.move(5, 5)
    xy = page.evaluate(f"""(() => {{ const d = govkg.network.canvasToDOM(govkg.network.getPosition({bad!r}));
        const r = document.querySelector('#graph canvas').getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; }})()""")
    page.mouse.move(*xy, steps=5)
    wait_for(page, "(t => !!t && getComputedStyle(t).visibility === 'visible')(document.querySelector('div.vis-tooltip'))", 5)
    tip = page.text_content("div.vis-tooltip")
    assert HOSTILE_NAME in tip and IMG in tip
    assert page.evaluate("document.querySelectorAll('img, #panel script, div.vis-tooltip script').length") == 0
    # the hostile entity without relations: found, drawn, shown as text
    page.fill("#search", "政策")
    assert f"政策{IMG}" in page.inner_text("#results")
    page.keyboard.press("Enter")
    lone = node_id_of(page, f"政策{IMG}")
    wait_for(page, f"govkg.network.getSelectedNodes()[0] === {lone}")
    assert page.inner_text("#panel h2") == f"政策{IMG}" and f"标题{SCRIPT}" in page.inner_text("#panel")
    page.click("#unlinked summary")
    assert f"政策{IMG}" in page.inner_text("#unlinked")
    assert page.evaluate("document.querySelectorAll('img, script:not([id]):not([src])').length") == 2   # vis, app
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_samples_graph(open_page):
    require(importlib.util.find_spec("graph.builder.job") is not None, "graph.builder.job (the pipeline)")
    from graph.builder.job import build_graph

    kg = build_graph(sorted(p for p in SAMPLES.iterdir() if p.is_file()))
    page = open_page(kg, max_nodes=300)
    total, linked, drawn = page.evaluate("[govkg.data.nodes.length, govkg.data.linked, govkg.data.drawn]")
    assert total > linked > 0 and 0 < drawn <= min(300, linked)
    assert len(visible_nodes(page)) == drawn
    name = page.evaluate("govkg.data.nodes[0].name")
    page.fill("#search", name)
    page.keyboard.press("Enter")
    wait_for(page, "govkg.network.getSelectedNodes().length === 1")
    assert page.inner_text("#panel h2") == name


def test_an_officials_posts_and_visits_in_date_order(open_page):
    page = open_page(demo_graph())
    click_node(page, node_id_of(page, "刘强"))
    wait_for(page, "!!document.querySelector('#timeline')")
    rows = page.evaluate("[...document.querySelectorAll('#timeline li')].map(li => li.innerText)")
    assert len(rows) == 3
    # 2020: the post and the visit of the first document; 2021: the meeting of the second
    assert rows[0].startswith("2020-04-21") and rows[1].startswith("2020-04-21") and rows[2].startswith("2021-06-01")
    assert "区委常委会会议" in rows[2] and "缙云山生态修复工程" in "".join(rows[:2])
    page.click("#timeline .link >> nth=2")                      # follow the meeting
    assert page.inner_text("#panel h2") == "区委常委会会议"


LABEL_SHOWN = "(id) => { const n = govkg.network.body.nodes[id]; return n.options.font.size * govkg.network.getScale() >= n.options.scaling.label.drawThreshold - 1; }"


def test_names_are_readable_at_the_first_view_and_all_when_zoomed_in(open_page, tmp_path):
    from graph.builder.job import build_graph

    page = open_page(build_graph([SAMPLES]))
    drawn = page.evaluate("govkg.data.drawn")
    shown = page.evaluate(f"govkg.data.nodes.slice(0, govkg.data.drawn).map(n => ({LABEL_SHOWN})(n.id))")
    top = min(30, drawn)
    # the most connected carry their names at the first view, the rest wait for a closer look
    assert all(shown[:top]) and sum(shown) == top, (sum(shown), drawn)
    if os.environ.get("GOVKG_SCREENSHOT"):      # the picture in docs/
        page.screenshot(path=os.environ["GOVKG_SCREENSHOT"])
    # zooming in with the wheel: every name on the screen is drawn, the top ones no larger than the others
    canvas = page.query_selector("#graph canvas").bounding_box()
    page.mouse.move(canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2)
    for _ in range(30):
        page.mouse.wheel(0, -300)
        time.sleep(0.05)
        if page.evaluate("govkg.network.getScale() >= 0.8"):
            break
    wait_for(page, "govkg.network.getScale() >= 0.8")
    time.sleep(0.2)
    assert all(page.evaluate(f"govkg.data.nodes.slice(0, govkg.data.drawn).map(n => ({LABEL_SHOWN})(n.id))"))
    sizes = set(page.evaluate("govkg.data.nodes.slice(0, 30).map(n => govkg.network.body.nodes[n.id].options.font.size)"))
    assert sizes == {14}
