# GeoKG — the two commands a user needs: `make demo` and `make test`.
SHELL := bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
GEOKG := $(BIN)/geokg
SAMPLES := loader/samples/articles

# The test run uses its own throw-away server home and ports, so it never touches demo data.
TEST_HOME := $(CURDIR)/.geokg-test
TEST_ENV := NEO4J_URI=bolt://127.0.0.1:7688 GEOKG_NEO4J_HTTP_PORT=7475 NEO4J_DATABASE=neo4j \
	GEOKG_NEO4J_HOME=$(TEST_HOME)/neo4j GEOKG_NEO4J_HEAP=1g GEOKG_NEO4J_PAGECACHE=1g

.PHONY: help setup demo test eval eval-floors lint typecheck browser-deps bench bench-load clean

help:
	@echo "make demo   set up, start Neo4j, load the sample data, serve http://127.0.0.1:8050"
	@echo "make test   set up, start a throw-away Neo4j, run every test, stop it"
	@echo "make eval   score extraction on every evaluation set (one table) and check the quality bars"
	@echo "make bench  run the benchmarks and regenerate docs/benchmarks.md"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

# A random password, written once to .env (never a default in code).
.env:
	umask 077
	printf 'NEO4J_PASSWORD=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(18))')" > .env
	echo "Wrote a random NEO4J_PASSWORD to .env"

demo: setup .env
	$(GEOKG) neo4j start --if-local
	$(GEOKG) db init
	$(GEOKG) load $(SAMPLES)
	$(GEOKG) import bundled
	$(GEOKG) reconcile
	echo "Starting the dashboard (Ctrl-C stops it; \`$(GEOKG) neo4j stop\` stops Neo4j)"
	$(GEOKG) serve

browser-deps:
	if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v docker-compose >/dev/null; then
	  SUDO=$$( [ "$$(id -u)" = 0 ] && echo "" || echo sudo )
	  $$SUDO apt-get update -q
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium chromium-driver docker-compose
	fi

test: setup browser-deps
	export $(TEST_ENV)
	export NEO4J_PASSWORD="$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(18))')"
	rm -rf $(TEST_HOME)
	trap '$(GEOKG) neo4j stop >/dev/null 2>&1 || true' EXIT
	$(GEOKG) neo4j start
	tests=0; $(BIN)/pytest --headless -q $(PYTEST_ARGS) || tests=$$?
	lint=0; $(BIN)/ruff check . || lint=$$?
	$(BIN)/mypy geokg loader dashboard || lint=$$?
	exit $$(( tests != 0 ? tests : lint ))

# Scores the sets of tests/eval/sets.yaml (the seed and the real dev set only when ../shared is beside
# the checkout), then the eval suite checks the bars and the floors of tests/eval/floors.yaml.
EVAL_SETS := tests/eval/sets.yaml

eval: setup
	$(GEOKG) eval --sets $(EVAL_SETS) --by-type
	$(BIN)/pytest -q -rfE -m eval tests/eval

# Prints the floors raised to the current scores (never lowered); WRITE=1 saves them to tests/eval/floors.yaml.
eval-floors: setup
	$(BIN)/python -m tests.eval.floors $(if $(WRITE),--write)

lint:
	$(BIN)/ruff check .

typecheck:
	$(BIN)/mypy geokg loader dashboard

bench: setup .env
	$(BIN)/python -m benchmarks.run

bench-load: setup .env
	$(BIN)/python -m benchmarks.run --only load

clean:
	rm -rf $(TEST_HOME) build *.egg-info
