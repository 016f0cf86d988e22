"""The shape of the house: no import circles, every import points down the layers,
and docs/architecture.md names every module of graph/."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGES = ("graph", "loaders", "queries")
# Lower layers first; a module may import its own layer and the ones before it.
LAYERS = [
    {"graph.schema", "graph.atomic", "loaders"},
    {"graph.extract"},
    {"graph.merge", "graph.gold"},
    {"graph.store", "graph.explorer"},
    {"graph.builder", "queries"},
    {"graph.cli", "graph.api"},
]


def modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for p in sorted((ROOT / pkg).rglob("*.py")):
            parts = p.relative_to(ROOT).with_suffix("").parts
            out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return out


def imports(name: str, path: Path, known: dict) -> set[str]:
    """The project's modules that ``name`` imports (at the top or inside a function)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m in known and m != name}


def layer(module: str) -> int:
    for i, members in enumerate(LAYERS):
        if any(module == m or module.startswith(m + ".") for m in members):
            return i
    raise AssertionError(f"{module} is in no layer of tests/test_house.py")


def test_no_import_circles_and_every_import_points_down():
    known = modules()
    graph = {m: imports(m, p, known) for m, p in known.items()}
    up = [(m, t) for m, ts in graph.items() for t in ts if layer(t) > layer(m)]
    assert not up, f"imports that point up the layers: {up}"
    # a circle shows as a back edge of a depth-first walk
    state, stack, circles = {}, [], []

    def walk(m):
        state[m] = "open"
        stack.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == "open":
                circles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                walk(t)
        stack.pop()
        state[m] = "done"

    for m in sorted(graph):
        if m not in state:
            walk(m)
    assert not circles, f"import circles: {circles}"


def test_the_architecture_names_every_module_of_graph():
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    missing = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "graph").rglob("*.py"))
               if p.name != "__init__.py" and str(p.relative_to(ROOT / "graph")) not in text]
    assert not missing, f"docs/architecture.md does not name {missing}"
