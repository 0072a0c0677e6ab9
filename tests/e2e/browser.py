"""What the journeys share: a phone-sized browser, logging in, and the checks run on every page."""

import json
import os
from datetime import datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A cheap Android phone held upright.
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 1,
    "is_mobile": True,
    "has_touch": True,
    "locale": "vi-VN",
    "timezone_id": "Asia/Ho_Chi_Minh",
}
DEMO_PASSWORD = "sotay-demo"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# axe impact levels that fail a test; "moderate" and "minor" are reported by axe but tolerated.
BLOCKING_IMPACTS = {"serious", "critical"}

# Pages every logged-in member can open; features append theirs (e.g. "/library/08-qdi-tw").
MEMBER_PAGES = [
    "/", "/library", "/meetings", "/notes", "/search", "/account", "/account/password",
    "/library/08-qdi-tw", "/search?q=neu+guong", "/notifications",
    # The demo seeds cell 1's meetings first: 1 is last month's (minutes final), 3 the next one.
    "/meetings/1", "/meetings/3", "/meetings/3/note", "/year", "/fees", "/quiz",
    "/questions", "/questions/new", "/questions/faq", "/examples",
    # The demo's study programme (1), which dangvien takes part in, and his thu hoạch.
    "/study", "/study/1", "/study/1/thu-hoach",
]
# What a committee admin opens besides the member pages.
ADMIN_PAGES = ["/admin/dashboard", "/admin/members", "/admin/import", "/admin/orgs", "/year/model-cells",
               "/quiz/manage", "/quiz/new", "/quiz/1/stats", "/questions/inbox", "/examples/committee",
               "/examples/new", "/admin/", "/admin/audit", "/admin/members/new",
               "/admin/members/3", "/admin/orgs/2", "/admin/orgs/3", "/library/import", "/library/08-qdi-tw/edit",
               "/library/08-qdi-tw/study", "/quiz/banks/1", "/study/new", "/study/1/tien-do", "/study/thu-hoach/1"]


def secretary_pages(cell: int) -> list[str]:
    """What the secretary of the demo's cell 1 (organisation `cell`) opens besides the member pages:
    the next meeting (3) and last month's (1) as its manager, the draft thematic one (5), the cell's
    fees, ratings and quizzes. Dated pages are this year's and month's, as the demo seeds them."""
    now = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
    year, month = now.year, now.month
    last_year, last_month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ["/meetings/new", "/meetings/3/edit", "/meetings/5", "/meetings/5/edit", "/meetings/3/attendance",
            "/meetings/1/attendance", "/meetings/3/overview", "/meetings/1/minutes", "/meetings/1/minutes/revisions",
            "/meetings/1/quality", "/meetings/3/votes", "/meetings/1/votes", f"/fees/cells/{cell}/{year}",
            f"/fees/cells/{cell}/{year}/{month}", f"/fees/cells/{cell}/{last_year}/{last_month}/report",
            f"/year/{year}/cells/{cell}", f"/year/{year - 1}/cells/{cell}", f"/year/{year}/cells/{cell}/finish",
            f"/year/{year}/cells/{cell}/members/3", "/quiz/manage", "/quiz/new", "/study/new", "/study/1/tien-do",
            "/study/1/buoi-hoc", "/study/thu-hoach/1"]


def demo_cell1_id(live_server) -> int:
    """The id the demo gave cell 1 (the demo's tree is seeded before it)."""
    def find():
        from sqlalchemy import select

        from handbook.demo import CELL1
        from handbook.extensions import db
        from handbook.orgs.models import Organization

        return db.session.scalar(select(Organization.id).where(Organization.name == CELL1))

    return live_server.run_in_app(find)


def login(page, username: str, password: str = DEMO_PASSWORD, *, expect_path: str = "/") -> None:
    """Logs in through the login form, as a member would, and waits for the page that follows."""
    page.goto("/login")
    page.get_by_label("Tên đăng nhập, số thẻ đảng viên hoặc số điện thoại").fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()
    assert page.url.split("?")[0].endswith(expect_path), f"after logging in as {username}: {page.url}"


def logout(page) -> None:
    page.goto("/account")
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng xuất").click()


WORKER_WITH_SHELL = """async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100; i++) {
        const names = await caches.keys();
        if (names.some(name => name.startsWith("sotay-shell-"))) return names;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    return await caches.keys();
}"""


def wait_for_worker(page) -> list[str]:
    """Until our service worker is active and holds the app shell (the offline page with it):
    after logout's Clear-Site-Data the page registers it again. Returns the cache names."""
    return page.evaluate(WORKER_WITH_SHELL)


def assert_no_horizontal_scroll(page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} scrolls sideways: content {widths[0]} px > screen {widths[1]} px"


def _describe(violation: dict) -> str:
    nodes = "; ".join(" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                      for node in violation["nodes"][:5])
    return f"[{violation['impact']}] {violation['id']}: {violation['help']} — {nodes}"


@cache
def _axe_source() -> str:
    return AXE.read_text()


def assert_accessible(page) -> None:
    """Runs axe-core on the current page; serious or critical violations fail the test."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol: the page's CSP (rightly) forbids inline scripts.
        page.evaluate(_axe_source())
    results = page.evaluate(
        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => ({target: n.target}))})); }"
    )
    blocking = [v for v in results if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe on {page.url}:\n" + "\n".join(_describe(v) for v in blocking) + "\n" + json.dumps(
        [v["id"] for v in results]
    )
