# The two commands a newcomer needs: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export FLASK_APP := app

.PHONY: run test test-sqlite test-postgres lint install install-dev

$(BIN)/activate:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask seed-demo
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

lint: install-dev
	$(BIN)/ruff check .

# The whole suite on SQLite, then again on PostgreSQL when one answers.
test: lint
	$(BIN)/python -m pytest
	@if $(BIN)/python scripts/pg_available.py "$(TEST_DATABASE_URL)"; then \
		echo "--- PostgreSQL: $(TEST_DATABASE_URL)"; \
		TEST_DATABASE_URL="$(TEST_DATABASE_URL)" $(BIN)/python -m pytest -m "not e2e"; \
	else echo "--- PostgreSQL not reachable at $(TEST_DATABASE_URL): skipped the PostgreSQL run"; fi
