"""Commands for Neo4j and the query library: push, pull, export, query.

Credentials come from NEO4J_USER (default neo4j) and NEO4J_PASSWORD; the URI from
--neo4j or NEO4J_URI."""
from __future__ import annotations

from pathlib import Path

import click

NEO4J_URI = click.option("--neo4j", "uri", envvar="NEO4J_URI", metavar="URI", is_flag=False, flag_value="local",
                         help="bolt://host:port of the Neo4j server (or NEO4J_URI); alone, the project's server "
                              "started with `govkg neo4j start`")


def _fail(msg: str):
    raise click.ClickException(msg)


def _server(uri: str | None) -> str:
    """The URI to use: the one given, NEO4J_URI, or the project's running server."""
    from ..store.neo4j import default_uri

    found = default_uri(uri)
    if not found:
        _fail("no Neo4j server: give --neo4j URI, set NEO4J_URI, or start the project's server: govkg neo4j start")
    return found


@click.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@NEO4J_URI
def push(graph_file: Path, uri: str | None):
    """Push GRAPH.json into Neo4j (MERGE: pushing again changes nothing)."""
    from ..store.files import read_json
    from ..store.neo4j import StoreError, push_graph

    uri = _server(uri)
    try:
        counts = push_graph(read_json(graph_file), uri)
    except StoreError as e:
        _fail(str(e))
    click.echo(f"pushed {counts['nodes']} nodes ({counts['nodes_created']} new, {counts['nodes_updated']} updated), "
               f"{counts['relationships']} relationships ({counts['relationships_created']} new, "
               f"{counts['relationships_updated']} updated) to {uri}")


@click.command()
@NEO4J_URI
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="graph.json (or .graphml) to write")
def pull(uri: str | None, out: Path):
    """Read the govkg graph back from Neo4j into a file."""
    from ..store.files import write_graphml, write_json
    from ..store.neo4j import StoreError, pull as pull_kg

    uri = _server(uri)
    try:
        kg = pull_kg(uri)
    except StoreError as e:
        _fail(str(e))
    (write_graphml if out.suffix == ".graphml" else write_json)(kg, out)
    click.echo(f"pulled {kg.g.number_of_nodes()} nodes, {kg.g.number_of_edges()} relationships into {out}")


@click.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["cypher", "neo4j-admin"]), default="cypher", show_default=True)
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="a .cypher file, or a directory for neo4j-admin CSVs")
def export(graph_file: Path, fmt: str, out: Path):
    """Export GRAPH.json for cypher-shell or for neo4j-admin database import."""
    from ..store.export import export as do_export
    from ..store.files import read_json

    paths = do_export(read_json(graph_file), fmt, out)
    click.echo(f"wrote {len(paths)} file(s) to {out}")


@click.command()
@click.argument("query_ref", metavar="NAME|FILE|CYPHER", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="K=V", help="a query parameter (repeatable)")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=Path("out/graph.json"),
              show_default=True, help="the graph.json whose embedded database (graph.db beside it) to query "
                                      "when --neo4j is not given")
@NEO4J_URI
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--write", is_flag=True, help="allow write clauses (Neo4j only)")
@click.option("--list", "list_", is_flag=True, help="list the library's queries")
def query(query_ref, params, graph_file, uri, fmt, write, list_):
    """Run a library query by NAME, a .cypher FILE, or literal CYPHER, on Neo4j
    (--neo4j) or on the embedded graph database of a build (--graph)."""
    from queries.runner import QueryError, check, format_result, library, load, parse_params, run

    if list_ or not query_ref:
        for name, q in library().items():
            ps = " ".join(f"{p}=…" for p in q.params)
            click.echo(f"{name:26} {q.question}" + (f"  [{ps}]" if ps else ""))
        return
    try:
        values = parse_params(params)
        q = load(query_ref)
        check(q, values, write)
        if uri:
            from graph.store.neo4j import StoreError, connect
            uri = _server(uri)
            try:
                driver = connect(uri)
            except StoreError as e:
                _fail(str(e))
            try:
                res = run(q, values, driver=driver, write=write)
            finally:
                driver.close()
        else:
            if not graph_file.is_file():
                _fail(f"no graph at {graph_file} (build one, or give --graph FILE or --neo4j URI)")
            from ..store.embedded import EmbeddedError, current
            try:
                db = current(graph_file, say=lambda m: click.echo(m, err=True))
            except (ValueError, KeyError) as e:
                _fail(f"{graph_file} is not a govkg graph.json ({e})")
            except EmbeddedError as e:
                _fail(str(e))
            res = run(q, values, graph=db, write=write)
    except QueryError as e:
        _fail(str(e))
    click.echo(format_result(res, fmt))


@click.group("neo4j")
def neo4j_group():
    """The project's own Neo4j server, with Neo4j Browser on 127.0.0.1 (folder:
    GOVKG_NEO4J_DIR, default ~/.cache/govkg/neo4j-run). push, pull, query --neo4j,
    build --neo4j and the notebooks find it by themselves."""


@neo4j_group.command()
def start():
    """Start the server (assembled from Maven Central the first time) and print its URI."""
    from ..store import server

    found, messages = server.start()
    if found is None:
        _fail(f"Neo4j did not start: {messages.splitlines()[-1] if messages else 'no message'}")
    _describe(found)


@neo4j_group.command()
def status():
    """Print the running server's URI, Browser address and password file (exit 1 if none)."""
    from ..store import server

    found = server.running()
    if found is None:
        click.echo(f"not running (folder {server.home()})")
        raise SystemExit(1)
    _describe(found)


@neo4j_group.command()
def stop():
    """Stop the server cleanly."""
    from ..store import server

    if server.running() is None:
        click.echo(f"not running (folder {server.home()})")
        return
    server.stop()
    click.echo("stopped")


def _describe(found) -> None:
    click.echo(f"uri:      {found.uri}")
    if found.browser:
        click.echo(f"browser:  {found.browser}  (user neo4j)")
    password = found.password_file if found.password_file.exists() else "NEO4J_PASSWORD (as set when it was first started)"
    click.echo(f"password: {password}")
    click.echo(f"pid:      {found.pid}  (folder {found.dir})")
