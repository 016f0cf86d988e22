"""Render a graph.json as the explorer page and time it in headless Chromium.

    python benchmarks/render_bench.py out/graph.json [--max-nodes N] [--runs 3]
    python benchmarks/render_bench.py --synthetic 5000 [--max-nodes N]
    python benchmarks/render_bench.py out/graph.json --search 刘强 --screenshot docs/explorer-search.png

Reports the page size and the time to write it (graph.json read as ``govkg render``
reads it, then the page written), the entities and relations drawn, and in Chromium
the median over --runs page loads of the time from navigation to a settled layout
(the first drawing of the laid-out graph), with its parts: the page parsed and the
script started, the data inflated and decoded, the network made. With --screenshot,
searches an entity (--search, default the most connected) and saves a screenshot.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from graph.merge.knowledge import KnowledgeGraph
from graph.extract.records import DocResult, Entity, Relation
from graph.explorer.page import MAX_NODES, render
from graph.store.files import load_frozen

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic(n: int, seed: int = 0) -> KnowledgeGraph:
    """About n entities in n // 4 documents, relations drawn at random along the schema."""
    rng = random.Random(seed)
    sur, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟强芳军明华平刚建国红英海波宁春"
    places = "渝中 江北 沙坪坝 九龙坡 南岸 北碚 渝北 巴南 长寿 江津 合川 永川 南川 綦江 大足 璧山 铜梁 潼南 荣昌 开州".split()
    pools = {
        "Official": [rng.choice(sur) + rng.choice(given) + rng.choice(given) for _ in range(n // 2)],
        "District": [p + "区" for p in places] + [p + s for p in places for s in ("街道", "镇")],
        "Organization": [p + s for p in places for s in ("区人民政府", "区发展改革委", "区生态环境局")],
        "Project": [f"{p}{s}工程" for p in places for s in ("生态修复", "城市更新", "轨道交通", "乡村振兴")],
        "Policy": [f"关于{s}的实施意见（{y}）" for s in ("稳就业", "优化营商环境", "乡村振兴") for y in range(2018, 2024)],
        "Meeting": [f"{p}区委常委会第{i}次会议" for p in places for i in range(1, 6)],
    }
    ends = [("HOLDS_POSITION", "Official", "Organization"), ("VISITED", "Official", "District"),
            ("VISITED", "Official", "Project"), ("ATTENDED", "Official", "Meeting"),
            ("ACCOMPANIED", "Official", "Official"), ("LOCATED_IN", "Project", "District"),
            ("ISSUED", "Organization", "Policy")]
    kg = KnowledgeGraph()
    for d in range(max(1, n // 4)):
        date = f"{rng.randint(2018, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        ents, rels = {}, []
        for _ in range(8):
            rtype, sl, tl = rng.choice(ends)
            s, t = rng.choice(pools[sl]), rng.choice(pools[tl])
            if (sl, s) == (tl, t):
                continue
            ents[(sl, s)] = Entity(sl, s, titles=["副区长"] if sl == "Official" else [])
            ents[(tl, t)] = Entity(tl, t)
            attrs = {"title": "副区长"} if rtype == "HOLDS_POSITION" else {}
            rels.append(Relation(rtype, (sl, s), (tl, t), f"{date}，{s}与{t}（{rtype}）。", attrs))
        kg.add(DocResult(f"doc-{d:05d}", f"synthetic/{d}.txt", title=f"第{d}号新闻", date=date,
                         entities=list(ents.values()), relations=rels))
    return kg


def wait_settled(page, limit: float = 600.0) -> None:
    t0 = time.perf_counter()
    while not page.evaluate("!!(window.govkg && (window.govkg.state.settled || window.govkg.state.error))"):
        if time.perf_counter() - t0 > limit:
            raise TimeoutError("the page did not settle")
        time.sleep(0.02)
    error = page.evaluate("govkg.state.error")
    if error:
        raise RuntimeError(error)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", nargs="?", type=Path, help="a graph.json")
    ap.add_argument("--synthetic", type=int, help="benchmark a synthetic graph of about this many entities")
    ap.add_argument("--max-nodes", type=int, default=MAX_NODES)
    ap.add_argument("--runs", type=int, default=3, help="page loads timed (the median is reported)")
    ap.add_argument("--out", type=Path, help="keep the page here (default: a temporary file)")
    ap.add_argument("--search", help="entity to search before the screenshot (default: the most connected)")
    ap.add_argument("--screenshot", type=Path, help="save a screenshot here after the search")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    if not args.graph and not args.synthetic:
        ap.error("give a graph.json or --synthetic N")

    t0 = time.perf_counter()
    graph = load_frozen(args.graph) if args.graph else synthetic(args.synthetic)
    read_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        page_path = render(graph, args.out or Path(tmp) / "graph.html", max_nodes=args.max_nodes)
        write_s = time.perf_counter() - t0
        size = page_path.stat().st_size
        print(f"graph: {args.graph or f'synthetic {args.synthetic}'} (read in {read_s:.1f} s)")
        print(f"page: {size:,} bytes ({size / 1e6:.2f} MB), written in {write_s:.1f} s (max_nodes {args.max_nodes})")

        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            errors, runs = [], []
            for _ in range(max(args.runs, 1)):
                page = browser.new_page(viewport={"width": 1400, "height": 850})
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.on("console", lambda m: m.type in ("error", "warning") and errors.append(m.text))
                page.goto(page_path.resolve().as_uri())
                wait_settled(page)
                runs.append(page.evaluate(
                    "({start: govkg.state.started, loaded: govkg.state.loadedAt, decoded: govkg.state.decodedAt,"
                    " network: govkg.state.networkAt, settled: govkg.state.settledAt,"
                    " drawn: govkg.network.body.nodeIndices.length, edges: govkg.edges.length,"
                    " total: govkg.data.nodes.length, relations: govkg.data.edges.length})"))
                if len(runs) < args.runs or not args.screenshot:
                    page.close()
            r = runs[0]
            print(f"drawn: {r['drawn']} of {r['total']} entities, {r['edges']} of {r['relations']} relations")
            med = {k: statistics.median(x[k] for x in runs) / 1000 for k in ("start", "loaded", "decoded", "network", "settled")}
            print(f"settled layout: {med['settled']:.2f} s after navigation (median of {len(runs)}: "
                  + ", ".join(f"{x['settled'] / 1000:.2f}" for x in runs) + ")")
            print(f"  script start {med['start']:.2f} s, data inflated {med['loaded']:.2f} s, decoded {med['decoded']:.2f} s,"
                  f" network made {med['network']:.2f} s, first drawing {med['settled']:.2f} s")
            if args.screenshot:
                name = args.search or page.evaluate("govkg.data.nodes[0].name")
                page.fill("#search", name)
                time.sleep(0.3)
                page.keyboard.press("Enter")
                time.sleep(1.0)    # the focus animation
                args.screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.screenshot))
                print(f"searched {name!r}: selected {page.evaluate('govkg.network.getSelectedNodes()')}; "
                      f"screenshot {args.screenshot}")
            browser.close()
        if errors:
            print("page errors:", errors, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
