# Polmas: `make run` serves the demo, `make test` runs every check. Both start with `make setup`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
POLMAS := $(PY) -m polmas.cli
VENDOR := polmas/web/static/vendor
PORT ?= 8000

.PHONY: setup run test lint typecheck checks pytest vendor messages clean-venv

setup: $(VENV)/.installed $(VENDOR)/.copied messages
	$(POLMAS) migrate --no-input -v0
	$(POLMAS) load-regions
	$(POLMAS) load-units
	$(POLMAS) load-elections
	$(POLMAS) load-categories
	$(POLMAS) collectstatic --no-input -v0

$(VENV)/.installed: pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Polmas needs Python 3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Front-end libraries come from npm and are copied into static files; never from a CDN.
$(VENDOR)/.copied: node_modules/.installed
	mkdir -p $(VENDOR)/htmx $(VENDOR)/leaflet $(VENDOR)/chartjs
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images $(VENDOR)/leaflet/
	cp node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/chartjs/
	touch $@

vendor: $(VENDOR)/.copied

messages: $(VENV)/.installed
	cd polmas && ../$(POLMAS) compilemessages -v0 --ignore=.venv

run: setup
	$(POLMAS) load-demo
	$(POLMAS) serve --port $(PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check polmas benchmarks
	$(VENV)/bin/ruff format --check polmas benchmarks

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy polmas benchmarks

checks: setup
	$(POLMAS) check --fail-level WARNING
	$(POLMAS) makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

pytest: setup
	$(PY) -m pytest --cov --cov-report=term:skip-covered $(PYTEST_ARGS)

test: setup lint typecheck checks pytest
