"""The query library on the embedded database against Neo4j, and what keeping the
database costs a build.

    python benchmarks/query_bench.py CORPUS --work DIR [--workers 2] [--runs 5]

1. A full build of CORPUS into DIR/out (the time its step "embedded database" takes,
   beside the whole build's), then the corpus's last day taken away and added back: the
   time the added day spends updating the database in place.
2. The graph pushed into a Neo4j of the project's started for the run (scripts/neo4j.sh).
3. Every library query, with parameters drawn from the graph (tests/test_embedded.py's
   parameter sets), run once to warm both engines up, then RUNS times on each: the
   median milliseconds of each engine, their ratio, and whether the rows agree.
"""
from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import neo4j_run  # noqa: E402 (benchmarks/, beside this script)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from graph.builder.job import build
    from graph.store import embedded

    out = args.work / "out"
    src = args.work / "src"
    shutil.rmtree(args.work, ignore_errors=True)
    src.mkdir(parents=True)
    files = sorted(p for p in args.corpus.iterdir() if p.is_file())
    for f in files:
        os.symlink(f.resolve(), src / f.name)

    t0 = time.perf_counter()
    r = build([src], out, workers=args.workers, html=False)
    whole = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in out.glob("graph.db*"))
    print(f"full build of {len(files)} files: {whole:.1f} s; the embedded database: "
          f"{r.seconds['embedded database']:.1f} s of it ({r.seconds['embedded database'] / whole:.1%}); "
          f"graph.db {size / 2**20:.1f} MiB, graph.json {(out / 'graph.json').stat().st_size / 2**20:.1f} MiB")
    print("  seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in r.seconds.items()))

    last = src / files[-1].name
    last.unlink()
    build([src], out, workers=args.workers, html=False)
    os.symlink(files[-1].resolve(), last)
    os.sync()
    t0 = time.perf_counter()
    r = build([src], out, workers=args.workers, html=False)
    added = time.perf_counter() - t0
    print(f"adding {last.name} back: {added:.2f} s ({'in place' if r.incremental else 'merged again'}); "
          f"the embedded database: {r.seconds['embedded database']:.2f} s of it; current: "
          f"{embedded.is_current(out / 'graph.db', out / 'graph.json')}")
    print("  seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in r.seconds.items()))
    queries(out, args.work, args.runs)


def queries(out: Path, work: Path, runs: int) -> None:
    from neo4j import GraphDatabase

    from graph.store import embedded
    from graph.store.files import load_frozen
    from graph.store.neo4j import push_to
    from queries.runner import run
    from test_embedded import parameter_sets, same_answer

    home = work / "neo4j"
    password = "bench-" + secrets.token_hex(6)
    uri, env = neo4j_run.start(home, password, NEO4J_BOLT_PORT="")
    if uri is None:
        return
    try:
        g = load_frozen(out / "graph.json")
        os.environ["NEO4J_PASSWORD"] = password
        t0 = time.perf_counter()
        push_to(g, uri)
        print(f"\nNeo4j (heap {env['NEO4J_HEAP']}, page cache {env['NEO4J_PAGECACHE']}): pushed "
              f"{g.number_of_nodes():,} nodes and {g.number_of_edges():,} relationships in {time.perf_counter() - t0:.1f} s")
        driver = GraphDatabase.driver(uri, auth=("neo4j", password))
        reader = embedded.Reader(out / "graph.db")
        print(f"embedded: LadybugDB {embedded.version()}, buffer pool {embedded.BUFFER_POOL // 2**20} MiB, "
              f"{embedded.THREADS} threads\n")
        print(f"{'query':26} {'parameters':38} {'rows':>6} {'Neo4j ms':>9} {'embedded ms':>12} {'ratio':>6}  same")
        total = {"neo": 0.0, "emb": 0.0}
        for name, sets in parameter_sets(g).items():
            for params in sets:
                neo = run(name, params, driver=driver)
                emb = run(name, params, graph=reader)
                try:
                    same_answer(name, neo.columns, neo.rows, emb.rows)
                    same = "yes"
                except AssertionError:
                    same = "NO"
                t_neo, t_emb = [], []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    run(name, params, driver=driver)
                    t_neo.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    run(name, params, graph=reader)
                    t_emb.append(time.perf_counter() - t0)
                a, b = statistics.median(t_neo) * 1000, statistics.median(t_emb) * 1000
                total["neo"] += a
                total["emb"] += b
                shown = ", ".join(f"{k}={v}" for k, v in params.items())
                print(f"{name:26} {shown[:38]:38} {len(emb.rows):>6} {a:>9.1f} {b:>12.1f} {b / a:>6.2f}  {same}")
        print(f"\nall cases, sum of medians: Neo4j {total['neo']:.0f} ms, embedded {total['emb']:.0f} ms "
              f"(ratio {total['emb'] / total['neo']:.2f})")
        reader.close()
        driver.close()
    finally:
        neo4j_run.stop(home, env)


if __name__ == "__main__":
    main()
