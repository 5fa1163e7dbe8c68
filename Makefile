# warlog: two commands do everything on a fresh machine.
#   make demo   venv + pinned deps, extract the sample reports, print what was found
#   make test   venv + pinned deps, lint, import contracts, tests, benchmark smoke run
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

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
	$(BIN)/warlog extract samples/kyiv_drone_attack.txt --published 2022-10-17 --format table
	$(BIN)/warlog extract samples/border_clashes.txt samples/diplomacy.txt --published 2022-11-08 --format table
	$(BIN)/warlog extract samples/border_city_strike.txt --published 2022-07-04 --source "Sample Wire" --format json

lint: venv
	$(BIN)/ruff check warlog tests bench
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest
	$(BIN)/python -m bench.smoke

bench: venv
	$(BIN)/python -m bench.throughput

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
