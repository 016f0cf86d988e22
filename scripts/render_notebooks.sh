#!/usr/bin/env bash
# Runs every notebook of notebooks/ top to bottom and renders it to HTML, with its
# outputs, into build/notebooks/ (the notebooks in git stay without outputs).
#
#   scripts/render_notebooks.sh            what `make notebooks-html` runs
#
# Environment:
#   PYTHON           the interpreter with govkg and the test extras (default .venv/bin/python)
#   BUILD_DIR        where the HTML goes (default build/notebooks)
#   GOVKG_GRAPH      the graph the notebooks read; default: samples/ built into BUILD_DIR/graph
#   GOVKG_FIGURES    where the notebooks save their main chart (default BUILD_DIR/figures)
#   GOVKG_NEO4J_URI  the Neo4j of notebook 04 (or NEO4J_URI; with NEO4J_USER / NEO4J_PASSWORD); when unset,
#                    the project's Neo4j (scripts/neo4j.sh) is started in a temporary folder
#                    for the run and stopped after it
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-.venv/bin/python}"
OUT="${BUILD_DIR:-build/notebooks}"
say() { echo "render_notebooks: $*" >&2; }

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
if [ -z "${GOVKG_GRAPH:-}" ]; then
  say "building samples/ into $OUT/graph"
  "$PY" -c 'import sys; from graph.api import sample_graph; sample_graph(sys.argv[1], rebuild=True)' "$OUT/graph"
  export GOVKG_GRAPH="$OUT/graph/graph.json"
fi
export GOVKG_FIGURES="${GOVKG_FIGURES:-$OUT/figures}"

if [ -z "${GOVKG_NEO4J_URI:-${NEO4J_URI:-}}" ]; then
  run_dir="$(mktemp -d "${TMPDIR:-/tmp}/govkg-notebooks-neo4j.XXXXXX")"
  stop_neo4j() { bash scripts/neo4j.sh stop "$run_dir" >/dev/null 2>&1 || true; rm -rf "$run_dir"; }
  trap stop_neo4j EXIT
  export NEO4J_USER=neo4j
  NEO4J_PASSWORD="govkg-$("$PY" -c 'import secrets; print(secrets.token_hex(8))')"
  export NEO4J_PASSWORD
  bash scripts/neo4j.sh install
  say "starting a Neo4j for notebook 04 in $run_dir"
  GOVKG_NEO4J_URI="$(NEO4J_BOLT_PORT= bash scripts/neo4j.sh start "$run_dir" | tail -n 1)"
  export GOVKG_NEO4J_URI GOVKG_NEO4J_RESET=1
fi

unset MPLBACKEND   # the kernel's inline backend puts the charts into the HTML
for nb in notebooks/*.ipynb; do
  say "running $nb"
  "$PY" -m nbconvert --to html --execute --ExecutePreprocessor.kernel_name=python3 \
    --ExecutePreprocessor.timeout=600 --output-dir "$OUT" "$nb"
done
say "wrote $(ls "$OUT"/*.html | tr '\n' ' ')"
