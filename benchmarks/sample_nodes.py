"""Samples of a built graph for judging by hand, as an analyst reads it: per label, the
most-mentioned nodes and nodes drawn at random, each with the sentences behind it.

    python benchmarks/sample_nodes.py OUT/graph.json --out benchmarks/judged/ [--top 25] [--random 50] [--seed 2026]

writes one JSON Lines file per label (``sample-<Label>.jsonl``): the node's id, name,
aliases, documents, how it was drawn (top or random) and up to three evidence sentences
(its own mentions, then its relations). A judge adds ``"verdict": "right" | "wrong"`` and
a ``"why"`` to each line; ``--score`` then prints the share judged right per label and
draw:

    python benchmarks/sample_nodes.py --score benchmarks/judged/
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.schema import ENTITY_LABELS  # noqa: E402


def sample(graph_file: Path, out: Path, top: int, drawn: int, seed: int) -> None:
    data = json.loads(graph_file.read_text("utf-8"))
    nodes = {n["id"]: n for n in data["nodes"]}
    evidence = defaultdict(list)
    for link in data["links"]:
        for end in (link["source"], link["target"]):
            for ev in link.get("evidence") or ():
                if ev.get("sentence"):
                    kind = "mention" if link["type"] == "MENTIONED_IN" else link["type"]
                    evidence[end].append((kind != "mention", kind, ev["sentence"], ev.get("doc")))
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for label in ENTITY_LABELS:
        ids = sorted((n for n in nodes.values() if n["label"] == label), key=lambda n: (-n.get("documents", 0), n["id"]))
        chosen = [("top", n) for n in ids[:top]]
        rest = ids[top:]
        chosen += [("random", n) for n in rng.sample(rest, min(drawn, len(rest)))]
        with open(out / f"sample-{label}.jsonl", "w", encoding="utf-8") as f:
            for how, n in chosen:
                ev = sorted(set(evidence[n["id"]]))[:3]
                row = {"id": n["id"], "label": label, "name": n["name"], "aliases": n.get("aliases", [])[:8],
                       "documents": n.get("documents", 0), "drawn": how,
                       "evidence": [{"doc": d, "as": k, "sentence": s} for _, k, s, d in ev]}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{label}: {len(chosen)} nodes of {len(ids)} → {out / f'sample-{label}.jsonl'}")


def score(folder: Path) -> None:
    print(f"{'label':14} {'top right':>12} {'random right':>14} {'unjudged':>9}")
    for label in ENTITY_LABELS:
        path = folder / f"sample-{label}.jsonl"
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        figures = []
        for how in ("top", "random"):
            judged = [r for r in rows if r["drawn"] == how and r.get("verdict") in ("right", "wrong")]
            right = sum(r["verdict"] == "right" for r in judged)
            figures.append(f"{right}/{len(judged)} ({right / len(judged):.0%})" if judged else "–")
        unjudged = sum(r.get("verdict") not in ("right", "wrong") for r in rows)
        print(f"{label:14} {figures[0]:>12} {figures[1]:>14} {unjudged:>9}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", nargs="?", type=Path, help="graph.json of a build")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/judged"))
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--random", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--score", type=Path, metavar="FOLDER", help="print the share judged right")
    args = ap.parse_args()
    if args.score:
        score(args.score)
    elif args.graph:
        sample(args.graph, args.out, args.top, args.random, args.seed)
    else:
        ap.error("give a graph.json, or --score FOLDER")


if __name__ == "__main__":
    main()
