"""The govkg command line."""
from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def main():
    """govkg: build a knowledge graph of Chinese government news, and use it."""


# Commands that live beside the part they drive register here.
