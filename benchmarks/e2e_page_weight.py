"""Prints the compressed bytes of a first visit to each page of tests/test_budget.py.

Usage (from the project root): .venv/bin/python benchmarks/e2e_page_weight.py
Runs on a throwaway SQLite database seeded with the demo data.
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402

from handbook import create_app  # noqa: E402
from handbook.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from tests.page_walk import ASSET, FIRST_LOADS, FRAGMENTS, _resolve  # noqa: E402
from tests.test_budget import GZIP, HTMX, _html  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/weight.sqlite3", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False})
        with app.app_context():
            upgrade()
            world = seed_demo()
        print(f"{'who':<10} {'path':<28} {'html B':>8} {'total B':>8}")
        for username, path in FIRST_LOADS:
            client = app.test_client()
            if username:
                client.post("/login", data={"username": username, "password": DEMO_PASSWORD})
            with app.app_context():
                url = _resolve(path, world)
            page = client.get(url, headers=GZIP)
            html_size = len(page.get_data())
            total = html_size
            for asset in set(ASSET.findall(_html(page))):
                with client.get(asset.replace("&amp;", "&"), headers=GZIP) as response:
                    total += len(response.get_data())
            print(f"{username or '-':<10} {path:<28} {html_size:>8} {total:>8}")
        for username, path in FRAGMENTS:
            client = app.test_client()
            client.post("/login", data={"username": username, "password": DEMO_PASSWORD})
            with app.app_context():
                url = _resolve(path, world)
            print(f"{username:<10} {path + ' (htmx)':<28} {len(client.get(url, headers=HTMX).get_data()):>8}")


if __name__ == "__main__":
    main()
