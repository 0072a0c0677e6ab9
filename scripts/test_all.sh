#!/usr/bin/env bash
# `make test`: lint, the suite on SQLite (browser tests included), then again on PostgreSQL.
# Each phase prints its time. In CI (CI=true) a missing PostgreSQL or Chromium fails the run:
# a green CI must have run everything that matters.
set -euo pipefail
BIN=${BIN:-.venv/bin}
TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
WORKERS=${PYTEST_WORKERS:-auto}  # pytest-xdist processes; each has its own database
in_ci() { [ "${CI:-}" = "true" ]; }
started=$(date +%s)

phase() {
  local name=$1; shift
  local t0=$(date +%s)
  echo "=== $name"
  "$@"
  echo "=== $name: $(( $(date +%s) - t0 )) s"
}

phase "lint (ruff)" "$BIN/ruff" check .
phase "SQLite (with browser tests)" env -u TEST_DATABASE_URL "$BIN/python" -m pytest -n "$WORKERS" --dist loadfile
if "$BIN/python" scripts/pg_available.py "$TEST_DATABASE_URL"; then
  phase "PostgreSQL ($TEST_DATABASE_URL)" env TEST_DATABASE_URL="$TEST_DATABASE_URL" \
    "$BIN/python" -m pytest -n "$WORKERS" --dist loadfile -m "not e2e"
elif in_ci; then
  echo "PostgreSQL is not reachable at $TEST_DATABASE_URL: CI must run the PostgreSQL pass" >&2
  exit 1
else
  echo "--- PostgreSQL not reachable at $TEST_DATABASE_URL: skipped the PostgreSQL run"
fi
echo "=== all passed in $(( $(date +%s) - started )) s"
