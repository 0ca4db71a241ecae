# Two commands for a fresh machine: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo runs with DEBUG off (the site's own error pages); `make run DEBUG=true` turns it on.
DEBUG ?= false
# Links in notification emails point at the demo's own port.
WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
ADMIN_PASSWORD ?=
MANAGE := $(BIN)/python manage.py
# Test processes (pytest-xdist). Browser tests mostly wait like people do, so the two cores are
# far from busy even with four processes (a whole run: 14.8 min of CPU in 11.9 min); each test file
# stays in one process (its demo server is started once).
TEST_WORKERS ?= 4

.PHONY: run test bench lint format check messages bootstrap demo clean opensearch

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

bootstrap: $(VENV)/.installed messages

messages: | $(BIN)/python
	@$(BIN)/python scripts/compilemessages.py

demo: bootstrap
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo_course
	$(MANAGE) load_demo_editorial
	$(MANAGE) ensure_admin --password "$(ADMIN_PASSWORD)"
	$(MANAGE) load_demo_translations
	$(MANAGE) load_demo_learning

run: demo
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	DEBUG=$(DEBUG) WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: bootstrap
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

bench: bootstrap
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/search_bench.py
	$(BIN)/python benchmarks/qa_bench.py
	$(BIN)/python benchmarks/exports_bench.py
	$(BIN)/python benchmarks/tm_bench.py

lint: bootstrap
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: bootstrap
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# A local OpenSearch node for the site search (Java 17 and Maven; jars from Maven Central). Run
# the site or the tests against it with OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT), then
# `manage.py update_index`; stop it with `search/opensearch/opensearch.sh stop var/opensearch`.
OPENSEARCH_PORT ?= 9200
opensearch:
	search/opensearch/opensearch.sh start $(OPENSEARCH_PORT) var/opensearch

check: bootstrap
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var db.sqlite3 node_modules
