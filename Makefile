# The commands of the README:
#   make demo   build the graph of the sample corpus into out/ (graph.json, graph.graphml, graph.html)
#   make test   install everything (Python packages, Chromium, Neo4j) and run every test
#   make notebooks-html   run the notebooks and render them to HTML in build/notebooks/
PY := .venv/bin/python
VENV_STAMP := .venv/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test install notebooks-html

$(VENV_STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV_STAMP)

demo: $(VENV_STAMP)
	.venv/bin/govkg build samples --out out

test: $(VENV_STAMP)
	bash scripts/setup.sh
	$(PY) -m pytest

notebooks-html: $(VENV_STAMP)
	bash scripts/setup.sh
	PYTHON=$(PY) bash scripts/render_notebooks.sh
