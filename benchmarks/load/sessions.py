"""Members for the load test: creates them in the database, then logs each one in over HTTP.

    python benchmarks/load/sessions.py create --count 500          # uses DATABASE_URL
    python benchmarks/load/sessions.py login --count 500 --base-url http://127.0.0.1:5560 --out sessions.tsv
    python benchmarks/load/sessions.py mint --count 500 --out sessions.tsv   # same, in-process (SECRET_KEY shared)
    python benchmarks/load/sessions.py refresh --out sessions.tsv    # note versions as they are now

Load-test members share one password hashed at a low scrypt cost, so logging in hundreds
of them takes seconds; the cost of real password hashing is not part of the measured mix.
Each line of the sessions file holds the member's cookie, CSRF token and the values the
mix's URL templates may use (`session_values`: the next meeting's id, the slug of the
document its agenda links). On the province dataset (`province_generate.py`),
`--cells-total 3000 --evening-cells 300` logs in members of the 300 cells meeting tonight.
"""

import argparse
import re
import sys
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

PASSWORD = "tai-kiem-thu-12345"
PREFIX = "load"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def username(n: int) -> str:
    return f"{PREFIX}{n:06d}"


def create(count: int) -> None:
    from sqlalchemy import func, select

    from handbook import create_app
    from handbook.auth.models import User
    from handbook.demo import seed_demo
    from handbook.extensions import db
    from handbook.orgs.models import Organization

    app = create_app({"PASSWORD_HASH_METHOD": "scrypt:1024:8:1"})
    with app.app_context():
        from handbook.auth.passwords import hash_password

        seed_demo()
        cells = db.session.scalars(
            select(Organization).where(Organization.kind == "cell").order_by(Organization.id)
        ).all()
        existing = db.session.scalar(select(func.count()).where(User.username.like(PREFIX + "%")))
        password_hash = hash_password(PASSWORD)
        for n in range(existing, count):
            db.session.add(User(username=username(n), full_name=f"Đảng viên Tải {n}", cell=cells[n % len(cells)],
                                password_hash=password_hash, must_change_password=False))
            if n % 1000 == 999:
                db.session.flush()
        db.session.commit()
        print(f"{max(count, existing)} load-test members in {len(cells)} cells")


def evening_values(numbers: list[int]) -> dict[int, dict]:
    """Each member's next meeting and the document its agenda links, read from DATABASE_URL."""
    from sqlalchemy import select

    from handbook import create_app
    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.library.models import Document, Section
    from handbook.meetings.models import AgendaItem, AgendaLink, Meeting
    from handbook.models_base import utcnow
    from handbook.notes.models import Note

    app = create_app()
    values: dict[int, dict] = {}
    with app.app_context():
        names = {username(n): n for n in numbers}
        cell_of = dict(db.session.execute(select(User.username, User.cell_id).where(User.username.in_(names))).all())
        upcoming: dict[int, int] = {}
        for meeting_id, cell_id in db.session.execute(
            select(Meeting.id, Meeting.cell_id).where(
                Meeting.cell_id.in_(set(cell_of.values())), Meeting.status == "published", Meeting.starts_at > utcnow()
            ).order_by(Meeting.starts_at.desc())
        ):
            upcoming[cell_id] = meeting_id  # the earliest wins (ordered latest first)
        slugs = dict(db.session.execute(
            select(AgendaItem.meeting_id, Document.slug).join(AgendaLink, AgendaLink.item_id == AgendaItem.id)
            .join(Section, Section.id == AgendaLink.section_id).join(Document, Document.id == Section.document_id)
            .where(AgendaItem.meeting_id.in_(set(upcoming.values())))
        ).all())
        # The note's current version, so the first autosave of a rerun is not a conflict.
        versions = dict(db.session.execute(
            select(Note.owner_id, Note.version).join(User, User.id == Note.owner_id)
            .where(User.username.in_(names), Note.meeting_id.in_(set(upcoming.values())))
        ).all())
        user_ids = dict(db.session.execute(select(User.username, User.id).where(User.username.in_(names))).all())
    for name, n in names.items():
        meeting = upcoming.get(cell_of.get(name))
        values[n] = {"meeting": meeting or 0, "doc": slugs.get(meeting, "none"),
                     "version": versions.get(user_ids.get(name), 0)}
    return values


def session_values(n: int) -> dict:
    """Values a mix's URL templates may name, besides cookie and csrf."""
    return {"user": username(n), **EVENING.get(n, {})}


EVENING: dict[int, dict] = {}


def login(base_url: str, n: int) -> str:
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    # A distinct client address per member (the server runs with PROXY_COUNT=1), as members
    # arrive from their own phones, not one office: per-address login limits stay realistic.
    address = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
    opener.addheaders = [("X-Forwarded-For", address)]
    html = opener.open(base_url + "/login", timeout=30).read().decode()
    token = CSRF.search(html).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "username": username(n), "password": PASSWORD}).encode()
    home = opener.open(base_url + "/login", data=form, timeout=30)
    page = home.read().decode()
    if urllib.parse.urlsplit(home.geturl()).path != "/":
        raise RuntimeError(f"login of {username(n)} ended at {home.geturl()}")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    csrf = CSRF.search(page) or re.search(r'"X-CSRFToken": "([^"]+)"', page)
    values = {"cookie": cookie, "csrf": csrf.group(1) if csrf else token, **session_values(n)}
    return "\t".join(f"{k}={v}" for k, v in values.items())


def member_numbers(count: int, cells_total: int, evening_cells: int) -> list[int]:
    """The first `count` members, or (province dataset, member n in cell n % cells_total)
    the first `count` members of the first `evening_cells` cells: the cells meeting tonight."""
    if not cells_total:
        return list(range(count))
    numbers, n = [], 0
    while len(numbers) < count:
        if n % cells_total < evening_cells:
            numbers.append(n)
        n += 1
    return numbers


def login_all(base_url: str, count: int, out: str, cells_total: int = 0, evening_cells: int = 0) -> None:
    numbers = member_numbers(count, cells_total, evening_cells)
    EVENING.update(evening_values(numbers))
    with ThreadPoolExecutor(max_workers=8) as pool:
        lines = list(pool.map(lambda n: login(base_url, n), numbers))
    Path(out).write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} sessions written to {out}")


def mint_all(count: int, out: str, cells_total: int = 0, evening_cells: int = 0) -> None:
    """Logged-in sessions without the login form: each member's server session is opened by
    the app's own `start_session` and its cookie signed with SECRET_KEY (which the server
    must share), as a login would. A login costs one password hash at the production cost,
    a second or more on a busy 2-core machine, and is not part of the measured mix."""
    from flask import g, session
    from flask_wtf.csrf import generate_csrf
    from sqlalchemy import select

    from handbook import create_app
    from handbook.auth.models import User
    from handbook.auth.service import start_session
    from handbook.extensions import db

    numbers = member_numbers(count, cells_total, evening_cells)
    EVENING.update(evening_values(numbers))
    app = create_app()
    serializer = app.session_interface.get_signing_serializer(app)
    lines = []
    with app.app_context():
        names = {username(n): n for n in numbers}
        users = {u.username: u for u in db.session.scalars(select(User).where(User.username.in_(names)))}
        for n in numbers:
            with app.test_request_context("/login", method="POST"):
                start_session(users[username(n)])
                g.pop("csrf_token", None)  # g outlives the request here (one app context for all)
                csrf = generate_csrf()
                cookie = f"{app.config['SESSION_COOKIE_NAME']}={serializer.dumps(dict(session))}"
            values = {"cookie": cookie, "csrf": csrf, **session_values(n)}
            lines.append("\t".join(f"{k}={v}" for k, v in values.items()))
        db.session.commit()
    Path(out).write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} sessions opened, written to {out}")


def refresh_versions(path: str) -> None:
    """Puts each member's current note version into the sessions file, so the next mix's
    first autosaves are not answered as conflicts because an earlier mix moved the notes on."""
    from sqlalchemy import select

    from handbook import create_app
    from handbook.auth.models import User
    from handbook.extensions import db
    from handbook.notes.models import Note

    lines = Path(path).read_text().splitlines()
    rows = [dict(pair.split("=", 1) for pair in line.split("\t")) for line in lines if line]
    app = create_app()
    with app.app_context():
        names = [row["user"] for row in rows]
        meetings = {int(row.get("meeting") or 0) for row in rows}
        current = {(name, meeting): version for name, meeting, version in db.session.execute(
            select(User.username, Note.meeting_id, Note.version).join(Note, Note.owner_id == User.id)
            .where(User.username.in_(names), Note.meeting_id.in_(meetings)))}
    for row in rows:
        row["version"] = str(current.get((row["user"], int(row.get("meeting") or 0)), 0))
    Path(path).write_text("\n".join("\t".join(f"{k}={v}" for k, v in row.items()) for row in rows) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["create", "login", "mint", "refresh"])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--base-url", default="http://127.0.0.1:5560")
    parser.add_argument("--out", default="benchmarks/out/sessions.tsv")
    parser.add_argument("--cells-total", type=int, default=0, help="province dataset: member n is in cell n %% this")
    parser.add_argument("--evening-cells", type=int, default=300, help="with --cells-total: cells meeting tonight")
    args = parser.parse_args()
    if args.action == "create":
        create(args.count)
    elif args.action == "mint":
        mint_all(args.count, args.out, args.cells_total, args.evening_cells)
    elif args.action == "refresh":
        refresh_versions(args.out)
    else:
        login_all(args.base_url, args.count, args.out, args.cells_total, args.evening_cells)


if __name__ == "__main__":
    main()
