"""The govkg command line."""
from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def main():
    """govkg: build a knowledge graph of Chinese government news, and use it."""


# Commands that live beside the part they drive register here.
from .render_cli import render as render_cmd  # noqa: E402
main.add_command(render_cmd)
from .neo4j_cli import export, pull, push, query  # noqa: E402
for _cmd in (push, pull, export, query):
    main.add_command(_cmd)
