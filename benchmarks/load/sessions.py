"""Members for the load test: creates them in the database, then logs each one in over HTTP.

    python benchmarks/load/sessions.py create --count 500          # uses DATABASE_URL
    python benchmarks/load/sessions.py login --count 500 --base-url http://127.0.0.1:5560 --out sessions.tsv

Load-test members share one password hashed at a low scrypt cost, so logging in hundreds
of them takes seconds; the cost of real password hashing is not part of the measured mix.
Each line of the sessions file holds the member's cookie, CSRF token and the values the
mix's URL templates may use (add more in `session_values`, e.g. the next meeting's id).
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


def session_values(n: int) -> dict:
    """Values a mix's URL templates may name, besides cookie and csrf."""
    return {"user": username(n)}


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


def login_all(base_url: str, count: int, out: str) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        lines = list(pool.map(lambda n: login(base_url, n), range(count)))
    Path(out).write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} sessions written to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["create", "login"])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--base-url", default="http://127.0.0.1:5560")
    parser.add_argument("--out", default="benchmarks/out/sessions.tsv")
    args = parser.parse_args()
    if args.action == "create":
        create(args.count)
    else:
        login_all(args.base_url, args.count, args.out)


if __name__ == "__main__":
    main()
