# egov: the two commands a newcomer needs are `make demo` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: demo run test test-fast lint fmt typecheck check bench clean-db

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "Python >= 3.12 is required (found %s)" % sys.version.split()[0]'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

## demo: install, start the embedded PostgreSQL, migrate, load demo data once, serve on :8000 with the worker
demo: $(STAMP)
	@$(PY) manage.py migrate --no-input -v 0
	@$(PY) manage.py load_demo
	@$(PY) manage.py compilemessages -v 0 --ignore=.venv
	@$(PY) tools/serve.py

## run: serve without reloading demo data
run: $(STAMP)
	@$(PY) tools/serve.py

## test: the whole suite (unit, integration, browser) on PostgreSQL (embedded, or DATABASE_URL)
test: $(STAMP)
	@$(PY) manage.py compilemessages -v 0 --ignore=.venv
	@$(PY) -m pytest -n 2 --create-db -p no:cacheprovider --durations=30

## test-fast: everything except the browser tests, reusing the test database
test-fast: $(STAMP)
	@$(PY) -m pytest -n 2 -m "not browser"

lint: $(STAMP)
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/lint-imports

fmt: $(STAMP)
	@$(VENV)/bin/ruff format .
	@$(VENV)/bin/ruff check --fix .

typecheck: $(STAMP)
	@$(VENV)/bin/mypy egov

check: lint typecheck test

## bench: benchmarks print one JSON object per figure (SCALE=quick for a short run;
## PART=organisations or PART=documents for one of them, both by default)
PART ?= organisations documents reporting exchange
bench: $(STAMP)
	@for part in $(PART); do $(PY) -m bench.$$part $(if $(filter quick,$(SCALE)),--quick,) || exit 1; done
