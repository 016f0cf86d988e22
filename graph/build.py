"""The main job: files → articles → DocResults → KnowledgeGraph → output folder.

Each file is processed on its own (loaders, then ``analyse`` per article); a file that
cannot be read is reported and skipped, and never stops the rest. Documents are merged
in doc_id order, so the graph does not depend on the order files were found in.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from loaders import LoadError, iter_sources, load

from .analyse import analyse
from .model import KnowledgeGraph
from .records import DocResult
from .store.files import atomic_write, write_graphml, write_json


@dataclass
class BuildReport:
    files: int = 0                      # files found
    read: int = 0                       # files that gave at least one article
    documents: int = 0                  # articles analysed
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"files": self.files, "read": self.read, "documents": self.documents,
                "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
                "warnings": list(self.warnings)}


def analyse_file(path: Path, year: int | None = None, warnings: list | None = None) -> list[DocResult]:
    """DocResults of every article of one file; LoadError when it cannot be read."""
    return [analyse(a) for a in load(path, year=year, warnings=warnings)]


def results_of(paths: Iterable, year: int | None = None, report: BuildReport | None = None,
               progress: Callable[[Path], None] | None = None) -> Iterable[tuple[Path, list[DocResult]]]:
    """(file, its DocResults) for each readable file; problems go to ``report``."""
    report = report if report is not None else BuildReport()
    files = iter_sources(paths)
    report.files = len(files)
    for path in files:
        try:
            results = analyse_file(path, year, report.warnings)
        except LoadError as e:
            report.skipped.append((e.path, e.reason))
            results = None
        except Exception as e:   # a bug on one odd document must not cost the others
            report.skipped.append((str(path), f"could not be analysed ({type(e).__name__}: {e})"))
            results = None
        if progress:
            progress(path)
        if results is None:
            continue
        report.read += 1
        report.documents += len(results)
        yield path, results


def build_graph(paths, year: int | None = None, report: BuildReport | None = None,
                progress: Callable[[Path], None] | None = None) -> KnowledgeGraph:
    results = [r for _, rs in results_of(paths, year, report, progress) for r in rs]
    kg = KnowledgeGraph()
    for r in sorted(results, key=lambda r: r.doc_id):
        kg.add(r)
    return kg


def write_outputs(kg: KnowledgeGraph, out: Path, report: BuildReport, html: bool = True,
                  max_nodes: int = 1500) -> dict[str, Path]:
    """graph.json, graph.graphml, graph.html, merges.json (which surface forms became
    which node) and report.json (files read and skipped), each written atomically."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "graph.json", "graphml": out / "graph.graphml",
             "merges": out / "merges.json", "report": out / "report.json"}
    write_json(kg, paths["json"])
    write_graphml(kg, paths["graphml"])
    atomic_write(paths["merges"], _dump(merges(kg)))
    atomic_write(paths["report"], _dump(report.to_dict()))
    if html:
        from .render import render
        paths["html"] = render(kg, out / "graph.html", max_nodes=max_nodes)
    return paths


def merges(kg: KnowledgeGraph) -> list[dict]:
    """Nodes that more than one surface form became, with those forms."""
    out = []
    for nid, d in kg.nodes():
        if d["label"] != "Document" and d.get("aliases"):
            out.append({"id": nid, "label": d["label"], "name": d["name"], "forms": sorted(d["aliases"])})
    return out


def _dump(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1, default=sorted) + "\n").encode("utf-8")
