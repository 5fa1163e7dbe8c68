# warlog: two commands do everything on a fresh machine.
#   make demo   venv + pinned deps, extract the sample reports, ingest the sample wire into a database,
#               export it, then serve the map on http://127.0.0.1:8000 (Ctrl-C stops it)
#   make test   venv + pinned deps, lint, import contracts, tests, benchmark smoke run
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := .demo
DEMO_DB = sqlite:///$(CURDIR)/$(DEMO)/warlog.db
PORT   ?= 8000

.PHONY: venv demo test lint bench clean

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: venv
	$(BIN)/warlog gazetteer build
	$(BIN)/warlog extract samples/border_city_strike.txt --published 2022-07-04 --source "Sample Wire" --format table
	$(BIN)/warlog extract samples/border_clashes.txt samples/diplomacy.txt --published 2022-11-08 --format table
	mkdir -p $(DEMO)
	$(BIN)/warlog ingest samples/demo_wire.jsonl --db $(DEMO_DB)
	$(BIN)/warlog export $(DEMO)/incidents.csv --format acled-csv --db $(DEMO_DB)
	$(BIN)/warlog export $(DEMO)/incidents.geojson --format geojson --db $(DEMO_DB)
	@echo "map, incident pages and review queue: http://127.0.0.1:$(PORT)  (Ctrl-C stops the server)"
	$(BIN)/warlog serve --db $(DEMO_DB) --port $(PORT)

lint: venv
	$(BIN)/ruff check warlog tests bench
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest
	$(BIN)/python -m bench.smoke

bench: venv
	$(BIN)/python -m bench.throughput

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .ruff_cache
