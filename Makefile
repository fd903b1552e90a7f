# Two commands for a fresh machine that has python3 and make: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run curate test lint unit e2e screenshots bench load validate codebook clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	DASHBOARD_CURATE= $(BIN)/python -m streamlit run dashboard/web/app.py --server.port=$(PORT) --server.address=localhost

# The dashboard with the Curate page (review drafts, merge them): for a curator's own machine.
curate: $(VENV)/.run-installed
	$(BIN)/python -m dashboard merge --recover --data "$${DASHBOARD_DATA_DIR:-datasets}"
	DASHBOARD_CURATE=1 $(BIN)/python -m streamlit run dashboard/web/app.py --server.port=$(PORT) --server.address=localhost

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

unit: $(VENV)/.test-installed
	$(BIN)/python -m pytest --ignore=tests/e2e

e2e: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests/e2e

validate: $(VENV)/.run-installed
	$(BIN)/python -m dashboard validate datasets

codebook: $(VENV)/.run-installed
	$(BIN)/python -m dashboard codebook

screenshots: $(VENV)/.test-installed
	$(BIN)/python -m tests.e2e.screenshots

bench: $(VENV)/.test-installed
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.ingest

REPLICAS ?= 2
SOAK_SECONDS ?= 600
load: $(VENV)/.test-installed
	$(BIN)/python -m bench.load
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { [ "$$(id -u)" = 0 ] && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } || \
		{ echo "make load needs nginx: apt-get install nginx"; exit 1; }
	$(BIN)/python -m bench.replicas --replicas 1 $(REPLICAS)
	$(BIN)/python -m bench.soak --seconds $(SOAK_SECONDS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
