"""What a request pays before and around its view, piece by piece, in one process.

    python benchmarks/load/overhead.py [--repeat 2000] [--database-url URL]

Builds the demo on a throwaway SQLite file (or uses --database-url, already seeded with the
demo), logs in `dangvien` with Flask's test client, then requests /healthz, /login, /account,
home, the next meeting's page (200) and its conditional revisit (If-None-Match, 304), the
reader (`/library/08-qdi-tw`) and an autosave of the member's note on the meeting (htmx POST
with the version the server last answered), one at a time, `--repeat` times each, round after
round (A, B, C, A, B, C ...). Each piece of the pipeline is wrapped with a timer: every
before/after-request hook by name, the login session's lookup, the CSRF token, the layout's
context (navigation) and the bell's count,
and the SQL statements. Prints per route the median total and each piece's mean share.
With --cpu, each request's total is this process's CPU time (for a shared machine). With
--compare, runs the same rounds for a list of app settings (e.g. pool_pre_ping) and prints each
route's median under each: one run, interleaved. With --log-info, the request lines are written
(to /dev/null) as production writes them at INFO; --only keeps the routes whose name holds the
given text (e.g. --only healthz).
"""

import argparse
import functools
import os
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TIMES: dict[str, float] = defaultdict(float)
# Wall time by default; --cpu counts this process's CPU time instead, which a machine shared
# with other work inflates far less (the pieces below stay wall time).
TIMER = time.perf_counter


def timed(name: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - started
    return wrapper


def instrument(app) -> None:
    """Wraps each request hook and the per-request services with a timer (in place)."""
    import flask_wtf.csrf
    from sqlalchemy import event

    import handbook
    from handbook.auth import service
    from handbook.extensions import db, login_manager
    from handbook.main import nav
    from handbook.meetings import notify

    for funcs in (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs):
        for hooks in funcs.values():
            for i, hook in enumerate(hooks):
                owner = getattr(hook, "__module__", "?").replace("handbook.", "")
                hooks[i] = timed(f"hook {owner}.{getattr(hook, '__name__', hook)}", hook)
    for i, processor in enumerate(app.template_context_processors[None]):
        app.template_context_processors[None][i] = timed(f"context {getattr(processor, '__name__', processor)}",
                                                         processor)
    login_manager._user_callback = timed("session + user load", service.load_session_user)
    flask_wtf.csrf.generate_csrf = timed("csrf token", flask_wtf.csrf.generate_csrf)
    nav.layout_context = timed("nav context", nav.layout_context)
    handbook.nav.layout_context = nav.layout_context
    notify_count = timed("bell count", notify.unread_count)
    import handbook.meetings.hooks as meeting_hooks
    meeting_hooks.unread_count = notify_count
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute",
                     lambda *a: TIMES.__setitem__("statements", TIMES["statements"] + 1))


def build_demo(path: str) -> None:
    """The demo in a migrated database: a file path (SQLite) or a database URL."""
    from flask_migrate import upgrade

    from handbook import create_app
    from handbook.demo import seed_demo
    from handbook.extensions import db

    url = path if "://" in path else f"sqlite:///{path}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "LOG_LEVEL": "WARNING"})
    with app.app_context():
        upgrade()
        seed_demo()
        db.engine.dispose()


def make_client(database_url: str, extra: dict | None = None, instrumented: bool = True):
    from handbook import create_app
    from handbook.demo import DEMO_PASSWORD

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_ENABLED": False,
                      "LOG_LEVEL": LOG_LEVEL, **(extra or {})})
    if instrumented:
        instrument(app)
    client = app.test_client()
    login_page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', login_page).group(1)
    answer = client.post("/login", data={"csrf_token": token, "username": "dangvien", "password": DEMO_PASSWORD})
    assert answer.status_code == 302, answer.status_code
    return app, client


LOG_LEVEL = "WARNING"
ONLY = ""


def routes(client) -> list[tuple[str, str, dict, int]]:
    tag = client.get("/meetings/3").headers.get("ETag", "")
    gz = {"Accept-Encoding": "gzip"}
    return [route for route in [
        ("/healthz", "/healthz", {}, 200),
        ("/login (anonymous)", "/login", {}, 200),
        ("/account", "/account", gz, 200),
        ("home", "/", gz, 200),
        ("meeting page", "/meetings/3", gz, 200),
        ("meeting revisit 304", "/meetings/3", {**gz, "If-None-Match": tag}, 304),
        ("reader", "/library/08-qdi-tw", gz, 200),
        ("autosave", AUTOSAVE, {"HX-Request": "true"}, 200),
    ] if ONLY in route[0]]


AUTOSAVE = "/meetings/3/note"
_NOTES: dict[int, dict] = {}  # per client (each login has its own CSRF token)


def autosave(client):
    """One htmx autosave of the member's meeting note, on top of the version last answered."""
    _NOTE = _NOTES.setdefault(id(client), {"version": 0, "n": 0, "token": None})
    if _NOTE["token"] is None:
        page = client.get(AUTOSAVE).get_data(as_text=True)
        _NOTE["token"] = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        _NOTE["version"] = int(re.search(r'id="note-version"[^>]*value="(\d+)"', page).group(1))
    _NOTE["n"] += 1
    answer = client.post(AUTOSAVE, headers={"HX-Request": "true", "X-CSRFToken": _NOTE["token"]},
                         data={"body": f"ghi chep {_NOTE['n']}", "version": _NOTE["version"]})
    found = re.search(rb'id="note-version"[^>]*value="(\d+)"', answer.data)
    if found:
        _NOTE["version"] = int(found.group(1))
    return answer


def measure(client, anon, path, headers, status) -> tuple[float, dict]:
    TIMES.clear()
    started = TIMER()
    who = anon if path == "/login" else client
    answer = autosave(client) if path == AUTOSAVE else who.get(path, headers=headers)
    took = TIMER() - started
    assert answer.status_code == status, (path, answer.status_code)
    return took, dict(TIMES)


def breakdown(args, database_url: str) -> None:
    app, client = make_client(database_url)
    anon = app.test_client()
    table = routes(client)
    totals: dict[str, list[float]] = defaultdict(list)
    pieces: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for _ in range(args.repeat):
        for name, path, headers, status in table:
            took, times = measure(client, anon, path, headers, status)
            totals[name].append(took)
            for piece, value in times.items():
                pieces[name][piece] += value
    for name, *_ in table:
        n = len(totals[name])
        print(f"\n{name}: median {statistics.median(totals[name]) * 1000:.2f} ms, "
              f"{pieces[name].get('statements', 0) / n:.0f} statements")
        for piece, value in sorted(pieces[name].items(), key=lambda kv: -kv[1]):
            if piece != "statements" and value / n >= 0.00001:
                print(f"  {piece:52} {value / n * 1000:7.3f} ms")


def compare(args, database_url: str) -> None:
    """Each setting as its own app, requests interleaved across them."""
    settings = {"as configured": {}}
    for item in args.compare:
        name, _, expr = item.partition("=")
        settings[name] = eval(expr, {})  # noqa: S307 - a benchmark's own command line
    clients = {name: make_client(database_url, extra, instrumented=False) for name, extra in settings.items()}
    tables = {setting: routes(client) for setting, (_, client) in clients.items()}
    table = tables["as configured"]
    totals: dict[tuple[str, str], list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        for i, (name, *_) in enumerate(table):
            for setting, (app, client) in clients.items():
                _, path, headers, status = tables[setting][i]  # each login has its own validator
                took, _ = measure(client, app.test_client(), path, headers, status)
                totals[(setting, name)].append(took)
    print(f"{'route':24}" + "".join(f"{s[:22]:>24}" for s in settings))
    for name, *_ in table:
        base = statistics.median(totals[("as configured", name)])
        cells = []
        for setting in settings:
            value = statistics.median(totals[(setting, name)])
            cells.append(f"{value * 1000:9.3f} ms ({value / base:4.2f})")
        print(f"{name:24}" + "".join(f"{c:>24}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1000)
    parser.add_argument("--database-url", help="a database holding the demo (default: a fresh SQLite file)")
    parser.add_argument("--seed", action="store_true", help="migrate --database-url and seed the demo first")
    parser.add_argument("--compare", nargs="*", metavar="NAME=CONFIG",
                        help='app settings to compare, e.g. \'no-ping={"SQLALCHEMY_ENGINE_OPTIONS": {}}\'')
    parser.add_argument("--cpu", action="store_true", help="time each request in process CPU time")
    parser.add_argument("--log-info", action="store_true", help="write the request lines (to /dev/null)")
    parser.add_argument("--only", default="", help="only the routes whose name holds this text")
    args = parser.parse_args()
    global LOG_LEVEL, ONLY
    ONLY = args.only
    if args.log_info:
        import logging

        LOG_LEVEL = "INFO"
        _quiet_handlers = logging.getLogger()
        sink = open(os.devnull, "w")  # noqa: SIM115 - for the whole run
        from handbook import logs

        logs.configure("INFO")
        for handler in _quiet_handlers.handlers:
            if getattr(handler, "_handbook", False):
                handler.setStream(sink)
    if args.cpu:
        global TIMER
        TIMER = time.process_time
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url
        if url and args.seed:
            build_demo(url)
        if not url:
            build_demo(os.path.join(tmp, "demo.sqlite3"))
            url = f"sqlite:///{os.path.join(tmp, 'demo.sqlite3')}"
        (compare if args.compare is not None else breakdown)(args, url)


if __name__ == "__main__":
    main()
