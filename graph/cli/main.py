"""The govkg command line."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..schema import ENTITY_LABELS, EXTRACTED_RELATIONS, LABELS, RELATION_TYPES

# Exit statuses of `govkg build` (documented in the README).
EXIT_ALL_READ, EXIT_NOTHING_READ, EXIT_SOME_SKIPPED = 0, 1, 3

# Messages are never hard-wrapped: a pipe or CI log gets each one on one line, whatever
# COLUMNS says (rich would otherwise break lines at 80 columns outside a terminal).
err = Console(stderr=True, soft_wrap=True)


class _Commands(click.Group):
    """A group whose commands in LAZY_COMMANDS are imported on first use."""

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib
            module, attr = LAZY_COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def main():
    """govkg: build a knowledge graph of Chinese government news, and use it."""


def run() -> None:
    """The console command: ``main``, then the process ends without the interpreter's
    teardown, which frees every object a build made one by one (a tenth of a second of
    adding a day). Each command has closed what it wrote by then."""
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code
    if not isinstance(code, int):   # sys.exit(None) or sys.exit("message")
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a closed pipe (govkg query … | head)
            pass
    os._exit(code)


def _progress():
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("{task.fields[file]}"), console=err,
                    disable=not err.is_terminal)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Output folder for graph.json, graph.graphml, graph.html and the reports.")
@click.option("--year", type=int, help="Year for dates a page writes without one (4月21日).")
@click.option("--max-nodes", default=1500, show_default=True, help="Entities drawn on the page by default.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--neo4j", "neo4j_uri", metavar="URI", is_flag=False, flag_value="local",
              help="Also push the graph to this Neo4j (NEO4J_USER/NEO4J_PASSWORD); alone, to the project's server "
                   "(govkg neo4j start).")
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes that analyse files (local executor), or local Dask workers.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where files are analysed: this machine's processes, or a Dask distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786) for --executor dask; "
              "without it a local Dask cluster of --workers processes is started.")
@click.option("--full", is_flag=True, help="Merge every document again instead of updating the graph files "
              "(files analysed before are still taken from OUT/.cache).")
def build(paths, out, year, max_nodes, no_html, neo4j_uri, workers, executor, scheduler, full):
    """Build the graph of the files and folders PATHS into --out.

    OUT/.cache remembers the analysis of every file: building again after the corpus
    grew analyses only the new or changed files, and when only documents were added the
    graph files are updated in place of being rewritten (the same bytes as a full build)."""
    from loaders import LoadError, iter_sources
    from ..builder.job import build as run_build
    from ..builder.cache import Busy, Cache
    from ..store.neo4j import StoreError

    try:
        total = len(iter_sources(paths))
    except LoadError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        sys.exit(EXIT_NOTHING_READ)
    if scheduler and executor != "dask":
        err.print("[red]error:[/red] --scheduler goes with --executor dask")
        sys.exit(2)
    if neo4j_uri == "local":
        from ..store.neo4j import default_uri
        neo4j_uri = default_uri(neo4j_uri)
        if not neo4j_uri:
            err.print("[red]error:[/red] no Neo4j server running: start the project's server with govkg neo4j start, "
                      "or give --neo4j URI")
            sys.exit(2)
    failed = None
    with _progress() as bar:
        task = bar.add_task("reading", total=total, file="")
        try:
            result = run_build(paths, Path(out), year=year, workers=workers, executor=executor,
                               scheduler=scheduler, html=not no_html, max_nodes=max_nodes,
                               neo4j_uri=neo4j_uri, incremental=not full,
                               progress=lambda p: bar.update(task, advance=1, file=Path(p).name))
        except (StoreError, Busy) as e:   # Neo4j (after the files were written), or a build already running
            failed = e
            result = None
    if failed is not None:
        err.print(f"[red]error:[/red] {escape(str(failed))}")
        sys.exit(2)
    report = result.report
    for f, reason in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {escape(f)}: {escape(reason)}")
    if report.read == 0:
        err.print(f"[red]error:[/red] nothing could be read from {escape(', '.join(paths))} "
                  f"({report.files} supported file(s) found)")
        sys.exit(EXIT_NOTHING_READ)
    if result.pushed is not None:
        err.print(f"pushed to {escape(neo4j_uri)}: {escape(str(result.pushed))}")
    _summary(result.stats, report)
    if report.audit:
        from ..merge.audit import lines as audit_lines
        err.print("audit: " + "\n  ".join(escape(line) for line in audit_lines(report.audit)))
    how = "updated" if result.incremental else "wrote"
    err.print(f"analysed {result.analysed} of {report.files} file(s); the others came from {escape(str(Cache.dir_of(out)))}")
    err.print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in result.seconds.items()))
    for kind, path in result.written.items():
        err.print(f"{how if kind in ('json', 'graphml', 'merges') else 'wrote'} {escape(str(path))}")
    sys.exit(EXIT_SOME_SKIPPED if report.skipped else EXIT_ALL_READ)


def _push(kg, uri):
    from ..store.neo4j import StoreError, push_graph
    try:
        counts = push_graph(kg, uri)
    except StoreError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        sys.exit(2)
    err.print(f"pushed to {uri}: {counts}")


def _summary(stats, report) -> None:
    table = Table(title=f"{report.read}/{report.files} files read, {report.documents} documents")
    table.add_column("label / relation")
    table.add_column("count", justify="right")
    for k in LABELS:
        table.add_row(k, str(stats["nodes"][k]))
    table.add_section()
    for k in RELATION_TYPES:
        table.add_row(k, str(stats["relations"][k]))
    err.print(table)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--per-article", is_flag=True, help="One line per article instead of per file.")
@click.option("--year", type=int, help="Year for dates a page writes without one.")
def extract(paths, per_article, year):
    """Print the entities and relations of each file as JSON Lines, in the gold schema."""
    from loaders import LoadError, display_name
    from ..builder.job import BuildReport, results_of
    from ..gold import to_gold
    from ..merge.officials import Officials

    report = BuildReport()
    try:
        files = list(results_of(paths, year, report))
    except LoadError as e:   # a path that is not there: named, before anything is read
        err.print(f"error: {escape(str(e))}")
        sys.exit(EXIT_NOTHING_READ)
    # what the other files say: a leader named bare in one file is typed by the posts another gives
    officials = Officials.of(r for _, results in files for r in results)
    for path, results in files:
        results = [officials.typed(r) for r in results]
        if per_article:
            for r in results:
                print(json.dumps(to_gold(r.doc_id, [r]), ensure_ascii=False), flush=True)
        else:
            print(json.dumps(to_gold(display_name(path.stem), results), ensure_ascii=False), flush=True)
    for f, reason in report.skipped:
        err.print(f"skipped {escape(f)}: {escape(reason)}")
    if report.read == 0:
        err.print(f"error: nothing could be read from {escape(', '.join(paths))}")
        sys.exit(EXIT_NOTHING_READ)


@main.command("eval")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold annotations (JSON Lines, ../shared/gold/GUIDELINES.md).")
@click.option("--pred", "pred_path", type=click.Path(exists=True, dir_okay=False),
              help="Predictions to score (default: extract the gold's source files now).")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False),
              help="Folder holding the gold's source files (default: next to the gold file, or samples/).")
@click.option("--split", help="Only the gold documents of this split (tests/gold: dev, the part rules are tuned "
                               "on, or test, the part held back).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(gold_path, pred_path, corpus, split, as_json):
    """Precision, recall and F1 per entity and relation type against a gold file."""
    from ..builder.job import analyse_file
    from ..gold import load_jsonl, score, to_gold
    from ..merge.officials import Officials

    gold = load_jsonl(gold_path)
    if split:
        gold = {k: g for k, g in gold.items() if g.get("split") == split}
        if not gold:
            err.print(f"error: no document of {escape(gold_path)} has split {escape(split)!r}")
            sys.exit(2)
    if pred_path:
        pred = load_jsonl(pred_path)
    else:
        sources, analysed = {}, {}
        for doc_id, g in gold.items():
            src = sources[doc_id] = _find_source(g.get("source") or f"{doc_id}.txt", Path(gold_path), corpus)
            if src is None:
                err.print(f"error: source file {g.get('source')!r} of {doc_id} not found; give --corpus")
                sys.exit(2)
            if src not in analysed:
                analysed[src] = analyse_file(src)
        # as govkg extract over the gold's files: each is typed by what the others say
        officials = Officials.of(r for results in analysed.values() for r in results)
        pred = {}
        for doc_id in gold:
            results = analysed[sources[doc_id]]
            if "#" in doc_id:   # an article of the file (cctv_news: <day>#<item>)
                results = [r for r in results if r.doc_id == doc_id]
            pred[doc_id] = to_gold(doc_id, [officials.typed(r) for r in results])
    res = score(gold, pred)
    if as_json:
        print(json.dumps(res, ensure_ascii=False, sort_keys=True))
        return
    print(f"{'type':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for k in (*ENTITY_LABELS, *EXTRACTED_RELATIONS):
        if k in res:
            r = res[k]
            print(f"{k:16} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:5} {r['fp']:5} {r['fn']:5}")


@main.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the audit as JSON.")
def audit(graph_file, as_json):
    """Audit a graph.json as an analyst would: nodes that look like one body or one person
    under two names, names with stray punctuation, generic heads (管委会 alone), and the
    share of entities related to nothing but their documents."""
    from ..merge.audit import audit as run_audit, lines as audit_lines
    from ..store.files import read_json

    kg = read_json(Path(graph_file))
    found = run_audit(kg.g.nodes(data=True), kg.g.edges(data="type"))
    if as_json:
        print(json.dumps(found, ensure_ascii=False, sort_keys=True))
        return
    for line in audit_lines(found):
        print(line)


def _find_source(name: str, gold: Path, corpus: str | None) -> Path | None:
    here = Path(__file__).resolve().parent.parent.parent
    for folder in filter(None, [corpus and Path(corpus), gold.parent, gold.parent.parent / "corpus" / "seeds",
                                here.parent / "shared" / "corpus" / "cctv_news",
                                here / "samples", Path("samples")]):
        if (folder / name).is_file():
            return folder / name
    return None


# Commands that live beside the part they drive register here: (module, attribute),
# imported when the command runs or help lists it, so that `govkg build` does not load
# the page's or Neo4j's libraries.
LAZY_COMMANDS = {
    "render": ("graph.cli.render", "render"),
    "push": ("graph.cli.neo4j", "push"),
    "pull": ("graph.cli.neo4j", "pull"),
    "export": ("graph.cli.neo4j", "export"),
    "query": ("graph.cli.neo4j", "query"),
    "neo4j": ("graph.cli.neo4j", "neo4j_group"),
}
