"""In a real browser on a phone-sized screen: typing while the connection drops loses nothing."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium at /usr/bin/chromium"),
]

MAKE_MEETING = """
from datetime import UTC, datetime
from sqlalchemy import select
from handbook import create_app
from handbook.extensions import db
from handbook.meetings.models import AgendaItem, Meeting
from handbook.orgs.models import Organization
from handbook.demo import CELL1
app = create_app()
with app.app_context():
    cell = db.session.scalar(select(Organization).where(Organization.name == CELL1))
    m = Meeting(cell_id=cell.id, title="Sinh hoạt chi bộ (thử trình duyệt)", status="published",
                starts_at=datetime(2026, 3, 5, 7, 30, tzinfo=UTC))
    m.items = [AgendaItem(position=1, title="Thông tin thời sự"), AgendaItem(position=2, title="Nhiệm vụ")]
    db.session.add(m)
    db.session.commit()
    print(m.id)
"""


def _free_port() -> int:
    for port in range(5300, 5400):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in 5300-5399")


@pytest.fixture(scope="module")
def notes_server(tmp_path_factory):
    """A migrated, seeded app on SQLite, served by the development server in a subprocess."""
    db_path = tmp_path_factory.mktemp("e2e-notes") / "app.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}", "FLASK_APP": "app", "HANDBOOK_ENV": "development"}
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True, capture_output=True)
    made = subprocess.run([sys.executable, "-c", MAKE_MEETING], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    meeting_id = int(made.stdout.strip().splitlines()[-1])
    port = _free_port()
    server = subprocess.Popen(flask + ["run", "--port", str(port), "--no-reload", "--no-debugger"], cwd=ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield {"base": base, "db": db_path, "meeting_id": meeting_id}
    finally:
        server.terminate()
        server.wait(timeout=10)


def _server_body(db_path) -> str:
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("SELECT note.body FROM note JOIN user ON user.id = note.owner_id "
                           "WHERE user.username = 'dangvien'").fetchone()
    return row[0] if row else ""


def test_offline_typing_reaches_the_server(notes_server):
    from playwright.sync_api import expect, sync_playwright

    base = notes_server["base"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        try:
            page.goto(base + "/login")
            page.fill("input[name=username]", "dangvien")
            page.fill("input[name=password]", "sotay-demo")
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
            page.goto(f"{base}/meetings/{notes_server['meeting_id']}/note")
            status = page.locator("#note-status")
            box = page.locator("#note-body")

            page.locator("[data-note-heading]").first.click()  # one tap: the agenda heading goes in
            box.press_sequentially("Ý kiến: đảng viên phải nêu gương. ")
            expect(status).to_contain_text("Đã lưu lúc", timeout=10000)

            context.set_offline(True)
            offline_part = "Mất mạng rồi vẫn gõ tiếp — không được mất chữ nào!"
            box.press_sequentially(offline_part)
            expect(status).to_have_text("Chưa lưu — mất kết nối, sẽ thử lại", timeout=10000)
            key = page.locator("#note-form").get_attribute("data-draft-key")
            assert key.startswith("sotay:")
            assert offline_part in page.evaluate("k => localStorage.getItem(k)", key)

            context.set_offline(False)
            expect(status).to_contain_text("Đã lưu lúc", timeout=20000)
            typed = box.input_value()
            assert typed == "## 1. Thông tin thời sự\nÝ kiến: đảng viên phải nêu gương. " + offline_part
            assert _server_body(notes_server["db"]) == typed
            assert page.evaluate("k => localStorage.getItem(k)", key) is None  # confirmed, so dropped

            # Logging out removes whatever device copies remain.
            page.evaluate("k => localStorage.setItem(k, '{}')", key)
            page.goto(base + "/account")
            page.click("form[data-logout] button")
            page.wait_for_url("**/login**")
            assert page.evaluate("k => localStorage.getItem(k)", key) is None
        finally:
            context.close()
            browser.close()


def test_draft_left_on_the_device_is_sent_on_the_next_visit(notes_server):
    """A tab closed while offline leaves its text on the device; opening the note sends it."""
    from playwright.sync_api import expect, sync_playwright

    base = notes_server["base"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        try:
            page.goto(base + "/login")
            page.fill("input[name=username]", "dangvien")
            page.fill("input[name=password]", "sotay-demo")
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
            url = f"{base}/meetings/{notes_server['meeting_id']}/note"
            page.goto(url)
            key = page.locator("#note-form").get_attribute("data-draft-key")
            saved = page.locator("#note-body").input_value()
            version = page.locator("#note-version").input_value()
            draft = saved + "\nDòng gõ lúc tắt máy."
            page.evaluate("([k, b, v]) => localStorage.setItem(k, JSON.stringify({body: b, version: v}))",
                          [key, draft, version])
            page.goto(url)
            expect(page.locator("#note-status")).to_contain_text("Đã lưu lúc", timeout=10000)
            assert _server_body(notes_server["db"]) == draft
            assert page.evaluate("k => localStorage.getItem(k)", key) is None
        finally:
            context.close()
            browser.close()
