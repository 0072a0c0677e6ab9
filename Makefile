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

# PyICU (Vietnamese alphabetical order) builds against the system's ICU; as root we install it.
$(VENV)/.installed: requirements.txt $(BIN)/activate
	@pkg-config --exists icu-i18n 2>/dev/null || { echo "PyICU needs libicu-dev, pkg-config and g++"; \
	  [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; }
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

# Lint, the whole suite on SQLite, then again on PostgreSQL when one answers (required in CI).
test: install-dev
	BIN=$(BIN) TEST_DATABASE_URL="$(TEST_DATABASE_URL)" scripts/test_all.sh
