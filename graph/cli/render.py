"""``govkg render``: the explorer page of a graph.json."""
from __future__ import annotations

from pathlib import Path

import click

from ..explorer.page import MAX_NODES, focus_subgraph, render as render_page
from ..store.files import load_frozen


@click.command("render")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write")
@click.option("--max-nodes", default=MAX_NODES, show_default=True,
              help="entities drawn by default (the most connected; entities without relations are never drawn)")
@click.option("--focus", "focus", default=None, help="draw only the neighbourhood of this entity (name or alias)")
@click.option("--hops", default=1, show_default=True, help="with --focus: relations away from the entity")
@click.option("--title", default=None, help="page title")
def render(graph: Path, out: Path, max_nodes: int, focus: str | None, hops: int, title: str | None):
    """Write the explorer page of GRAPH (a graph.json) to --out."""
    kg = load_frozen(graph)     # the exported graph as is: the page reads nothing else
    if focus:
        try:
            kg = focus_subgraph(kg, focus, hops)
        except KeyError:
            raise click.ClickException(f"no entity named {focus!r} in {graph}")
        title = title or f"govkg: {focus} ({hops} hops)"
    path = render_page(kg, out, max_nodes=max_nodes, title=title or "govkg")
    click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")
