"""The output folder of a build: graph.json and graph.graphml (written by two processes
on a big graph), merges.json (which surface forms became which node, and the officials
of a name split by province), report.json, and the page."""
from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import Staged, atomic_file, atomic_write
from ..schema import node_id
from ..store.files import json_text, write_graph_files
from .procs import Forked

if TYPE_CHECKING:
    from ..merge.knowledge import KnowledgeGraph


@dataclass
class BuildReport:
    files: int = 0                      # files found
    read: int = 0                       # files that gave at least one article
    documents: int = 0                  # articles analysed
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    warnings: list[str] = field(default_factory=list)
    audit: dict | None = None           # the graph audit (graph/merge/audit.py)

    def to_dict(self) -> dict:
        out = {"files": self.files, "read": self.read, "documents": self.documents,
               "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
               "warnings": list(self.warnings)}
        if self.audit is not None:
            out["audit"] = self.audit
        return out


# what a build writes into its output folder, and into OUT/.cache beside the results
OUTPUTS = ("graph.json", "graph.graphml", "merges.json", "report.json", "graph.html")

# nodes and edges from which the two graph files are written by two processes
FORK_AT = 50_000


def write_all(kg: KnowledgeGraph, out: Path, report: BuildReport, html: bool, max_nodes: int,
               sync: bool = True, staged: Staged | None = None):
    out.mkdir(parents=True, exist_ok=True)
    if report.audit is None:
        from ..merge.audit import audit
        report.audit = audit(kg.g.nodes(data=True), kg.g.edges(data="type"))
    paths = {"json": out / "graph.json", "graphml": out / "graph.graphml",
             "merges": out / "merges.json", "report": out / "report.json"}
    merge_ids, merge_sizes = [], array("q")
    with atomic_file(paths["json"], sync, staged) as fj, atomic_file(paths["graphml"], sync, staged) as fg, \
            atomic_file(paths["merges"], sync, staged) as fm:

        def graphml():
            sizes = write_graph_files(kg.frozen_nodes(), kg.frozen_edges(), graphml_out=fg)
            fg.flush()
            return sizes
        # on a big graph GraphML is written beside graph.json, by a child process
        graphml_sizes = Forked(graphml, kg.g.number_of_nodes() + kg.g.number_of_edges() >= FORK_AT)
        fm.write(b"[")

        def nodes():
            for n, d in kg.frozen_nodes():
                entry = merge_entry(n, d)
                if entry is not None:
                    chunk = json_text(entry, 1).encode("utf-8")
                    fm.write(b"\n " if not merge_ids else b",\n ")
                    fm.write(chunk)
                    merge_ids.append(n)
                    merge_sizes.append(len(chunk))
                yield n, d

        try:
            sizes = write_graph_files(nodes(), kg.frozen_edges(), json_out=fj)
            fm.write(b"\n]\n" if merge_ids else b"]\n")
        finally:
            written = graphml_sizes()
        sizes.take_graphml(written)
    atomic_write(paths["report"], dump(report.to_dict()), sync, staged)
    if html:
        from ..explorer.page import render
        paths["html"] = render(kg, out / "graph.html", max_nodes=max_nodes)
    return paths, {"sizes": sizes, "merge_ids": merge_ids, "merge_sizes": merge_sizes}


def merge_entry(n: str, d: dict) -> dict | None:
    if d["label"] == "Document" or not (d.get("aliases") or d.get("region") or d.get("namesakes")):
        return None
    entry = {"id": n, "label": d["label"], "name": d["name"], "forms": sorted(d.get("aliases") or ())}
    if d.get("namesakes"):
        entry["namesakes"] = {
            "officials": sorted(d["namesakes"]),
            "reason": f"its documents name this {d['name']} a {d.get('role')}, a role and no post, so it is "
                      f"kept apart from the official {d['name']}: no document names one person both",
        }
    if d.get("region"):
        entry["split"] = {
            "region": d["region"],
            "homonyms": [{"id": node_id("Official", k), "key": k} for k in d["homonyms"]],
            "reason": f"the posts of this {d['name']} are in {d['region']}, those of {'、'.join(d['homonyms'])} "
                      "elsewhere; no document gives one official posts in both, and their dates do not "
                      "follow one another as a transfer's do",
        }
    return entry


def merges(kg: KnowledgeGraph) -> list[dict]:
    """Nodes that more than one surface form became, with those forms, and the
    officials of a name split by province, with their namesakes."""
    return [e for e in (merge_entry(nid, d) for nid, d in kg.nodes()) if e is not None]


def dump(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1, default=sorted) + "\n").encode("utf-8")
