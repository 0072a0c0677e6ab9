"""Logging out clears what the browser held for the site (Clear-Site-Data), not only what our
script knows of, and the app comes back installable and usable offline on the login page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import login, logout, wait_for_worker

pytestmark = pytest.mark.e2e


def test_logout_leaves_nothing_of_the_site_on_the_phone_but_a_fresh_app_shell(page, live_server):
    live_server.create_user("e2e-clear-device")
    login(page, "e2e-clear-device")
    wait_for_worker(page)
    # Whatever a page or a library kept, under any name: the server's header clears it too.
    page.evaluate("() => { localStorage.setItem('other:copy', '1'); sessionStorage.setItem('other:tab', '1'); }")
    logout(page)
    assert page.evaluate("() => [localStorage.getItem('other:copy'), sessionStorage.getItem('other:tab')]") == [
        None, None]
    # The login page registers the worker again and it keeps the shell (the offline page included).
    assert any(name.startswith("sotay-shell-") for name in wait_for_worker(page))
    assert not any(name.startswith("sotay-pages-") for name in page.evaluate("() => caches.keys()"))
    page.context.set_offline(True)
    page.goto("/")
    expect(page.get_by_role("heading", name="Chưa có mạng")).to_be_visible()
    page.context.set_offline(False)
