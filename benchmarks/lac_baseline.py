"""The model alone, as a yardstick for the extractor: Baidu LAC's PER, ORG and LOC tags
taken as Official, Organization and District, scored against a gold file.

usage: python benchmarks/lac_baseline.py GOLD.jsonl CORPUS_DIR
"""
import json
import sys
from pathlib import Path

from graph.extract.sentences import analyse_sentences
from graph.gold import load_jsonl, score
from loaders import load

LABELS = {"PER": "Official", "ORG": "Organization", "LOC": "District"}


def main(gold_path: str, corpus: str) -> None:
    gold = load_jsonl(gold_path)
    pred = {}
    for doc_id, g in gold.items():
        articles = load(Path(corpus) / g["source"])
        if "#" in doc_id:
            articles = [a for a in articles if a.doc_id == doc_id]
        names = set()
        for a in articles:
            for s in analyse_sentences(f"{a.title}\n{a.text}"):
                names |= {(LABELS[t.tag], t.word) for t in s.tokens if t.tag in LABELS}
        pred[doc_id] = {"doc_id": doc_id, "relations": [],
                        "entities": [{"type": t, "name": n, "aliases": []} for t, n in sorted(names)]}
    res = score(gold, pred)
    for t in LABELS.values():
        r = res[t]
        print(f"{t:14} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
