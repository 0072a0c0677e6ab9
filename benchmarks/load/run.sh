#!/usr/bin/env bash
# Load test: gunicorn with 4 workers on DATABASE_URL, many logged-in members, wrk replaying
# each mix; prints requests/s, p50/p95/p99 latency and errors, and each mix's share of the
# trivial /healthz route's throughput (the ceiling).
#
#   benchmarks/load/run.sh                                   # fresh SQLite file, all mixes
#   DATABASE_URL=postgresql+psycopg://user@host/db benchmarks/load/run.sh healthz home
#
# Settings (environment): SESSIONS (members logged in, default 500), DURATION (per mix,
# default 20s), CONNECTIONS (default 32; wrk runs one thread per connection so the script
# can follow each member's note version), PORT (5560), WORKERS (gunicorn, default 4),
# PY (python of the project's virtualenv), PROVINCE_CELLS (the province dataset's cell
# count, e.g. 3000: its members are already there, and the members logged in are those of
# the first EVENING_CELLS cells, default 300), RATES (offered rates in requests/s, e.g.
# "300 450 600": each mix except healthz runs once per rate, every connection pausing a
# member's think time of CONNECTIONS/rate seconds on average between requests; unset, every
# connection sends as fast as it is answered, which measures the most the server can do),
# WARMUP (e.g. 30s: each mix first runs this long unmeasured, so the workers' caches hold
# tonight's agendas and documents as they would an hour into the evening; default none).
# The database is migrated and seeded (demo + load-test members) before the run; on an
# existing database that only adds what is missing.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="${PY:-$ROOT/.venv/bin/python}"
PORT="${PORT:-5560}"
WORKERS="${WORKERS:-4}"
SESSIONS="${SESSIONS:-500}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
PROVINCE_CELLS="${PROVINCE_CELLS:-0}"
EVENING_CELLS="${EVENING_CELLS:-300}"
OUT="$ROOT/benchmarks/out"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[ $# -gt 0 ] || set -- healthz home evening

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DATABASE_URL="${DATABASE_URL:-sqlite:///$WORK/load.sqlite3}"
export HANDBOOK_ENV=development FLASK_APP=app PROXY_COUNT=1
export SECRET_KEY="${SECRET_KEY:-$("$PY" -c 'import secrets; print(secrets.token_hex(32))')}"
BASE_URL="http://127.0.0.1:$PORT"

cd "$ROOT"
"$PY" -m flask db upgrade >/dev/null 2>&1
[ "$PROVINCE_CELLS" != 0 ] || "$PY" benchmarks/load/sessions.py create --count "$SESSIONS"
"$PY" -m gunicorn --bind "127.0.0.1:$PORT" --workers "$WORKERS" --access-logfile - app:app \
  >"$WORK/gunicorn.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "$BASE_URL/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$BASE_URL/healthz" >/dev/null || { cat "$WORK/gunicorn.log"; exit 1; }
"$PY" benchmarks/load/sessions.py login --count "$SESSIONS" --base-url "$BASE_URL" --out "$OUT/sessions.tsv" \
  --cells-total "$PROVINCE_CELLS" --evening-cells "$EVENING_CELLS"
# The access log is only for debugging a failed run; drop what the logins wrote.
: >"$WORK/gunicorn.log"

echo "database: ${DATABASE_URL%%:*}  workers: $WORKERS  sessions: $SESSIONS  connections: $CONNECTIONS  duration: $DURATION"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %7s %10s %9s %9s %9s %8s %9s %9s\n' mix offered 'req/s' 'p50 ms' 'p95 ms' 'p99 ms' errors 'of ceil.' \
  conflicts
ceiling=""
for mix in "$@"; do
  if [ -n "${WARMUP:-}" ] && [ "$mix" != healthz ]; then
    "$PY" benchmarks/load/sessions.py refresh --out "$OUT/sessions.tsv"
    wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/mix.lua" "$BASE_URL" \
      -- "$OUT/sessions.tsv" "$HERE/$mix.mix" "$CONNECTIONS" 0 >/dev/null
  fi
  rates="${RATES:-max}"
  [ "$mix" = "healthz" ] && rates=max
  for rate in $rates; do
    think=0
    # Each wrk run starts from the sessions file: give it the notes' versions as they are now.
    [ "$mix" = "healthz" ] || "$PY" benchmarks/load/sessions.py refresh --out "$OUT/sessions.tsv"
    [ "$rate" != max ] && think="$(awk -v c="$CONNECTIONS" -v r="$rate" 'BEGIN { printf "%d", 1000 * c / r }')"
    result="$(wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/mix.lua" "$BASE_URL" \
      -- "$OUT/sessions.tsv" "$HERE/$mix.mix" "$CONNECTIONS" "$think" | grep '^RESULT')"
    get() { echo "$result" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
    rps="$(get rps)"
    [ "$mix" = "healthz" ] && ceiling="$rps"
    share="-"
    [ -n "$ceiling" ] && share="$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.0f%%", 100 * a / b }')"
    printf '%-10s %7s %10s %9s %9s %9s %8s %9s %9s\n' "$mix" "$rate" "$rps" "$(get p50_ms)" "$(get p95_ms)" \
      "$(get p99_ms)" "$(get errors)" "$share" "$(get conflicts)/$(get saves)"
    echo "$(date -u +%FT%TZ) load=$(cut -d' ' -f1 /proc/loadavg) c=$CONNECTIONS rate=$rate $mix $result" \
      >>"$OUT/load-results.txt"
  done
done
