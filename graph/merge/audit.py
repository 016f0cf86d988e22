"""An audit of a built graph, as an analyst reads it before trusting it: nodes that look
like one body or one person under two names, names with stray punctuation, names that
are a generic head alone (组织部, 管委会), and the share of entities related to nothing
but their documents. Written into report.json and printed after a build."""
from __future__ import annotations

import re
from collections import defaultdict

from ..extract.lexicon import read_set
from ..schema import ENTITY_LABELS

# Relations that only say where an entity was read.
_PROVENANCE = ("MENTIONED_IN", "WROTE")
# A name may open with a quote or a title mark it closes (“十四五”规划, 《…》); it may not
# open with a closing one, end with an opening one, or with other punctuation.
_PUNCTUATION = re.compile(r"^[”’》）)】\]、，,。：:；;·\-—\s]|[“‘《（(【\[、，,。：:；;\-—\s]$")
_PAIRS = ("“”", "《》", "（）", "()", "【】")
EXAMPLES = 50   # names listed per finding; the counts are whole


def _body_form(name: str) -> str:
    """What two names of one body share: 重庆市政府 = 重庆市人民政府, 中共重庆市委 = 重庆市委."""
    name = re.sub(r"^中共(?=.{3})", "", name)
    return name.replace("人民政府", "政府")


def _stray(name: str) -> bool:
    if _PUNCTUATION.search(name):
        return True
    return any(name.count(a) != name.count(b) for a, b in _PAIRS)


def audit(nodes, edges) -> dict:
    """``nodes``: (id, data) of the frozen graph; ``edges``: (source, target, key, data)."""
    entities = {n: d for n, d in nodes if d["label"] in ENTITY_LABELS}
    related = set()
    for s, t, _, d in edges:
        if d["type"] not in _PROVENANCE:
            related.update((s, t))
    generic = read_set("generic_heads.txt")   # a kind of body alone: 管委会, 组织部, 座谈会
    bodies, people = defaultdict(list), defaultdict(set)
    punctuation, heads = [], []
    for n, d in sorted(entities.items(), key=lambda x: (x[1]["label"], x[1]["name"])):
        name = d["name"]
        if d["label"] == "Organization":
            bodies[_body_form(name)].append(name)
        if d["label"] in ("Official", "Person"):
            people[name.split("（")[0]].add(d["label"])
        if _stray(name):
            punctuation.append(f"{d['label']}:{name}")
        if name in generic:
            heads.append(f"{d['label']}:{name}")
    same_body = [sorted(v) for k, v in sorted(bodies.items()) if len(v) > 1]
    two_labels = sorted(k for k, v in people.items() if len(v) > 1)
    without = sum(1 for n in entities if n not in related)
    return {
        "same_body": {"count": len(same_body), "examples": same_body[:EXAMPLES]},
        "official_and_person": {"count": len(two_labels), "examples": two_labels[:EXAMPLES]},
        "punctuation": {"count": len(punctuation), "examples": punctuation[:EXAMPLES]},
        "generic_heads": {"count": len(heads), "examples": heads[:EXAMPLES]},
        "unrelated": {"entities": len(entities), "without_relation": without,
                      "share": round(without / len(entities), 3) if entities else 0.0},
    }
