"""The meeting pack's size on the wire, and the 304 path against /healthz.

    .venv/bin/python benchmarks/offline_bench.py sizes
    .venv/bin/python benchmarks/offline_bench.py revalidate [--seconds 10 --connections 4]

`sizes` runs on a throwaway SQLite database with the demo data, as `dangvien` (cell 1): the
pack list, each pack page compressed as a phone receives it, the app shell the worker keeps,
and a refresh when nothing changed; then again with a 200-article document marked
"Tải về để đọc khi không có mạng".
`revalidate` serves that database with gunicorn (4 workers) and runs wrk, in the same run,
on /healthz and on the next meeting's page sent with its current validator (304, no body).
Needs Debian's wrk (`apt-get install wrk`).
"""

import argparse
import gzip
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402

from handbook import create_app  # noqa: E402
from handbook.demo import DEMO_PASSWORD, seed_demo  # noqa: E402

GZIP = {"Accept-Encoding": "gzip"}
MEMBER = "dangvien"


def build_database(path: str) -> str:
    """The demo, and the 200-article document of the library tests; returns that document's slug."""
    from handbook.extensions import db
    from tests.library_factories import import_text, long_regulation_text

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade()
        seed_demo()
        slug = import_text(long_regulation_text(200), number="200-QĐ/ĐUK", doc_type="Quy định").slug
        db.engine.dispose()
    return slug


def measure_pack(client) -> dict:
    listed = client.get("/offline/pack", headers=GZIP)
    raw = listed.get_data()
    pack = json.loads(gzip.decompress(raw) if listed.headers.get("Content-Encoding") == "gzip" else raw)
    pages = {"count": 0, "gzip": 0, "html": 0}
    for entry in pack["entries"]:
        response = client.get(entry["url"], headers=GZIP)
        body = response.get_data()
        pages["count"] += 1
        pages["gzip"] += len(body)
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        pages["html"] += len(body)
    return {"entries": len(pack["entries"]), "aliases": sum(len(e["aliases"]) for e in pack["entries"]),
            "list": len(listed.get_data()), **pages}


def shell_bytes(client) -> int:
    settings = json.loads(re.match(r"self\.SOTAY = (\{.*?\});\n", client.get("/sw.js").get_data(as_text=True))
                          .group(1))
    total = len(client.get("/sw.js", headers=GZIP).get_data())
    for url in settings["shell"]:
        with client.get(url, headers=GZIP) as response:
            total += len(response.get_data())
    return total


def sizes() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/pack.sqlite3"
        slug = build_database(path)
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "WTF_CSRF_ENABLED": False})
        client = app.test_client()
        client.post("/login", data={"username": MEMBER, "password": DEMO_PASSWORD})
        demo = measure_pack(client)
        client.post(f"/library/{slug}/offline")
        marked = measure_pack(client)
        shell = shell_bytes(client)
        tag = client.get("/meetings/3").headers["ETag"]
        not_modified = client.get("/meetings/3", headers={"If-None-Match": tag})
        header_bytes = len(str(not_modified.headers))
        print(f"{'pack':<44} {'pages':>5} {'list B':>7} {'pages B gz':>10} {'pages B html':>12}")
        for name, m in (("demo: home, account, next and last meeting, note, article", demo),
                        ("demo + 200-article document marked", marked)):
            print(f"{name:<44} {m['count']:>5} {m['list']:>7} {m['gzip']:>10} {m['html']:>12}")
        print(f"app shell (worker, CSS, JS, icons, offline page), gzip: {shell} B")
        print(f"a 304 answer: status {not_modified.status_code}, {len(not_modified.get_data())} B body, "
              f"~{header_bytes} B of headers")


def wrk(url: str, seconds: int, connections: int, headers: list[str]) -> tuple[float, str]:
    args = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    for header in headers:
        args += ["-H", header]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+(\S+)", out).group(1)
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, f"p50 {p50}, p99 {p99}" + (f", non-2xx/3xx {non2xx.group(1)}" if non2xx else "")


def revalidate(seconds: int, connections: int) -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/pack.sqlite3"
        build_database(path)
        port = 5570
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}", "SECRET_KEY": secrets.token_hex(32),
               "HANDBOOK_ENV": "development"}
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "4",
                                   "app:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            cookie, tag = login_and_tag(base)
            healthz = wrk(base + "/healthz", seconds, connections, [])
            not_modified = wrk(base + "/meetings/3", seconds, connections,
                               [f"Cookie: {cookie}", f"If-None-Match: {tag}", "Accept-Encoding: gzip"])
            full = wrk(base + "/meetings/3", seconds, connections, [f"Cookie: {cookie}", "Accept-Encoding: gzip"])
        finally:
            server.terminate()
            server.wait()
    print(f"{connections} connections, {seconds} s each, gunicorn 4 sync workers, SQLite")
    print(f"/healthz                     {healthz[0]:8.0f} req/s  {healthz[1]}")
    print(f"/meetings/3, 304 (validator) {not_modified[0]:8.0f} req/s  {not_modified[1]}  "
          f"{100 * not_modified[0] / healthz[0]:.0f}% of /healthz")
    print(f"/meetings/3, 200 (rendered)  {full[0]:8.0f} req/s  {full[1]}  "
          f"{100 * full[0] / healthz[0]:.0f}% of /healthz")


def login_and_tag(base: str) -> tuple[str, str]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"username": MEMBER, "password": DEMO_PASSWORD, "csrf_token": token}).encode()
    opener.open(base + "/login", data)
    tag = opener.open(base + "/meetings/3").headers["ETag"]
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    return cookie, tag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["sizes", "revalidate"])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()
    if args.what == "sizes":
        sizes()
    else:
        revalidate(args.seconds, args.connections)


if __name__ == "__main__":
    main()
