#!/usr/bin/env bash
# Lighthouse (mobile: slow 4G, 4x slower CPU) on the pages a member opens first, printing
# the performance, accessibility and best-practices scores of each.
#
#   benchmarks/lighthouse.sh                      # login, home, reader, first meeting
#   benchmarks/lighthouse.sh /login / /account    # any page paths
#
# Without BASE_URL it starts the app under gunicorn on PORT (default 5550) with a fresh,
# seeded SQLite database and stops it afterwards. With BASE_URL it uses that server, which
# must have the demo accounts. Pages other than /login are opened as LH_USER (default
# dangvien), with the session cookie of a login made by curl. Reports: benchmarks/out/.
# Needs node/npm (lighthouse is installed into benchmarks/node_modules on first run) and
# Chromium (CHROME_PATH, default /usr/bin/chromium).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
PY="${PY:-$ROOT/.venv/bin/python}"
PORT="${PORT:-5550}"
USER_NAME="${LH_USER:-dangvien}"
PASSWORD="${PASSWORD:-sotay-demo}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
OUT="$HERE/out"
mkdir -p "$OUT"

if [ $# -eq 0 ]; then
  set -- /login / /library/08-qdi-tw /meetings/1
fi

LIGHTHOUSE="$HERE/node_modules/.bin/lighthouse"
if [ ! -x "$LIGHTHOUSE" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --silent)
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${BASE_URL:-}" ]; then
  BASE_URL="http://127.0.0.1:$PORT"
  export DATABASE_URL="sqlite:///$WORK/lighthouse.sqlite3" HANDBOOK_ENV=development FLASK_APP=app
  export SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_hex(32))')"
  (cd "$ROOT" && "$PY" -m flask db upgrade >/dev/null 2>&1 && "$PY" -m flask seed-demo >/dev/null)
  (cd "$ROOT" && exec "$PY" -m gunicorn --bind "127.0.0.1:$PORT" --workers 2 app:app >"$WORK/gunicorn.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "$BASE_URL/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fs "$BASE_URL/healthz" >/dev/null || { cat "$WORK/gunicorn.log"; exit 1; }
fi

# Log in as a member would: the form's CSRF token, then the session cookie it sets.
JAR="$WORK/cookies.txt"
TOKEN="$(curl -fs -c "$JAR" "$BASE_URL/login" | "$PY" -c \
  'import re, sys; print(re.search(r"name=\"csrf_token\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))')"
curl -fs -b "$JAR" -c "$JAR" -o /dev/null -d "csrf_token=$TOKEN" --data-urlencode "username=$USER_NAME" \
  --data-urlencode "password=$PASSWORD" "$BASE_URL/login"
COOKIE="$(awk '$6 == "sotay_session" {print $6 "=" $7}' "$JAR")"
[ -n "$COOKIE" ] || { echo "login as $USER_NAME failed" >&2; exit 1; }

printf '%-28s %5s %5s %5s\n' page perf a11y bp
for path in "$@"; do
  name="$(echo "$path" | sed 's#^/##; s#[^A-Za-z0-9]#_#g')"; name="${name:-home}"
  headers=()
  if [ "$path" != "/login" ]; then
    headers=(--extra-headers "{\"Cookie\": \"$COOKIE\"}")
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE_URL$path")"
    if [ "$status" != "200" ]; then printf '%-28s skipped (HTTP %s)\n' "$path" "$status"; continue; fi
  fi
  "$LIGHTHOUSE" "$BASE_URL$path" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless --no-sandbox" "${headers[@]}" \
    --output=json --output-path="$OUT/lighthouse-$name.json" >/dev/null 2>"$WORK/lighthouse.log" \
    || { cat "$WORK/lighthouse.log" >&2; exit 1; }
  "$PY" - "$OUT/lighthouse-$name.json" "$path" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
scores = [round(report["categories"][c]["score"] * 100) for c in ("performance", "accessibility", "best-practices")]
print(f"{sys.argv[2]:<28} {scores[0]:>5} {scores[1]:>5} {scores[2]:>5}")
for category in ("accessibility", "best-practices"):
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {category}: {ref['id']} — {audit['title']}")
EOF
done
