"""Render a graph.json as the explorer page and time it in headless Chromium.

    python benchmarks/render_bench.py out/graph.json [--max-nodes N] [--search NAME]
    python benchmarks/render_bench.py --synthetic 5000 [--max-nodes N]

Reports the page size, the time to write it, and in Chromium the time from navigation
to a settled layout (vis-network's stabilizationIterationsDone, after which physics is
off). Then searches an entity and saves a screenshot (docs/explorer-search.png).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from graph.model import KnowledgeGraph
from graph.records import DocResult, Entity, Relation
from graph.render import render
from graph.store.files import read_json

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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", nargs="?", type=Path, help="a graph.json")
    ap.add_argument("--synthetic", type=int, help="benchmark a synthetic graph of about this many entities")
    ap.add_argument("--max-nodes", type=int, default=1500)
    ap.add_argument("--search", help="entity to search before the screenshot (default: the most connected)")
    ap.add_argument("--screenshot", type=Path, default=ROOT / "docs" / "explorer-search.png")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    if not args.graph and not args.synthetic:
        ap.error("give a graph.json or --synthetic N")

    kg = read_json(args.graph) if args.graph else synthetic(args.synthetic)
    stats = kg.stats()["nodes"]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        page_path = render(kg, Path(tmp) / "graph.html", max_nodes=args.max_nodes)
        write_s = time.perf_counter() - t0
        size = page_path.stat().st_size
        print(f"graph: {sum(stats.values()) - stats['Document']} entities, {stats['Document']} documents, "
              f"{kg.g.number_of_edges()} edges")
        print(f"page: {size / 1e6:.2f} MB, written in {write_s:.2f} s")

        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            t0 = time.perf_counter()
            page.goto(page_path.resolve().as_uri())
            while not page.evaluate("!!(window.govkg && window.govkg.state.settled)"):
                if time.perf_counter() - t0 > 600 or errors:
                    print("not settled:", errors, file=sys.stderr)
                    return 1
                time.sleep(0.05)
            wall = time.perf_counter() - t0
            t = page.evaluate("({dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,"
                              " start: govkg.state.started, settled: govkg.state.settledAt,"
                              " drawn: govkg.network.body.nodeIndices.length, edges: govkg.edges.length,"
                              " total: govkg.data.nodes.length})")
            print(f"chromium: {t['drawn']} of {t['total']} entities drawn, {t['edges']} edges; "
                  f"DOMContentLoaded {t['dcl'] / 1000:.2f} s, script start {t['start'] / 1000:.2f} s, "
                  f"settled layout {t['settled'] / 1000:.2f} s after navigation (wall {wall:.2f} s)")
            name = args.search or page.evaluate("govkg.data.nodes[0].name")
            page.fill("#search", name)
            time.sleep(0.2)
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
