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


def records(nodes, edges) -> dict[str, list]:
    """What the audit reads of each entity, by id: [label, name, whether merges.json
    gives a Person its officials' namesakes, whether a relation other than provenance
    touches it]. ``nodes``: (id, data); ``edges``: (source, target, type). An update
    that only adds documents keeps these and changes the rows of the nodes it touches."""
    out = {n: [d["label"], d["name"], bool(d.get("namesakes")), False]
           for n, d in nodes if d["label"] in ENTITY_LABELS}
    for s, t, kind in edges:
        if kind not in _PROVENANCE:
            for n in (s, t):
                if n in out:
                    out[n][3] = True
    return out


def audit(nodes, edges) -> dict:
    """``nodes``: (id, data) of the graph; ``edges``: (source, target, type)."""
    return audit_of(records(nodes, edges))


def audit_of(rows: dict[str, list]) -> dict:
    """The findings from the rows of ``records``."""
    generic = read_set("generic_heads.txt")   # a kind of body alone: 管委会, 组织部, 座谈会
    bodies, people = defaultdict(list), defaultdict(set)
    explained = set()   # names whose Person node merges.json says is the officials' namesake
    punctuation, heads = [], []
    for _, (label, name, namesakes, _) in sorted(rows.items(), key=lambda r: (r[1][0], r[1][1], r[0])):
        if label == "Organization":
            bodies[_body_form(name)].append(name)
        if label in ("Official", "Person"):
            people[name.split("（")[0]].add(label)
            if namesakes:
                explained.add(name)
        if _stray(name):
            punctuation.append(f"{label}:{name}")
        if name in generic:
            heads.append(f"{label}:{name}")
    same_body = [sorted(v) for k, v in sorted(bodies.items()) if len(v) > 1]
    two_labels = sorted(k for k, v in people.items() if len(v) > 1)
    unexplained = [n for n in two_labels if n not in explained]
    without = sum(1 for r in rows.values() if not r[3])
    return {
        "same_body": {"count": len(same_body), "examples": same_body[:EXAMPLES]},
        "official_and_person": {"count": len(two_labels), "examples": two_labels[:EXAMPLES],
                                "without_reason": len(unexplained), "examples_without_reason": unexplained[:EXAMPLES]},
        "punctuation": {"count": len(punctuation), "examples": punctuation[:EXAMPLES]},
        "generic_heads": {"count": len(heads), "examples": heads[:EXAMPLES]},
        "unrelated": {"entities": len(rows), "without_relation": without,
                      "share": round(without / len(rows), 3) if rows else 0.0},
    }


def lines(found: dict) -> list[str]:
    """The audit as the console prints it."""
    out = []
    for name, what in (("same_body", "one body under two names"),
                       ("official_and_person", "a name that is an Official and a Person"),
                       ("punctuation", "names with stray punctuation"), ("generic_heads", "generic heads alone")):
        f = found[name]
        shown = "; ".join("=".join(x) if isinstance(x, list) else x for x in f["examples"][:10])
        out.append(f"{what}: {f['count']}" + (f" ({shown}{' …' if f['count'] > 10 else ''})" if f["count"] else ""))
        if name == "official_and_person" and f["count"]:
            shown = "; ".join(f["examples_without_reason"][:10])
            out.append(f"  of which merges.json gives no namesakes' reason: {f['without_reason']}"
                       + (f" ({shown}{' …' if f['without_reason'] > 10 else ''})" if shown else ""))
    u = found["unrelated"]
    out.append(f"entities related to nothing but their documents: {u['without_relation']} of {u['entities']} "
               f"({u['share']:.0%})")
    return out
