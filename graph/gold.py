"""The gold-file schema (../shared/gold/GUIDELINES.md): one JSON object per document with
its entities and relations, and the scorer that compares two such files.

Scoring follows the reference scorer to the figure: micro precision, recall and F1 per
type; a predicted entity matches a gold one of the same type through name or aliases;
relations match on (type, source, target), HOLDS_POSITION targets being title strings.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict

from .extract.records import DocResult
from .schema import ENTITY_LABELS, EXTRACTED_RELATIONS


def written_name(e) -> str:
    """The name as the document writes it: the canonical name when the text has it,
    else the fullest form it uses (湖南 for 湖南省 in a text that never says 湖南省)."""
    if not e.forms or e.name in e.forms or e.label == "Project" and any(e.name in f for f in e.forms):
        return e.name   # (a work written after its city, 林芝市米林水电站, is named without it)
    return max(e.forms, key=lambda f: (len(f), f))


def to_gold(doc_id: str, results: list[DocResult]) -> dict:
    """The gold-schema record of the articles ``results`` (one file, or one article)."""
    entities: dict[tuple[str, str], dict] = {}
    names: dict[tuple[str, str], str] = {}
    for r in results:
        for e in r.entities:
            if e.attrs.get("implied"):
                continue
            k = (e.label, e.key)
            name = written_name(e)
            names[k] = name
            cur = entities.setdefault(k, {"type": e.label, "name": name, "aliases": []})
            for a in [*e.aliases, e.name, *([cur["name"]] if cur["name"] != name else [])]:
                if a not in cur["aliases"] and a != cur["name"]:
                    cur["aliases"].append(a)
            if e.label == "Official":
                cur.setdefault("titles", [])
                cur["titles"] += [t for t in e.titles if t not in cur["titles"]]
            if e.label == "Person" and e.role:
                cur["role"] = e.role
    relations = set()
    for r in results:
        for e in r.entities:
            if e.label == "Official":
                for t in e.titles:
                    relations.add(("HOLDS_POSITION", e.name, t))
        for rel in r.relations:
            if rel.type == "HOLDS_POSITION":
                continue
            s, t = names.get(rel.source), names.get(rel.target)
            if s is None or t is None:
                continue
            if rel.type == "PART_OF" and not rel.attrs.get("stated"):
                continue   # the division table's hierarchy, which the text does not state
            rtype = "LOCATED_IN" if rel.type == "PART_OF" else rel.type
            if rtype in EXTRACTED_RELATIONS:
                relations.add((rtype, s, t))
    ents = sorted(entities.values(), key=lambda e: (ENTITY_LABELS.index(e["type"]), e["name"]))
    for e in ents:
        e["aliases"].sort()
    return {"doc_id": doc_id, "entities": ents,
            "relations": [{"type": t, "source": s, "target": o} for t, s, o in sorted(relations)]}


# ---- scoring ------------------------------------------------------------------------------
def _norm(s) -> str:
    return re.sub(r"\s+", "", str(s or "")).strip("“”\"'《》")


def load_jsonl(path) -> dict[str, dict]:
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs[d["doc_id"]] = d
    return docs


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict[str, dict]:
    counts = defaultdict(lambda: [0, 0, 0])
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {"entities": [], "relations": []})
        surf = {}
        for e in g["entities"]:
            key = (e["type"], _norm(e["name"]))
            for s in [e["name"], *e.get("aliases", [])]:
                surf.setdefault(_norm(s), key)
        for t in ENTITY_LABELS:
            gold_keys = {(t, _norm(e["name"])) for e in g["entities"] if e["type"] == t}
            pred_keys = set()
            for e in p.get("entities", []):
                if e.get("type") != t:
                    continue
                hit = None
                for s in [e.get("name"), *e.get("aliases", [])]:
                    k = surf.get(_norm(s))
                    if k and k[0] == t:
                        hit = k
                        break
                pred_keys.add(hit or (t, "?" + _norm(e.get("name"))))
            _add(counts[t], gold_keys, pred_keys)

        def end(s, rtype, is_target):
            s = _norm(s)
            if rtype == "HOLDS_POSITION" and is_target:
                return s
            k = surf.get(s)
            return k[1] if k else s

        for t in EXTRACTED_RELATIONS:
            gold_rel = {(end(r["source"], t, 0), end(r["target"], t, 1)) for r in g.get("relations", []) if r["type"] == t}
            pred_rel = {(end(r.get("source"), t, 0), end(r.get("target"), t, 1)) for r in p.get("relations", []) if r.get("type") == t}
            _add(counts[t], gold_rel, pred_rel)
    out = {}
    for k in (*ENTITY_LABELS, *EXTRACTED_RELATIONS):
        if k not in counts:
            continue
        tp, fp, fn = counts[k]
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[k] = {"p": round(pr, 3), "r": round(rc, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}
    return out


def _add(c, gold: set, pred: set) -> None:
    tp = len(gold & pred)
    c[0] += tp
    c[1] += len(pred) - tp
    c[2] += len(gold) - tp
